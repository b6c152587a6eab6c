import { SyncConfig } from '../sync/sync-setup';
import { INITIAL_SYNC_STATE, SyncState } from '../sync/sync-state';
import { localItem } from './local-item';

/**
 * Team sync's settings, credentials included: `storage.local` only (never
 * `storage.sync`, which the browser copies to the user's account), never in
 * an export, never in a log, never sent to a web page. Chrome's offscreen
 * document, which runs sync, reads them through the worker, which answers
 * that document alone (entrypoints/background/host-handlers.ts).
 */
const configItem = localItem('syncConfig', (stored): SyncConfig | null => {
  const parsed = SyncConfig.safeParse(stored);
  return parsed.success ? parsed.data : null;
});

/** Sync's memory between runs: ETags, each member's status, backoff. */
const stateItem = localItem('syncState', (stored): SyncState => {
  const parsed = SyncState.safeParse(stored);
  return parsed.success ? parsed.data : INITIAL_SYNC_STATE;
});

/** The stored sync settings, or `null` if none (or unreadable). */
export function getSyncConfig(): Promise<SyncConfig | null> {
  return configItem.get();
}

export async function saveSyncConfig(config: SyncConfig): Promise<void> {
  await configItem.set(SyncConfig.parse(config));
}

/** The stored sync state; a fresh one if missing or malformed (the next run reads every file again, harmlessly). */
export function getSyncState(): Promise<SyncState> {
  return stateItem.get();
}

export async function saveSyncState(state: SyncState): Promise<void> {
  await stateItem.set(state);
}
