import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JourneyDetail, StudyInput } from '@/lib/messages/protocol';
import { type DemoServer, startDemoServer } from '../../scripts/demo-server';
import { sendMessagesInPage } from '../../scripts/driver/in-page';
import { E2E_EXTENSION_DIR, launchWaymark } from '../../scripts/driver/launch';
import { overflowingText, seriousAxeViolations } from '../../scripts/driver/page-checks';
import { WaymarkDriver } from '../../scripts/driver/waymark';

const SHOTS = join(process.cwd(), 'test-results', 'checklist');

interface Words {
  study: string;
  journey: string;
  steps: [string, string, string];
  lookFor: [string, string, string];
  unit: string;
}

const ENGLISH: Words = {
  study: 'Mystery shop: plant care',
  journey: 'Monstera, brand site',
  steps: ['Price shown before the cart', 'Time until the delivery fee is shown', 'How the product page speaks to you'],
  lookFor: [
    'The full price with VAT on the product page',
    'Count the seconds from the cart opening',
    'Words, tone, anything that stood out',
  ],
  unit: 'seconds',
};

const PERSIAN: Words = {
  study: 'خرید پنهان: نگهداری گیاه',
  journey: 'مونسترا، سایت برند',
  steps: ['قیمت پیش از سبد خرید نشان داده شد', 'زمان تا نمایش هزینهٔ ارسال', 'لحن صفحهٔ محصول با شما'],
  lookFor: ['قیمت کامل با مالیات در صفحهٔ محصول', 'ثانیه‌ها را از باز شدن سبد بشمارید', 'واژه‌ها، لحن، هر چیز چشمگیر'],
  unit: 'ثانیه',
};

/** A study on the demo shop's host with a 3-step script: yes/no, a number of seconds, text. */
function studyOf(words: Words, host: string): StudyInput {
  const criteria = [{ kind: 'yesno' }, { kind: 'number', unit: words.unit, min: 0 }, { kind: 'text' }] as const;
  return {
    id: randomUUID(),
    name: words.study,
    goal: 'Buy a Monstera',
    brand: { name: 'Demo shop', domains: [host] },
    competitors: [],
    partners: [],
    stageSet: 'classic',
    tags: [],
    channels: [],
    persona: { name: 'Sam', values: '', motivations: '', goals: '', frustrations: '' },
    script: criteria.map((criterion, i) => ({
      id: randomUUID(),
      title: words.steps[i]!,
      lookFor: words.lookFor[i]!,
      criterion,
    })),
    syncScreenshots: false,
  };
}

/** Sends one request from an extension page, as its own client does (runtime.sendMessage), and returns the value. */
async function send<T>(page: Page, type: string, payload: unknown): Promise<T> {
  const [reply] = (await page.evaluate(sendMessagesInPage, [{ type, payload }])) as (
    | { ok: true; value: T }
    | { ok: false; error: { message: string } }
  )[];
  if (!reply?.ok) throw new Error(`${type} failed: ${JSON.stringify(reply)}`);
  return reply.value;
}

/**
 * Opens the side panel (as a tab, 400 px wide), makes the study through the
 * worker's 'study.save' from it, starts a journey of the study on the shop's
 * tab and tags the price: the checklist shows.
 */
async function journeyInStudy(waymark: WaymarkDriver, demo: DemoServer, words: Words) {
  const { context, extensionId } = waymark.browser;
  const shop = await context.newPage();
  await shop.goto(`${demo.origin}/product.html?id=monstera`);
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 400, height: 900 });
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await panel.locator('.wm-sidepanel[aria-busy="false"]').waitFor();
  const study = await send<StudyInput>(panel, 'study.save', { study: studyOf(words, new URL(demo.origin).hostname) });
  const tabId = await waymark.tabIdOf(shop);
  const journeyId = randomUUID();
  await send(panel, 'journey.start', {
    id: journeyId,
    title: words.journey,
    details: { studyId: study.id, siteId: 'brand' },
    tabId,
  });
  await panel.locator('.wm-checklist .wm-cl-step').nth(2).waitFor();
  const popup = await waymark.openPopup(shop);
  await waymark.tagElement(popup, shop, '#price', { emotion: 1, effort: 2, note: words.steps[0] });
  await panel.locator('.wm-tl-touchpoint').first().waitFor();
  const steps = study.script!.map((s) => s.id);
  const step = (i: number) => panel.locator(`.wm-cl-step[data-step-id="${steps[i]}"]`);
  const detail = () => send<JourneyDetail>(panel, 'journey.detail', { journeyId });
  return { panel, steps, step, detail };
}

