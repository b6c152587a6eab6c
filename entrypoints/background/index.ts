import { browser } from 'wxt/browser';
import { workerRequests } from '@/lib/messages/capture-requests';
import { isFindingsRequest } from '@/lib/messages/findings-names';
import { createRouter } from '@/lib/messages/router';
import { createFindingsBridge, registerOffscreenIdle } from './findings-bridge';
import { createHandlers } from './handlers';
import { refreshTabFollowing, registerRecorder } from './recorder';
import { registerSync } from './sync-schedule';
import { describeCaptureError, registerTriggers } from './triggers';

/**
 * The worker's wiring, and nothing else: the router is registered in the
 * first, synchronous pass so a message that wakes a killed worker is heard.
 * All truth lives in IndexedDB; the worker can die between any two messages.
 * Findings requests (edits, studies, import, export, sync) go to the findings
 * host (findings-bridge.ts); the rest are answered here.
 */
/**
 * Requests after which a journey may have started or ended, so the tab
 * listeners are checked again (recorder.ts): a tag starts one when none runs,
 * an edit may delete one, an import or a sync may bring one. Reads, the
 * recorder's batches and the findings host's own requests never do.
 */
const JOURNEY_CHANGING: ReadonlySet<string> = new Set([
  'journey.start',
  'journey.pause',
  'journey.resume',
  'journey.end',
  'touchpoint.save',
  'journey.edit',
  'import.apply',
  'sync.run',
  'sync.configure',
]);

export default defineBackground(() => {
  const ctx = {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    hostUrl: browser.runtime.getURL('/offscreen.html'),
    describeError: describeCaptureError,
  };
  const route = createRouter(workerRequests, createHandlers(), ctx);
  const findings = createFindingsBridge(ctx);
  browser.runtime.onMessage.addListener(async (message: unknown, sender) => {
    const reply = await (isFindingsRequest(message) ? findings.forward(message, sender) : route(message, sender));
    if (reply.ok && JOURNEY_CHANGING.has((message as { type?: unknown }).type as string)) void refreshTabFollowing();
    return reply;
  });
  registerTriggers();
  registerRecorder();
  registerSync(findings.scheduledSync);
  registerOffscreenIdle();
});
