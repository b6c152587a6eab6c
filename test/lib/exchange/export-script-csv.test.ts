import { describe, expect, it } from 'vitest';
import { scriptComparisonFileName, toScriptComparisonCsv } from '@/lib/exchange/export-script-csv';
import { compareScriptRuns } from '@/lib/study/script-report';
import { answer, SCRIPT, uuid } from '../study/records';

const runs = [
  {
    journeyId: uuid(2, 1),
    label: 'Acme · Mina',
    answers: [answer(1, true), answer(2, 4), answer(3, 12.5), answer(4, 'Friendly, "quick"')],
  },
  {
    journeyId: uuid(2, 2),
    label: '=Globex · Ali',
    answers: [answer(1, false), answer(2, 2), answer(3, null, 3, { skipped: true }), answer(4, '=HYPERLINK("x")\nline 2')],
  },
];

/** Splits the CSV into records (quoted CRLF/LF inside cells stays in its cell). */
function records(csv: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (c === '"') quoted = !quoted;
    if (!quoted && csv.startsWith('\r\n', i)) {
      out.push(current);
      current = '';
      i += 1;
      continue;
    }
    current += c;
  }
  return out;
}

describe('toScriptComparisonCsv', () => {
  const csv = toScriptComparisonCsv(compareScriptRuns(SCRIPT, runs));
  const lines = records(csv);

  it('starts with a byte order mark and ends every record with CRLF', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(lines).toHaveLength(1 + SCRIPT.length);
  });

  it('has the step columns, three per run, then the summary columns; labels neutralised', () => {
    expect(lines[0]).toBe(
      '\uFEFFstep_id,step,look_for,criterion,Acme · Mina: answer,Acme · Mina: status,Acme · Mina: evidence,' +
        "'=Globex · Ali: answer,'=Globex · Ali: status,'=Globex · Ali: evidence,answered,skipped,missing,yes,mean",
    );
  });

  it.each([
    [0, `${uuid(6, 1)},Step 1,What to look for at step 1,yesno,yes,answered,0,no,answered,0,2,0,0,1,`],
    [1, `${uuid(6, 2)},Step 2,What to look for at step 2,scale 1-5,4,answered,0,2,answered,0,2,0,0,,3`],
    [2, `${uuid(6, 3)},Step 3,What to look for at step 3,number (seconds),12.5,answered,0,,skipped,0,1,1,0,,12.5`],
  ])('writes step row %i with answers, statuses, evidence and summary', (i, line) => {
    expect(lines[i + 1]).toBe(line);
  });

  it('quotes text answers and neutralises formulas in them, keeping line breaks in the cell', () => {
    expect(lines[4]).toContain('"Friendly, ""quick"""');
    expect(lines[4]).toContain(`"'=HYPERLINK(""x"")\nline 2"`);
  });

  it('writes a header and nothing else for no runs, and a missing answer as empty with status missing', () => {
    expect(records(toScriptComparisonCsv(compareScriptRuns(SCRIPT, [])))).toHaveLength(1 + SCRIPT.length);
    const one = records(
      toScriptComparisonCsv(compareScriptRuns(SCRIPT.slice(0, 1), [{ journeyId: 'x', label: 'A', answers: [] }])),
    );
    expect(one[1]).toBe(`${uuid(6, 1)},Step 1,What to look for at step 1,yesno,,missing,0,0,0,1,0,`);
  });
});

describe('scriptComparisonFileName', () => {
  it.each([
    ['Checkout 2026', 'waymark-script-checkout-2026-2026-11-25.csv'],
    ['خرید: مقایسه', 'waymark-script-خرید-مقایسه-2026-11-25.csv'],
  ])('names the file for %s', (name, file) => {
    expect(scriptComparisonFileName(name, '2026-11-25T10:00:00.000Z')).toBe(file);
  });
});
