import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskSensitiveText } from '@/lib/capture/mask-text';
import type { Touchpoint } from '@/lib/model/touchpoint';
import { type DemoServer, startDemoServer } from '../../scripts/demo-server';
import { launchChromiumStory } from '../../scripts/driver/chromium-story';
import { launchFirefoxStory } from '../../scripts/driver/firefox-story';
import { sendMessagesInPage } from '../../scripts/driver/in-page';
import { E2E_EXTENSION_DIR, launchWaymark, type WaymarkBrowser } from '../../scripts/driver/launch';
import type { StoryTab, WaymarkStoryDriver } from '../../scripts/driver/story';
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

  it('quotes a selection with the text right before and after it, masked', async () => {
    const { page, tabId } = await openShop('/product.html?id=monstera&story=selection-quote');
    const selected = 'Ships in 3–5 working days.';
    await page.evaluate((length) => {
      const range = document.createRange();
      range.setStart(document.querySelector('#shipping')!.firstChild!, 0);
      range.setEnd(document.querySelector('#shipping')!.firstChild!, length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    }, selected.length);
    await trigger({ kind: 'contextMenu', tabId, info: { frameId: 0, selectionText: selected } });
    await rateAndSave(page, 0, 2);
    const { anchor } = (await touchpoints()).at(-1)!;
    expect(anchor.selector).toBe('#shipping');
    expect(anchor.quote).toEqual({
      exact: selected,
      // The link and the button before it; the quantity field (an input) is never read.
      prefix: 'Quantity Add to cart Go to cart',
      suffix: maskSensitiveText('Questions? Call +44 20 7946 0958.').slice(0, 32).trim(),
    });
    expect(anchor.quote.suffix).not.toContain('7946');
    expect(anchor.quote.suffix).toMatch(/^Questions\? Call \+/);
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

  type Rect = { x: number; y: number; width: number; height: number };
  const round = (box: Rect | null) =>
    box && { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) };

  /** Where `selector` (inside the iframe `frame`, if given: past its border and padding) is in the top window. */
  async function targetBox(page: Page, selector: string, frame?: string) {
    const target = await page.evaluate(
      ([query, frameQuery]) => {
        const iframe = frameQuery ? document.querySelector<HTMLIFrameElement>(frameQuery) : null;
        const scope = iframe ? iframe.contentDocument! : document;
        const r = scope.querySelector(query)!.getBoundingClientRect();
        const at = iframe?.getBoundingClientRect();
        const css = iframe ? getComputedStyle(iframe) : null;
        const dx = at ? at.left + iframe!.clientLeft + Number.parseFloat(css!.paddingLeft) : 0;
        const dy = at ? at.top + iframe!.clientTop + Number.parseFloat(css!.paddingTop) : 0;
        return { x: r.left + dx, y: r.top + dy, width: r.width, height: r.height };
      },
      [selector, frame ?? ''] as const,
    );
    return round(target);
  }

  /** The picker's outline, and the box of the element it should be on. */
  async function highlightAndTarget(page: Page, selector: string, frame?: string) {
    const highlight = await page.locator('waymark-capture .wm-highlight').boundingBox();
    return { highlight: round(highlight), target: await targetBox(page, selector, frame) };
  }

  it('picks inside a same-origin iframe and an open shadow root, with Alt+wheel, and pins them again', async () => {
    const { page, tabId } = await openShop('/hard/frames.html');
    const payment = page.frameLocator('#payment');
    await payment.locator('#pay').waitFor();
    await payment.locator('#card').fill('4242 4242 4242 4242');

    await trigger({ kind: 'command', command: 'tag-element', tabId });
    await page.locator('waymark-capture .wm-picker-hint').waitFor();
    // The pointer over the button inside the iframe (7 px border, 13 px padding): the outline is on it.
    await payment.locator('#pay').hover();
    await expect.poll(() => page.locator('waymark-capture .wm-highlight-label').textContent()).toBe('button · Pay €34.00');
    let seen = await highlightAndTarget(page, '#pay', '#payment');
    expect(seen.highlight).toEqual(seen.target);
    await page.screenshot({ path: process.env.WAYMARK_PICKER_SHOT ?? '/tmp/waymark-picker-iframe.png' });

    // Alt+wheel up: the paragraph around it; down: back to the button. A plain wheel leaves the outline alone.
    await page.keyboard.down('Alt');
    await page.mouse.wheel(0, -100);
    await expect.poll(() => page.locator('waymark-capture .wm-highlight-label').textContent()).toBe('p · Pay €34.00');
    seen = await highlightAndTarget(page, '#pay-form > p:last-child', '#payment');
    expect(seen.highlight).toEqual(seen.target);
    await page.mouse.wheel(0, -100);
    await expect.poll(() => page.locator('waymark-capture .wm-highlight-label').textContent()).toMatch(/^form · Card number/);
    await page.mouse.wheel(0, 100);
    await page.mouse.wheel(0, 100);
    await page.keyboard.up('Alt');
    await expect.poll(() => page.locator('waymark-capture .wm-highlight-label').textContent()).toBe('button · Pay €34.00');
    await page.mouse.wheel(0, -100);
    await page.waitForTimeout(100);
    expect(await page.locator('waymark-capture .wm-highlight-label').textContent()).toBe('button · Pay €34.00');

    // ArrowUp from the frame's <body> reaches the iframe itself; ArrowDown goes back in.
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.locator('waymark-capture .wm-highlight-label').textContent()).toMatch(/^iframe/);
    seen = await highlightAndTarget(page, '#payment');
    expect(seen.highlight).toEqual(seen.target);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('waymark-capture .wm-highlight-label').textContent()).toMatch(/^body · Card number/);

    await payment.locator('#pay').click();
    await rateAndSave(page, 1, 2);
    await expect.poll(() => page.locator('waymark-capture').count(), { timeout: 5_000 }).toBe(0);

    // Inside the open shadow root of <gift-wrap>.
    await trigger({ kind: 'command', command: 'tag-element', tabId });
    await page.locator('waymark-capture .wm-picker-hint').waitFor();
    await page.locator('#gift #wrap').hover();
    await expect.poll(() => page.locator('waymark-capture .wm-highlight-label').textContent()).toBe('button · Add gift wrap');
    expect(round(await page.locator('waymark-capture .wm-highlight').boundingBox())).toEqual(
      round(await page.locator('#gift #wrap').boundingBox()),
    );
    await page.locator('#gift #wrap').click();
    await rateAndSave(page, -1, 4);
    await expect.poll(() => page.locator('waymark-capture').count(), { timeout: 5_000 }).toBe(0);

    // A sandboxed (cross-origin) iframe is closed to the picker: a click into it picks the iframe itself.
    await trigger({ kind: 'command', command: 'tag-element', tabId });
    await page.locator('waymark-capture .wm-picker-hint').waitFor();
    await page.click('#sealed');
    await card(page).waitFor();
    expect(round(await page.locator('waymark-capture .wm-target').boundingBox())).toEqual(await targetBox(page, '#sealed'));
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('waymark-capture').count()).toBe(0);

    const [pay, wrap] = (await touchpoints()).slice(-2);
    expect(pay!.anchor).toMatchObject({ selector: '#payment >>> #pay', tagName: 'button', quote: { exact: 'Pay €34.00' } });
    expect(pay!.anchor.xpath).toBe('/html[1]/body[1]/main[1]/iframe[1] >>> /html[1]/body[1]/form[1]/p[3]/button[1]');
    expect(wrap!.anchor).toMatchObject({ selector: '#gift >>> #wrap', tagName: 'button', quote: { exact: 'Add gift wrap' } });
    // The card number typed inside the iframe is blacked out in the screenshot, where the iframe shows it.
    const field = (await targetBox(page, '#card', '#payment'))!;
    const [masked] = await waymark.screenshotPixels(pay!.id, pay!.viewport.width, [
      { left: field.x + 2, top: field.y + 2, width: field.width - 4, height: field.height - 4 },
    ]);
    expect(masked!.black / masked!.total).toBeGreaterThan(0.97);

    // After a reload the pins land on both, the one in the iframe moved by the iframe's offset.
    await page.reload();
    await payment.locator('#pay').waitFor();
    await trigger({ kind: 'command', command: 'show-pins', tabId });
    await expect.poll(() => page.locator('waymark-pins .wm-pin').count()).toBe(2);
    const pinAt = async (id: string) => {
      const box = (await page.locator(`waymark-pins .wm-pin[data-touchpoint-id="${id}"]`).boundingBox())!;
      return { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height / 2) };
    };
    const payBox = (await targetBox(page, '#pay', '#payment'))!;
    expect(await pinAt(pay!.id)).toEqual({ x: payBox.x, y: payBox.y });
    const wrapBox = (await page.locator('#gift #wrap').boundingBox())!;
    expect(await pinAt(wrap!.id)).toEqual({ x: Math.round(wrapBox.x), y: Math.round(wrapBox.y) });
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

