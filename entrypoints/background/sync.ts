import { browser } from 'wxt/browser';
import type { Handlers } from '@/lib/messages/router';
import { newId, nowIso } from '@/lib/model/ids';
import { makeThumbnail } from '@/lib/platform/screenshot';
import { getSettings } from '@/lib/platform/settings';
import { openSyncFolder } from '@/lib/platform/sync-folder';
import { getSyncConfig, getSyncState, saveSyncConfig, saveSyncState } from '@/lib/platform/sync-storage';
import { exportAll } from '@/lib/store/export-all';
import { loadSyncFolder } from '@/lib/store/sync-folder';
import { storeSyncLocal } from '@/lib/store/sync-local';
import { lazyBackend, type SyncBackend, SyncError } from '@/lib/sync/backend';
import { describeSyncError, runSync } from '@/lib/sync/run-sync';
import { createSealer, type FileSealer } from '@/lib/sync/seal';
import { applySetup, type SyncConfig, syncKindOf, syncLocationOf } from '@/lib/sync/sync-setup';
import { INITIAL_SYNC_STATE, isDue, type SyncState } from '@/lib/sync/sync-state';
import { countPending, membersOf, type SyncStatus } from '@/lib/sync/sync-status';
import { createWebDavBackend } from '@/lib/sync/webdav-backend';
import { db } from './database';
import { journeysChanged } from './notify';

/** The alarm that runs sync on its schedule (and retries after a failure). */
export const SYNC_ALARM = 'waymark-team-sync';

/** Registers the schedule's listener; call in the worker's first, synchronous pass. */
export function registerSync(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void syncNow('schedule');
  });
  // Alarms usually survive restarts, but Chrome does not promise it: make sure ours is there.
  void getSyncConfig().then((config) => scheduleSync(config));
}

/** Creates, changes or clears the schedule to match the settings. */
async function scheduleSync(config: SyncConfig | null): Promise<void> {
  if (!config?.enabled) {
    await browser.alarms.clear(SYNC_ALARM);
    return;
  }
  const existing = await browser.alarms.get(SYNC_ALARM);
  if (existing?.periodInMinutes === config.intervalMinutes) return;
  await browser.alarms.create(SYNC_ALARM, { delayInMinutes: 1, periodInMinutes: config.intervalMinutes });
}

/**
 * Where the team's files are. A folder is the handle the journeys page
 * stored; it is opened at the start of each run, so a folder whose
 * permission the browser dropped fails that run with `permission-needed`.
 */
function backendFor(config: SyncConfig): SyncBackend {
  if (syncKindOf(config) === 'folder') return lazyBackend(async () => openSyncFolder(await db()));
  return createWebDavBackend(config);
}

/** One run at a time in this worker: a second request waits for the running one. A cache, not state. */
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
async function syncNow(trigger: 'demand' | 'schedule'): Promise<void> {
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
        backend: backendFor(config),
        local: storeSyncLocal(await db(), async (image) => makeThumbnail(await createImageBitmap(image))),
        memberId: config.memberId,
        author,
        generator: `Waymark ${browser.runtime.getManifest().version}`,
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
async function syncStatus(): Promise<SyncStatus> {
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
export function createSyncHandlers(): Pick<Handlers, 'sync.status' | 'sync.configure' | 'sync.run'> {
  return {
    'sync.status': syncStatus,
    async 'sync.configure'(setup) {
      const previous = await getSyncConfig();
      const folder = setup.kind === 'folder' ? await loadSyncFolder(await db()) : null;
      const config = applySetup(previous, setup, newId(), folder?.name ?? null);
      await saveSyncConfig(config);
      // Another folder or another passphrase: start afresh, reading every file again.
      if (syncLocationOf(previous) !== syncLocationOf(config) || previous?.passphrase !== config.passphrase) {
        await saveSyncState(INITIAL_SYNC_STATE);
      }
      await scheduleSync(config);
      if (config.enabled) {
        try {
          await backendFor(config).ensureFolder();
          await syncNow('demand');
        } catch (error) {
          await saveSyncState(withError(await getSyncState(), error));
        }
      }
      return syncStatus();
    },
    async 'sync.run'() {
      await syncNow('demand');
      return syncStatus();
    },
  };
}
