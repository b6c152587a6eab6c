import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Touchpoint } from '@/lib/model/touchpoint';
import { type DemoServer, startDemoServer } from '../../scripts/demo-server';
import { sendMessagesInPage } from '../../scripts/driver/in-page';
import { E2E_EXTENSION_DIR, launchWaymark, type WaymarkBrowser } from '../../scripts/driver/launch';
import { type TriggerMessage, triggerInPage } from '../../scripts/driver/trigger-in-page';
import { WaymarkDriver } from '../../scripts/driver/waymark';

/**
 * Issue #3's triggers, in Chromium: the shortcut and context-menu handlers of
 * the background (called as the browser calls them, through the test build's
 * port) tag an element, a selection, a link and a page; ratings by keyboard;
 * the never-capture list; a hostile page; pins after a reload and a change.
 */
describe('in Chromium, capture from shortcuts and context menus', () => {
  let demo: DemoServer;
  let browser: WaymarkBrowser;
  let waymark: WaymarkDriver;

  beforeAll(async () => {
    demo = await startDemoServer();
    browser = await launchWaymark({ extensionDir: E2E_EXTENSION_DIR });
    waymark = new WaymarkDriver(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  /** Runs in a fresh extension page, so no stale worker handle is ever used. */
  async function inExtensionPage<A, R>(fn: (arg: A) => Promise<R>, arg: A): Promise<R> {
    const page = await browser.context.newPage();
    await page.goto(waymark.popupUrl);
    const result = await page.evaluate(fn as (arg: unknown) => Promise<R>, arg);
    await page.close();
    return result;
  }

  const trigger = (message: TriggerMessage) => inExtensionPage(triggerInPage, message);

  async function touchpoints(): Promise<Touchpoint[]> {
    const [reply] = (await inExtensionPage(sendMessagesInPage, [{ type: 'journey.overview', payload: {} }])) as {
      value: { touchpoints: Touchpoint[] };
    }[];
    return reply!.value.touchpoints;
  }

  const card = (page: Page) => page.locator('waymark-capture .wm-card');

  /** Ratings by keyboard alone, Enter saves; waits for the confirmation. */
  async function rateAndSave(page: Page, emotion: number, effort: number): Promise<void> {
    await card(page).waitFor();
    await page.keyboard.press(`Digit${emotion + 3}`);
    await page.keyboard.press(`Shift+Digit${effort}`);
    await page.keyboard.press('Enter');
    await card(page).locator('.wm-confirm[role="status"]').waitFor();
  }

  async function openShop(path: string): Promise<{ page: Page; tabId: number }> {
    const page = await browser.context.newPage();
    await page.goto(`${demo.origin}${path}`);
    const tabId = await waymark.tabIdOf(page);
    await page.bringToFront();
    return { page, tabId };
  }

  it('tags an element, a selection, a link and the page, with every field of the card', async () => {
    const { page, tabId } = await openShop('/product.html?id=monstera&story=triggers');
    const popup = await waymark.openPopup(page);
    await waymark.startJourney(popup, 'Triggers');
    await popup.close();
    await page.bringToFront();

    // Alt+Shift+T: the picker, then a click on the price.
    await expect(trigger({ kind: 'command', command: 'tag-element', tabId })).resolves.toEqual({ ok: true, value: null });
    await page.locator('waymark-capture .wm-picker-hint').waitFor();
    await page.click('#price');
    await card(page).waitFor();
    await page.keyboard.press('Digit2');
    await page.keyboard.press('Shift+Digit5');
    await card(page).locator('select[name="namedEmotion"]').selectOption('anxious');
    await card(page).locator('select[name="stage"]').selectOption('consideration');
    await card(page).locator('select[name="channel"]').selectOption('web-mobile');
    await card(page).locator('input[value="pain-point"]').check({ force: true });
    await card(page).locator('input[name="otherTags"]').fill('price, first visit');
    await card(page).focus();
    await page.keyboard.press('Enter');
    await card(page).locator('.wm-confirm[role="status"]').waitFor();

    // The context menu on a selection.
    await page.evaluate(() => {
      const text = document.querySelector('#description')!.firstChild!;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, 'A statement plant with split leaves'.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await trigger({ kind: 'contextMenu', tabId, info: { frameId: 0, selectionText: 'A statement plant with split leaves' } });
    await expect.poll(() => card(page).locator('h2').textContent()).toBe('Tag the selection');
    await rateAndSave(page, 1, 2);

    // The context menu on a link opens the card on that link, no picking.
    await trigger({ kind: 'contextMenu', tabId, info: { frameId: 0, linkUrl: `${demo.origin}/checkout.html` } });
    await rateAndSave(page, 0, 3);

    // Alt+Shift+P: the whole page.
    await trigger({ kind: 'command', command: 'tag-page', tabId });
    await expect.poll(() => card(page).locator('h2').textContent()).toBe('Tag this page');
    await rateAndSave(page, 2, 1);

    const saved = await touchpoints();
    expect(saved.map((tp) => tp.target)).toEqual(['element', 'selection', 'element', 'page']);
    const [price, selection, link, whole] = saved;
    expect(price).toMatchObject({
      emotion: -1,
      effort: 5,
      namedEmotion: 'anxious',
      stage: 'consideration',
      channel: 'web-mobile',
      tags: ['pain-point', 'price', 'first visit'],
      anchor: { tagName: 'p', quote: { exact: '€34.00' } },
    });
    expect(selection).toMatchObject({
      emotion: 1,
      effort: 2,
      anchor: { quote: { exact: 'A statement plant with split leaves' } },
    });
    expect(selection!.anchor.selector).toContain('description');
    expect(link).toMatchObject({ anchor: { tagName: 'a', role: 'link', name: 'Checkout' } });
    expect(whole).toMatchObject({ emotion: 2, effort: 1, anchor: { selector: '', tagName: 'html' }, channel: 'web-desktop' });
    expect(whole!.context.language).toBe('en');
    // The card offered the previous touchpoint's stage first.
    expect(selection!.stage).toBe('consideration');
    await page.close();
  });

  it('refuses to capture on a site of the never-capture list, and says why', async () => {
    const journeys = await waymark.openJourneysPage();
    await journeys.locator('input[name="neverCapture"]').fill('http://127.0.0.1:1234/anything');
    await journeys.locator('[data-action="add-site"]').click();
    await journeys.locator('.wm-sites li', { hasText: '127.0.0.1' }).waitFor();

    const { page, tabId } = await openShop('/cart.html?story=never');
    const refused = (await trigger({ kind: 'command', command: 'tag-element', tabId })) as {
      ok: boolean;
      error: { code: string; message: string };
    };
    expect(refused).toMatchObject({ ok: false, error: { code: 'capture-off' } });
    expect(refused.error.message).toContain('127.0.0.1');
    expect(await page.locator('waymark-capture').count()).toBe(0);
    const popup = await waymark.openPopup(page);
    await popup.locator('[data-action="tag-element"]').click();
    await expect.poll(async () => popup.getByRole('alert').textContent()).toContain('never-capture list');

    await journeys.bringToFront();
    await journeys.getByRole('button', { name: 'Remove 127.0.0.1' }).click();
    await journeys.locator('.wm-sites').waitFor({ state: 'detached' });
    await page.bringToFront();
    await expect(trigger({ kind: 'command', command: 'tag-page', tabId })).resolves.toMatchObject({ ok: true });
    await card(page).waitFor();
    await page.keyboard.press('Escape');
    await Promise.all([page.close(), popup.close(), journeys.close()]);
  });

  it('gets a working, correctly styled card on a hostile page (CSP, all: unset, patched built-ins, 100k nodes)', async () => {
    const { page, tabId } = await openShop('/hard/hostile.html');
    expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeGreaterThan(50_000);
    await trigger({ kind: 'command', command: 'tag-element', tabId });
    await page.locator('waymark-capture .wm-picker-hint').waitFor();
    await page.click('#buy');
    await card(page).waitFor();
    const style = await card(page).evaluate((el) => {
      const css = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      const title = getComputedStyle(el.querySelector('h2')!);
      return {
        position: css.position,
        width: css.width,
        background: css.backgroundColor,
        display: css.display,
        borderRadius: css.borderTopLeftRadius,
        titleSize: title.fontSize,
        inView: r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight,
      };
    });
    expect(style).toEqual({
      position: 'fixed',
      width: '340px',
      background: 'rgb(255, 255, 255)',
      display: 'flex',
      borderRadius: '14px',
      titleSize: '15px',
      inView: true,
    });
    await rateAndSave(page, -2, 7);
    const saved = await touchpoints();
    expect(saved.at(-1)).toMatchObject({ emotion: -2, effort: 7, anchor: { tagName: 'button', quote: { exact: 'Buy now' } } });
    await page.close();
  });

  it('shows pins after a reload, places them through a markup change, and reports what it could not place', async () => {
    const { page, tabId } = await openShop('/hard/pins.html');
    for (const section of ['watering', 'light', 'soil']) {
      await trigger({ kind: 'command', command: 'tag-element', tabId });
      await page.locator('waymark-capture .wm-picker-hint').waitFor();
      await page.click(`.${section} .card-body`);
      await rateAndSave(page, 1, 2);
      await expect.poll(() => page.locator('waymark-capture').count(), { timeout: 5_000 }).toBe(0);
    }
    const ids = Object.fromEntries((await touchpoints()).slice(-3).map((tp, i) => [['watering', 'light', 'soil'][i]!, tp.id]));

    /** Each pin's distance from the top-left corner of the paragraph it should mark. */
    const pinOffsets = () =>
      page.evaluate((byId: Record<string, string>) => {
        const out: Record<string, number> = {};
        const pins = document.querySelector('waymark-pins')?.shadowRoot?.querySelectorAll<HTMLElement>('.wm-pin') ?? [];
        for (const pin of Array.from(pins)) {
          const name = Object.keys(byId).find((key) => byId[key] === pin.dataset.touchpointId) ?? '?';
          const target = Array.from(document.querySelectorAll('p')).find(
            (p) => p.closest('section')?.querySelector('h2')?.textContent?.toLowerCase() === name,
          );
          const r = target?.getBoundingClientRect();
          const at = pin.getBoundingClientRect();
          out[name] = r ? Math.round(Math.hypot(at.left + at.width / 2 - r.left, at.top + at.height / 2 - r.top)) : -1;
        }
        return out;
      }, ids);

    await page.reload();
    await trigger({ kind: 'command', command: 'show-pins', tabId });
    await expect.poll(() => page.locator('waymark-pins .wm-pin').count()).toBe(3);
    expect(await pinOffsets()).toEqual({ watering: 0, light: 0, soil: 0 });
    expect(await page.locator('waymark-capture').count()).toBe(0);

    // Clicking a pin shows its touchpoint.
    await page.locator(`waymark-pins .wm-pin[data-touchpoint-id="${ids.light}"]`).click();
    await expect.poll(() => page.locator('waymark-pins .wm-pin-card').textContent()).toContain('Positive');

    // The page changes: classes renamed, one section moved, one deleted.
    await page.reload();
    await page.evaluate(() => {
      for (const el of Array.from(document.querySelectorAll('[class]'))) el.className = el.className.replace(/card/g, 'tile');
      const main = document.querySelector('main')!;
      main.append(document.querySelector('.light')!);
      document.querySelector('.soil')!.remove();
    });
    await trigger({ kind: 'command', command: 'show-pins', tabId });
    await expect.poll(() => page.locator('waymark-pins .wm-pin').count()).toBe(2);
    expect(await pinOffsets()).toEqual({ watering: 0, light: 0 });
    await expect
      .poll(() => page.locator('waymark-pins .wm-pins-not-placed').textContent())
      .toBe('Could not place 1 touchpoint(s) on this page: the element is gone or changed.');
    await page.close();
  });
});
