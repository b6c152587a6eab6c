import { browser } from 'wxt/browser';
import type { hostRequests } from '@/lib/messages/capture-requests';
import type { HandlersOf } from '@/lib/messages/router';
import { startDownload } from '@/lib/platform/download';
import { scheduleSync } from './sync-schedule';

/**
 * What the findings host asks of the worker (lib/messages/capture-requests.ts,
 * `hostRequests`): in Chrome's offscreen document `runtime` is the only
 * extension API, so storage, downloads and alarms are done here. The router
 * answers them to that document alone (`from: 'host'`).
 */
export function createHostHandlers(): HandlersOf<typeof hostRequests> {
  return {
    async 'host.readStorage'({ key }) {
      return (await browser.storage.local.get(key))[key] ?? null;
    },
    async 'host.writeStorage'({ key, value }) {
      await browser.storage.local.set({ [key]: value });
      return null;
    },
    async 'host.download'({ url, fileName }) {
      // Only a file this extension made: a blob URL of its own origin.
      if (!url.startsWith(`blob:${browser.runtime.getURL('/')}`)) throw new Error('Only files made by Waymark are downloaded.');
      return { downloadId: await startDownload(url, fileName) };
    },
    async 'host.scheduleSync'() {
      await scheduleSync();
      return null;
    },
  };
}
