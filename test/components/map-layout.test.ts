import { describe, expect, it } from 'vitest';
import { emotionY, mapLayout } from '@/components/map/map-layout';
import { journeyMetrics } from '@/lib/journey/metrics';
import { journey, touchpoint } from '../lib/journey/records';

describe('mapLayout', () => {
  const j = journey({ stages: ['awareness', 'purchase', 'support'] });
  const tps = [
    touchpoint(1, { stage: 'purchase' }),
    touchpoint(2, { stage: 'awareness' }),
    touchpoint(3, { stage: '' }),
    touchpoint(4, { stage: 'purchase' }),
    touchpoint(5, { stage: 'own-stage' }),
  ];
  const layout = mapLayout(tps, journeyMetrics(j, tps, []));

  it('makes one column per stage in the journey order, then unlisted stages, then "no stage"', () => {
    expect(layout.columns.map((c) => c.stage)).toEqual(['awareness', 'purchase', 'support', 'own-stage', '']);
  });

  it('puts touchpoints under their stage in display order, one slot each, an empty stage one slot wide', () => {
    expect(layout.columns.map((c) => [c.touchpoints.map((tp) => tp.id), c.slotStart, c.slots])).toEqual([
      [[tps[1]!.id], 0, 1],
      [[tps[0]!.id, tps[3]!.id], 1, 2],
      [[], 3, 1],
      [[tps[4]!.id], 4, 1],
      [[tps[2]!.id], 5, 1],
    ]);
    expect(layout.totalSlots).toBe(6);
  });

  it('gives every touchpoint a slot inside its own column', () => {
    for (const column of layout.columns) {
      for (const tp of column.touchpoints) {
        const slot = layout.slotOf.get(tp.id)!;
        expect(slot).toBeGreaterThanOrEqual(column.slotStart);
        expect(slot).toBeLessThan(column.slotStart + column.slots);
      }
    }
    expect(layout.slotOf.size).toBe(tps.length);
  });
});

describe('emotionY', () => {
  it.each([
    [2, 10],
    [0, 50],
    [-2, 90],
  ])('puts emotion %i at y %i on a 100 px curve with 10 px padding', (emotion, y) => {
    expect(emotionY(emotion, 100, 10)).toBe(y);
  });
});
