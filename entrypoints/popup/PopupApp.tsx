import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useT } from '@/components/i18n';
import { PopupView, type PopupViewProps } from '@/components/PopupView';
import type { StudyChoice } from '@/components/study/StudyPicker';
import type { JourneyOverview } from '@/lib/messages/protocol';
import type { ErrorInfo } from '@/lib/messages/result';
import { newId } from '@/lib/model/ids';
import type { JourneyDetails } from '@/lib/model/journey';
import type { Study } from '@/lib/model/study';
import { DEFAULT_STUDY_ID, STAGE_SETS } from '@/lib/model/vocabulary';
import { uiLocale } from '@/lib/platform/i18n';
import { onUiNoticeSettled } from '@/lib/platform/notices';
import { currentWindowId, openSidePanel } from '@/lib/platform/side-panel';
import { request } from '@/lib/platform/transport';

/**
 * The tab the popup acts on: the active tab of its window, or the tab named
 * by `?tab=<id>` when the popup is opened as a page of its own (detached, or
 * driven by a test, where the popup's own tab is the active one).
 */
async function targetTabId(): Promise<number | undefined> {
  const named = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(named) && named > 0) return named;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/**
 * Asks, once, for access to the sites of a journey, so the passive recorder
 * can follow the researcher from page to page (`activeTab` covers one page
 * only). Not awaited: already granted, it resolves at once; denied, capture
 * still works where the researcher clicks; in a headless test browser the
 * prompt never answers, and nothing waits for it.
 */
function requestRecordingAccess(): void {
  browser.permissions.request({ origins: ['<all_urls>'] }).catch(() => false);
}

/** Hands the focus back to the page: a toolbar popup closes; a popup opened as a page (`?tab=`) stays. */
function closeIfPopup(): void {
  if (!new URLSearchParams(location.search).has('tab')) window.close();
}

/** What a journey started in `study` on its site `siteId` takes from the study: stages, scenario, site. */
function detailsFor(study: Study | undefined, choice: StudyChoice): JourneyDetails {
  if (!study) return choice;
  const site = choice.siteId === 'brand' ? study.brand : study.competitors.find((c) => c.id === choice.siteId);
  return {
    ...choice,
    stages: [...STAGE_SETS[study.stageSet]],
    ...(study.goal.trim() ? { scenario: study.goal } : {}),
    ...(site?.domains[0] ? { site: site.domains[0] } : {}),
  };
}

/** The popup's controller: state from the background, actions to it. */
export function PopupApp() {
  const t = useT();
  const [overview, setOverview] = useState<JourneyOverview | undefined>();
  const [studies, setStudies] = useState<Study[]>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<PopupViewProps['notice']>();
  // Learnt up front: `sidePanel.open` must be called in the click itself, with no await before it.
  const [windowId, setWindowId] = useState<number>();
  useEffect(() => void currentWindowId().then(setWindowId), []);
  const describe = (error: ErrorInfo) =>
    error.code === 'storage-full'
      ? t('errorStorageFull')
      : error.code === 'tab-unavailable'
        ? t('errorTabUnavailable')
        : error.code === 'capture-off'
          ? error.message // already says why, in the UI language
          : t('errorGeneric', error.message);

  const refresh = useCallback(async () => {
    const result = await request('journey.overview', {});
    if (result.ok) setOverview(result.value);
    else setNotice({ kind: 'error', text: describe(result.error) });
  }, []);

  useEffect(() => {
    void refresh();
    return onUiNoticeSettled(() => void refresh(), 200);
  }, [refresh]);
  useEffect(() => void request('study.list', {}).then((r) => r.ok && setStudies(r.value)), []);

  /** Runs an action with the buttons disabled, then refreshes. */
  const act = async (action: () => Promise<string | ErrorInfo | undefined>) => {
    setBusy(true);
    setNotice(undefined);
    const outcome = await action();
    if (typeof outcome === 'string') setNotice({ kind: 'info', text: outcome });
    else if (outcome) setNotice({ kind: 'error', text: describe(outcome) });
    await refresh();
    setBusy(false);
  };

  const [dateTimeFormat, timeFormat, numberFormat] = useMemo(
    () => [
      new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' }),
      new Intl.DateTimeFormat(uiLocale(), { timeStyle: 'short' }),
      new Intl.NumberFormat(uiLocale()),
    ],
    [],
  );
  const journey = overview?.journey;

  return (
    <PopupView
      journey={overview ? overview.journey : undefined}
      touchpoints={overview?.touchpoints ?? []}
      notice={notice}
      busy={busy}
      formatDateTime={(iso) => dateTimeFormat.format(new Date(iso))}
      formatTime={(iso) => timeFormat.format(new Date(iso))}
      formatNumber={(value) => numberFormat.format(value)}
      studies={studies}
      initialStudyId={journey?.studyId ?? DEFAULT_STUDY_ID}
      onStart={(title, choice) => {
        // Asked in the click itself (Firefox refuses later); the journey starts whatever the answer.
        requestRecordingAccess();
        return act(async () => {
          const details = detailsFor(
            studies?.find((s) => s.id === choice.studyId),
            choice,
          );
          const result = await request('journey.start', { id: newId(), title, details, tabId: await targetTabId() });
          return result.ok ? undefined : result.error;
        });
      }}
      onEnd={() =>
        act(async () => {
          if (!journey) return undefined;
          const result = await request('journey.end', { journeyId: journey.id });
          return result.ok ? undefined : result.error;
        })
      }
      onTagElement={() =>
        act(async () => {
          const tabId = await targetTabId();
          if (tabId === undefined) return { code: 'tab-unavailable', message: '' };
          const result = await request('capture.pickElement', { tabId });
          if (!result.ok) return result.error;
          closeIfPopup();
          return t('popupPickerStarted');
        })
      }
      onPause={() =>
        act(async () => {
          if (!journey) return undefined;
          const result = await request('journey.pause', { journeyId: journey.id });
          return result.ok ? undefined : result.error;
        })
      }
      onResume={() =>
        act(async () => {
          if (!journey) return undefined;
          const result = await request('journey.resume', { journeyId: journey.id });
          return result.ok ? undefined : result.error;
        })
      }
      onOpenSidePanel={() => {
        openSidePanel(windowId).then(closeIfPopup, (error: unknown) =>
          setNotice({ kind: 'error', text: t('errorGeneric', error instanceof Error ? error.message : String(error)) }),
        );
      }}
      onOpenMap={() => {
        const query = journey ? `?journey=${journey.id}` : '';
        void browser.tabs.create({ url: browser.runtime.getURL(`/map.html${query}`) });
        closeIfPopup();
      }}
      onOpenJourneys={() => {
        void browser.tabs.create({ url: browser.runtime.getURL('/journeys.html') });
        closeIfPopup();
      }}
      onExport={() =>
        act(async () => {
          if (!journey) return undefined;
          const result = await request('export.download', { journeyIds: [journey.id], format: 'json' });
          return result.ok ? t('popupExported', result.value.fileName) : result.error;
        })
      }
    />
  );
}
