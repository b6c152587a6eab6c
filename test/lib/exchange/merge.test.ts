import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, fnv1a64, jsonEqual } from '@/lib/exchange/canonical-json';
import { buildExportFile, serializeExportFile } from '@/lib/exchange/export-json';
import {
  compareTimestamps,
  compareVersions,
  EMPTY_EXPORTED_AT,
  type ImportWrites,
  type LocalRecords,
  mergeExports,
  planImport,
  winner,
} from '@/lib/exchange/merge';
import type { ExportFile } from '@/lib/model/export-file';
import type { Tombstone } from '@/lib/model/tombstone';
import { exportFileArb, GENERATOR } from '../../fixtures/arbitraries';
import { journeyFixture, touchpointFixture } from '../../fixtures/records';

const options = { generator: GENERATOR };
const bytes = (file: ExportFile) => serializeExportFile(file);
const merge = (...files: ExportFile[]) => mergeExports(files, options);
const normalize = (records: LocalRecords) =>
  buildExportFile({ ...records, generator: GENERATOR, emptyExportedAt: EMPTY_EXPORTED_AT });
const file = (records: Partial<LocalRecords>) =>
  normalize({ studies: [], journeys: [], touchpoints: [], interactions: [], tombstones: [], ...records });

/** The local store after an import: delete `deleteIds` from every store, then put the records. */
function applyWrites(local: LocalRecords, writes: ImportWrites): LocalRecords {
  const store = <T extends { id: string }>(records: readonly T[], written: readonly T[]): T[] => {
    const byId = new Map(records.map((record) => [record.id, record]));
    for (const id of writes.deleteIds) byId.delete(id);
    for (const record of written) byId.set(record.id, record);
    return [...byId.values()];
  };
  return {
    studies: store(local.studies ?? [], writes.studies),
    journeys: store(local.journeys, writes.journeys),
    touchpoints: store(local.touchpoints, writes.touchpoints),
    interactions: store(local.interactions, writes.interactions),
    tombstones: store(local.tombstones, writes.tombstones),
  };
}

const noWrites: ImportWrites = { studies: [], journeys: [], touchpoints: [], interactions: [], tombstones: [], deleteIds: [] };
const J = journeyFixture().id;
const tombstone = (overrides: Partial<Tombstone> = {}): Tombstone => ({
  id: J,
  recordType: 'journey',
  updatedAt: '2026-11-26T09:00:00.000Z',
  author: 'Leo',
  ...overrides,
});

describe('mergeExports (properties)', () => {
  it('is commutative', () => {
    fc.assert(fc.property(exportFileArb, exportFileArb, (a, b) => bytes(merge(a, b)) === bytes(merge(b, a))));
  });

  it('is associative', () => {
    fc.assert(
      fc.property(exportFileArb, exportFileArb, exportFileArb, (a, b, c) => {
        expect(bytes(merge(merge(a, b), c))).toBe(bytes(merge(a, merge(b, c))));
      }),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(exportFileArb, exportFileArb, (a, b) => {
        expect(bytes(merge(a, a))).toBe(bytes(normalize(a)));
        expect(bytes(merge(merge(a, b), b))).toBe(bytes(merge(a, b)));
      }),
    );
  });

  it('gives the same bytes for three exports in all six orders', () => {
    fc.assert(
      fc.property(exportFileArb, exportFileArb, exportFileArb, (a, b, c) => {
        const orders = [
          [a, b, c],
          [a, c, b],
          [b, a, c],
          [b, c, a],
          [c, a, b],
          [c, b, a],
        ];
        const results = new Set(orders.map((files) => bytes(merge(...files))));
        expect(results.size).toBe(1);
      }),
    );
  });
});

describe('planImport (properties)', () => {
  it('leaves the store holding the merge of itself and the file, and plans nothing the second time', () => {
    fc.assert(
      fc.property(exportFileArb, exportFileArb, (local, incoming) => {
        const first = planImport(local, incoming);
        const after = applyWrites(local, first.writes);
        expect(bytes(normalize(after))).toBe(bytes(merge(local, incoming)));
        const second = planImport(after, incoming);
        expect(second.writes).toEqual(noWrites);
        expect(second.report).toMatchObject({ added: 0, updated: 0, deleted: 0 });
      }),
    );
  });

  it('counts every incoming record once', () => {
    fc.assert(
      fc.property(exportFileArb, exportFileArb, (local, incoming) => {
        const { added, updated, unchanged, ignoredOlder, deleted } = planImport(local, incoming).report;
        const total =
          incoming.studies.length +
          incoming.journeys.length +
          incoming.touchpoints.length +
          incoming.interactions.length +
          incoming.tombstones.length;
        expect(added + updated + unchanged + ignoredOlder + deleted).toBe(total);
      }),
    );
  });
});

