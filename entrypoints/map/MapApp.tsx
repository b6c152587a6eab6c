import { useMemo, useRef, useState } from 'preact/hooks';
import { createFormats } from '@/components/findings/format';
import { UndoBar } from '@/components/findings/UndoBar';
import { useT } from '@/components/i18n';
import { CompareView } from '@/components/map/CompareView';
import { JourneyMapView } from '@/components/map/JourneyMapView';
import { MapHeader } from '@/components/map/MapHeader';
import { MetricsPanel } from '@/components/map/MetricsPanel';
import { OwnerFilterField } from '@/components/map/OwnerFilterField';
import { ScriptReportView } from '@/components/map/ScriptReportView';
import { compareJourneys, journeyMetrics } from '@/lib/journey/metrics';
import type { ErrorInfo } from '@/lib/messages/result';
import { newId } from '@/lib/model/ids';
import { uiDirection, uiLocale } from '@/lib/platform/i18n';
import { StudyComparisonPage } from './StudyComparisonPage';
import { useJourneyMap } from './use-journey-map';
import { useStudyView } from './use-study-view';

/**
 * `map.html?journey=<id>` shows one journey; `&compare=<id>,<id>` (or `compare` alone) compares several;
 * `?study=<id>` compares the study's script across its journeys.
 */
function readParams(): { journeyId: string | null; compare: string[]; studyId: string | null } {
  const params = new URLSearchParams(location.search);
  const compare = (params.get('compare') ?? '').split(',').filter(Boolean);
  return { journeyId: params.get('journey'), compare, studyId: params.get('study') };
}

const mapHref = (journeyId: string) => `map.html?journey=${encodeURIComponent(journeyId)}`;