describe('in Chromium, a mystery shopper works through the study script in the side panel', () => {
  let demo: DemoServer;
  let waymark: WaymarkDriver;

  beforeAll(async () => {
    demo = await startDemoServer();
    await mkdir(SHOTS, { recursive: true });
    waymark = new WaymarkDriver(await launchWaymark({ extensionDir: E2E_EXTENSION_DIR }));
  });

  afterAll(async () => {
    await waymark?.browser.close();
    await demo?.close();
  });

  it('answers, attaches evidence, skips, writes, refuses a bad number in words, and sets an owner', async () => {
    const { panel, steps, step, detail } = await journeyInStudy(waymark, demo, ENGLISH);

    // The first step is current and open; the touchpoint just tagged is offered as its evidence.
    await expect.poll(() => step(0).getAttribute('aria-current')).toBe('step');
    expect(await step(0).locator('.wm-cl-lookfor').textContent()).toContain(ENGLISH.lookFor[0]);
    const offer = panel.locator('[data-action="attach-evidence"]');
    expect(await offer.textContent()).toBe(`Add the new touchpoint as evidence for “${ENGLISH.steps[0]}”`);

    // Step 1: yes, by keyboard; then the new touchpoint as its evidence.
    await step(0).locator('[data-answer="true"]').focus();
    await panel.keyboard.press('Enter');
    await expect.poll(() => step(0).getAttribute('data-status')).toBe('answered');
    await expect.poll(() => step(1).getAttribute('aria-current')).toBe('step');
    await offer.click();
    await expect.poll(() => step(0).locator('.wm-cl-evidence').getAttribute('data-count')).toBe('1');
    await offer.waitFor({ state: 'detached' });

    // Step 2 (seconds): a word is no number; the worker refuses it and the panel says why.
    await step(1).locator('input[name="answer"]').fill('soon');
    await step(1).locator('[data-action="save-answer"]').click();
    const refusal = step(1).locator('[role="alert"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe('That is not a number. Type digits only, such as 45 or 2.5.');
    expect(await step(1).getAttribute('data-status')).toBe('missing');
    await step(1).screenshot({ path: join(SHOTS, 'checklist-refusal-en.png') });

    // Skip it: it stays in the list, marked skipped; step 3 becomes current.
    await step(1).locator('[data-action="skip"]').click();
    await expect.poll(() => step(1).getAttribute('data-status')).toBe('skipped');
    await expect.poll(() => step(2).getAttribute('aria-current')).toBe('step');
    expect(await step(1).locator('.wm-cl-status').textContent()).toBe('Skipped');
    expect(await panel.locator('.wm-cl-step').count()).toBe(3);

    await panel.screenshot({ path: join(SHOTS, 'sidepanel-checklist-en-light.png'), fullPage: true });
    expect(await seriousAxeViolations(panel)).toEqual([]);
    expect(await overflowingText(panel, 'main')).toEqual([]);

    // Step 3: text.
    await step(2).locator('textarea[name="answer"]').fill('  Friendly, but the fee came late.  ');
    await step(2).locator('[data-action="save-answer"]').click();
    await expect.poll(() => step(2).getAttribute('data-status')).toBe('answered');
    await panel.locator('.wm-cl-done').waitFor();

    const { journey, touchpoints } = await detail();
    const answers = Object.fromEntries(journey.answers.map((a) => [a.stepId, a]));
    expect(answers[steps[0]!]).toMatchObject({ value: true, skipped: false, touchpointIds: [touchpoints[0]!.id] });
    expect(answers[steps[1]!]).toMatchObject({ value: null, skipped: true });
    expect(answers[steps[2]!]).toMatchObject({ value: 'Friendly, but the fee came late.', skipped: false });

    // An answered step can be changed: step 1 to no.
    await step(0).locator('[data-action="toggle-step"]').click();
    await step(0).locator('[data-answer="false"]').click();
    await expect.poll(async () => (await detail()).journey.answers.find((a) => a.stepId === steps[0])?.value).toBe(false);

    // Ownership: the shop is the study's brand, so the touchpoint is suggested brand-owned; set partner-owned.
    const chip = panel.locator('.wm-tl-touchpoint .wm-owner-chip');
    expect(await chip.textContent()).toBe('Brand-owned (suggested)');
    await panel.locator('.wm-tl-touchpoint [data-action="edit-touchpoint"]').click();
    const owner = panel.locator('.wm-editor select[name="owner"]');
    expect(await owner.inputValue()).toBe('');
    expect(await owner.locator('option').first().textContent()).toBe('Use suggestion: Brand-owned');
    await owner.selectOption('partner');
    await panel.locator('.wm-editor [data-action="save-touchpoint"]').click();
    await panel.locator('.wm-editor').waitFor({ state: 'detached' });
    await expect.poll(() => chip.textContent()).toBe('Partner-owned');
    expect(await chip.getAttribute('data-suggested')).toBe('false');
    expect((await detail()).touchpoints[0]!.owner).toBe('partner');

    // Back to the suggestion.
    await panel.locator('.wm-tl-touchpoint [data-action="edit-touchpoint"]').click();
    await owner.selectOption('');
    await panel.locator('.wm-editor [data-action="save-touchpoint"]').click();
    await expect.poll(() => chip.textContent()).toBe('Brand-owned (suggested)');
    expect((await detail()).touchpoints[0]!.owner).toBeNull();
  });
});

describe('in Chromium, the script checklist in Persian', () => {
  let demo: DemoServer;
  let waymark: WaymarkDriver;

  beforeAll(async () => {
    demo = await startDemoServer();
    await mkdir(SHOTS, { recursive: true });
    waymark = new WaymarkDriver(await launchWaymark({ extensionDir: E2E_EXTENSION_DIR, locale: 'fa' }));
  });

  afterAll(async () => {
    await waymark?.browser.close();
    await demo?.close();
  });

  it('reads right to left with nothing overflowing, light and dark', async () => {
    const { panel, step } = await journeyInStudy(waymark, demo, PERSIAN);
    expect(await panel.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await step(0).locator('[data-answer="true"]').click();
    await expect.poll(() => step(1).getAttribute('aria-current')).toBe('step');
    await step(1).screenshot({ path: join(SHOTS, 'checklist-number-fa.png') });
    // Persian digits are numbers too.
    await step(1).locator('input[name="answer"]').fill('۴۵');
    await step(1).locator('[data-action="save-answer"]').click();
    await expect.poll(() => step(2).getAttribute('aria-current')).toBe('step');
    expect(await step(1).locator('[data-testid="step-answer"]').textContent()).toBe(`۴۵ ${PERSIAN.unit}`);
    await step(1).locator('[data-action="toggle-step"]').click();
    await step(1).locator('[data-action="skip"]').click();
    await expect.poll(() => step(1).getAttribute('data-status')).toBe('skipped');
    await step(1).locator('[data-action="toggle-step"]').click();

    // The current step's accent bar is on its right edge: the start side in RTL.
    const bar = await step(2).evaluate((el) => getComputedStyle(el).boxShadow);
    expect(bar).toContain('-3px 0px 0px');
    expect(await overflowingText(panel, 'main')).toEqual([]);
    await panel.screenshot({ path: join(SHOTS, 'sidepanel-checklist-fa-light.png'), fullPage: true });
    await panel.emulateMedia({ colorScheme: 'dark' });
    expect(await overflowingText(panel, 'main')).toEqual([]);
    expect(await seriousAxeViolations(panel)).toEqual([]);
    await panel.screenshot({ path: join(SHOTS, 'sidepanel-checklist-fa-dark.png'), fullPage: true });
  });
});
