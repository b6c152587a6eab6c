import { browser } from 'wxt/browser';
import { getSyncConfig } from '@/lib/platform/sync-storage';

/** The alarm that runs team sync on its schedule (and retries after a failure). */
export const SYNC_ALARM = 'waymark-team-sync';

/**
 * Registers the schedule's listener; call in the worker's first, synchronous
 * pass. The run itself is the findings host's (`runScheduled`).
 */
export function registerSync(runScheduled: () => Promise<void>): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void runScheduled().catch(() => undefined);
  });
  // Alarms usually survive restarts, but Chrome does not promise it: make sure ours is there.
  void scheduleSync();
}

/** Creates, changes or clears the schedule to match the stored set-up. */
export async function scheduleSync(): Promise<void> {
  const config = await getSyncConfig();
  if (!config?.enabled) {
    await browser.alarms.clear(SYNC_ALARM);
    return;
  }
  const existing = await browser.alarms.get(SYNC_ALARM);
  if (existing?.periodInMinutes === config.intervalMinutes) return;
  await browser.alarms.create(SYNC_ALARM, { delayInMinutes: 1, periodInMinutes: config.intervalMinutes });
}
