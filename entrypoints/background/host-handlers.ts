import { browser } from 'wxt/browser';
import type { hostRequests } from '@/lib/messages/capture-requests';
import type { HandlersOf, SenderInfo } from '@/lib/messages/router';
import { scheduleSync } from './sync-schedule';

/** Host requests come from the offscreen document only: team sync's credentials are read through them. */
function onlyFromHost(sender: SenderInfo): void {
  if (sender.url !== browser.runtime.getURL('/offscreen.html')) {
    throw Object.assign(new Error('Only the findings host may ask this.'), { name: 'ForbiddenSenderError' });
  }
}

/**
 * What the findings host asks of the worker (lib/messages/capture-requests.ts,
 * `hostRequests`): in Chrome's offscreen document `runtime` is the only
 * extension API, so storage, downloads and alarms are done here.
 */
export function createHostHandlers(): HandlersOf<typeof hostRequests> {
  return {
    async 'host.readStorage'({ key }, sender) {
      onlyFromHost(sender);
      return (await browser.storage.local.get(key))[key] ?? null;
    },
    async 'host.writeStorage'({ key, value }, sender) {
      onlyFromHost(sender);
      await browser.storage.local.set({ [key]: value });
      return null;
    },
    async 'host.download'({ url, fileName }, sender) {
      onlyFromHost(sender);
      // Only a file this extension made: a blob URL of its own origin.
      if (!url.startsWith(`blob:${browser.runtime.getURL('/')}`)) throw new Error('Only files made by Waymark are downloaded.');
      const downloadId = await browser.downloads.download({ url, filename: fileName, saveAs: false, conflictAction: 'uniquify' });
      return { downloadId };
    },
    async 'host.scheduleSync'(_payload, sender) {
      onlyFromHost(sender);
      await scheduleSync();
      return null;
    },
  };
}
