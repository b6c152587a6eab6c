import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Interaction } from '@/lib/model/interaction';
import type { Journey } from '@/lib/model/journey';
import type { Touchpoint } from '@/lib/model/touchpoint';
import { type DemoServer, startDemoServer } from '../../scripts/demo-server';
import { E2E_EXTENSION_DIR, launchWaymark, type WaymarkBrowser } from '../../scripts/driver/launch';
import { WaymarkDriver } from '../../scripts/driver/waymark';

/** The records in Waymark's database, read from an extension page. */
interface Dump {
  journeys: Journey[];
  touchpoints: Touchpoint[];
  interactions: Interaction[];
}

async function dump(waymark: WaymarkDriver): Promise<Dump> {
  return JSON.parse(await waymark.dumpDatabase()) as Dump;
}

/** Clicks that the recorder logged on buttons whose label starts with `prefix`. */
const clicksOn = (d: Dump, prefix: string) => d.interactions.filter((i) => i.kind === 'click' && i.label.startsWith(prefix));

describe('in Chromium, the journey engine', () => {
  let demo: DemoServer;
  let browser: WaymarkBrowser;
  let waymark: WaymarkDriver;

  beforeAll(async () => {
    demo = await startDemoServer({ slowMs: 3_500 });
    browser = await launchWaymark({ extensionDir: E2E_EXTENSION_DIR });
    waymark = new WaymarkDriver(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('logs clicks, route changes, submits, tabs, errors and long waits in the journey’s tabs only, never typed text', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${demo.origin}/compare.html`);
    const elsewhere = await browser.context.newPage();
    await elsewhere.goto(`${demo.origin}/product.html?id=elsewhere`);
    const popup = await waymark.openPopup(page);
    await waymark.startJourney(popup, 'Compare plants');
    // The recorder is injected when the journey starts; it reports the page it found first.
    await expect.poll(async () => (await dump(waymark)).interactions.some((i) => i.kind === 'navigation')).toBe(true);

    await page.bringToFront();
    await page.click('[data-plant="monstera"]');
    await page.click('a[href$="section=care"]');
    await page.fill('#notes', 'TYPED-SECRET-NOTE');
    await page.fill('#ask-email', 'jane.doe@example.com');
    await page.click('#ask button[type="submit"]');
    await elsewhere.click('#add-to-cart'); // not a tab of the journey
    // A tab opened from a journey tab joins the journey (tab lineage).
    const [child] = await Promise.all([
      browser.context.waitForEvent('page'),
      page.evaluate((url) => window.open(url, '_blank'), `${demo.origin}/missing-page.html`),
    ]);
    await child!.waitForLoadState('load');
    // The recorder reaches a new tab after its load (worker hears "complete", then injects it):
    // stay on the error page until it has reported, as a researcher reading it would.
    await expect
      .poll(async () => (await dump(waymark)).interactions.some((i) => i.kind === 'http-error'), { timeout: 20_000 })
      .toBe(true);
    await child!.goto(`${demo.origin}/slow.html`);
    await child!.click('a[href="/"]').catch(() => undefined);

    await expect
      .poll(async () => (await dump(waymark)).interactions.map((i) => i.kind).sort(), { timeout: 20_000 })
      .toEqual(expect.arrayContaining(['click', 'route-change', 'submit', 'tab-open', 'http-error', 'long-wait', 'navigation']));
    const d = await dump(waymark);
    const journey = d.journeys.find((j) => j.title === 'Compare plants')!;
    expect(d.interactions.every((i) => i.journeyId === journey.id)).toBe(true);
    expect(clicksOn(d, 'button "Monstera details"')).toHaveLength(1);
    expect(clicksOn(d, 'link "Care"')).toHaveLength(1);
    // One navigation per document, however often the worker injected the recorder.
    expect(d.interactions.filter((i) => i.kind === 'navigation' && i.url === `${demo.origin}/compare.html`)).toHaveLength(1);
    expect(d.interactions.find((i) => i.kind === 'route-change')?.url).toBe(`${demo.origin}/compare.html?section=care`);
    expect(d.interactions.find((i) => i.kind === 'submit')?.label).toBe('form "Ask a gardener"');
    expect(d.interactions.find((i) => i.kind === 'http-error')).toMatchObject({ httpStatus: 404 });
    expect(d.interactions.find((i) => i.kind === 'long-wait')?.durationMs).toBeGreaterThanOrEqual(3_000);
    expect(d.interactions.some((i) => i.url.includes('id=elsewhere'))).toBe(false);
    const text = JSON.stringify(d);
    expect(text).not.toContain('TYPED-SECRET-NOTE');
    expect(text).not.toContain('jane.doe@example.com');
    await Promise.all([page.close(), elsewhere.close(), child!.close(), popup.close()]);
  });

  it('loses and duplicates nothing while the worker is killed 20 times during 200 tags and interactions', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${demo.origin}/compare.html?run=kills`);
    const popup = await waymark.openPopup(page);
    await waymark.startJourney(popup, 'Twenty kills');
    const buttons = await page.locator('[data-plant]').all();
    for (let round = 0; round < 20; round++) {
      await page.bringToFront();
      for (const button of buttons) await button.click(); // 8 interactions
      for (const n of [0, 1]) {
        await waymark.tagElement(popup, page, `[data-plant]:nth-of-type(1)`, {
          emotion: 1,
          effort: 2,
          note: `round ${round} tag ${n}`,
        });
        await page.keyboard.press('Escape').catch(() => undefined);
      }
      await waymark.killWorker(page);
    }
    const expectedClicks = 20 * buttons.length;
    await expect
      .poll(async () => clicksOn(await dump(waymark), 'button "').length, { timeout: 30_000 })
      .toBeGreaterThanOrEqual(expectedClicks);
    const d = await dump(waymark);
    const journey = d.journeys.find((j) => j.title === 'Twenty kills')!;
    const notes = d.touchpoints.filter((tp) => tp.journeyId === journey.id).map((tp) => tp.note);
    expect(notes).toHaveLength(40);
    expect(new Set(notes).size).toBe(40);
    const clicks = clicksOn(d, 'button "').filter((i) => i.journeyId === journey.id && i.url.endsWith('run=kills'));
    // Each click once: the ids are made in the page, so a resent batch is not stored twice.
    expect(clicks).toHaveLength(expectedClicks);
    await Promise.all([page.close(), popup.close()]);
  }, 240_000);
});

describe('in Chromium, after the browser process is killed', () => {
  let demo: DemoServer;
  let profileDir: string;

  beforeAll(async () => {
    demo = await startDemoServer({});
    profileDir = await mkdtemp(join(tmpdir(), 'waymark-sigkill-'));
  });

  afterAll(async () => {
    await demo?.close();
    await rm(profileDir, { recursive: true, force: true });
  });

  /** SIGKILLs every process of the browser using `profileDir`, as a crash or power cut would end it. */
  function killBrowser(): void {
    const pids = execFileSync('pgrep', ['-f', `user-data-dir=${profileDir}`], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    for (const pid of pids) {
      try {
        process.kill(Number(pid), 'SIGKILL');
      } catch {
        // Already gone with its parent.
      }
    }
  }

  it('keeps every acknowledged touchpoint and resumes the journey', async () => {
    const first = await launchWaymark({ extensionDir: E2E_EXTENSION_DIR, profileDir });
    const waymark = new WaymarkDriver(first);
    const page: Page = await first.context.newPage();
    await page.goto(`${demo.origin}/compare.html`);
    const popup = await waymark.openPopup(page);
    await waymark.startJourney(popup, 'Crash test');
    await waymark.tagElement(popup, page, '[data-plant="ficus"]', { emotion: -1, effort: 4, note: 'before the crash 1' });
    await waymark.tagElement(popup, page, '[data-plant="fern"]', { emotion: 2, effort: 1, note: 'before the crash 2' });
    killBrowser();
    await first.context.close().catch(() => undefined);

    const second = await launchWaymark({ extensionDir: E2E_EXTENSION_DIR, profileDir });
    try {
      const again = new WaymarkDriver(second);
      const after = await dump(again);
      const journey = after.journeys.find((j) => j.title === 'Crash test');
      expect(journey?.status).toBe('running');
      expect(after.touchpoints.map((tp) => tp.note).sort()).toEqual(['before the crash 1', 'before the crash 2']);
      const resumed = await second.context.newPage();
      await resumed.goto(`${demo.origin}/compare.html?after=crash`);
      const popup2 = await again.openPopup(resumed);
      await again.tagElement(popup2, resumed, '[data-plant="palm"]', { emotion: 0, effort: 3, note: 'after the crash' });
      const end = await dump(again);
      expect(end.touchpoints.filter((tp) => tp.journeyId === journey?.id)).toHaveLength(3);
    } finally {
      await second.close();
    }
  }, 120_000);
});
