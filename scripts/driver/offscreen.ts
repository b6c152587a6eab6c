import type { CDPSession, Page } from 'playwright-core';

/**
 * Runs `expression` in Waymark's offscreen document (the findings host in
 * Chrome) and returns its value. Playwright lists no offscreen documents
 * (CDP reports them as `background_page` targets it does not attach to), so
 * this attaches over CDP from `page`, any page of the same browser. The
 * document must be open: send a findings request first.
 */
export async function evaluateInOffscreen(page: Page, expression: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const target = targetInfos.find((t) => t.url.startsWith('chrome-extension://') && t.url.endsWith('/offscreen.html'));
    if (!target) throw new Error('Waymark has no offscreen document open.');
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    return await evaluateThrough(cdp, sessionId, expression);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** One `Runtime.evaluate` through a non-flat target session (the CDP session cannot address a child session itself). */
function evaluateThrough(cdp: CDPSession, sessionId: string, expression: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const id = 1;
    const onMessage = (event: { sessionId?: string; message: string }) => {
      if (event.sessionId !== sessionId) return;
      const reply = JSON.parse(event.message) as {
        id?: number;
        result?: { result?: { value?: unknown }; exceptionDetails?: { text: string } };
        error?: { message: string };
      };
      if (reply.id !== id) return;
      cdp.off('Target.receivedMessageFromTarget', onMessage);
      if (reply.error) reject(new Error(reply.error.message));
      else if (reply.result?.exceptionDetails) reject(new Error(reply.result.exceptionDetails.text));
      else resolve(reply.result?.result?.value);
    };
    cdp.on('Target.receivedMessageFromTarget', onMessage);
    const params = { expression, returnByValue: true, awaitPromise: true };
    cdp
      .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.evaluate', params }) })
      .catch(reject);
  });
}
