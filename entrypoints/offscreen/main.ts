import { browser } from 'wxt/browser';
import type { HostStorageKey } from '@/lib/messages/capture-requests';
import { downloadText } from '@/lib/platform/download';
import { useVersion } from '@/lib/platform/generator';
import { useStoredValues } from '@/lib/platform/local-item';
import { pageDb } from '@/lib/platform/page-db';
import { request } from '@/lib/platform/transport';
import { createFindingsHost, jobOf } from './findings-host';

/**
 * Chrome's offscreen document: the findings host, away from the service
 * worker (issue #7's 30 KB budget for the worker). The worker creates this
 * document when a findings request arrives and closes it when idle
 * (entrypoints/background/findings-bridge.ts). Its only extension API is
 * `runtime`, so storage and downloads go through the worker.
 */

/** Throws the error of a failed request to the worker. */
async function orThrow<T>(reply: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const result = await reply;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

useStoredValues({
  get: (key) => orThrow(request('host.readStorage', { key: key as HostStorageKey })),
  set: async (key, value) => {
    await orThrow(request('host.writeStorage', { key: key as HostStorageKey, value }));
  },
});

const host = createFindingsHost(
  {
    db: pageDb,
    // No `downloads` API here: the worker starts the download of the blob URL made here.
    downloadText: (text, fileName, mimeType) =>
      downloadText(text, fileName, mimeType, async (url, name) => {
        return (await orThrow(request('host.download', { url, fileName: name }))).downloadId;
      }),
    scheduleSync: async () => {
      await orThrow(request('host.scheduleSync', {}));
    },
  },
  { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') },
);

/** `runtime.getManifest` is missing here: the version for files' `generator` comes from the manifest file. */
const ready = fetch('/manifest.json')
  .then((response) => response.json() as Promise<{ version?: unknown }>)
  .then(({ version }) => useVersion(String(version)))
  .catch(() => undefined);

/** Only the worker hands out jobs: pages' and tabs' messages reach this document too, and are ignored. */
const workerUrl = browser.runtime.getURL('/background.js');

browser.runtime.onMessage.addListener((message: unknown, sender) => {
  if (sender.tab !== undefined || sender.url !== workerUrl) return undefined;
  const job = jobOf(message);
  return job ? ready.then(() => host(job)) : undefined;
});
