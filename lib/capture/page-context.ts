import type { PageContext } from '../model/touchpoint';

const round = (ms: number) => Math.round(ms * 10) / 10;

/** Navigation start to the load event, in ms; `null` before load ends or when the browser has no timing. */
export function loadTime(win: Window): number | null {
  const [nav] = win.performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  if (!nav || !(nav.loadEventEnd > 0)) return null;
  return round(nav.loadEventEnd);
}

/**
 * Watches largest contentful paint (buffered, so entries from before the
 * script arrived count) and returns a reader of the latest value. LCP is not
 * in `getEntriesByType`; only an observer sees it. `null` where unsupported.
 */
export function watchLcp(win: Window, signal: AbortSignal): () => number | null {
  let lcp: number | null = null;
  const Observer = (win as Window & typeof globalThis).PerformanceObserver;
  if (!Observer?.supportedEntryTypes?.includes('largest-contentful-paint')) return () => null;
  const observer = new Observer((list) => {
    const last = list.getEntries().at(-1);
    if (last) lcp = round(last.startTime);
  });
  observer.observe({ type: 'largest-contentful-paint', buffered: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  return () => lcp;
}

/** The page's language, load time and LCP for a touchpoint. */
export function pageContext(win: Window, lcpMs: number | null): PageContext {
  const doc = win.document;
  const language = (doc.documentElement.getAttribute('lang') || win.navigator.language || '').trim().slice(0, 35);
  return { language, loadMs: loadTime(win), lcpMs };
}
