import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../../scripts/demo-server';
import { sendMessagesInPage } from '../../scripts/driver/in-page';
import { E2E_EXTENSION_DIR, launchWaymark } from '../../scripts/driver/launch';
import { WaymarkDriver } from '../../scripts/driver/waymark';

/**
 * In Chrome, findings work (edits, studies, import, export, team sync) runs in
 * an offscreen document the worker opens on demand and closes when idle
 * (entrypoints/background/findings-bridge.ts). These stories check it comes
 * and goes without losing a request: the researcher only sees edits land.
 */

type Reply = { ok: boolean; value?: unknown; error?: { code: string; message: string } };

/** Sends a request from an extension page, as the map and journeys page do. */
async function send(page: Page, type: string, payload: unknown): Promise<Reply> {
  const [reply] = await page.evaluate(sendMessagesInPage, [{ type, payload }]);
  return reply as Reply;
}

/** Whether Waymark's offscreen document is open (CDP lists it; Playwright does not). */
async function offscreenOpen(page: Page): Promise<boolean> {
  const cdp = await page.context().newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  await cdp.detach();
  return targetInfos.some((t) => t.url.startsWith('chrome-extension://') && t.url.endsWith('/offscreen.html'));
}

describe('in Chromium, findings work runs in an offscreen document that comes and goes', () => {
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

  it('edits land while the worker is killed and the idle document is closed and opened again', async () => {
    const shop = await waymark.browser.context.newPage();
    await shop.goto(`${demo.origin}/product.html?id=monstera`);
    const popup = await waymark.openPopup(shop);
    await waymark.startJourney(popup, 'Offscreen journey');
    await waymark.tagElement(popup, shop, '#add-to-cart', { emotion: 1, effort: 2, note: 'First note' });
    const page = popup;

    // Capture and the popup never open the document: the worker answers them.
    expect(await offscreenOpen(page)).toBe(false);
    const overview = (await send(page, 'journey.overview', {})) as Reply & {
      value: { journey: { id: string }; touchpoints: { id: string }[] };
    };
    const journeyId = overview.value.journey.id;
    const touchpointId = overview.value.touchpoints[0]!.id;

    // A findings request opens it, and the edit is stored.
    const edited = await send(page, 'touchpoint.update', { touchpointId, changes: { note: 'Edited in the document' } });
    expect(edited.ok, JSON.stringify(edited.error)).toBe(true);
    expect(await offscreenOpen(page)).toBe(true);
    expect(await waymark.dumpDatabase()).toContain('Edited in the document');

    // Chrome kills the worker: the next findings request wakes it and still lands.
    await waymark.killWorker(page);
    const renamed = await send(page, 'journey.update', { journeyId, details: { title: 'Renamed after a kill' } });
    expect(renamed.ok, JSON.stringify(renamed.error)).toBe(true);
    expect(await waymark.dumpDatabase()).toContain('Renamed after a kill');

    // The idle alarm closes the document (an unpacked extension's alarm may fire at once)...
    await page.evaluate(() => {
      const { chrome } = globalThis as unknown as { chrome: { alarms: { create(name: string, info: { when: number }): void } } };
      chrome.alarms.create('waymark-offscreen-idle', { when: Date.now() });
    });
    await expect.poll(() => offscreenOpen(page), { timeout: 15_000 }).toBe(false);

    // ...and requests sent together reopen it once and are all answered.
    const replies = await Promise.all([
      send(page, 'study.list', {}),
      send(page, 'sync.status', {}),
      send(page, 'touchpoint.update', { touchpointId, changes: { note: 'Edited after the close' } }),
      send(page, 'study.list', {}),
    ]);
    expect(replies.map((r) => r.ok)).toEqual([true, true, true, true]);
    expect(await offscreenOpen(page)).toBe(true);
    expect(await waymark.dumpDatabase()).toContain('Edited after the close');
  });

  it('validates findings requests where they run and says why one is refused', async () => {
    const page = await waymark.openJourneysPage();
    const bad = await send(page, 'journey.edit', { edit: { type: 'merge', keepId: 'not-an-id' } });
    expect(bad.ok).toBe(false);
    expect(bad.error?.code).toBe('bad-request');
    expect(bad.error?.message).toContain('journey.edit');
    const missing = await send(page, 'touchpoint.update', {
      touchpointId: '00000000-0000-4000-8000-000000000000',
      changes: { note: 'nobody' },
    });
    expect(missing.ok).toBe(false);
    expect(missing.error?.code).toBe('not-found');
  });

  it('answers what only the offscreen document may ask (team sync credentials) to no other page', async () => {
    const page = await waymark.openJourneysPage();
    for (const [type, payload] of [
      ['host.readStorage', { key: 'syncConfig' }],
      ['host.writeStorage', { key: 'settings', value: { author: 'Mallory' } }],
      ['host.download', { url: 'blob:https://evil.example/1', fileName: 'x.json' }],
    ] as const) {
      const reply = await send(page, type, payload);
      expect(reply.ok, type).toBe(false);
      expect(reply.error?.code, type).toBe('forbidden-sender');
    }
    expect(await waymark.dumpDatabase()).not.toContain('Mallory');
  });
});
