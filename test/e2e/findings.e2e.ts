import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportFile } from '@/lib/model/export-file';
import { type DemoServer, startDemoServer } from '../../scripts/demo-server';
import { waitForNewFile } from '../../scripts/driver/downloads';
import { E2E_EXTENSION_DIR, launchWaymark } from '../../scripts/driver/launch';
import { seriousAxeViolations } from '../../scripts/driver/page-checks';
import { WaymarkDriver } from '../../scripts/driver/waymark';

/** For each curve point: its stage, and whether its centre lies inside that stage's column (element geometry). */
function pointsInColumns(map: Page): Promise<{ stage: string; inColumn: boolean }[]> {
  return map.evaluate(() =>
    Array.from(document.querySelectorAll<SVGGElement>('.wm-curve-point')).map((point) => {
      const stage = point.dataset.stage ?? '';
      const dot = point.querySelector('.wm-curve-dot')!.getBoundingClientRect();
      const x = dot.left + dot.width / 2;
      const column = document.querySelector(`.wm-column[data-stage="${CSS.escape(stage)}"]`)?.getBoundingClientRect();
      return { stage, inColumn: column !== undefined && x > column.left && x < column.right };
    }),
  );
}

describe('in Chromium, a researcher reviews a captured journey in the side panel and on the journey map', () => {
  let demo: DemoServer;
  let waymark: WaymarkDriver;
  let downloads: string;

  beforeAll(async () => {
    demo = await startDemoServer();
    downloads = await mkdtemp(join(tmpdir(), 'waymark-findings-'));
    waymark = new WaymarkDriver(await launchWaymark({ extensionDir: E2E_EXTENSION_DIR, downloadsPath: downloads }));
  });

  afterAll(async () => {
    await waymark?.browser.close();
    await demo?.close();
    if (downloads) await rm(downloads, { recursive: true, force: true });
  });

  it('shows touchpoints live, edits them in place and on the map, and the export has the edits', async () => {
    const { context, extensionId } = waymark.browser;
    const base = `chrome-extension://${extensionId}`;
    const shop = await context.newPage();
    await shop.goto(`${demo.origin}/product.html?id=monstera`);
    const popup = await waymark.openPopup(shop);
    await waymark.startJourney(popup, 'Buy a Monstera');

    // The side panel, opened as a tab, follows the running journey.
    const panel = await context.newPage();
    await panel.goto(`${base}/sidepanel.html`);
    await panel.locator('.wm-sidepanel[aria-busy="false"] h1').waitFor();
    expect(await panel.locator('h1').textContent()).toBe('Buy a Monstera');

    await waymark.tagElement(popup, shop, '#price', { emotion: 1, effort: 1, note: 'Price is clear' });
    await expect.poll(() => panel.locator('.wm-tl-touchpoint').count()).toBe(1);
    await shop.goto(`${demo.origin}/cart.html`);
    await popup.reload();
    await waymark.tagElement(popup, shop, '#delivery-fee', { emotion: -2, effort: 6, note: 'Surprise fee' });
    // Live: no reload of the panel.
    await expect.poll(() => panel.locator('.wm-tl-touchpoint').count()).toBe(2);
    expect(await seriousAxeViolations(panel)).toEqual([]);

    // Edit the second touchpoint in place: its stage.
    await panel.locator('.wm-tl-touchpoint').nth(1).locator('[data-action="edit-touchpoint"]').click();
    await panel.locator('.wm-editor select[name="stage"]').selectOption('purchase');
    await panel.locator('.wm-editor [data-action="save-touchpoint"]').click();
    await panel.locator('.wm-editor').waitFor({ state: 'detached' });
    await expect.poll(() => panel.locator('.wm-tl-touchpoint').nth(1).locator('.wm-stage-chip').textContent()).toBe('Purchase');

    // The map: one point per touchpoint, each over its stage's column.
    const journeyId = JSON.parse(await waymark.dumpDatabase()).journeys[0].id as string;
    const map = await context.newPage();
    await map.goto(`${base}/map.html?journey=${journeyId}`);
    await map.locator('.wm-map-page[aria-busy="false"] .wm-curve svg').waitFor();
    expect(await map.locator('.wm-curve-point').count()).toBe(2);
    expect(await pointsInColumns(map)).toEqual([
      { stage: 'purchase', inColumn: true },
      { stage: '', inColumn: true },
    ]);
    expect(await map.locator('.wm-column[data-stage="purchase"] .wm-map-card').count()).toBe(1);
    expect(await map.locator('.wm-map-card[data-pain="true"]').count()).toBe(1);
    expect(await seriousAxeViolations(map)).toEqual([]);

    // Edit on the map: give the first touchpoint a stage and a moment-of-truth tag.
    const price = map.locator('.wm-map-card', { hasText: 'Price is clear' });
    await price.locator('[data-action="edit"]').click();
    await map.locator('.wm-editor select[name="stage"]').selectOption('consideration');
    await map.locator('.wm-editor input[value="moment-of-truth"]').check();
    await map.locator('.wm-editor [data-action="save-touchpoint"]').click();
    await map.locator('.wm-column[data-stage="consideration"] .wm-map-card').waitFor();
    expect(await pointsInColumns(map)).toEqual([
      { stage: 'consideration', inColumn: true },
      { stage: 'purchase', inColumn: true },
    ]);
    expect(await map.locator('.wm-curve-truth').count()).toBe(1);

    // Delete the fee touchpoint, then undo.
    const fee = map.locator('.wm-map-card', { hasText: 'Surprise fee' });
    await fee.locator('[data-action="more"]').click();
    await fee.locator('[data-action="delete-touchpoint"]').click();
    await expect.poll(() => map.locator('.wm-curve-point').count()).toBe(1);
    await map.locator('.wm-undo-bar [data-action="undo"]').click();
    await expect.poll(() => map.locator('.wm-curve-point').count()).toBe(2);

    // The export carries the edits.
    const before = new Set(await readdir(downloads));
    await map.locator('[data-action="export-json"]').click();
    const file = ExportFile.parse(JSON.parse(await readFile(join(downloads, await waitForNewFile(downloads, before)), 'utf8')));
    const byNote = Object.fromEntries(file.touchpoints.map((tp) => [tp.note, tp]));
    expect(byNote['Price is clear']).toMatchObject({ stage: 'consideration', tags: ['moment-of-truth'] });
    expect(byNote['Surprise fee']).toMatchObject({ stage: 'purchase', emotion: -2, effort: 6 });
    expect(file.touchpoints).toHaveLength(2);

    // The side panel saw the map's edits too.
    await expect.poll(() => panel.locator('.wm-tl-touchpoint .wm-flag[data-flag="truth"]').count()).toBe(1);

    // Promote a logged step (the cart page's load) to a touchpoint in the panel: the map follows.
    const step = panel.locator('.wm-tl-interaction', { hasText: 'Your cart' }).first();
    await step.locator('[data-action="promote"]').click();
    await panel.locator('.wm-editor input[data-emotion="-1"]').check({ force: true });
    await panel.locator('.wm-editor input[data-effort="5"]').check({ force: true });
    await panel.locator('.wm-editor [data-action="save-touchpoint"]').click();
    await expect.poll(() => panel.locator('.wm-tl-touchpoint').count()).toBe(3);
    await expect.poll(() => map.locator('.wm-curve-point').count()).toBe(3);

    expect(await seriousAxeViolations(popup)).toEqual([]);
    const journeys = await waymark.openJourneysPage();
    expect(await seriousAxeViolations(journeys)).toEqual([]);
  });
});
