import { clickDraft, documentDrafts, draftOf, LONG_TASK_MS, submitDraft } from '@/lib/capture/recorder';
import { newId } from '@/lib/model/ids';
import type { InteractionDraft } from '@/lib/model/interaction';

/**
 * What one document's recorders share. The worker injects the recorder after
 * every "complete" (a single-page app's route change is one too); WXT stops
 * the older instance when a newer one starts, so the newest records, and this
 * state, kept in the isolated world's global, stops it logging the document
 * or a route twice.
 */
const SHARED = Symbol.for('waymark.recorder');
interface Shared {
  documentReported: boolean;
  href: string;
}
const BATCH = 200;
const FLUSH_MS = 1_000;
const MAX_TRIES = 5;

/** The one call the recorder makes. */
interface RuntimeApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

/**
 * The passive recorder, injected by the worker into the tabs of the
 * researcher's running journey only (never declared in the manifest). It
 * listens passively, keeps nothing typed, and sends what it saw in batches.
 * It talks to the runtime API directly rather than through the polyfill, to
 * stay a few KB: Chrome's `chrome.runtime.sendMessage` returns a promise in
 * MV3, Firefox has `browser`.
 */
export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    const scope = globalThis as { [SHARED]?: Shared };
    scope[SHARED] ??= { documentReported: false, href: location.href };
    const shared = scope[SHARED];
    const api = (globalThis as { browser?: RuntimeApi }).browser ?? (globalThis as unknown as { chrome: RuntimeApi }).chrome;
    const makeId = newId;
    const queue: InteractionDraft[] = [];
    let timer: number | undefined;

    let failures = 0;
    const flush = () => {
      timer = undefined;
      while (queue.length) {
        const interactions = queue.splice(0, BATCH);
        api.runtime.sendMessage({ type: 'interaction.record', payload: { interactions } }).then(
          (reply) => {
            failures = 0;
            return reply;
          },
          () => {
            // The worker was stopped mid-batch (or is starting): send again later. Ids make a
            // repeat harmless. After a few tries the batch is dropped, never the page's own work.
            if (++failures > MAX_TRIES || !ctx.isValid) return;
            queue.unshift(...interactions);
            if (timer === undefined) timer = ctx.setTimeout(flush, FLUSH_MS * 2 ** failures);
          },
        );
      }
    };
    const push = (draft: InteractionDraft | null) => {
      if (!draft || ctx.isInvalid) return;
      queue.push(draft);
      if (timer === undefined) timer = ctx.setTimeout(flush, FLUSH_MS);
    };
    const options = { capture: true, passive: true };
    ctx.addEventListener(document, 'click', (e) => push(clickDraft(window, e.target, Date.now(), makeId)), options);
    ctx.addEventListener(document, 'submit', (e) => push(submitDraft(window, e.target, Date.now(), makeId)), options);
    ctx.addEventListener(window, 'pagehide', flush);
    ctx.addEventListener(document, 'visibilitychange', () => document.visibilityState === 'hidden' && flush());

    // Stopped by a newer instance (or the extension going away): send what is queued now, not later.
    ctx.onInvalidated(() => {
      const interactions = queue.splice(0);
      if (interactions.length) {
        api.runtime.sendMessage({ type: 'interaction.record', payload: { interactions } }).catch(() => undefined);
      }
    });

    const reportDocument = () => {
      if (shared.documentReported) return;
      shared.documentReported = true;
      for (const draft of documentDrafts(window, makeId)) push(draft);
    };
    if (document.readyState === 'complete') reportDocument();
    else ctx.addEventListener(window, 'load', () => ctx.setTimeout(reportDocument, 0), { once: true });

    // A single-page app changes its address without a new document: the
    // History API, or the fragment. The Navigation API reports both where it
    // exists (Chromium); elsewhere, popstate and hashchange, and a look at the
    // address after each click.
    const routeChanged = () => {
      if (location.href === shared.href) return;
      shared.href = location.href;
      push(draftOf(window, 'route-change', Date.now(), makeId));
    };
    const nav = (globalThis as { navigation?: EventTarget }).navigation;
    if (nav) ctx.addEventListener(nav as never, 'currententrychange' as never, routeChanged);
    ctx.addEventListener(window, 'popstate', routeChanged);
    ctx.addEventListener(window, 'hashchange', routeChanged);
    ctx.addEventListener(document, 'click', () => ctx.setTimeout(routeChanged, 0), options);

    if (PerformanceObserver.supportedEntryTypes?.includes('longtask')) {
      const observer = new PerformanceObserver((list) => {
        for (const task of list.getEntries()) {
          if (task.duration < LONG_TASK_MS) continue;
          const at = performance.timeOrigin + task.startTime;
          push(draftOf(window, 'long-task', at, makeId, { durationMs: Math.round(task.duration) }));
        }
      });
      observer.observe({ type: 'longtask' });
      ctx.onInvalidated(() => observer.disconnect());
    }
  },
});
