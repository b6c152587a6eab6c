import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useT } from '@/components/i18n';
import { PopupView, type PopupViewProps } from '@/components/PopupView';
import { type JourneyOverview, UiNotice } from '@/lib/messages/protocol';
import type { ErrorInfo } from '@/lib/messages/result';
import { newId } from '@/lib/model/ids';
import { uiLocale } from '@/lib/platform/i18n';
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

/** Hands the focus back to the page: a toolbar popup closes; a popup opened as a page (`?tab=`) stays. */
function closeIfPopup(): void {
  if (!new URLSearchParams(location.search).has('tab')) window.close();
}

/** The popup's controller: state from the background, actions to it. */
export function PopupApp() {
  const t = useT();
  const [overview, setOverview] = useState<JourneyOverview | undefined>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<PopupViewProps['notice']>();
  const describe = (error: ErrorInfo) =>
    error.code === 'storage-full'
      ? t('errorStorageFull')
      : error.code === 'tab-unavailable'
        ? t('errorTabUnavailable')
        : t('errorGeneric', error.message);

  const refresh = useCallback(async () => {
    const result = await request('journey.overview', {});
    if (result.ok) setOverview(result.value);
    else setNotice({ kind: 'error', text: describe(result.error) });
  }, []);

  useEffect(() => {
    void refresh();
    const onNotice = (message: unknown) => {
      if (UiNotice.safeParse(message).success) void refresh();
    };
    browser.runtime.onMessage.addListener(onNotice);
    return () => browser.runtime.onMessage.removeListener(onNotice);
  }, [refresh]);

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
      onStart={(title) =>
        act(async () => {
          const result = await request('journey.start', { id: newId(), title });
          return result.ok ? undefined : result.error;
        })
      }
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
