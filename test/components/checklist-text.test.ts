import { describe, expect, it } from 'vitest';
import { createFormats } from '@/components/findings/format';
import type { Translate } from '@/components/i18n';
import { answerErrorCode, answerErrorText, answerText, parseNumberAnswer } from '@/components/sidepanel/checklist-text';
import type { Criterion } from '@/lib/study/types';

/** Keys with their substitutions, so a test sees which message and which values. */
const t: Translate = (key, subs) => (subs === undefined ? key : `${key}(${[subs].flat().join('|')})`);
const en = createFormats('en');
const fa = createFormats('fa');
const seconds: Criterion = { kind: 'number', unit: 'seconds', min: 0, max: 600 };

describe('parseNumberAnswer', () => {
  it.each([
    ['45', 45],
    [' 2.5 ', 2.5],
    ['-3', -3],
    ['.5', 0.5],
    ['2,5', 2.5],
    ['1,500.5', 1500.5],
    ['1 500', 1500],
    ['۴۵', 45],
    ['۲٫۵', 2.5],
    ['٣٠', 30],
    ['-0', 0],
  ])('reads %j as the number %d', (input, expected) => {
    expect(parseNumberAnswer(input)).toBe(expected);
  });

  it.each([
    ['abc', 'abc'],
    [' ten ', 'ten'],
    ['12s', '12s'],
    ['1.2.3', '1.2.3'],
    ['', ''],
    ['1e3', '1e3'],
  ])('keeps %j as text, for the worker to refuse', (input, expected) => {
    expect(parseNumberAnswer(input)).toBe(expected);
  });
});

describe('answerErrorCode', () => {
  it.each([
    ['The answer does not fit the step: not-number.', 'not-number'],
    ['The answer does not fit the step: out-of-range.', 'out-of-range'],
    ['The answer does not fit the step: blank.', 'blank'],
    ['The answer does not fit the step: something-new.', null],
    ['Invalid "journey.step": payload.action: bad.', null],
    ['', null],
  ])('finds the reason in %j', (message, code) => {
    expect(answerErrorCode(message)).toBe(code);
  });
});

describe('answerErrorText', () => {
  it.each([
    ['not-number', seconds, 'checklistErrorNotNumber'],
    ['out-of-range', seconds, 'checklistErrorRange(0|600)'],
    ['out-of-range', { kind: 'number', unit: 's', min: 5 }, 'checklistErrorMin(5)'],
    ['out-of-range', { kind: 'number', unit: 's', max: 9 }, 'checklistErrorMax(9)'],
    ['out-of-range', { kind: 'scale', min: 1, max: 5 }, 'checklistErrorRange(1|5)'],
    ['not-integer', { kind: 'scale', min: 1, max: 5 }, 'checklistErrorNotInteger'],
    ['not-boolean', { kind: 'yesno' }, 'checklistErrorYesNo'],
    ['blank', { kind: 'text' }, 'checklistErrorBlank'],
    ['no-value', { kind: 'text' }, 'checklistErrorBlank'],
    ['too-long', { kind: 'text' }, 'checklistErrorTooLong(2,000)'],
  ] as const)('words %s', (code, criterion, words) => {
    expect(answerErrorText(t, en, criterion, code)).toBe(words);
  });

  it('writes bounds with the locale digits', () => {
    expect(answerErrorText(t, fa, seconds, 'out-of-range')).toBe('checklistErrorRange(۰|۶۰۰)');
  });
});

describe('answerText', () => {
  it.each([
    [{ kind: 'yesno' }, true, 'checklistYes'],
    [{ kind: 'yesno' }, false, 'checklistNo'],
    [{ kind: 'scale', min: 1, max: 5 }, 4, 'checklistScaleValue(4|5)'],
    [seconds, 12.5, '12.5 seconds'],
    [{ kind: 'text' }, 'Friendly', 'Friendly'],
    [{ kind: 'text' }, null, ''],
  ] as const)('shows %j answered %j', (criterion, value, shown) => {
    expect(answerText(t, en, criterion, value)).toBe(shown);
  });
});
