// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { escapeHtml, isPainPoint, toHtmlJourneyMap } from '@/lib/exchange/export-html';
import { journeyFixture, touchpointFixture } from '../../fixtures/records';
import { SAMPLE, sampleExportFile, withTouchpoints } from '../../fixtures/sample-export';
import { expectGolden } from './golden/expect-golden';

/** A 1×1 PNG. */
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const HOSTILE = `<script>alert(1)</script></style></title><img src=x onerror=alert(2)>"'&lt; javascript:alert(3)`;

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const shopMap = (options = {}) => parse(toHtmlJourneyMap(sampleExportFile(), SAMPLE.shopJourney, options));

describe('toHtmlJourneyMap', () => {
  it('matches the golden files', () => {
    const file = sampleExportFile();
    expectGolden('shop-journey.html', toHtmlJourneyMap(file, SAMPLE.shopJourney, { images: { [SAMPLE.live[2]]: PNG } }));
    expectGolden('train-journey.rtl.html', toHtmlJourneyMap(file, SAMPLE.trainJourney, { dir: 'rtl' }));
  });

  it('has one curve point per touchpoint, in time order', () => {
    const doc = shopMap();
    const points = [...doc.querySelectorAll('svg.wm-curve .wm-point circle')];
    expect(points).toHaveLength(5);
    expect(points.map((p) => Number(p.getAttribute('cx')))).toEqual(
      [...points.map((p) => Number(p.getAttribute('cx')))].sort((a, b) => a - b),
    );
    expect(points.map((p) => p.getAttribute('cy'))).toEqual(['55', '90', '160', '20', '125']);
    expect(doc.querySelector('svg.wm-curve .wm-zero')).not.toBeNull();
  });

  it('runs time right to left in rtl', () => {
    const doc = parse(toHtmlJourneyMap(sampleExportFile(), SAMPLE.trainJourney, { dir: 'rtl', locale: 'fa' }));
    expect(doc.documentElement.getAttribute('dir')).toBe('rtl');
    expect(doc.documentElement.getAttribute('lang')).toBe('fa');
    const xs = [...doc.querySelectorAll('.wm-point circle')].map((p) => Number(p.getAttribute('cx')));
    expect(xs[0]).toBeGreaterThan(xs[1]!);
  });

  it('has one column per page and a card per touchpoint, pain points marked', () => {
    const doc = shopMap();
    expect([...doc.querySelectorAll('.wm-column h2')].map((h) => h.textContent)).toEqual([
      'Monstera – Shop',
      'Cart – Shop',
      'pay.example',
    ]);
    expect(doc.querySelectorAll('.wm-card')).toHaveLength(5);
    expect([...doc.querySelectorAll('.wm-pain')].map((c) => c.id)).toEqual([`tp-${SAMPLE.live[2]}`, `tp-${SAMPLE.live[4]}`]);
    expect(doc.querySelectorAll('.wm-pain .wm-badge')).toHaveLength(2);
    expect(doc.querySelector('.wm-meta')?.textContent).toContain('5 touchpoints in 3 pages · 2 pain points');
  });

  it('has one column per stage when touchpoints have stages, and the journey’s figures', () => {
    const file = sampleExportFile();
    file.journeys = file.journeys.map((j) =>
      j.id === SAMPLE.shopJourney ? { ...j, persona: 'Busy parent', scenario: 'Buy a plant under 40 EUR' } : j,
    );
    file.touchpoints = file.touchpoints.map((tp, i) =>
      tp.journeyId === SAMPLE.shopJourney ? { ...tp, stage: i < 2 ? 'consideration' : 'purchase' } : tp,
    );
    const doc = parse(toHtmlJourneyMap(file, SAMPLE.shopJourney));
    expect([...doc.querySelectorAll('.wm-column h2')].map((h) => h.textContent)).toEqual(['Consideration', 'Purchase']);
    const figures = Object.fromEntries(
      [...doc.querySelectorAll('.wm-figures div')].map((d) => [
        d.querySelector('dt')?.textContent,
        d.querySelector('dd')?.textContent,
      ]),
    );
    expect(figures).toMatchObject({
      Persona: 'Busy parent',
      Scenario: 'Buy a plant under 40 EUR',
      'Mean effort': expect.any(String),
    });
    expect(doc.querySelector('.wm-meta')?.textContent).toContain('5 touchpoints in 2 stages');
  });

  it.each([
    [-1, 1, true],
    [0, 4, false],
    [0, 5, true],
    [2, 7, true],
    [1, 1, false],
  ] as const)('calls emotion %i, effort %i a pain point: %s', (emotion, effort, pain) => {
    expect(isPainPoint(touchpointFixture({ emotion, effort }))).toBe(pain);
  });

  it('shows a face, an effort bar and a thumbnail only where an image is given', () => {
    const doc = shopMap({ images: { [SAMPLE.live[2]]: PNG } });
    expect(doc.querySelectorAll('.wm-card .wm-face')).toHaveLength(5);
    expect(doc.querySelectorAll(`#tp-${SAMPLE.live[2]} .wm-effort i.on`)).toHaveLength(6);
    expect([...doc.querySelectorAll('img')].map((img) => img.getAttribute('src'))).toEqual([PNG]);
  });

  it('escapes every text from the file and runs nothing', () => {
    const base = sampleExportFile();
    const file = withTouchpoints(
      {
        ...base,
        generator: HOSTILE,
        journeys: base.journeys.map((j) => ({ ...j, title: HOSTILE, author: HOSTILE, notes: HOSTILE })),
      },
      (tp) => ({
        note: HOSTILE,
        pageTitle: HOSTILE,
        author: HOSTILE,
        tags: [HOSTILE],
        url: 'javascript:alert(4)//',
        anchor: { ...tp.anchor, quote: { ...tp.anchor.quote, exact: HOSTILE } },
      }),
    );
    const images = Object.fromEntries(
      SAMPLE.live.map((id, i) => [
        id,
        ['javascript:alert(5)', 'data:image/svg+xml;base64,PHN2Zz4=', `${PNG}" onerror="alert(6)`, 'https://evil.example/x.png'][
          i % 4
        ]!,
      ]),
    );
    const html = toHtmlJourneyMap(file, SAMPLE.shopJourney, { images, locale: '"><script>', dir: 'rtl' });
    expect(html).not.toMatch(/<script/i);
    const doc = parse(html);
    const elements = [...doc.querySelectorAll('*')];
    expect(doc.querySelectorAll('script, img, iframe, object, embed, link')).toHaveLength(0);
    expect(elements.filter((el) => [...el.attributes].some((a) => a.name.toLowerCase().startsWith('on')))).toEqual([]);
    expect(elements.filter((el) => [...el.attributes].some((a) => /^\s*javascript:/i.test(a.value)))).toEqual([]);
    expect(doc.querySelectorAll('a')).toHaveLength(0);
    expect(doc.querySelectorAll('style')).toHaveLength(1);
    expect(doc.querySelector('style')?.textContent).not.toContain('alert');
    expect(doc.title).toBe(`${HOSTILE} – journey map`);
    expect([...doc.querySelectorAll('.wm-card .wm-note')].map((n) => n.textContent)).toEqual(Array(5).fill(HOSTILE));
    expect(doc.querySelector('.wm-url')?.textContent).toBe('javascript:alert(4)//');
  });

  it('links http(s) addresses and nothing else', () => {
    const doc = shopMap();
    expect([...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://shop.example/product?id=1',
      'https://shop.example/cart',
      'https://pay.example/checkout',
    ]);
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toContain(
      "default-src 'none'",
    );
  });

  it('draws an empty journey', () => {
    const file = sampleExportFile();
    const empty = journeyFixture({
      id: '1e2d3c4b-5a69-4788-9796-a5b4c3d2e1f0',
      title: 'Empty',
      startedAt: '2026-11-27T09:00:00.000Z',
    });
    const doc = parse(toHtmlJourneyMap({ ...file, journeys: [...file.journeys, empty] }, empty.id));
    expect(doc.querySelectorAll('.wm-point, .wm-card')).toHaveLength(0);
    expect(doc.querySelector('.wm-meta')?.textContent).toContain('0 touchpoints in 0 pages');
  });

  it('escapes the five HTML characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;');
  });
});
