import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Box, placeCard } from '@/lib/capture/place-card';

const GAP = 12;
const MARGIN = 8;
const card = { width: 300, height: 200 };
const viewport = { width: 1280, height: 800 };

/** Area of `a` covered by `b`. */
function overlap(a: Box, b: Box): number {
  const width = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
  const height = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  return Math.max(0, width) * Math.max(0, height);
}

describe('placeCard', () => {
  it.each<[string, Box, { left: number; top: number }]>([
    [
      'puts the card right of a target with room on the right',
      { left: 100, top: 100, width: 200, height: 40 },
      { left: 312, top: 100 },
    ],
    [
      'puts the card left of a target at the right edge',
      { left: 1000, top: 100, width: 200, height: 40 },
      { left: 688, top: 100 },
    ],
    [
      'puts the card below a target as wide as the viewport',
      { left: 0, top: 100, width: 1280, height: 60 },
      { left: 8, top: 172 },
    ],
    ['puts the card above a wide target at the bottom', { left: 0, top: 650, width: 1280, height: 100 }, { left: 8, top: 438 }],
    [
      'moves the card up so it stays above the bottom margin',
      { left: 100, top: 780, width: 200, height: 10 },
      { left: 312, top: 592 },
    ],
    [
      'moves the card down to the top margin for a target above the fold',
      { left: 100, top: -300, width: 200, height: 40 },
      { left: 312, top: 8 },
    ],
    [
      'keeps the card on screen when the target is scrolled off to the left',
      { left: -900, top: 100, width: 200, height: 40 },
      { left: 8, top: 100 },
    ],
    [
      'keeps the card on screen when the target is scrolled off to the right',
      { left: 1500, top: 100, width: 200, height: 40 },
      { left: 972, top: 100 },
    ],
    [
      'keeps the card on screen when a wide target sits below the fold',
      { left: 0, top: 1200, width: 1280, height: 100 },
      { left: 8, top: 592 },
    ],
    [
      'keeps the card on screen when a wide target sits above the fold',
      { left: 0, top: -900, width: 1280, height: 100 },
      { left: 8, top: 8 },
    ],
  ])('%s', (_name, target, expected) => {
    expect(placeCard(target, card, viewport)).toEqual(expected);
  });

  it.each<[string, Box, { left: number; top: number }]>([
    [
      'the bottom-right corner for a target that fills the top left',
      { left: 0, top: 0, width: 1100, height: 700 },
      { left: 972, top: 592 },
    ],
    [
      'the top-left corner for a target that fills the bottom right',
      { left: 180, top: 100, width: 1100, height: 700 },
      { left: 8, top: 8 },
    ],
    [
      'the top-right corner for a target that fills the bottom left',
      { left: 0, top: 100, width: 1100, height: 700 },
      { left: 972, top: 8 },
    ],
    [
      'the bottom-left corner for a target that fills the top right',
      { left: 180, top: 0, width: 1100, height: 700 },
      { left: 8, top: 592 },
    ],
  ])('falls back to %s when no side fits', (_name, target, expected) => {
    const at = placeCard(target, card, viewport);
    expect(at).toEqual(expected);
    const corners = [
      { left: 8, top: 8 },
      { left: 972, top: 8 },
      { left: 8, top: 592 },
      { left: 972, top: 592 },
    ];
    const least = Math.min(...corners.map((c) => overlap(target, { ...c, ...card })));
    expect(overlap(target, { ...at, ...card })).toBe(least);
  });

  const box = (max: number) => fc.integer({ min: -2 * max, max: 3 * max });
  const size = (max: number) => fc.integer({ min: 0, max: 2 * max });

  it('keeps the card within [8, viewport - card - 8] for any target and a viewport that can hold it', () => {
    fc.assert(
      fc.property(
        fc.record({ width: fc.integer({ min: 1, max: 600 }), height: fc.integer({ min: 1, max: 600 }) }),
        fc.record({ width: fc.integer({ min: 0, max: 2000 }), height: fc.integer({ min: 0, max: 2000 }) }),
        fc.record({ left: box(2000), top: box(2000), width: size(2000), height: size(2000) }),
        (c, extra, target) => {
          const view = { width: c.width + 2 * MARGIN + extra.width, height: c.height + 2 * MARGIN + extra.height };
          const at = placeCard(target, c, view);
          expect(at.left).toBeGreaterThanOrEqual(MARGIN);
          expect(at.top).toBeGreaterThanOrEqual(MARGIN);
          expect(at.left).toBeLessThanOrEqual(view.width - c.width - MARGIN);
          expect(at.top).toBeLessThanOrEqual(view.height - c.height - MARGIN);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('never covers a fully visible target when the right side has room', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 0, max: 560 }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 240 }),
        (left, top, width, height) => {
          const target = { left, top, width, height };
          const at = placeCard(target, card, viewport);
          expect(at.left).toBe(left + width + GAP);
          expect(overlap(target, { ...at, ...card })).toBe(0);
        },
      ),
    );
  });

  it('prefers the right side, then the left, then below, then above', () => {
    const narrow = { width: 800, height: 800 };
    const target = (left: number, top: number, width: number, height: number) => ({ left, top, width, height });
    // Right fits.
    expect(placeCard(target(100, 300, 100, 50), card, narrow).left).toBe(212);
    // Right does not fit, left does.
    expect(placeCard(target(400, 300, 300, 50), card, narrow).left).toBe(88);
    // Neither side fits, below does.
    expect(placeCard(target(200, 100, 400, 50), card, narrow)).toEqual({ left: 200, top: 162 });
    // Neither side nor below fits, above does.
    expect(placeCard(target(200, 500, 400, 200), card, narrow)).toEqual({ left: 200, top: 288 });
  });
});
