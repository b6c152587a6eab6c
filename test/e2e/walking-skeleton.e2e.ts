import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportFile } from '@/lib/model/export-file';
import { type DemoServer, startDemoServer } from '../../scripts/demo-server';
import { launchChromiumStory } from '../../scripts/driver/chromium-story';
import { launchFirefoxStory } from '../../scripts/driver/firefox-story';
import type { StoryDriver } from '../../scripts/driver/story';

const browsers = [
  { browser: 'Chromium', launch: launchChromiumStory },
  { browser: 'Firefox', launch: launchFirefoxStory },
];

describe.each(browsers)('in $browser, a researcher captures a journey and exports it', ({ launch }) => {
  let demo: DemoServer;
  let waymark: StoryDriver;

  beforeAll(async () => {
    demo = await startDemoServer({ slowMs: 200 });
    waymark = await launch();
  });

  afterAll(async () => {
    await waymark?.close();
    await demo?.close();
  });

  it('tags two elements on two pages, survives a restarted background, and exports both', async () => {
    const shop = await waymark.openPage(`${demo.origin}/product.html?id=monstera&utm_source=newsletter`);
    const popup = await waymark.openPopup(shop);
    await waymark.startJourney(popup, 'Buy a Monstera');

    await waymark.tagElement(popup, shop, '#add-to-cart', { emotion: 1, effort: 2, note: 'Clear call to action' });

    // Chrome kills idle MV3 workers, Firefox restarts background pages: nothing acknowledged may be lost.
    await waymark.restartBackground(shop);

    await shop.goto(`${demo.origin}/cart.html`);
    await popup.reload();
    await waymark.tagElement(popup, shop, '#delivery-fee', { emotion: -2, effort: 6, note: 'Surprise fee' });

    await popup.reload();
    await expect.poll(() => popup.count('.wm-touchpoint')).toBe(2);

    const { fileName, json } = await waymark.exportJson(popup);
    expect(fileName).toMatch(/^waymark-buy-a-monstera-\d{4}-\d{2}-\d{2}\.json$/);
    const file = ExportFile.parse(json);
    expect(file.journeys).toHaveLength(1);
    expect(file.journeys[0]?.title).toBe('Buy a Monstera');
    expect(file.touchpoints.map((tp) => [tp.emotion, tp.effort, tp.note])).toEqual([
      [1, 2, 'Clear call to action'],
      [-2, 6, 'Surprise fee'],
    ]);
    const [first, second] = file.touchpoints;
    const check = await waymark.openPage(`${demo.origin}/product.html?id=monstera`);
    expect(
      await check.evaluate(
        (sel) => document.querySelectorAll(sel).length === 1 && document.querySelector(sel)?.id,
        first?.anchor.selector ?? '',
      ),
    ).toBe('add-to-cart');
    expect(first?.anchor.quote.exact).toBe('Add to cart');
    expect(first?.url).toBe(`${demo.origin}/product.html?id=monstera`);
    expect(first?.pageTitle).toBe('Monstera Deliciosa – Fern & Field');
    expect(second?.anchor.quote.exact).toContain('delivery fee');
    expect(second?.url).toBe(`${demo.origin}/cart.html`);
  });
});
