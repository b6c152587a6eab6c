import { clickDraft, documentDrafts, draftOf, LONG_TASK_MS, submitDraft } from '@/lib/capture/recorder';
import { newId } from '@/lib/model/ids';
import type { RawInteraction } from '@/lib/model/interaction';

/**
 * The passive recorder, injected by the worker into the tabs of the
 * researcher's running journey only (never declared in the manifest: other
 * pages pay nothing). It listens passively, reads nothing typed, and sends
 * what it saw in batches; the worker masks and stores it.
 *
 * An unlisted script rather than a WXT content script, to stay a few KB (the
 * recorder's budget is 5 KB gzip): it needs none of WXT's content-script
 * runtime, and talks to the runtime API directly rather than through the
 * polyfill (Chrome's `chrome.runtime.sendMessage` returns a promise in MV3;
 * Firefox has `browser`).
 */

/** The event a new instance sends so the older one in the same document stops. */
const STARTED = 'waymark:recorder-started';
/** What one document's instances share, in the isolated world's global. */
const SHARED = Symbol.for('waymark.recorder');
interface Shared {
  documentReported: boolean;
  href: string;
}
const BATCH = 200;
const FLUSH_MS = 1_000;
const MAX_TRIES = 5;

interface RuntimeApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

export default defineUnlistedScript(() => {
  // The worker injects after every load "complete" (a single-page app's route change is one too):
  // the newest instance records, the older one sends what it holds and stops.
  const id = newId();
  document.dispatchEvent(new CustomEvent(STARTED, { detail: id }));
  const controller = new AbortController();
  const { signal } = controller;
  const scope = globalThis as { [SHARED]?: Shared };
  scope[SHARED] ??= { documentReported: false, href: location.href };
  const shared = scope[SHARED];
  const api = (globalThis as { browser?: RuntimeApi }).browser ?? (globalThis as unknown as { chrome: RuntimeApi }).chrome;
  const queue: RawInteraction[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;

  const send = (interactions: RawInteraction[]) =>
    api.runtime.sendMessage({ type: 'interaction.record', payload: { interactions } });
  const schedule = (ms: number) => {
    if (timer === undefined && !signal.aborted) timer = setTimeout(flush, ms);
  };
  function flush() {
    timer = undefined;
    while (queue.length) {
      const interactions = queue.splice(0, BATCH);
      send(interactions).then(
        () => {
          failures = 0;
        },
        () => {
          // The worker was stopped mid-batch (or is starting): send again later; ids make a repeat harmless.
          if (++failures > MAX_TRIES || signal.aborted) return;
          queue.unshift(...interactions);
          schedule(FLUSH_MS * 2 ** failures);
        },
      );
    }
  }
  const push = (draft: RawInteraction | null) => {
    if (!draft || signal.aborted) return;
    queue.push(draft);
    schedule(FLUSH_MS);
  };

  document.addEventListener(
    STARTED,
    (event) => {
      if ((event as CustomEvent).detail === id) return;
      clearTimeout(timer);
      controller.abort();
      if (queue.length) send(queue.splice(0)).catch(() => undefined);
    },
    { signal },
  );

  const options = { capture: true, passive: true, signal };
  document.addEventListener('click', (e) => push(clickDraft(window, e.target, Date.now(), newId)), options);
  document.addEventListener('submit', (e) => push(submitDraft(window, e.target, Date.now(), newId)), options);
  window.addEventListener('pagehide', flush, { signal });
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flush(), { signal });

  const reportDocument = () => {
    if (shared.documentReported || signal.aborted) return;
    shared.documentReported = true;
    for (const draft of documentDrafts(window, newId)) push(draft);
  };
  if (document.readyState === 'complete') reportDocument();
  else window.addEventListener('load', () => setTimeout(reportDocument, 0), { once: true, signal });

  // A single-page app changes its address without a new document: the History API, or the
  // fragment. The Navigation API reports both where it exists (Chromium); elsewhere popstate,
  // hashchange, and a look at the address after each click.
  const routeChanged = () => {
    if (location.href === shared.href || signal.aborted) return;
    shared.href = location.href;
    push(draftOf(window, 'route-change', Date.now(), newId));
  };
  (globalThis as { navigation?: EventTarget }).navigation?.addEventListener('currententrychange', routeChanged, { signal });
  window.addEventListener('popstate', routeChanged, { signal });
  window.addEventListener('hashchange', routeChanged, { signal });
  document.addEventListener('click', () => setTimeout(routeChanged, 0), options);

  if (PerformanceObserver.supportedEntryTypes?.includes('longtask')) {
    const observer = new PerformanceObserver((list) => {
      for (const task of list.getEntries()) {
        if (task.duration < LONG_TASK_MS) continue;
        push(
          draftOf(window, 'long-task', performance.timeOrigin + task.startTime, newId, { durationMs: Math.round(task.duration) }),
        );
      }
    });
    observer.observe({ type: 'longtask' });
    signal.addEventListener('abort', () => observer.disconnect());
  }
});
