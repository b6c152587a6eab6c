import { describe, expect, it } from 'vitest';
import { criterionOfKind, draftOf, moveItem, newStudyDraft, parseDomains, studyOfDraft } from '@/components/journeys/study-draft';
import { defaultStudy } from '@/lib/study/default-study';

describe('parseDomains', () => {
  it.each([
    ['Brand.COM, www.brand.com\nshop.brand.com', ['brand.com', 'shop.brand.com'], []],
    ['https://rival.example/\n\n*.rival.example', ['rival.example'], []],
    ['bücher.de，localhost', ['xn--bcher-kva.de', 'localhost'], []],
    ['shop, facebook.com/brand, ok.example', ['ok.example'], ['shop', 'facebook.com/brand']],
    ['', [], []],
  ])('reads %j', (text, domains, invalid) => {
    expect(parseDomains(text)).toEqual({ domains, invalid });
  });
});

describe('studyOfDraft', () => {
  it('turns the typed values into a study', () => {
    const draft = newStudyDraft();
    const result = studyOfDraft({
      ...draft,
      name: '  Shoes ',
      brand: { ...draft.brand, name: 'Brand', domains: 'brand.example' },
      competitors: [{ id: 'c1', name: 'Rival', domains: 'www.rival.example, RIVAL.example' }],
      tags: 'price, price, delivery',
      channels: 'web-desktop\napp',
      script: [{ id: 's1', title: ' Greeting ', lookFor: '', criterion: { kind: 'number', unit: 's' } }],
    });
    expect(result.ok && result.study).toMatchObject({
      name: 'Shoes',
      brand: { name: 'Brand', domains: ['brand.example'] },
      competitors: [{ id: 'c1', name: 'Rival', domains: ['rival.example'] }],
      tags: ['price', 'delivery'],
      channels: ['web-desktop', 'app'],
      persona: { name: '', values: '', motivations: '', goals: '', frustrations: '' },
      script: [{ id: 's1', title: 'Greeting', lookFor: '', criterion: { kind: 'number', unit: 's' } }],
      syncScreenshots: false,
    });
    expect(result.ok && 'demographics' in result.study.persona).toBe(false);
  });

  it('reports invalid domains and steps without a title', () => {
    const draft = newStudyDraft();
    const result = studyOfDraft({
      ...draft,
      name: 'x',
      partners: [{ id: 'p', name: 'Pay', domains: 'pay, pay.example' }],
      script: [{ id: 's1', title: ' ', lookFor: '', criterion: { kind: 'yesno' } }],
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        { kind: 'invalid-domains', domains: ['pay'] },
        { kind: 'step-title', step: 1 },
      ],
    });
  });

  it('gives back the stored study of an unchanged draft', () => {
    const { createdAt: _c, updatedAt: _u, author: _a, ...input } = defaultStudy();
    expect(studyOfDraft(draftOf(defaultStudy()))).toEqual({ ok: true, study: input });
  });
});

describe('criterionOfKind', () => {
  it('keeps a criterion of the same kind and makes a fresh one otherwise', () => {
    const number = { kind: 'number', unit: 's', min: 0 } as const;
    expect(criterionOfKind('number', number)).toBe(number);
    expect(criterionOfKind('scale', number)).toEqual({ kind: 'scale', min: 1, max: 5 });
    expect(criterionOfKind('number', { kind: 'text' })).toEqual({ kind: 'number', unit: '' });
  });
});

describe('moveItem', () => {
  it.each([
    [1, -1, ['b', 'a', 'c']],
    [1, 1, ['a', 'c', 'b']],
    [0, -1, ['a', 'b', 'c']],
    [2, 1, ['a', 'b', 'c']],
  ] as const)('moves index %i by %i', (index, by, expected) => {
    expect(moveItem(['a', 'b', 'c'], index, by)).toEqual(expected);
  });
});
