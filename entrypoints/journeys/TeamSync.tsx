import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useT } from '@/components/i18n';
import { SyncPanel } from '@/components/SyncPanel';
import { uiLocale } from '@/lib/platform/i18n';
import { onUiNotice } from '@/lib/platform/notices';
import { request } from '@/lib/platform/transport';
import type { SyncSetup } from '@/lib/sync/sync-setup';
import type { SyncStatus } from '@/lib/sync/sync-status';

/**
 * Asks for host access to the team server's origin, from the click that set
 * sync up (permissions.request needs a user gesture). Already granted (the
 * e2e build lists `<all_urls>`), it does not ask: `permissions.request`
 * never settles in headless Chromium.
 */
async function allowOrigin(url: string): Promise<boolean> {
  const origins = [`${new URL(url).origin}/*`];
  if (await browser.permissions.contains({ origins })) return true;
  return browser.permissions.request({ origins }).catch(() => false);
}

/** The journeys page's "Team sync" panel: its controller. */
export function TeamSync() {
  const t = useT();
  const [status, setStatus] = useState<SyncStatus>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [dateTimeFormat, numberFormat] = useMemo(
    () => [new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' }), new Intl.NumberFormat(uiLocale())],
    [],
  );

  const refresh = async () => {
    const result = await request('sync.status', {});
    if (result.ok) setStatus(result.value);
  };
  useEffect(() => {
    void refresh();
    return onUiNotice(() => void refresh());
  }, []);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setNotice(undefined);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };

  const onSave = (setup: SyncSetup) =>
    act(async () => {
      if (setup.enabled && setup.url && !(await allowOrigin(setup.url).catch(() => false))) {
        setNotice(t('syncNeedsPermission', new URL(setup.url).origin));
        return;
      }
      const result = await request('sync.configure', setup);
      if (result.ok) setStatus(result.value);
      else setNotice(t('syncErrorOther', result.error.message));
    });

  const onSyncNow = () =>
    act(async () => {
      const result = await request('sync.run', {});
      if (result.ok) setStatus(result.value);
      else setNotice(t('syncErrorOther', result.error.message));
    });

  return (
    <SyncPanel
      status={status}
      busy={busy}
      notice={notice}
      formatDateTime={(iso) => dateTimeFormat.format(new Date(iso))}
      formatNumber={(n) => numberFormat.format(n)}
      onSave={onSave}
      onSyncNow={onSyncNow}
    />
  );
}