describe('compareVersions', () => {
  it('is antisymmetric and 0 only for identical content', () => {
    fc.assert(
      fc.property(exportFileArb, exportFileArb, (a, b) => {
        for (const x of [...a.journeys, ...a.tombstones]) {
          for (const y of [...b.journeys, ...b.tombstones]) {
            const order = compareVersions(x, y);
            expect(Math.sign(compareVersions(y, x)) + Math.sign(order)).toBe(0);
            expect(order === 0).toBe(canonicalJson(x) === canonicalJson(y));
          }
        }
      }),
    );
  });

  it('decides a tie of time and author by content hash, the same way from both sides', () => {
    const journey = journeyFixture({ updatedAt: '2026-11-26T09:00:00.000Z', author: 'Leo' });
    const deletion = tombstone();
    expect(winner(journey, deletion)).toBe(winner(deletion, journey));
  });
});

describe('mergeExports (examples)', () => {
  const older = journeyFixture({ title: 'Old title', updatedAt: '2026-11-25T10:00:00.000Z' });
  const newer = journeyFixture({ title: 'New title', updatedAt: '2026-11-25T11:00:00.000Z' });

  it('keeps the newer edit', () => {
    expect(merge(file({ journeys: [newer] }), file({ journeys: [older] })).journeys).toEqual([newer]);
  });

  it('breaks a tie by author', () => {
    const ana = journeyFixture({ title: 'Ana was here', author: 'Ana' });
    const bo = journeyFixture({ title: 'Bo was here', author: 'Bo' });
    expect(merge(file({ journeys: [bo] }), file({ journeys: [ana] })).journeys).toEqual([bo]);
    expect(merge(file({ journeys: [ana] }), file({ journeys: [bo] })).journeys).toEqual([bo]);
  });

  it('propagates a deletion and keeps the deleted journey’s touchpoints', () => {
    const merged = merge(file({ journeys: [older], touchpoints: [touchpointFixture()] }), file({ tombstones: [tombstone()] }));
    expect(merged.journeys).toEqual([]);
    expect(merged.tombstones).toEqual([tombstone()]);
    expect(merged.touchpoints).toEqual([touchpointFixture()]);
  });

  it('resurrects a record edited after its deletion', () => {
    const edited = journeyFixture({ title: 'Edited later', updatedAt: '2026-11-27T09:00:00.000Z' });
    const merged = merge(file({ tombstones: [tombstone()] }), file({ journeys: [edited] }));
    expect(merged.journeys).toEqual([edited]);
    expect(merged.tombstones).toEqual([]);
  });

  it('compares times as instants whatever their precision', () => {
    const late = journeyFixture({ title: 'Late', updatedAt: '2026-11-25T10:00:01Z' });
    const early = journeyFixture({ title: 'Early', updatedAt: '2026-11-25T10:00:00.999Z' });
    expect(merge(file({ journeys: [late] }), file({ journeys: [early] })).journeys).toEqual([late]);
  });

  it('gives a fixed exportedAt when there is nothing to merge', () => {
    expect(merge()).toMatchObject({ exportedAt: EMPTY_EXPORTED_AT, generator: GENERATOR, journeys: [], tombstones: [] });
  });
});

