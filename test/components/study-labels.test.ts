import { describe, expect, it } from 'vitest';
import { createFormats } from '@/components/findings/format';
import type { Translate } from '@/components/i18n';
import { answerLabel, OWNER_FILTERS, ownerLabel, ownerOfFilter, stepStatusLabel } from '@/components/map/study-labels';
import type { AnswerValue, Criterion } from '@/lib/study/types';

/** Keys as text, substitutions after a colon: shows which message and which values were used. */
const t: Translate = (key, subs) => (subs === undefined ? key : `${key}:${[subs].flat().join('|')}`);
const en = createFormats('en');

describe('answerLabel', () => {
  it.each<[AnswerValue, Criterion, string]>([
    [true, { kind: 'yesno' }, 'reportAnswerYes'],
    [false, { kind: 'yesno' }, 'reportAnswerNo'],
    [4, { kind: 'scale', min: 1, max: 5 }, 'reportAnswerScale:4|5'],
    [12.5, { kind: 'number', unit: 'seconds' }, '12.5 seconds'],
    [1200, { kind: 'number', unit: '' }, '1,200'],
    ['Friendly staff', { kind: 'text' }, 'Friendly staff'],
    [null, { kind: 'text' }, ''],
  ])('shows %o for a %o step as %s', (value, criterion, label) => {
    expect(answerLabel(t, en, value, criterion)).toBe(label);
  });

  it('writes numbers with the locale’s digits', () => {
    expect(answerLabel(t, createFormats('fa'), 3, { kind: 'number', unit: 's' })).toBe('۳ s');
  });
});

describe('owner filters', () => {
  it.each([
    ['all', undefined],
    ['brand', 'brand'],
    ['partner', 'partner'],
    ['customer', 'customer'],
    ['external', 'external'],
    ['unknown', null],
  ] as const)('filter %s keeps owner %s', (filter, owner) => {
    expect(ownerOfFilter(filter)).toBe(owner);
  });

  it('labels every filter, and no owner as "not known"', () => {
    expect(OWNER_FILTERS.map((f) => ownerLabel(t, f))).toEqual([
      'reportOwnerAll',
      'reportOwnerBrand',
      'reportOwnerPartner',
      'reportOwnerCustomer',
      'reportOwnerExternal',
      'reportOwnerUnknown',
    ]);
    expect(ownerLabel(t, null)).toBe('reportOwnerUnknown');
  });

  it('labels step statuses', () => {
    expect((['answered', 'skipped', 'missing'] as const).map((s) => stepStatusLabel(t, s))).toEqual([
      'reportStatusAnswered',
      'reportStatusSkipped',
      'reportStatusMissing',
    ]);
  });
});
