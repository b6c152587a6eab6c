/**
 * Calls one of the background's trigger handlers (entrypoints/background/triggers.ts)
 * as the browser would for a shortcut or a context menu click, from one of
 * Waymark's pages, through the port test builds open for it. Runs in the
 * extension page, so it must not use anything from outside itself.
 */
export interface TriggerMessage {
  kind: 'command' | 'contextMenu';
  tabId: number;
  /** For `command`: `tag-element`, `tag-page` or `show-pins`. */
  command?: string;
  /** For `contextMenu`: what the browser reports about the click. */
  info?: { frameId?: number; linkUrl?: string; srcUrl?: string; mediaType?: string; selectionText?: string };
}

/** The handler's result (`{ ok: true, value: null }` or `{ ok: false, error }`). */
export function triggerInPage(message: TriggerMessage): Promise<unknown> {
  const g = globalThis as unknown as {
    browser?: { runtime: { connect: (o: object) => Port } };
    chrome?: { runtime: { connect: (o: object) => Port } };
  };
  interface Port {
    postMessage: (m: unknown) => void;
    disconnect: () => void;
    onMessage: { addListener: (fn: (m: unknown) => void) => void };
  }
  const runtime = (g.browser ?? g.chrome)!.runtime;
  return new Promise((resolve) => {
    const port = runtime.connect({ name: 'waymark-test-trigger' });
    port.onMessage.addListener((reply) => {
      resolve(reply);
      port.disconnect();
    });
    port.postMessage(message);
  });
}
