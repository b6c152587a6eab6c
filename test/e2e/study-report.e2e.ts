import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../../scripts/demo-server';
import { waitForNewFile } from '../../scripts/driver/downloads';
import { sendMessagesInPage } from '../../scripts/driver/in-page';
import { E2E_EXTENSION_DIR, launchWaymark } from '../../scripts/driver/launch';
import { overflowingText, seriousAxeViolations } from '../../scripts/driver/page-checks';
import { WaymarkDriver } from '../../scripts/driver/waymark';

/** Where the report and comparison pictures go (`WAYMARK_SHOTS_DIR`, else a temporary folder). */
const SHOTS = process.env.WAYMARK_SHOTS_DIR ?? join(tmpdir(), 'waymark-study-report-shots');

interface Reply {
  ok: boolean;
  value?: unknown;
  error?: unknown;
}

/** Sends requests from an extension page, as the journeys page or side panel would. */
async function send(waymark: WaymarkDriver, messages: { type: string; payload: unknown }[]): Promise<unknown[]> {
  const page = await waymark.browser.context.newPage();
  await page.goto(waymark.popupUrl);
  const replies = (await page.evaluate(sendMessagesInPage, messages)) as Reply[];
  await page.close();
  for (const [i, reply] of replies.entries()) {
    if (!reply.ok) throw new Error(`${messages[i]!.type} failed: ${JSON.stringify(reply.error)}`);
  }
  return replies.map((r) => r.value);
}

/** What the story sets up: a study with a two-step script run on two competitors. */
interface StudySetup {
  studyId: string;
  acmeJourney: string;
  globexJourney: string;
}

const STEP_PRICE = randomUUID();
const STEP_CART = randomUUID();

/**
 * A study of "Leafy" against Acme and Globex (both on the demo shop's host),
 * with a script of a yes/no step and a 1..5 step; Mina runs it on Acme and
 * answers both, Ali on Globex and answers only the first. Ali's "Add to cart"
 * touchpoint is set to customer-owned; the rest are suggested brand-owned
 * (the journey's own site).
 */
async function runStudy(waymark: WaymarkDriver, demo: DemoServer, names: { study: string; acme: string; globex: string }) {
  const host = new URL(demo.origin).hostname;
  const acme = randomUUID();
  const globex = randomUUID();
  const studyId = randomUUID();
  await send(waymark, [
    {
      type: 'study.save',
      payload: {
        study: {
          id: studyId,
          name: names.study,
          goal: 'Buy a Monstera',
          brand: { name: 'Leafy', domains: ['leafy.example'] },
          competitors: [
            { id: acme, name: names.acme, domains: [host] },
            { id: globex, name: names.globex, domains: [host] },
          ],
          partners: [{ name: 'PayPal', domains: ['paypal.com'] }],
          stageSet: 'classic',
          tags: [],
          channels: [],
          persona: { name: 'Sam', values: '', motivations: '', goals: '', frustrations: '' },
          script: [
            {
              id: STEP_PRICE,
              title: 'Price shown on the product page',
              lookFor: 'A price with currency',
              criterion: { kind: 'yesno' },
            },
            {
              id: STEP_CART,
              title: 'Cart clarity',
              lookFor: 'Fees before checkout',
              criterion: { kind: 'scale', min: 1, max: 5 },
            },
          ],
          syncScreenshots: false,
        },
      },
    },
  ]);

  const shop = await waymark.browser.context.newPage();
  const run = async (
    siteId: string,
    researcher: string,
    title: string,
    tags: [string, string, Parameters<WaymarkDriver['tagElement']>[3]][],
  ) => {
    await shop.goto(`${demo.origin}/product.html?id=monstera`);
    const id = randomUUID();
    await send(waymark, [
      {
        type: 'journey.start',
        payload: { id, title, details: { studyId, siteId, researcher }, tabId: await waymark.tabIdOf(shop) },
      },
    ]);
    const popup = await waymark.openPopup(shop);
    for (const [path, selector, rating] of tags) {
      if (!shop.url().endsWith(path)) await shop.goto(`${demo.origin}${path}`);
      await popup.reload();
      await waymark.tagElement(popup, shop, selector, rating);
    }
    await popup.close();
    const [detail] = (await send(waymark, [{ type: 'journey.detail', payload: { journeyId: id } }])) as {
      touchpoints: { id: string; note: string }[];
    }[];
    return { id, touchpoint: (note: string) => detail!.touchpoints.find((tp) => tp.note === note)!.id };
  };

  const a = await run(acme, 'Mina', 'Acme run', [
    ['/product.html?id=monstera', '#price', { emotion: 1, effort: 1, note: 'Price is clear' }],
    ['/cart.html', '#delivery-fee', { emotion: -2, effort: 6, note: 'Surprise fee' }],
  ]);
  await send(waymark, [
    {
      type: 'journey.step',
      payload: {
        journeyId: a.id,
        stepId: STEP_PRICE,
        action: { type: 'answer', value: true, touchpointIds: [a.touchpoint('Price is clear')] },
      },
    },
    {
      type: 'journey.step',
      payload: {
        journeyId: a.id,
        stepId: STEP_CART,
        action: { type: 'answer', value: 4, touchpointIds: [a.touchpoint('Surprise fee')] },
      },
    },
  ]);

  const b = await run(globex, 'Ali', 'Globex run', [
    ['/product.html?id=monstera', '#price', { emotion: -1, effort: 3, note: 'Price hidden below the fold' }],
    ['/product.html?id=monstera', '#add-to-cart', { emotion: 2, effort: 1, note: 'Added at once' }],
  ]);
  await send(waymark, [
    {
      type: 'journey.step',
      payload: {
        journeyId: b.id,
        stepId: STEP_PRICE,
        action: { type: 'answer', value: false, touchpointIds: [b.touchpoint('Price hidden below the fold')] },
      },
    },
    { type: 'touchpoint.update', payload: { touchpointId: b.touchpoint('Added at once'), changes: { owner: 'customer' } } },
  ]);
  await shop.close();
  return { studyId, acmeJourney: a.id, globexJourney: b.id } satisfies StudySetup;
}

