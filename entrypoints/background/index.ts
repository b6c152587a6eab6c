import { browser } from 'wxt/browser';
import { createRouter } from '@/lib/messages/router';
import { createHandlers } from './handlers';
import { registerRecorder } from './recorder';
import { registerSync } from './sync';
import { describeCaptureError, registerTriggers } from './triggers';

/**
 * The worker's wiring, and nothing else: the router is registered in the
 * first, synchronous pass so a message that wakes a killed worker is heard.
 * All truth lives in IndexedDB; the worker can die between any two messages.
 */
export default defineBackground(() => {
  const route = createRouter(createHandlers(), {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    describeError: describeCaptureError,
  });
  browser.runtime.onMessage.addListener((message: unknown, sender) => route(message, sender));
  registerTriggers();
  registerRecorder();
  registerSync();
});
