import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, neutraliseFormula, toCsv } from '@/lib/exchange/export-csv';
import { SAMPLE, sampleExportFile, withTouchpoints } from '../../fixtures/sample-export';
import { expectGolden } from './golden/expect-golden';

/**
 * A strict RFC 4180 reader: fields quoted or not, separated by commas, every
 * record ended by CRLF. It throws on a bare CR or LF outside quotes, where
 * Excel would split the row.
 */
function parseCsv(text: string): string[][] {
  const field = /"((?:[^"]|"")*)"|([^",\r\n]*)/y;
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    field.lastIndex = i;
    const match = field.exec(text)!;
    row.push(match[1] === undefined ? match[2]! : match[1].replaceAll('""', '"'));
    i = field.lastIndex;
    if (text[i] === ',') {
      i += 1;
    } else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else {
      throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
    }
  }
  return rows;
}

const body = (csv: string) => parseCsv(csv.slice(1));
const column = (name: string) => CSV_COLUMNS.findIndex((c) => c.name === name);

describe('toCsv', () => {
  it('matches the golden file', () => {
    expectGolden('sample.csv', toCsv(sampleExportFile()));
  });

  it('starts with a BOM and the header, and ends every record with CRLF', () => {
    const csv = toCsv(sampleExportFile());
    expect(csv.startsWith('\uFEFFjourney_id,journey_title,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(body(csv)[0]).toEqual(CSV_COLUMNS.map((c) => c.name));
  });

  it('has one row per live touchpoint, by journey start then capture time', () => {
    const rows = body(toCsv(sampleExportFile())).slice(1);
    expect(rows.map((r) => r[column('touchpoint_id')])).toEqual(SAMPLE.live);
    expect(rows.map((r) => r[column('journey_title')])).toEqual([
      ...Array(5).fill('Buy a Monstera'),
      'خرید بلیط قطار',
      'خرید بلیط قطار',
    ]);
  });

  it('writes tags joined with "; ", the screenshot path, and multi-line notes in quotes', () => {
    const [, , second, third] = body(toCsv(sampleExportFile()));
    expect(second?.[column('tags')]).toBe('价格; shipping');
    expect(second?.[column('note')]).toBe('价格清楚，但运费没有显示。\n要到结账才知道。');
    expect(third?.[column('screenshot_path')]).toBe(`screenshots/${SAMPLE.live[2]}.webp`);
  });

  it('documents every column', () => {
    expect(CSV_COLUMNS).toHaveLength(21);
    for (const c of CSV_COLUMNS) expect(c.description.length).toBeGreaterThan(10);
  });

  it.each([
    ['=HYPERLINK("http://evil.example","Click")', '\'=HYPERLINK("http://evil.example","Click")'],
    ['-2+3', "'-2+3"],
    ['+1', "'+1"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['  =1+1', "'  =1+1"],
    ['\uFF1D1+1', "'\uFF1D1+1"],
    ['a=1', 'a=1'],
    ['2-1', '2-1'],
    ["'quoted", "'quoted"],
  ])('neutralises the note %j as %j, leaving numbers alone', (note, expected) => {
    const file = withTouchpoints(sampleExportFile(), () => ({ note, tags: [note.trim() || 'x'], emotion: -2 }));
    const row = body(toCsv(file))[1]!;
    expect(row[column('note')]).toBe(expected);
    expect(row[column('tags')]).toBe(neutraliseFormula(note.trim() || 'x'));
    expect(row[column('emotion')]).toBe('-2');
  });

  it('reads back every text exactly, neutralised (property)', () => {
    const text = fc.string({
      unit: fc.oneof(
        fc.constantFrom('"', ',', '\r', '\n', '\r\n', '=', '-', '@', ' '),
        fc.string({ unit: 'binary', maxLength: 2 }),
      ),
    });
    fc.assert(
      fc.property(text, text, text, (note, pageTitle, exact) => {
        const file = withTouchpoints(sampleExportFile(), (tp) => ({
          note,
          pageTitle,
          anchor: { ...tp.anchor, quote: { ...tp.anchor.quote, exact } },
        }));
        const rows = body(toCsv(file));
        expect(rows).toHaveLength(1 + SAMPLE.live.length);
        for (const row of rows.slice(1)) {
          expect(row).toHaveLength(CSV_COLUMNS.length);
          expect([row[column('note')], row[column('page_title')], row[column('quote_exact')]]).toEqual(
            [note, pageTitle, exact].map(neutraliseFormula),
          );
        }
      }),
    );
  });
});