async function openMap(waymark: WaymarkDriver, journeyId: string): Promise<Page> {
  const map = await waymark.browser.context.newPage();
  await map.goto(`chrome-extension://${waymark.browser.extensionId}/map.html?journey=${journeyId}`);
  await map.locator('.wm-map-page[aria-busy="false"] .wm-script-report').waitFor();
  return map;
}

const cardCount = (map: Page) => map.locator('.wm-map-card').count();

describe('in Chromium, a study lead reads the script report and compares the script across competitors', () => {
  let demo: DemoServer;

  beforeAll(async () => {
    demo = await startDemoServer();
    await mkdir(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await demo?.close();
  });

  describe('in English', () => {
    let waymark: WaymarkDriver;
    let downloads: string;
    let setup: StudySetup;

    beforeAll(async () => {
      downloads = await mkdtemp(join(tmpdir(), 'waymark-study-report-'));
      waymark = new WaymarkDriver(await launchWaymark({ extensionDir: E2E_EXTENSION_DIR, downloadsPath: downloads }));
      setup = await runStudy(waymark, demo, { study: 'Checkout 2026', acme: 'Acme', globex: 'Globex' });
    });

    afterAll(async () => {
      await waymark?.browser.close();
      if (downloads) await rm(downloads, { recursive: true, force: true });
    });

    it('shows the study, the site, the script report with a missing step, and filters the map by owner', async () => {
      const map = await openMap(waymark, setup.globexJourney);
      const frame = map.locator('.wm-frame');
      expect(await frame.textContent()).toContain('Checkout 2026');
      expect(await frame.textContent()).toContain('Globex');

      const steps = map.locator('.wm-script-step');
      expect(await steps.count()).toBe(2);
      const price = map.locator(`.wm-script-step[data-step-id="${STEP_PRICE}"]`);
      expect(await price.getAttribute('data-status')).toBe('answered');
      expect(await price.locator('[data-answer]').textContent()).toBe('No');
      expect(await price.locator('.wm-evidence-item').count()).toBe(1);
      expect(await price.locator('.wm-evidence-title').textContent()).toBe('Price hidden below the fold');
      expect(await price.locator('.wm-evidence-time').textContent()).toMatch(/after the start/);
      expect(await price.locator('.wm-evidence-item img.wm-thumb').count()).toBe(1);
      const cart = map.locator(`.wm-script-step[data-step-id="${STEP_CART}"]`);
      expect(await cart.getAttribute('data-status')).toBe('missing');
      expect(await cart.locator('.wm-step-status').textContent()).toBe('Missing');
      expect(await map.locator('.wm-script-totals').textContent()).toBe('1 answered · 0 skipped · 1 missing');

      // Owners: the suggestion (brand, the journey's own site) and the one set by hand (customer).
      const owners = map.locator('.wm-owner-summary');
      expect(await owners.locator('tr[data-owner="brand"] [data-figure="count"]').textContent()).toBe('1');
      expect(await owners.locator('tr[data-owner="customer"] [data-figure="count"]').textContent()).toBe('1');
      expect(await owners.locator('tr[data-owner="partner"] [data-figure="count"]').textContent()).toBe('0');
      expect(await cardCount(map)).toBe(2);
      const filter = map.locator('select[name="owner-filter"]');
      await filter.selectOption('customer');
      await expect.poll(() => cardCount(map)).toBe(1);
      expect(await map.locator('.wm-map-card').textContent()).toContain('Added at once');
      expect(await map.locator('.wm-owner-shown').textContent()).toBe('Showing 1 of 2 touchpoints');
      await filter.selectOption('partner');
      await expect.poll(() => cardCount(map)).toBe(0);
      await filter.selectOption('brand');
      await expect.poll(() => cardCount(map)).toBe(1);
      expect(await map.locator('.wm-map-card').textContent()).toContain('Price hidden below the fold');
      await filter.selectOption('all');
      await expect.poll(() => cardCount(map)).toBe(2);
      expect(await seriousAxeViolations(map)).toEqual([]);
      await map.locator('.wm-script-report').screenshot({ path: join(SHOTS, 'study-report-en-light.png') });
      await map.locator('.wm-metrics').screenshot({ path: join(SHOTS, 'study-owners-en-light.png') });
      await map.screenshot({ path: join(SHOTS, 'study-map-en-light.png'), fullPage: true });

      // Acme's run answered both steps.
      const acme = await openMap(waymark, setup.acmeJourney);
      expect(await acme.locator('.wm-script-step[data-status="answered"]').count()).toBe(2);
      expect(await acme.locator(`.wm-script-step[data-step-id="${STEP_CART}"] [data-answer]`).textContent()).toBe('4 of 5');
    });

    it('compares the script side by side, step by step, and downloads it as CSV', async () => {
      const map = await openMap(waymark, setup.globexJourney);
      await map.locator('[data-action="compare-script"]').click();
      await map.waitForURL(/map\.html\?study=/);
      const table = map.locator('.wm-script-table');
      await table.waitFor();
      expect(await map.locator('.wm-study-compare h1').textContent()).toBe('Script comparison');
      const heads = table.locator('thead th[data-journey-id]');
      expect(await heads.evaluateAll((ths) => ths.map((th) => th.getAttribute('data-journey-id')))).toEqual([
        setup.acmeJourney,
        setup.globexJourney,
      ]);
      expect(await heads.allTextContents()).toEqual(['AcmeMina', 'GlobexAli']);

      const cells = async (stepId: string) =>
        table.locator(`tbody tr[data-step-id="${stepId}"] .wm-script-cell`).evaluateAll((tds) =>
          tds.map((td) => ({
            status: td.getAttribute('data-status'),
            answer: td.querySelector('.wm-cell-answer')?.textContent ?? null,
            evidence: td.querySelector('.wm-cell-evidence')?.textContent,
          })),
        );
      expect(await cells(STEP_PRICE)).toEqual([
        { status: 'answered', answer: 'Yes', evidence: 'Evidence: 1' },
        { status: 'answered', answer: 'No', evidence: 'Evidence: 1' },
      ]);
      expect(await cells(STEP_CART)).toEqual([
        { status: 'answered', answer: '4 of 5', evidence: 'Evidence: 1' },
        { status: 'missing', answer: null, evidence: 'Evidence: 0' },
      ]);
      const summary = (stepId: string) => table.locator(`tbody tr[data-step-id="${stepId}"] .wm-row-summary`).textContent();
      expect(await summary(STEP_PRICE)).toBe('2 answered · 0 skipped · 0 missingYes: 1');
      expect(await summary(STEP_CART)).toBe('1 answered · 0 skipped · 1 missingMean: 4.0');
      const ownerRow = map.locator('.wm-owner-compare tr[data-owner="customer"] td');
      expect(await ownerRow.allTextContents()).toEqual(['0', '1 (emotion 2.0)']);
      expect(await seriousAxeViolations(map)).toEqual([]);
      await map.screenshot({ path: join(SHOTS, 'study-compare-en-light.png'), fullPage: true });

      const before = new Set(await readdir(downloads));
      await map.locator('[data-action="download-csv"]').click();
      const name = await waitForNewFile(downloads, before);
      const csv = await readFile(join(downloads, name), 'utf8');
      expect(await map.locator('.wm-study-compare .wm-notice[data-kind="info"]').textContent()).toMatch(
        /^Saved waymark-script-checkout-2026-\d{4}-\d{2}-\d{2}\.csv$/,
      );
      expect(csv.startsWith('\uFEFF')).toBe(true);
      const lines = csv.slice(1).split('\r\n');
      expect(lines[0]).toBe(
        'step_id,step,look_for,criterion,Acme · Mina: answer,Acme · Mina: status,Acme · Mina: evidence,' +
          'Globex · Ali: answer,Globex · Ali: status,Globex · Ali: evidence,answered,skipped,missing,yes,mean',
      );
      expect(lines[1]).toBe(
        `${STEP_PRICE},Price shown on the product page,A price with currency,yesno,yes,answered,1,no,answered,1,2,0,0,1,`,
      );
      expect(lines[2]).toBe(`${STEP_CART},Cart clarity,Fees before checkout,scale 1-5,4,answered,1,,missing,0,1,0,1,,4`);
      expect(lines.slice(3)).toEqual(['']);
    });
  });

  describe('in Persian (right to left)', () => {
    let waymark: WaymarkDriver;
    let setup: StudySetup;

    beforeAll(async () => {
      waymark = new WaymarkDriver(await launchWaymark({ extensionDir: E2E_EXTENSION_DIR, locale: 'fa' }));
      setup = await runStudy(waymark, demo, { study: 'پرداخت ۲۰۲۶', acme: 'آکمه', globex: 'گلوبکس' });
    });

    afterAll(async () => {
      await waymark?.browser.close();
    });

    it('mirrors the report and the comparison, with no text overflowing', async () => {
      const map = await openMap(waymark, setup.globexJourney);
      expect(await map.evaluate(() => document.documentElement.dir)).toBe('rtl');
      expect(await map.locator('.wm-frame').textContent()).toContain('گلوبکس');
      expect(await map.locator(`.wm-script-step[data-step-id="${STEP_CART}"] .wm-step-status`).textContent()).toBe('بی‌پاسخ');
      expect(await overflowingText(map, 'body', '.wm-board-scroll, .wm-table-scroll')).toEqual([]);
      await map.locator('.wm-script-report').screenshot({ path: join(SHOTS, 'study-report-fa-light.png') });
      await map.locator('.wm-metrics').screenshot({ path: join(SHOTS, 'study-owners-fa-light.png') });
      await map.screenshot({ path: join(SHOTS, 'study-map-fa-light.png'), fullPage: true });

      await map.goto(`chrome-extension://${waymark.browser.extensionId}/map.html?study=${setup.studyId}`);
      await map.locator('.wm-script-table').waitFor();
      expect(await map.locator('.wm-script-table thead th[data-journey-id]').count()).toBe(2);
      expect(await overflowingText(map, 'body', '.wm-table-scroll')).toEqual([]);
      await map.screenshot({ path: join(SHOTS, 'study-compare-fa-light.png'), fullPage: true });
      await map.emulateMedia({ colorScheme: 'dark' });
      expect(await seriousAxeViolations(map)).toEqual([]);
      await map.screenshot({ path: join(SHOTS, 'study-compare-fa-dark.png'), fullPage: true });
    });
  });
});
