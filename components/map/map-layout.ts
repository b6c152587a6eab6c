import type { JourneyMetrics, StageFigures } from '../../lib/journey/metrics';
import { orderTouchpoints } from '../../lib/journey/order';
import type { Touchpoint } from '../../lib/model/touchpoint';

/** One stage column of the map: its touchpoints in display order and the slots they take. */
export interface MapColumn {
  stage: string;
  touchpoints: Touchpoint[];
  figures: StageFigures;
  /** The index of the column's first slot across the whole map. */
  slotStart: number;
  /** How many slots wide the column is (one per touchpoint, at least one). */
  slots: number;
}

/** The map's columns, and where each touchpoint sits (its slot) across all of them. */
export interface MapLayout {
  columns: MapColumn[];
  totalSlots: number;
  slotOf: ReadonlyMap<string, number>;
}

/**
 * Lays a journey out as the map shows it: one column per stage in
 * `metrics.perStage` order (the journey's stages, then stages only its
 * touchpoints name, then "no stage"), each as wide as its touchpoints, so
 * the curve's points line up with the cards below them.
 */
export function mapLayout(touchpoints: readonly Touchpoint[], metrics: JourneyMetrics): MapLayout {
  const ordered = orderTouchpoints(touchpoints);
  const slotOf = new Map<string, number>();
  let slot = 0;
  const columns = metrics.perStage.map((figures) => {
    const own = ordered.filter((tp) => tp.stage === figures.stage);
    const column = { stage: figures.stage, touchpoints: own, figures, slotStart: slot, slots: Math.max(1, own.length) };
    for (const [i, tp] of own.entries()) slotOf.set(tp.id, slot + i);
    slot += column.slots;
    return column;
  });
  return { columns, totalSlots: slot, slotOf };
}

/** The y of an emotion on a curve `height` tall with `pad` above and below: +2 at the top. */
export function emotionY(emotion: number, height: number, pad: number): number {
  return pad + ((2 - emotion) / 4) * (height - 2 * pad);
}
