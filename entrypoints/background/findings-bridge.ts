import { browser } from 'wxt/browser';
import { fail, type Result } from '@/lib/messages/result';
import { classifySender, type RouterContext, type SenderInfo } from '@/lib/messages/router';
import type { FindingsJob } from '../offscreen/findings-host';
import { scheduleSync } from './sync-schedule';

/** The alarm that closes the offscreen document once no job has come for a while. */
export const OFFSCREEN_IDLE_ALARM = 'waymark-offscreen-idle';
const OFFSCREEN_PATH = 'offscreen.html';
/** How long the document stays open after its last job: edits come in bursts. */
const IDLE_MINUTES = 2;

/** The parts of Chrome's `offscreen` and `runtime.getContexts` used here (not in the polyfill's types). */
interface ChromeOffscreen {
  offscreen: {
    createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
    closeDocument(): Promise<void>;
  };
  runtime: { getContexts(filter: { contextTypes: string[] }): Promise<unknown[]> };
}
const chromeApi = () => (globalThis as unknown as { chrome: ChromeOffscreen }).chrome;

/** Jobs sent and not yet answered, in this worker's life. A count, not state: the idle alarm reads it. */
let inFlight = 0;
let creating: Promise<void> | undefined;
let closing: Promise<void> | undefined;

async function ensureDocument(): Promise<void> {
  // A document being closed cannot take the job; one being made is ready only once made.
  if (closing) await closing;
  if (creating) return creating;
  const open = await chromeApi().runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
  if (open.length > 0) return;
  creating ??= chromeApi()
    .offscreen.createDocument({
      url: OFFSCREEN_PATH,
      // Exports are handed to the download as blob URLs, which a worker cannot make;
      // imports and team sync decode screenshots from blobs.
      reasons: ['BLOBS'],
      justification: 'Builds exports as files to download, and runs imports and team sync, outside the service worker.',
    })
    .catch((error: unknown) => {
      // Another call made it meanwhile: that one serves.
      if (!String(error).includes('single offscreen')) throw error;
    })
    .finally(() => {
      creating = undefined;
    });
  await creating;
}

/** Chrome: hands the job to the offscreen document, opening it first if needed. */
async function runInDocument(job: FindingsJob): Promise<unknown> {
  inFlight++;
  try {
    await ensureDocument();
    return await browser.runtime.sendMessage({ type: 'offscreen.job', payload: job });
  } finally {
    inFlight--;
    void browser.alarms.create(OFFSCREEN_IDLE_ALARM, { delayInMinutes: IDLE_MINUTES });
  }
}

/** Firefox: the background is a page, with room and every API; the host runs right here. */
let inPlace: Promise<(job: FindingsJob) => Promise<unknown>> | undefined;

async function runInPlace(job: FindingsJob, ctx: RouterContext): Promise<unknown> {
  inPlace ??= Promise.all([import('../offscreen/findings-host'), import('@/lib/platform/download'), import('./database')]).then(
    ([{ createFindingsHost }, { downloadText }, { db }]) =>
      createFindingsHost(
        {
          db,
          downloadText,
          scheduleSync,
        },
        ctx,
      ),
  );
  return (await inPlace)(job);
}

/**
 * The worker's side of the findings host: findings requests (edits, studies,
 * import, export, team sync) and the scheduled sync are run by the host,
 * whose code the worker does not carry (lib/messages/findings-requests.ts).
 * The worker checks the sender; the host validates the payload and its reply.
 */
export function createFindingsBridge(ctx: RouterContext) {
  const run = (job: FindingsJob): Promise<unknown> => (import.meta.env.FIREFOX ? runInPlace(job, ctx) : runInDocument(job));

  return {
    /** A findings request from a page: every one is for extension pages only. */
    async forward(message: unknown, sender: SenderInfo): Promise<Result<unknown>> {
      if (classifySender(sender, ctx) !== 'ui') {
        const type = (message as { type: string }).type;
        return fail('forbidden-sender', `"${type}" may not be sent from here.`);
      }
      const { id, url, frameId } = sender;
      const reply = await run({ kind: 'request', message, sender: { id, url, frameId } }).catch((error: unknown) =>
        fail('internal', `Waymark could not run this: ${error instanceof Error ? error.message : String(error)}`),
      );
      return (reply ?? fail('internal', 'Waymark could not run this: no answer.')) as Result<unknown>;
    },
    /** The sync the schedule asks for. */
    async scheduledSync(): Promise<void> {
      await run({ kind: 'scheduledSync' });
    },
  };
}

/** Closes the offscreen document when its idle alarm fires and no job is running. */
export function registerOffscreenIdle(): void {
  if (import.meta.env.FIREFOX) return;
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== OFFSCREEN_IDLE_ALARM || inFlight > 0 || closing) return;
    closing = chromeApi()
      .offscreen.closeDocument()
      .catch(() => undefined) // already closed
      .finally(() => {
        closing = undefined;
      });
  });
}
