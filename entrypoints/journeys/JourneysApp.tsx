import { useEffect, useMemo, useState } from 'preact/hooks';
import { ExportPanel } from '@/components/ExportPanel';
import { type ImportOutcome, ImportPanel } from '@/components/ImportPanel';
import { useT } from '@/components/i18n';
import { JourneyTable } from '@/components/JourneyTable';
import { JourneyFilters, Pager } from '@/components/journeys/JourneyFilters';
import { StudyForm } from '@/components/journeys/StudyForm';
import { StudyList } from '@/components/journeys/StudyList';
import { CapturePrivacySettings, SettingsPanel } from '@/components/SettingsPanel';
import { studyLabel } from '@/components/study/study-label';
import type { ExportFormat } from '@/lib/messages/protocol';
import { DEFAULT_STUDY_ID } from '@/lib/model/vocabulary';
import { uiLocale } from '@/lib/platform/i18n';
import { getSettings, type Settings, saveSettings } from '@/lib/platform/settings';
import { request } from '@/lib/platform/transport';
import { downloadExport } from './download-export';
import { readImport } from './read-import';
import { TeamSync } from './TeamSync';
import { useJourneyPage } from './use-journey-page';
import { useStudies } from './use-studies';

/** The journeys page's controller: list, export, import, settings. */
export function JourneysApp() {
  const t = useT();
  const list = useJourneyPage();
  const studies = useStudies();
  const journeys = list.items;
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [exportNotice, setExportNotice] = useState<{ kind: 'info' | 'error'; text: string }>();
  const [importOutcome, setImportOutcome] = useState<ImportOutcome>();
  const [author, setAuthor] = useState('');
  const [authorSaved, setAuthorSaved] = useState(false);
  const [privacy, setPrivacy] = useState<Pick<Settings, 'neverCapture' | 'captureInIncognito'>>();
  const [dateTimeFormat, numberFormat] = useMemo(
    () => [new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' }), new Intl.NumberFormat(uiLocale())],
    [],
  );

  const refresh = list.refresh;

  useEffect(() => {
    void getSettings().then((s) => {
      setAuthor(s.author);
      setPrivacy({ neverCapture: s.neverCapture, captureInIncognito: s.captureInIncognito });
    });
  }, []);

  const onExport = async (scope: 'selected' | 'all', format: ExportFormat) => {
    setBusy(true);
    setExportNotice(undefined);
    // Written here, not in the worker: see download-export.ts.
    const result = await downloadExport(scope === 'all' ? 'all' : [...selected], format);
    setExportNotice(
      result.ok
        ? { kind: 'info', text: t('popupExported', result.value.fileName) }
        : { kind: 'error', text: t('errorGeneric', result.error.message) },
    );
    setBusy(false);
  };

  const onFile = async (file: File) => {
    setBusy(true);
    setImportOutcome({ kind: 'working', fileName: file.name });
    const read = await readImport(file);
    if (!read.ok) {
      setImportOutcome({ kind: 'rejected', fileName: file.name, problems: read.problems });
    } else {
      const result = await request('import.apply', { file: read.file, screenshots: read.screenshots });
      if (result.ok) {
        const r = result.value;
        const n = (v: number) => numberFormat.format(v);
        const values = [n(r.added), n(r.updated), n(r.unchanged), n(r.deleted), n(r.ignoredOlder), n(r.conflicted)];
        setImportOutcome({ kind: 'done', text: t('importReport', [file.name, ...values]) });
      } else {
        setImportOutcome({ kind: 'rejected', fileName: file.name, problems: [result.error.message] });
      }
      await refresh();
    }
    setBusy(false);
  };

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <div class="wm-page" aria-busy={journeys === undefined}>
      <header class="wm-page-header">
        <h1>
          {t('extName')} · {t('journeysTitle')}
        </h1>
      </header>
      <main class="wm-layout">
        <div class="wm-main-column">
          {studies.open && (
            <section class="wm-panel wm-study-panel" aria-label={t('studyHeading')}>
              <StudyForm
                key={studies.open.key}
                initial={studies.open.draft}
                isNew={studies.open.isNew}
                deletable={!studies.open.isNew && studies.open.draft.id !== DEFAULT_STUDY_ID}
                busy={studies.busy}
                notice={studies.notice}
                onSave={studies.save}
                onDelete={studies.remove}
                onClose={studies.close}
              />
            </section>
          )}
          <section class="wm-list" aria-label={t('journeysTitle')}>
            <JourneyFilters
              values={list.filters}
              onApply={list.applyFilters}
              studies={studies.studies?.map((s) => ({ id: s.id, name: studyLabel(t, s) }))}
            />
            {list.error && (
              <p class="wm-notice" role="alert" data-kind="error">
                {t('errorGeneric', list.error)}
              </p>
            )}
            {journeys && (
              <JourneyTable
                journeys={journeys}
                selected={selected}
                onToggle={toggle}
                onToggleAll={(all) => setSelected(all ? new Set(journeys.map((s) => s.journey.id)) : new Set())}
                formatDateTime={(iso) => dateTimeFormat.format(new Date(iso))}
                formatNumber={(v) => numberFormat.format(v)}
                mapHref={(id) => `map.html?journey=${encodeURIComponent(id)}`}
              />
            )}
            {journeys && (
              <Pager
                page={list.page}
                first={list.first}
                count={journeys.length}
                hasPrevious={list.hasPrevious}
                hasNext={list.hasNext}
                formatNumber={(v) => numberFormat.format(v)}
                onPrevious={list.previousPage}
                onNext={list.nextPage}
              />
            )}
          </section>
        </div>
        <aside class="wm-side">
          <section class="wm-panel" aria-labelledby="wm-studies-heading" data-panel="studies">
            <h2 id="wm-studies-heading">{t('studyHeading')}</h2>
            {studies.studies && (
              <StudyList
                studies={studies.studies}
                editing={studies.open?.draft.id}
                formatNumber={(v) => numberFormat.format(v)}
                onEdit={studies.edit}
                onNew={studies.create}
              />
            )}
            {!studies.open && studies.notice && (
              <p class="wm-notice" role={studies.notice.kind === 'error' ? 'alert' : 'status'} data-kind={studies.notice.kind}>
                {studies.notice.text}
              </p>
            )}
          </section>
          <section class="wm-panel" aria-labelledby="wm-compare-heading">
            <h2 id="wm-compare-heading">{t('compareHeading')}</h2>
            <p class="wm-hint-text">{t('compareHelp')}</p>
            <button
              type="button"
              class="wm-button"
              data-action="compare-selected"
              disabled={selected.size < 2}
              onClick={() => location.assign(`map.html?compare=${[...selected].join(',')}`)}
            >
              {t('compareSelected', numberFormat.format(selected.size))}
            </button>
          </section>
          <ExportPanel
            selectedCount={selected.size}
            busy={busy}
            formatNumber={(v) => numberFormat.format(v)}
            onExport={onExport}
          />
          {exportNotice && (
            <p class="wm-notice" role={exportNotice.kind === 'error' ? 'alert' : 'status'} data-kind={exportNotice.kind}>
              {exportNotice.text}
            </p>
          )}
          <ImportPanel outcome={importOutcome} busy={busy} onFile={onFile} />
          <SettingsPanel
            author={author}
            saved={authorSaved}
            onSave={async (name) => {
              await saveSettings({ author: name });
              setAuthor(name);
              setAuthorSaved(true);
            }}
          />
          {privacy && (
            <CapturePrivacySettings
              {...privacy}
              onChange={async (changes) => {
                setPrivacy({ ...privacy, ...changes });
                await saveSettings(changes);
              }}
            />
          )}
          <TeamSync />
        </aside>
      </main>
    </div>
  );
}
