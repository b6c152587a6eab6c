import { storage } from 'wxt/utils/storage';
import { SyncConfig } from '../sync/sync-setup';
import { INITIAL_SYNC_STATE, SyncState } from '../sync/sync-state';

/**
 * Team sync's settings, credentials included: `storage.local` only (never
 * `storage.sync`, which the browser copies to the user's account), never in
 * an export, never in a log, never sent to a page.
 */
const configItem = storage.defineItem<SyncConfig | null>('local:syncConfig', { fallback: null, version: 1 });

/** Sync's memory between runs: ETags, each member's status, backoff. */
const stateItem = storage.defineItem<SyncState>('local:syncState', { fallback: INITIAL_SYNC_STATE, version: 1 });

/** The stored sync settings, or `null` if none (or unreadable). */
export async function getSyncConfig(): Promise<SyncConfig | null> {
  const parsed = SyncConfig.safeParse(await configItem.getValue());
  return parsed.success ? parsed.data : null;
}

export async function saveSyncConfig(config: SyncConfig): Promise<void> {
  await configItem.setValue(SyncConfig.parse(config));
}

/** The stored sync state; a fresh one if missing or malformed (the next run reads every file again, harmlessly). */
export async function getSyncState(): Promise<SyncState> {
  const parsed = SyncState.safeParse(await stateItem.getValue());
  return parsed.success ? parsed.data : INITIAL_SYNC_STATE;
}

export async function saveSyncState(state: SyncState): Promise<void> {
  await stateItem.setValue(state);
}