describe('planImport (examples)', () => {
  const incoming = file({ journeys: [journeyFixture()], touchpoints: [touchpointFixture()] });
  const empty = { journeys: [], touchpoints: [], interactions: [], tombstones: [] };

  it('adds everything to an empty store, and changes nothing the second time', () => {
    const first = planImport(empty, incoming);
    expect(first.report).toEqual({ added: 2, updated: 0, unchanged: 0, conflicted: 0, ignoredOlder: 0, deleted: 0 });
    const second = planImport(applyWrites(empty, first.writes), incoming);
    expect(second).toEqual({ writes: noWrites, report: { ...first.report, added: 0, unchanged: 2 } });
  });

  it('ignores older versions', () => {
    const ours = { ...incoming, journeys: [journeyFixture({ updatedAt: '2026-11-26T00:00:00.000Z' })] };
    expect(planImport(ours, incoming)).toEqual({
      writes: noWrites,
      report: { added: 0, updated: 0, unchanged: 1, conflicted: 0, ignoredOlder: 1, deleted: 0 },
    });
  });

  it.each([
    ['ours', 'Zoe', { ignoredOlder: 1, updated: 0 }],
    ['theirs', 'Ana', { ignoredOlder: 0, updated: 1 }],
  ])('reports a same-time conflict when %s wins', (_side, localAuthor, counts) => {
    const ours = { ...incoming, touchpoints: [touchpointFixture({ note: 'Our words, same time', author: localAuthor })] };
    const { report, writes } = planImport(ours, incoming);
    expect(report).toEqual({ added: 0, unchanged: 1, conflicted: 1, deleted: 0, ...counts });
    expect(writes.touchpoints).toHaveLength(counts.updated);
  });

  it('deletes a local record when the incoming tombstone is newer, and says which id to remove', () => {
    const { report, writes } = planImport(incoming, file({ tombstones: [tombstone()] }));
    expect(report).toMatchObject({ deleted: 1, unchanged: 0, added: 0 });
    expect(writes).toEqual({ ...noWrites, tombstones: [tombstone()], deleteIds: [J] });
  });
});

describe('compareTimestamps', () => {
  it.each([
    ['2026-11-25T10:00:00Z', '2026-11-25T10:00:00.000Z', 0],
    ['2026-11-25T10:00:00.5Z', '2026-11-25T10:00:00.500000Z', 0],
    ['2026-11-25T10:00:00Z', '2026-11-25T10:00:00.001Z', -1],
    ['2026-11-25T10:00:00.999Z', '2026-11-25T10:00:01Z', -1],
    ['2026-11-25T10:00:00.05Z', '2026-11-25T10:00:00.5Z', -1],
    ['2026-11-26T00:00:00.000Z', '2026-11-25T23:59:59.999Z', 1],
  ])('orders %s and %s as %i', (a, b, expected) => {
    expect(Math.sign(compareTimestamps(a, b))).toBe(expected);
    expect(Math.sign(compareTimestamps(b, a)) + expected).toBe(0);
  });
});

describe('canonicalJson', () => {
  it('gives the same text whatever the key order', () => {
    const a = { b: 1, a: [{ y: null, x: 'é' }], c: undefined };
    expect(canonicalJson(a)).toBe('{"a":[{"x":"é","y":null}],"b":1}');
    expect(canonicalJson({ a: [{ x: 'é', y: null }], b: 1 })).toBe(canonicalJson(a));
  });
});

/** The same JSON data with every object's keys in reverse order. */
const reorder = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(reorder);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reorder(v)]),
  );
};

describe('canonicalJson and jsonEqual (properties)', () => {
  it('gives one text per content, and reads back as the same data', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(reorder(value))).toBe(canonicalJson(value));
        expect(jsonEqual(JSON.parse(canonicalJson(value)), value)).toBe(true);
      }),
    );
  });

  it('finds equal content exactly when the canonical texts are equal', () => {
    const small = fc.letrec((tie) => ({
      value: fc.oneof(
        fc.constantFrom(0, 1, 'a', null, true),
        fc.array(tie('value'), { maxLength: 2 }),
        fc.dictionary(fc.constantFrom('a', 'b', '10', '9'), tie('value'), { maxKeys: 2 }),
      ),
    })).value;
    fc.assert(fc.property(small, small, (a, b) => jsonEqual(a, b) === (canonicalJson(a) === canonicalJson(b))));
  });

  it('sorts keys by code unit, numeric-looking ones too', () => {
    expect(canonicalJson({ b: 1, 9: 2, 10: 3, B: 4 })).toBe('{"10":3,"9":2,"B":4,"b":1}');
  });
});

describe('fnv1a64', () => {
  it.each([
    ['', 'cbf29ce484222325'],
    ['a', 'af63dc4c8601ec8c'],
    ['foobar', '85944171f73967e8'],
  ])('hashes %j to the published value', (text, hash) => {
    expect(fnv1a64(text)).toBe(hash);
  });

  it('matches a BigInt FNV-1a 64 of the UTF-8 bytes, lone surrogates included', () => {
    const reference = (text: string) => {
      let h = 0xcbf29ce484222325n;
      for (const byte of new TextEncoder().encode(text)) h = ((h ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
      return h.toString(16).padStart(16, '0');
    };
    const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
    const text = fc.oneof(fc.string({ unit: codeUnit }), fc.string({ unit: 'grapheme' }));
    fc.assert(fc.property(text, (t) => fnv1a64(t) === reference(t)));
  });
});
