import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../../scripts/demo-server';
import { E2E_EXTENSION_DIR, launchWaymark } from '../../scripts/driver/launch';
import { WaymarkDriver } from '../../scripts/driver/waymark';

/**
 * Waymark must cost a browsing researcher nothing until they use it (issue
 * #7): with no journey running, loading pages does not even start its
 * service worker; once a journey runs, the worker follows its tabs again,
 * also after Chrome stopped it.
 */

/** Records every running status Chrome reports for Waymark's worker from now on (CDP `ServiceWorker`). */
async function watchWorker(page: Page, extensionId: string) {
  const cdp = await page.context().newCDPSession(page);
  const seen: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) if (v.scriptURL.startsWith(`chrome-extension://${extensionId}/`)) seen.push(v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  return {
    /** Statuses reported since the last call. */
    take: () => seen.splice(0),
    stop: () => cdp.detach(),
  };
}

/**
 * Whether the live worker listens to tab updates now. Read before killing it: a worker stopped while
 * it still listened is woken once more by the next page load, then lets go again.
 */
async function followsTabs(waymark: WaymarkDriver): Promise<boolean> {
  const scope = `chrome-extension://${waymark.browser.extensionId}/`;
  const worker = waymark.browser.context.serviceWorkers().find((w) => w.url().startsWith(scope));
  if (!worker) throw new Error('Waymark has no running service worker.');
  return worker.evaluate(() => {
    const { chrome } = globalThis as unknown as { chrome: { tabs: { onUpdated: { hasListeners(): boolean } } } };
    return chrome.tabs.onUpdated.hasListeners();
  });
}

describe('in Chromium, Waymark stays asleep while no journey runs', () => {
  let demo: DemoServer;
  let waymark: WaymarkDriver;

  beforeAll(async () => {
    demo = await startDemoServer();
    waymark = new WaymarkDriver(await launchWaymark({ extensionDir: E2E_EXTENSION_DIR }));
  });

  afterAll(async () => {
    await waymark?.browser.close();
    await demo?.close();
  });

  it('loads pages without waking the worker, and follows a journey’s tabs again once one runs', async () => {
    const { context, extensionId } = waymark.browser;
    const shop = await context.newPage();
    await shop.goto(`${demo.origin}/index.html`);
    await expect.poll(() => followsTabs(waymark)).toBe(false);
    await waymark.killWorker(shop);
    const worker = await watchWorker(shop, extensionId);
    worker.take();

    // Browsing with no journey: the worker is never started.
    for (const path of ['product.html?id=monstera', 'cart.html', 'index.html', 'product.html?id=fern']) {
      await shop.goto(`${demo.origin}/${path}`);
    }
    const other = await context.newPage();
    await other.goto(`${demo.origin}/cart.html`);
    await other.close();
    await new Promise((done) => setTimeout(done, 500));
    expect(worker.take().filter((s) => s === 'starting' || s === 'running')).toEqual([]);

    // A journey starts: its tab's navigations are logged, also once Chrome has stopped the worker.
    const popup = await waymark.openPopup(shop);
    await waymark.startJourney(popup, 'Awake for a journey');
    await waymark.killWorker(shop);
    worker.take();
    await shop.goto(`${demo.origin}/cart.html`);
    await expect.poll(() => worker.take().includes('running'), { timeout: 10_000 }).toBe(true);
    // Nothing was stored before the journey: the cart page in the database is the navigation the worker followed.
    await expect.poll(async () => (await waymark.dumpDatabase()).includes('cart.html'), { timeout: 10_000 }).toBe(true);

    // The journey ends: the tabs are let go again.
    await popup.reload();
    await waymark.endJourney(popup);
    await popup.close();
    // The page the journey left still holds its recorder, which hands over what it has as the page goes.
    await shop.goto(`${demo.origin}/index.html`);
    await expect.poll(() => followsTabs(waymark)).toBe(false);
    await waymark.killWorker(shop);
    worker.take();
    await shop.goto(`${demo.origin}/product.html?id=monstera`);
    await shop.goto(`${demo.origin}/cart.html`);
    await new Promise((done) => setTimeout(done, 500));
    expect(worker.take().filter((s) => s === 'starting' || s === 'running')).toEqual([]);
    await worker.stop();
  });
});
