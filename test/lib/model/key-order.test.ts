import { describe, expect, it } from 'vitest';
import { ExportFile } from '@/lib/model/export-file';
import { orderKeysLike } from '@/lib/model/key-order';
import { Touchpoint } from '@/lib/model/touchpoint';
import { touchpointFixture } from '../../fixtures/records';
import { sampleExportFile } from '../../fixtures/sample-export';

/** The same record with its keys (and its anchor's) in reverse order. */
function shuffled<T extends object>(record: T): T {
  return Object.fromEntries(
    Object.entries(record)
      .reverse()
      .map(([k, v]) => [k, v && typeof v === 'object' && !Array.isArray(v) ? shuffled(v) : v]),
  ) as T;
}

describe('orderKeysLike', () => {
  it('puts keys in schema order, as a parse would, at every depth', () => {
    const record = shuffled(touchpointFixture());
    const ordered = orderKeysLike(Touchpoint, record);
    expect(JSON.stringify(ordered)).toBe(JSON.stringify(Touchpoint.parse(record)));
    expect(Object.keys(ordered.anchor)).toEqual(Object.keys(Touchpoint.shape.anchor.shape));
  });

  it('returns a record already in order as it is, without copying', () => {
    const record = Touchpoint.parse(touchpointFixture());
    expect(orderKeysLike(Touchpoint, record)).toBe(record);
    const file = ExportFile.parse(sampleExportFile());
    expect(orderKeysLike(ExportFile, file)).toBe(file);
  });

  it('copies only what is out of order: the record, not its ordered neighbours', () => {
    const file = ExportFile.parse(sampleExportFile());
    const [first, ...rest] = file.touchpoints;
    const mixed = { ...file, touchpoints: [shuffled(first!), ...rest] };
    const ordered = orderKeysLike(ExportFile, mixed);
    expect(ordered.touchpoints[0]).not.toBe(mixed.touchpoints[0]);
    expect(ordered.touchpoints.slice(1).every((tp, i) => tp === rest[i])).toBe(true);
    expect(JSON.stringify(ordered)).toBe(JSON.stringify(file));
  });
});
