import type { findingsRequests } from '@/lib/messages/findings-requests';
import type { HandlersOf } from '@/lib/messages/router';
import { newId, nowIso } from '@/lib/model/ids';
import { generatorName } from '@/lib/platform/generator';
import { journeysChanged } from '@/lib/platform/notify';
import { makeThumbnail } from '@/lib/platform/screenshot';
import { getSettings } from '@/lib/platform/settings';
import { openSyncFolder } from '@/lib/platform/sync-folder';
import { getSyncConfig, getSyncState, saveSyncConfig, saveSyncState } from '@/lib/platform/sync-storage';
import { exportAll } from '@/lib/store/export-all';
import type { WaymarkDatabase } from '@/lib/store/schema';
import { loadSyncFolder } from '@/lib/store/sync-folder';
import { storeSyncLocal } from '@/lib/store/sync-local';
import { lazyBackend, type SyncBackend, SyncError } from '@/lib/sync/backend';
import { describeSyncError, runSync } from '@/lib/sync/run-sync';
import { createSealer, type FileSealer } from '@/lib/sync/seal';
import { applySetup, type SyncConfig, syncKindOf, syncLocationOf } from '@/lib/sync/sync-setup';
import { INITIAL_SYNC_STATE, isDue, type SyncState } from '@/lib/sync/sync-state';
import { countPending, membersOf, type SyncStatus } from '@/lib/sync/sync-status';
import { createWebDavBackend } from '@/lib/sync/webdav-backend';

/** What team sync needs from where it runs. */
export interface SyncHost {
  /** The database connection of this context. */
  db: () => Promise<WaymarkDatabase>;
  /** Makes the schedule (the worker's alarm) match the stored set-up. */
  scheduleSync: () => Promise<void>;
}

/**
 * Where the team's files are. A folder is the handle the journeys page
 * stored; it is opened at the start of each run, so a folder whose
 * permission the browser dropped fails that run with `permission-needed`.
 */
function backendFor(config: SyncConfig, db: SyncHost['db']): SyncBackend {
  if (syncKindOf(config) === 'folder') return lazyBackend(async () => openSyncFolder(await db()));
  return createWebDavBackend(config);
}

/** One run at a time in this context: a second request waits for the running one. A cache, not state. */
let running: Promise<void> | undefined;
/** Derived keys are slow to make (600,000 PBKDF2 rounds): keep the sealer while the passphrase is the same. */
let sealerCache: { passphrase: string; sealer: FileSealer } | undefined;

function sealerFor(passphrase: string): FileSealer | null {
  if (!passphrase) return null;
  if (sealerCache?.passphrase !== passphrase) sealerCache = { passphrase, sealer: createSealer(passphrase) };
  return sealerCache.sealer;
}

/**
 * Runs a sync now (on demand) or if due (schedule): offline or in backoff,
 * the schedule skips and the changes wait locally. Saves the new state.
 */
export async function syncNow(trigger: 'demand' | 'schedule', db: SyncHost['db']): Promise<void> {
  if (running) return running;
  running = (async () => {
    const [config, state, { author }] = await Promise.all([getSyncConfig(), getSyncState(), getSettings()]);
    if (!config?.enabled) return;
    if (trigger === 'schedule' && (!navigator.onLine || !isDue(state, nowIso()))) return;
    if (!author) {
      await saveSyncState(
        withError(state, new SyncError('not-configured', 'Set your name first: it marks the records you share.')),
      );
      return;
    }
    const { state: next, report } = await runSync(
      {
        backend: backendFor(config, db),
        local: storeSyncLocal(await db(), async (image) => makeThumbnail(await createImageBitmap(image))),
        memberId: config.memberId,
        author,
        generator: generatorName(),
        sealer: sealerFor(config.passphrase),
        now: nowIso,
        sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      },
      state,
    );
    await saveSyncState(next);
    journeysChanged(report.journeyIds);
  })().finally(() => {
    running = undefined;
  });
  return running;
}

function withError(state: SyncState, error: unknown): SyncState {
  return { ...state, lastAttemptAt: nowIso(), lastError: describeSyncError(error) };
}

/** Skipped screenshots the status lists, newest last. */
const SHOWN_SKIPPED_SCREENSHOTS = 20;

/** The status the settings panel shows. */
async function syncStatus(db: SyncHost['db']): Promise<SyncStatus> {
  const [config, state, { author }] = await Promise.all([getSyncConfig(), getSyncState(), getSettings()]);
  const pending = config ? countPending(await exportAll(await db()), author, state.pushedAsOf) : 0;
  return {
    configured: config !== null,
    enabled: config?.enabled ?? false,
    kind: syncKindOf(config),
    folderName: config?.folderName ?? '',
    url: config?.url ?? '',
    user: config?.user ?? '',
    hasPassword: Boolean(config?.password),
    encrypted: Boolean(config?.passphrase),
    intervalMinutes: config?.intervalMinutes ?? 15,
    lastSyncAt: state.lastSyncAt,
    lastAttemptAt: state.lastAttemptAt,
    nextAttemptAt: state.nextAttemptAt,
    pending,
    lastError: state.lastError,
    lastRetries: state.lastRetries,
    members: membersOf(state),
    skippedScreenshots: (state.skippedScreenshots ?? []).slice(-SHOWN_SKIPPED_SCREENSHOTS),
  };
}

/** The `sync.*` requests. */
export function createSyncHandlers({
  db,
  scheduleSync,
}: SyncHost): Pick<HandlersOf<typeof findingsRequests>, 'sync.status' | 'sync.configure' | 'sync.run'> {
  return {
    'sync.status': () => syncStatus(db),
    async 'sync.configure'(setup) {
      const previous = await getSyncConfig();
      const folder = setup.kind === 'folder' ? await loadSyncFolder(await db()) : null;
      const config = applySetup(previous, setup, newId(), folder?.name ?? null);
      await saveSyncConfig(config);
      // Another folder or another passphrase: start afresh, reading every file again.
      if (syncLocationOf(previous) !== syncLocationOf(config) || previous?.passphrase !== config.passphrase) {
        await saveSyncState(INITIAL_SYNC_STATE);
      }
      await scheduleSync();
      if (config.enabled) {
        try {
          await backendFor(config, db).ensureFolder();
          await syncNow('demand', db);
        } catch (error) {
          await saveSyncState(withError(await getSyncState(), error));
        }
      }
      return syncStatus(db);
    },
    async 'sync.run'() {
      await syncNow('demand', db);
      return syncStatus(db);
    },
  };
}
