// @vitest-environment happy-dom
// Mermaid sanitises titles with DOMPurify, which needs a window even to parse.
import fc from 'fast-check';
import mermaid from 'mermaid';
import { describe, expect, it } from 'vitest';
import { emotionScore, mermaidText, toMermaidJourney } from '@/lib/exchange/export-mermaid';
import { EMOTIONS, type Touchpoint } from '@/lib/model/touchpoint';
import { SAMPLE, sampleExportFile, withTouchpoints } from '../../fixtures/sample-export';
import { expectGolden } from './golden/expect-golden';

/** What Mermaid's journey database holds after parsing. */
interface JourneyDb {
  getDiagramTitle(): string;
  getSections(): string[];
  getTasks(): { section: string; task: string; score: number; people: string[] }[];
}

/**
 * Parses with Mermaid's own parser and reads back what it understood: a
 * successful parse is not enough, as `a%%b: 3: Me` parses as a comment and
 * `Title x: 3: Me` as a title, silently dropping the task.
 */
async function parseJourney(text: string) {
  await mermaid.parse(text);
  const db = (await mermaid.mermaidAPI.getDiagramFromText(text)).db as unknown as JourneyDb;
  return { title: db.getDiagramTitle(), sections: [...db.getSections()], tasks: db.getTasks().map((t) => ({ ...t })) };
}

describe('toMermaidJourney', () => {
  it('writes a journey diagram that matches the golden files', () => {
    const file = sampleExportFile();
    expectGolden('shop-journey.mmd', toMermaidJourney(file, SAMPLE.shopJourney));
    expectGolden('train-journey.mmd', toMermaidJourney(file, SAMPLE.trainJourney));
  });

  it('has one section per page in order of first appearance and one task per live touchpoint', async () => {
    const parsed = await parseJourney(toMermaidJourney(sampleExportFile(), SAMPLE.shopJourney));
    expect(parsed.title).toBe('Buy a Monstera');
    expect(parsed.sections).toEqual(['Monstera – Shop', 'Cart – Shop', 'pay.example']);
    expect(parsed.tasks.map((t) => [t.section, t.task, t.score, t.people])).toEqual([
      ['Monstera – Shop', 'Add to cart', 4, ['Mina']],
      ['Monstera – Shop', '价格清楚，但运费没有显示。', 3, ['Mina']],
      ['Cart – Shop', 'Apply coupon', 1, ['Mina']],
      ['Cart – Shop', 'Total €41.90', 2, ['Mina']],
      ['pay.example', 'Pay now', 5, ['Jun']],
    ]);
  });

  it('has one section per stage, in the journey’s stage order, when touchpoints have stages', async () => {
    const file = sampleExportFile();
    const stages = ['consideration', '', 'purchase', 'purchase', 'consideration'];
    file.touchpoints = file.touchpoints.map((tp, i) =>
      tp.journeyId === SAMPLE.shopJourney ? { ...tp, stage: stages[i] ?? '' } : tp,
    );
    const parsed = await parseJourney(toMermaidJourney(file, SAMPLE.shopJourney));
    expect(parsed.sections).toEqual(['Consideration', 'Purchase', 'No stage']);
    expect(parsed.tasks.map((t) => [t.section, t.task])).toEqual([
      ['Consideration', 'Add to cart'],
      ['Consideration', 'Total €41.90'],
      ['Purchase', 'Apply coupon'],
      ['Purchase', 'Pay now'],
      ['No stage', '价格清楚，但运费没有显示。'],
    ]);
  });

  it.each(EMOTIONS.map((e) => [e, e + 3]))('scores emotion %i as %i', (emotion, score) => {
    expect(emotionScore(emotion)).toBe(score);
  });

  it('refuses a deleted or unknown journey', () => {
    expect(() => toMermaidJourney(sampleExportFile(), SAMPLE.deletedJourney)).toThrow(/not in the file/);
  });

  it.each([
    ['Checkout: step 1; #2 50%% off', 'Checkout∶ step 1； ＃2 50％％ off'],
    ['  line\none\r\ntwo\u2028three  ', 'line one two three'],
    ['\u200b \u0301\n', 'fallback'],
    ['', 'fallback'],
  ])('cleans %j to %j', (text, expected) => {
    expect(mermaidText(text, 'fallback')).toBe(expected);
  });

  it.each([
    'title x',
    'Section 2',
    'journey home',
    'accTitle: x',
    'accDescr { x',
    'a%%b',
    '%% comment',
    '%%{init: {}}%%',
    '# heading',
    'a;b',
  ])('keeps the task %j a task', async (text) => {
    const file = withTouchpoints(sampleExportFile(), () => ({
      anchor: { ...sampleExportFile().touchpoints[0]!.anchor, quote: { exact: text, prefix: '', suffix: '' } },
    }));
    const parsed = await parseJourney(toMermaidJourney(file, SAMPLE.shopJourney));
    expect(parsed.tasks).toHaveLength(5);
    expect(parsed.title).toBe('Buy a Monstera');
  });

  it('parses whatever text the file holds (property)', async () => {
    const tricky = fc.constantFrom(
      ':',
      '#',
      ';',
      '%',
      '%%',
      ',',
      '\n',
      '\r',
      '\t',
      ' ',
      '{',
      '}',
      'title ',
      'section ',
      'journey',
      'accDescr',
      '\u2028',
      '\u200b',
      '<b>',
      '&#59;',
    );
    const text = fc.string({ unit: fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 2 })), maxLength: 12 });
    const touchpoint = fc.record({
      pageTitle: text,
      note: text,
      author: text,
      exact: text,
      emotion: fc.constantFrom(...EMOTIONS),
    });
    await fc.assert(
      fc.asyncProperty(text, fc.array(touchpoint, { minLength: 1, maxLength: 4 }), async (title, tps) => {
        const base = sampleExportFile();
        const shop = base.touchpoints.filter((tp) => tp.journeyId === SAMPLE.shopJourney);
        const changed: Touchpoint[] = tps.map((t, i) => ({
          ...shop[i]!,
          pageTitle: t.pageTitle,
          note: t.note,
          author: t.author,
          emotion: t.emotion,
          anchor: { ...shop[i]!.anchor, quote: { exact: t.exact, prefix: '', suffix: '' } },
        }));
        const file = { ...base, journeys: base.journeys.map((j) => ({ ...j, title })), touchpoints: changed };
        const parsed = await parseJourney(toMermaidJourney(file, SAMPLE.shopJourney));
        expect(parsed.title.trim()).not.toBe('');
        // Sections regroup tasks by page, so compare scores as a multiset.
        const sorted = (scores: number[]) => scores.sort((a, b) => a - b);
        expect(sorted(parsed.tasks.map((t) => t.score))).toEqual(sorted(tps.map((t) => t.emotion + 3)));
        for (const task of parsed.tasks) {
          expect(task.task.trim()).not.toBe('');
          expect(task.people).toHaveLength(1);
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