const storyBrowsers = [
  { browser: 'Chromium', launch: launchChromiumStory },
  { browser: 'Firefox', launch: launchFirefoxStory },
];

/**
 * The trigger stories that need no Playwright-only API, in both browsers: the
 * context menu on a selection, and the shortcut's picker inside a same-origin
 * iframe and an open shadow root (Firefox's content scripts see frames
 * through Xray wrappers, Chromium's through its isolated world).
 */
describe.each(storyBrowsers)('in $browser, triggers on a selection, in an iframe and in a shadow root', ({ launch }) => {
  let demo: DemoServer;
  let waymark: WaymarkStoryDriver;

  beforeAll(async () => {
    demo = await startDemoServer();
    waymark = await launch();
  });

  afterAll(async () => {
    await waymark?.close();
    await demo?.close();
  });

  async function lastAnchor(): Promise<Touchpoint['anchor']> {
    const [reply] = (await waymark.sendMessages([{ type: 'journey.overview', payload: {} }])) as {
      value: { touchpoints: Touchpoint[] };
    }[];
    return reply!.value.touchpoints.at(-1)!.anchor;
  }

  /** Rates by keyboard, saves with Enter and waits for the confirmation and the card to go. */
  async function rateAndSave(shop: StoryTab): Promise<void> {
    await waymark.rate(shop, { emotion: 1, effort: 2 });
    await shop.press('Enter');
    await waymark.cardMessage(shop, 'status', 'Touchpoint saved');
    await expect.poll(() => shop.count('waymark-capture'), { timeout: 5_000 }).toBe(0);
  }

  /** The picker's label and outline, and the box of `path` (selectors, each step in the iframe or shadow root of the one before). */
  const seen = (shop: StoryTab, path: string[]) =>
    shop.evaluate((steps) => {
      let scope: Document | ShadowRoot = document;
      let [dx, dy] = [0, 0];
      let el: Element | null = null;
      for (const step of steps) {
        if (el?.localName === 'iframe') {
          const at = el.getBoundingClientRect();
          const css = getComputedStyle(el);
          dx += at.left + el.clientLeft + Number.parseFloat(css.paddingLeft);
          dy += at.top + el.clientTop + Number.parseFloat(css.paddingTop);
          scope = (el as HTMLIFrameElement).contentDocument!;
        } else if (el) scope = el.shadowRoot!;
        el = scope.querySelector(step);
      }
      const r = el!.getBoundingClientRect();
      const ui = document.querySelector('waymark-capture')?.shadowRoot;
      const h = ui?.querySelector('.wm-highlight')?.getBoundingClientRect();
      const box = (b: { left: number; top: number; width: number; height: number }) =>
        [b.left, b.top, b.width, b.height].map(Math.round).join(',');
      return {
        centre: { x: dx + r.left + r.width / 2, y: dy + r.top + r.height / 2 },
        target: box({ left: r.left + dx, top: r.top + dy, width: r.width, height: r.height }),
        highlight: h ? box(h) : '',
        label: ui?.querySelector('.wm-highlight-label')?.textContent ?? '',
      };
    }, path);

  it('quotes a selection from the context menu with the text right before and after it', async () => {
    const shop = await waymark.openPage(`${demo.origin}/product.html?id=monstera&story=selection-${Math.random()}`);
    const tabId = await waymark.tabIdOf(shop);
    const selected = 'Ships in 3–5 working days.';
    await shop.evaluate((length) => {
      const text = document.querySelector('#shipping')!.firstChild!;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    }, selected.length);
    await waymark.trigger({ kind: 'contextMenu', tabId, info: { frameId: 0, selectionText: selected } });
    await rateAndSave(shop);
    expect((await lastAnchor()).quote).toEqual({
      exact: selected,
      prefix: 'Quantity Add to cart Go to cart',
      suffix: maskSensitiveText('Questions? Call +44 20 7946 0958.').slice(0, 32).trim(),
    });
  });

  it('tags an element from the shortcut, a link from the context menu and the page', async () => {
    const shop = await waymark.openPage(`${demo.origin}/product.html?id=monstera&story=triggers-${Math.random()}`);
    const tabId = await waymark.tabIdOf(shop);
    await waymark.trigger({ kind: 'command', command: 'tag-element', tabId });
    await waymark.waitForPicker(shop);
    const { centre } = await seen(shop, ['#price']);
    await shop.mouseAt(centre.x, centre.y, 'click');
    await rateAndSave(shop);
    expect(await lastAnchor()).toMatchObject({ tagName: 'p', quote: { exact: '€34.00' } });
    await waymark.trigger({ kind: 'contextMenu', tabId, info: { frameId: 0, linkUrl: `${demo.origin}/checkout.html` } });
    await rateAndSave(shop);
    expect(await lastAnchor()).toMatchObject({ tagName: 'a', role: 'link', name: 'Checkout' });
    await waymark.trigger({ kind: 'command', command: 'tag-page', tabId });
    await rateAndSave(shop);
    expect(await lastAnchor()).toMatchObject({ selector: '', tagName: 'html', quote: { exact: 'Monstera Deliciosa' } });
  });

  it.each([
    ['a same-origin iframe', ['#payment', '#pay'], 'button · Pay €34.00', '#payment >>> #pay'],
    ['an open shadow root', ['#gift', '#wrap'], 'button · Add gift wrap', '#gift >>> #wrap'],
  ])('picks an element inside %s with the pointer, outlined where it is', async (_, path, label, selector) => {
    const shop = await waymark.openPage(`${demo.origin}/hard/frames.html?story=${Math.random()}`);
    await expect
      .poll(() => shop.evaluate(() => !!document.querySelector('iframe')?.contentDocument?.querySelector('#pay'), null))
      .toBe(true);
    const tabId = await waymark.tabIdOf(shop);
    await waymark.trigger({ kind: 'command', command: 'tag-element', tabId });
    await waymark.waitForPicker(shop);
    const { centre } = await seen(shop, path);
    await shop.mouseAt(centre.x - 3, centre.y, 'move');
    await shop.mouseAt(centre.x, centre.y, 'move');
    await expect.poll(async () => (await seen(shop, path)).label).toBe(label);
    const now = await seen(shop, path);
    expect(now.highlight).toBe(now.target);
    // Alt+wheel up: the paragraph around the button (Firefox's own Alt+wheel, history, is cancelled); down: back.
    const url = await shop.url();
    await shop.wheel(-100, true);
    await expect.poll(async () => (await seen(shop, path)).label).toMatch(/^p · /);
    await shop.wheel(100, true);
    await expect.poll(async () => (await seen(shop, path)).label).toBe(label);
    expect(await shop.url()).toBe(url);
    await shop.mouseAt(centre.x, centre.y, 'click');
    await rateAndSave(shop);
    expect(await lastAnchor()).toMatchObject({ selector, tagName: 'button', quote: { exact: label.split(' · ')[1] } });
  });
});
