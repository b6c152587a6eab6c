import { describe, expect, it } from 'vitest';
import { CROSSING } from '@/lib/capture/frame-path';
import {
  FRAME_CROSSING,
  selectorsOf,
  toWebAnnotations,
  toWebAnnotationsJson,
  type WebAnnotation,
} from '@/lib/exchange/export-annotations';
import { touchpointFixture } from '../../fixtures/records';
import { SAMPLE, sampleExportFile } from '../../fixtures/sample-export';
import { expectGolden } from './golden/expect-golden';

/** Terms of http://www.w3.org/ns/anno.jsonld that the export uses. */
const ANNO_TERMS = new Set(
  'id type label total generator generated first startIndex items motivation created modified creator name body purpose value format target source selector exact prefix suffix refinedBy'.split(
    ' ',
  ),
);

/** Every key of `value`, at any depth, inside `@context` excepted. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => (key === '@context' ? [key] : [key, ...keysOf(v)]));
}

const items = () => toWebAnnotations(sampleExportFile()).first.items;
const byId = (id: string) => items().find((a) => a.id === `urn:uuid:${id}`)!;
const selectorTypes = (a: WebAnnotation) => a.target.selector.map((s) => s.type);

describe('toWebAnnotations', () => {
  it('matches the golden file', () => {
    expectGolden('sample.annotations.jsonld', toWebAnnotationsJson(sampleExportFile()));
  });

  it('is one AnnotationCollection with its page embedded, holding the live touchpoints in order', () => {
    const collection = toWebAnnotations(sampleExportFile());
    expect(collection['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection).toMatchObject({
      type: 'AnnotationCollection',
      total: 7,
      first: { type: 'AnnotationPage', startIndex: 0 },
    });
    expect(collection.first.items.map((a) => a.id)).toEqual(SAMPLE.live.map((id) => `urn:uuid:${id}`));
  });

  it('uses only Web Annotation terms and waymark: terms, so it stays valid JSON-LD', () => {
    const unknown = keysOf(toWebAnnotations(sampleExportFile())).filter(
      (k) => !ANNO_TERMS.has(k) && k !== '@context' && !k.startsWith('waymark:'),
    );
    expect(unknown).toEqual([]);
  });

  it('gives every annotation a source and, where there is text, a TextQuoteSelector (Hypothesis-style anchoring)', () => {
    const file = sampleExportFile();
    for (const annotation of items()) {
      const tp = file.touchpoints.find((t) => annotation.id === `urn:uuid:${t.id}`)!;
      expect(annotation.target.source).toBe(tp.url);
      expect(annotation.target.selector).toContainEqual(
        expect.objectContaining({ type: 'TextQuoteSelector', exact: tp.anchor.quote.exact }),
      );
    }
  });

  it('gives element touchpoints CSS and XPath selectors and whole-page touchpoints only the quote', () => {
    expect(selectorTypes(byId(SAMPLE.live[0]))).toEqual(['CssSelector', 'XPathSelector', 'TextQuoteSelector']);
    expect(selectorTypes(byId(SAMPLE.live[1]))).toEqual(['TextQuoteSelector']);
    expect(byId(SAMPLE.live[2]).target.selector).toContainEqual({
      type: 'TextQuoteSelector',
      exact: 'Apply coupon',
      prefix: 'Coupon code',
      suffix: 'Subtotal',
    });
  });

  it('leaves out a TextQuoteSelector with nothing to quote', () => {
    const file = sampleExportFile();
    file.touchpoints = file.touchpoints.map((tp) => ({
      ...tp,
      target: 'page',
      anchor: { selector: '', xpath: '', quote: { exact: '', prefix: '', suffix: '' }, tagName: 'html', role: '', name: '' },
    }));
    for (const a of toWebAnnotations(file).first.items) expect(a.target.selector).toEqual([]);
  });

  it('carries the note, tags and rating as bodies, and times and author', () => {
    const annotation = byId(SAMPLE.live[1]);
    expect(annotation).toMatchObject({
      motivation: 'assessing',
      created: '2026-11-25T10:03:00.000Z',
      modified: '2026-11-25T10:03:00.000Z',
      creator: { type: 'Person', name: 'Mina' },
    });
    expect(annotation.body.map((b) => [b.purpose, b.value])).toEqual([
      ['commenting', '价格清楚，但运费没有显示。\n要到结账才知道。'],
      ['tagging', '价格'],
      ['tagging', 'shipping'],
      ['assessing', 'Emotion 0 (neutral), effort 3 of 7 (fairly easy)'],
    ]);
    expect(byId(SAMPLE.live[2]).body.at(-1)).toMatchObject({ 'waymark:emotion': -2, 'waymark:effort': 6 });
    expect(byId(SAMPLE.live[3]).body.map((b) => b.purpose)).toEqual(['assessing']);
    expect(byId(SAMPLE.live[5])['waymark:journey']).toEqual({
      id: `urn:uuid:${SAMPLE.trainJourney}`,
      'waymark:title': 'خرید بلیط قطار',
    });
  });

  it('leaves out deleted touchpoints and the touchpoints of deleted journeys', () => {
    const ids = items().map((a) => a.id);
    expect(ids).not.toContain(`urn:uuid:${SAMPLE.orphanTouchpoint}`);
    expect(ids).not.toContain(`urn:uuid:${SAMPLE.deletedTouchpoint}`);
  });
});

describe('selectors of an element inside an iframe or a shadow root', () => {
  it('chain one selector per document, refined by the next, instead of the internal >>> path', () => {
    const tp = touchpointFixture({
      anchor: {
        ...touchpointFixture().anchor,
        selector: `#payment${CROSSING}#card${CROSSING}button`,
        xpath: `/html[1]/body[1]/iframe[1]${CROSSING}/html[1]/body[1]/button[1]`,
      },
    });
    const [css, xpath] = selectorsOf(tp);
    expect(FRAME_CROSSING).toBe(CROSSING);
    expect(css).toEqual({
      type: 'CssSelector',
      value: '#payment',
      refinedBy: { type: 'CssSelector', value: '#card', refinedBy: { type: 'CssSelector', value: 'button' } },
    });
    expect(xpath).toEqual({
      type: 'XPathSelector',
      value: '/html[1]/body[1]/iframe[1]',
      refinedBy: { type: 'XPathSelector', value: '/html[1]/body[1]/button[1]' },
    });
  });

  it('keep a plain selector as one selector', () => {
    expect(selectorsOf(touchpointFixture())[0]).toEqual({ type: 'CssSelector', value: '#add-to-cart' });
  });
});
