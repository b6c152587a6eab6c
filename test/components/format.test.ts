import { describe, expect, it } from 'vitest';
import { createFormats } from '@/components/findings/format';

describe('createFormats', () => {
  it.each([
    ['en', 2, '2'],
    ['fa', 2, '۲'],
    ['zh-CN', 1234, '1,234'],
  ])('formats numbers for %s', (locale, value, text) => {
    expect(createFormats(locale).number(value)).toBe(text);
  });

  it('picks a unit for durations', () => {
    const f = createFormats('en');
    expect(f.duration(42_000)).toMatch(/42\s?sec/);
    expect(f.duration(5 * 60_000)).toMatch(/5\s?min/);
    expect(f.duration(90 * 60_000)).toMatch(/1\.5\s?hr/);
  });

  it('fixes decimals when asked', () => {
    expect(createFormats('en').number(-0.5, 1)).toBe('-0.5');
  });
});
