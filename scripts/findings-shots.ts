import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { sendMessagesInPage } from './driver/in-page';
import type { WaymarkDriver } from './driver/waymark';

/** A touchpoint of the sample journey: where, how it felt, and what the researcher wrote. */
interface Step {
  url: string;
  selector: string;
  emotion: -2 | -1 | 0 | 1 | 2;
  effort: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  stage: string;
  tags: string[];
  notes: Record<string, string>;
}

const STEPS: Step[] = [
  {
    url: '/index.html',
    selector: '#promo',
    emotion: 1,
    effort: 1,
    stage: 'awareness',
    tags: [],
    notes: { en: 'Promo is easy to spot', fa: 'تبلیغ به‌راحتی دیده می‌شود', 'zh-CN': '促销信息很醒目' },
  },
  {
    url: '/product.html?id=monstera',
    selector: '#price',
    emotion: 1,
    effort: 2,
    stage: 'consideration',
    tags: [],
    notes: { en: 'Price is clear', fa: 'قیمت روشن است', 'zh-CN': '价格清楚' },
  },
  {
    url: '/product.html?id=monstera',
    selector: '#add-to-cart',
    emotion: 2,
    effort: 1,
    stage: 'purchase',
    tags: ['moment-of-truth'],
    notes: { en: 'One click, instant feedback', fa: 'یک کلیک، بازخورد فوری', 'zh-CN': '一键加入，立即反馈' },
  },
  {
    url: '/cart.html',
    selector: '#delivery-fee',
    emotion: -2,
    effort: 6,
    stage: 'purchase',
    tags: ['pain-point'],
    notes: { en: 'Surprise delivery fee at the end', fa: 'هزینهٔ ارسال غافلگیرکننده در پایان', 'zh-CN': '最后才出现的运费' },
  },
  {
    url: '/checkout.html',
    selector: '#pay',
    emotion: -1,
    effort: 4,
    stage: 'purchase',
    tags: [],
    notes: { en: 'Card form asks for too much', fa: 'فرم کارت اطلاعات زیادی می‌خواهد', 'zh-CN': '银行卡表单要填的太多' },
  },
];

/**
 * Captures the sample journey (five touchpoints over four pages, with stages
 * and tags set through the background as the side panel would) and shoots
 * the popup, the side panel and the journey map into `out`. The journey must
 * have been started in `popup`, acting on `shop`.
 */
export async function shootFindings(options: {
  waymark: WaymarkDriver;
  popup: Page;
  shop: Page;
  origin: string;
  locale: string;
  scheme: 'light' | 'dark';
  out: string;
}): Promise<void> {
  const { waymark, popup, shop, origin, locale, scheme, out } = options;
  const ids: string[] = [];
  for (const step of STEPS) {
    await shop.goto(`${origin}${step.url}`);
    await popup.reload();
    await waymark.tagElement(popup, shop, step.selector, {
      emotion: step.emotion,
      effort: step.effort,
      note: step.notes[locale] ?? step.notes.en,
    });
    const dump = JSON.parse(await waymark.dumpDatabase()) as { touchpoints: { id: string; capturedAt: string }[] };
    const newest = dump.touchpoints
      .filter((tp) => !ids.includes(tp.id))
      .sort((a, b) => b.capturedAt.localeCompare(a.capturedAt))[0];
    if (newest) ids.push(newest.id);
  }
  await popup.evaluate(
    sendMessagesInPage,
    STEPS.map((step, i) => ({
      type: 'touchpoint.update',
      payload: { touchpointId: ids[i], changes: { stage: step.stage, tags: step.tags } },
    })),
  );
  await popup.reload();
  await popup.locator('.wm-touchpoint').first().waitFor();
  await popup.screenshot({ path: join(out, `popup-${locale}-${scheme}.png`) });

  const base = `chrome-extension://${waymark.browser.extensionId}`;
  const panel = await popup.context().newPage();
  await panel.setViewportSize({ width: 400, height: 1000 });
  await panel.emulateMedia({ colorScheme: scheme });
  await panel.goto(`${base}/sidepanel.html`);
  await panel
    .locator('.wm-tl-touchpoint')
    .nth(STEPS.length - 1)
    .waitFor();
  await panel.locator('.wm-tl-touchpoint').nth(1).locator('[data-action="edit-touchpoint"]').click();
  await panel.evaluate(() => window.scrollTo(0, 0));
  await panel.screenshot({ path: join(out, `sidepanel-${locale}-${scheme}.png`) });

  const journeyId = (JSON.parse(await waymark.dumpDatabase()) as { journeys: { id: string; status: string }[] }).journeys.find(
    (j) => j.status === 'running',
  )?.id;
  const map = await popup.context().newPage();
  await map.setViewportSize({ width: 1440, height: 1000 });
  await map.emulateMedia({ colorScheme: scheme });
  await map.goto(`${base}/map.html?journey=${journeyId}`);
  await map.locator('.wm-map-page[aria-busy="false"] .wm-curve svg').waitFor();
  await map
    .locator('.wm-thumb')
    .first()
    .waitFor({ timeout: 5_000 })
    .catch(() => undefined);
  await map.locator('.wm-curve-point').nth(3).focus();
  await map.screenshot({ path: join(out, `map-${locale}-${scheme}.png`), fullPage: true });
  await Promise.all([panel.close(), map.close()]);
}
