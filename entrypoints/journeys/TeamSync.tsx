import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useT } from '@/components/i18n';
import { SyncPanel } from '@/components/SyncPanel';
import { uiLocale } from '@/lib/platform/i18n';
import { onUiNoticeSettled } from '@/lib/platform/notices';
import { pageDb } from '@/lib/platform/page-db';
import { canPickFolder, folderAccess, pickFolder } from '@/lib/platform/sync-folder';
import { request } from '@/lib/platform/transport';
import { loadSyncFolder, saveSyncFolder } from '@/lib/store/sync-folder';
import type { PickedFolder } from '@/lib/sync/folder-backend';
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
  /** The stored folder, loaded ahead so "Allow access again" asks within its click. */
  const [folder, setFolder] = useState<PickedFolder | null>(null);
  const [dateTimeFormat, numberFormat] = useMemo(
    () => [new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' }), new Intl.NumberFormat(uiLocale())],
    [],
  );

  const refresh = async () => {
    const result = await request('sync.status', {});
    if (result.ok) setStatus(result.value);
  };
  useEffect(() => {
    if (status?.kind === 'folder')
      void pageDb()
        .then(loadSyncFolder)
        .then(setFolder, () => setFolder(null));
  }, [status?.kind, status?.folderName]);
  useEffect(() => {
    void refresh();
    // The status counts pending changes over the whole store: not for every tab event of a running journey.
    return onUiNoticeSettled(() => void refresh(), 3_000);
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
      await configure(setup);
    });

  const onSyncNow = () =>
    act(async () => {
      const result = await request('sync.run', {});
      if (result.ok) setStatus(result.value);
      else setNotice(t('syncErrorOther', result.error.message));
    });

  const configure = async (setup: SyncSetup) => {
    const result = await request('sync.configure', setup);
    if (result.ok) setStatus(result.value);
    else setNotice(t('syncErrorOther', result.error.message));
  };

  // The picker first, before anything else is awaited: it needs this click's user activation.
  const onChooseFolder = (setup: SyncSetup) =>
    act(async () => {
      const picked = await pickFolder();
      if (!picked) return;
      // A handle cannot travel in a message: the page stores it, the worker reads it.
      await saveSyncFolder(await pageDb(), picked);
      setFolder(picked);
      await configure({ ...setup, kind: 'folder' });
    });

  // Chrome drops a folder's permission after a while; only a click on a page may ask again.
  const onAllowFolder = () =>
    act(async () => {
      const access = folder ? await folderAccess(folder, true).catch(() => 'denied' as const) : 'denied';
      if (access !== 'granted') {
        setNotice(t('syncFolderDenied'));
        return;
      }
      const result = await request('sync.run', {});
      if (result.ok) setStatus(result.value);
      else setNotice(t('syncErrorOther', result.error.message));
    });

  return (
    <SyncPanel
      folderSupported={canPickFolder()}
      onChooseFolder={onChooseFolder}
      onAllowFolder={onAllowFolder}
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