/** The journey map page's controller. */
export function MapApp() {
  const t = useT();
  const { journeyId, compare, studyId } = useMemo(readParams, []);
  const ids = useMemo(() => [...new Set([...(journeyId ? [journeyId] : []), ...compare])], [journeyId, compare]);
  const map = useJourneyMap(ids);
  const formats = useMemo(() => createFormats(uiLocale()), []);
  const dir = useMemo(uiDirection, []);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [screenshot, setScreenshot] = useState<string>();
  const dialog = useRef<HTMLDialogElement>(null);
  const describe = (error: ErrorInfo) =>
    error.code === 'storage-full' ? t('errorStorageFull') : t('errorGeneric', error.message);
  const now = Date.now();

  const comparing = ids.length > 1;
  const main = journeyId ? map.loaded[journeyId] : undefined;
  const detail = main?.ok ? main.detail : undefined;
  const metrics = useMemo(
    () => (detail ? journeyMetrics(detail.journey, detail.touchpoints, detail.interactions, now) : undefined),
    [detail],
  );
  const studyView = useStudyView(detail, map.studies);
  const shown = studyView.shown;
  const boardMetrics = useMemo(
    () => (shown && shown !== detail ? journeyMetrics(shown.journey, shown.touchpoints, shown.interactions, now) : metrics),
    [shown, metrics],
  );
  const compared = ids.flatMap((id) => {
    const entry = map.loaded[id];
    return entry?.ok ? [entry.detail] : [];
  });
  const others = map.recent.filter((j) => !ids.includes(j.id));
  const loading = ids.some((id) => map.loaded[id] === undefined);

  const openScreenshot = async (touchpointId: string) => {
    const url = await map.shots.image(touchpointId);
    if (!url) return;
    setScreenshot(url);
    dialog.current?.showModal();
  };

  return (
    <div class="wm-page wm-map-page" aria-busy={loading}>
      <nav class="wm-page-header wm-map-nav" aria-label={t('extName')}>
        <p class="wm-brand">
          {t('extName')} · {studyId ? t('compareScriptHeading') : comparing ? t('compareHeading') : t('mapTitle')}
        </p>
        <a href="journeys.html" class="wm-nav-link">
          {t('popupOpenJourneys')}
        </a>
      </nav>
      <main class="wm-map-main">
        {studyId && <StudyComparisonPage studyId={studyId} formats={formats} mapHref={mapHref} />}
        {ids.length === 0 && !studyId && <ChooseJourney recent={map.recent} />}
        {map.failure && (
          <p class="wm-notice" role="alert" data-kind="error">
            {describe(map.failure)}
          </p>
        )}
        {journeyId && main && !main.ok && (
          <p class="wm-notice" role="alert" data-kind="error">
            {main.error.code === 'not-found' ? t('mapJourneyMissing') : describe(main.error)}
          </p>
        )}
        {detail && metrics && shown && boardMetrics && !comparing && (
          <>
            <MapHeader
              journey={detail.journey}
              others={others}
              busy={map.busy}
              formats={formats}
              onExport={async () => {
                const result = await map.exportJson(detail.journey.id);
                if (result.ok) map.dismissEdit();
              }}
              onMerge={(absorbId) => map.edit({ type: 'merge', keepId: detail.journey.id, absorbId }, t('mapMerged'))}
              onCompare={(otherId) => location.assign(`map.html?journey=${detail.journey.id}&compare=${otherId}`)}
              onDelete={() => map.edit({ type: 'deleteJourney', journeyId: detail.journey.id }, t('mapJourneyDeleted'))}
              study={studyView.frame}
            />
            <MetricsPanel metrics={metrics} formats={formats} owners={studyView.figures} />
            {detail.touchpoints.length === 0 && <p class="wm-empty">{t('popupEmptyTouchpoints')}</p>}
            {detail.touchpoints.length > 0 && (
              <OwnerFilterField
                value={studyView.filter}
                shown={shown.touchpoints.length}
                total={detail.touchpoints.length}
                formats={formats}
                onChange={studyView.setFilter}
              />
            )}
            <JourneyMapView
              detail={shown}
              metrics={boardMetrics}
              thumbnails={map.thumbnails}
              otherJourneys={others}
              dir={dir}
              formats={formats}
              activeId={activeId}
              editingId={editingId}
              busy={map.busy}
              error={map.failure ? describe(map.failure) : undefined}
              onActivate={setActiveId}
              onEdit={(id) => {
                map.clearFailure();
                setEditingId(id);
              }}
              onSaveTouchpoint={async (id, changes) => {
                if (await map.updateTouchpoint(id, changes)) setEditingId(null);
              }}
              onReorder={(id, beforeId, afterId) =>
                map.edit({ type: 'reorder', touchpointId: id, beforeId, afterId }, t('mapReordered'))
              }
              onSplit={(id) =>
                map.edit(
                  {
                    type: 'split',
                    journeyId: detail.journey.id,
                    atTouchpointId: id,
                    newJourneyId: newId(),
                    title: t('mapSplitTitle', detail.journey.title).slice(0, 200),
                  },
                  t('mapSplit'),
                )
              }
              onMoveTo={(id, toJourneyId) =>
                map.edit({ type: 'moveTouchpoints', touchpointIds: [id], toJourneyId }, t('mapMoved'))
              }
              onDeleteTouchpoint={(id) => map.edit({ type: 'deleteTouchpoint', touchpointId: id }, t('mapTouchpointDeleted'))}
              onOpenScreenshot={(id) => void openScreenshot(id)}
            />
            {studyView.report && (
              <ScriptReportView
                report={studyView.report}
                touchpoints={detail.touchpoints}
                thumbnails={map.thumbnails}
                formats={formats}
                onOpenScreenshot={(id) => void openScreenshot(id)}
              />
            )}
          </>
        )}
        {comparing && compared.length > 0 && (
          <CompareView
            items={compared.map((d) => ({
              journey: d.journey,
              metrics: journeyMetrics(d.journey, d.touchpoints, d.interactions, now),
            }))}
            comparison={compareJourneys(compared, now)}
            dir={dir}
            formats={formats}
            mapHref={mapHref}
          />
        )}
      </main>
      {map.lastEdit && (
        <UndoBar
          message={map.lastEdit.message}
          onUndo={map.lastEdit.undoId ? () => map.undo(map.lastEdit!.undoId!, t('mapUndone')) : undefined}
          onDismiss={map.dismissEdit}
        />
      )}
      <dialog ref={dialog} class="wm-shot-dialog" aria-label={t('mapScreenshot')} onClose={() => setScreenshot(undefined)}>
        {screenshot && <img src={screenshot} alt={t('mapScreenshot')} />}
        <form method="dialog">
          <button type="submit" class="wm-button" data-action="close-screenshot">
            {t('actionClose')}
          </button>
        </form>
      </dialog>
    </div>
  );
}

/** With no journey named: recent journeys to open. */
function ChooseJourney({ recent }: { recent: readonly { id: string; title: string }[] }) {
  const t = useT();
  return (
    <section class="wm-panel" aria-labelledby="wm-choose-heading">
      <h1 id="wm-choose-heading">{t('mapChooseJourney')}</h1>
      {recent.length === 0 ? (
        <p class="wm-empty">{t('journeysEmpty')}</p>
      ) : (
        <ul class="wm-choose-list">
          {recent.slice(0, 50).map((j) => (
            <li key={j.id}>
              <a href={mapHref(j.id)} dir="auto">
                {j.title}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
