import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildExportFile,
  exportFileName,
  inSchemaOrder,
  serializeExportFile,
  sortedByTime,
  timeKey,
} from '@/lib/exchange/export-json';
import { ExportFile, SCHEMA_VERSION } from '@/lib/model/export-file';
import { Journey } from '@/lib/model/journey';
import { orderKeysLike } from '@/lib/model/key-order';
import { Touchpoint } from '@/lib/model/touchpoint';
import { exportFileArb } from '../../fixtures/arbitraries';
import { journeyFixture, touchpointFixture } from '../../fixtures/records';

const input = () => ({
  journeys: [journeyFixture()],
  touchpoints: [
    touchpointFixture({ id: 'a1b2c3d4-0000-4000-8000-000000000002', capturedAt: '2026-11-25T10:05:00.000Z' }),
    touchpointFixture({ id: 'a1b2c3d4-0000-4000-8000-000000000001', capturedAt: '2026-11-25T10:02:00.000Z' }),
  ],
  generator: 'Waymark 0.1.0',
  emptyExportedAt: '2026-11-25T12:00:00.000Z',
});

describe('buildExportFile', () => {
  it('writes the versioned envelope and sorts touchpoints by capture time', () => {
    const file = buildExportFile(input());
    expect(file).toMatchObject({ format: 'waymark', schemaVersion: SCHEMA_VERSION, generator: 'Waymark 0.1.0', tombstones: [] });
    // "As of" the newest change, so the same data gives the same file whenever it is exported.
    expect(file.exportedAt).toBe('2026-11-25T10:01:00.000Z');
    expect(file.touchpoints.map((tp) => tp.capturedAt)).toEqual(['2026-11-25T10:02:00.000Z', '2026-11-25T10:05:00.000Z']);
    expect(ExportFile.safeParse(file).success).toBe(true);
  });

  it('gives the same bytes whatever the input order and key order', () => {
    const a = input();
    const b = input();
    b.touchpoints.reverse();
    b.journeys = b.journeys.map((j) => Object.fromEntries(Object.entries(j).reverse()) as typeof j);
    expect(serializeExportFile(buildExportFile(a))).toBe(serializeExportFile(buildExportFile(b)));
  });

  it('refuses to write a file it would not read back', () => {
    expect(() => buildExportFile({ ...input(), journeys: [] })).toThrow(/not in the file/);
  });
});

describe('exportFileName', () => {
  it.each([
    ['Buy a Monstera', 'waymark-buy-a-monstera-2026-11-25.json'],
    ['  Checkout: A/B test?  ', 'waymark-checkout-a-b-test-2026-11-25.json'],
    ['结账流程', 'waymark-结账流程-2026-11-25.json'],
    ['خرید بلیط', 'waymark-خرید-بلیط-2026-11-25.json'],
    ['Оформление заказа', 'waymark-оформление-заказа-2026-11-25.json'],
    ['../../etc/passwd', 'waymark-etc-passwd-2026-11-25.json'],
    ['...', 'waymark-journey-2026-11-25.json'],
    ['a\u202Egnp.exe', 'waymark-a-gnp-exe-2026-11-25.json'],
  ])('names %j safely', (title, expected) => {
    expect(exportFileName(title, '2026-11-25T12:00:00.000Z')).toBe(expected);
  });

  it('keeps long titles short', () => {
    expect(exportFileName('x'.repeat(500), '2026-11-25T12:00:00.000Z').length).toBeLessThan(90);
  });
});

describe('buildExportFile, trusted', () => {
  it('gives the same bytes as the validating build, with keys in schema order', () => {
    const scrambled = input();
    scrambled.touchpoints = scrambled.touchpoints.map((tp) => Object.fromEntries(Object.entries(tp).reverse()) as typeof tp);
    const checked = serializeExportFile(buildExportFile(input()));
    expect(serializeExportFile(buildExportFile(scrambled, { trusted: true }))).toBe(checked);
  });

  it('keeps records already in schema order as they are, without copying', () => {
    const records = { ...input(), journeys: input().journeys.map((j) => Journey.parse(j)) };
    records.touchpoints = records.touchpoints.map((tp) => Touchpoint.parse(tp));
    const file = buildExportFile(records, { trusted: true });
    expect(file.journeys[0]).toBe(records.journeys[0]);
    expect(file.touchpoints.every((tp) => records.touchpoints.includes(tp))).toBe(true);
  });
});

/** The same object with its keys in reverse order, at the top only. */
const reversed = <T extends object>(value: T) => Object.fromEntries(Object.entries(value).reverse()) as T;

describe('inSchemaOrder', () => {
  const record = () => Touchpoint.parse(touchpointFixture());
  it.each([
    ['a parsed record', () => record(), true],
    ['its keys reversed', () => reversed(record()), false],
    ['a nested object reversed', () => ({ ...record(), anchor: reversed(record().anchor) }), false],
    [
      'a nested object two levels down reversed',
      () => {
        const r = record();
        return { ...r, anchor: { ...r.anchor, quote: reversed(r.anchor.quote) } };
      },
      false,
    ],
    ['a key the schema does not have', () => ({ ...record(), extra: 1 }), false],
    [
      'a key missing (as an optional one may be)',
      () => {
        const { note: _, ...rest } = record();
        return rest;
      },
      true,
    ],
  ])('says whether %s is in order, as orderKeysLike would leave it', (_, make, expected) => {
    const value = make();
    expect(inSchemaOrder(Touchpoint, value)).toBe(expected);
    expect(orderKeysLike(Touchpoint, value) === value).toBe(expected);
  });

  it('checks every record of a file', () => {
    const file = buildExportFile(input());
    expect(inSchemaOrder(ExportFile, file)).toBe(true);
    const last = file.touchpoints.length - 1;
    expect(
      inSchemaOrder(ExportFile, { ...file, touchpoints: file.touchpoints.with(last, reversed(file.touchpoints[last]!)) }),
    ).toBe(false);
  });
});

describe('timeKey', () => {
  it.each([
    '2026-11-25T10:00:00Z',
    '2026-11-25T10:00:00.5Z',
    '2026-11-25T10:00:00.0000Z',
    '2026-11-25T10:00:00.000+01:00',
    '2026-13-01T00:00:00.000Z',
    '2026-11-25T24:00:00.000Z',
    '+012026-11-25T10:00:00.000Z',
    '',
  ])('has no key for %j, which is sorted as text', (time) => {
    expect(timeKey(time)).toBeNaN();
  });

  it('orders canonical times as their text, even days past a month end', () => {
    const times = [
      '2026-02-28T23:59:59.999Z',
      '2026-02-30T00:00:00.000Z',
      '2026-03-01T00:00:00.000Z',
      '0000-01-01T00:00:00.000Z',
    ];
    const byKey = [...times].sort((a, b) => timeKey(a) - timeKey(b));
    expect(byKey).toEqual([...times].sort());
    expect(timeKey('9999-12-31T23:59:59.999Z')).toBeLessThan(Number.MAX_SAFE_INTEGER);
  });
});

describe('sortedByTime', () => {
  const canonical = fc
    .date({ min: new Date('2000-01-01T00:00:00.000Z'), max: new Date('2040-01-01T00:00:00.000Z'), noInvalidDate: true })
    .map((d) => d.toISOString());
  const odd = fc.constantFrom('2026-01-01T00:00:00Z', '2026-01-01T00:00:00.5Z', '2026-02-30T00:00:00.000Z');
  const records = (time: fc.Arbitrary<string>) =>
    fc.array(fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd'), at: time }), { maxLength: 40 });
  const byText = (list: { id: string; at: string }[]) =>
    [...list].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const anyYear = fc
    .date({ min: new Date('0000-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true })
    .map((d) => d.toISOString());
  const fewTimes = fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.001Z', '2026-02-30T00:00:00.000Z');

  it.each([
    ['canonical times (sorted by number)', records(canonical)],
    ['many records at the same time (ties by id)', records(fewTimes)],
    ['a span too wide to pack (sorted as text)', records(anyYear)],
    ['some times not canonical (sorted as text)', records(fc.oneof(canonical, odd))],
  ])('gives the order of comparing the text, ids breaking ties: %s', (_, arb) => {
    fc.assert(
      fc.property(arb, (list) => {
        expect(sortedByTime(list, (r) => r.at)).toEqual(byText(list));
      }),
    );
  });
});

describe('serializeExportFile', () => {
  it('gives back exactly the value it was given, for any file (property)', () => {
    fc.assert(
      fc.property(exportFileArb, (file) => {
        expect(JSON.parse(serializeExportFile(file))).toEqual(file);
      }),
    );
  });

  it('writes the envelope indented and each record compact on a line of its own', () => {
    // More touchpoints than one chunk of the serializer, with texts that look like a boundary between records.
    const touchpoints = Array.from({ length: 1_100 }, (_, i) =>
      touchpointFixture({
        id: `a1b2c3d4-0000-4000-8000-${String(i).padStart(12, '0')}`,
        note: i % 2 ? '},{"id":"' : '}\n,{',
      }),
    );
    const file = buildExportFile({ ...input(), touchpoints });
    const text = serializeExportFile(file);
    const lines = text.split('\n');
    expect(lines.slice(0, 6)).toEqual([
      '{',
      '  "format": "waymark",',
      `  "schemaVersion": ${SCHEMA_VERSION},`,
      `  "exportedAt": "${file.exportedAt}",`,
      '  "generator": "Waymark 0.1.0",',
      '  "studies": [],',
    ]);
    const recordLines = lines.filter((line) => line.startsWith('    {'));
    expect(recordLines.map((line) => JSON.parse(line.replace(/,$/, '')))).toEqual([...file.journeys, ...file.touchpoints]);
    expect(lines.slice(-5)).toEqual(['  ],', '  "interactions": [],', '  "tombstones": []', '}', '']);
  });

  it('keeps a record on one line even when it holds a list of objects with ids', () => {
    const fixture = fileURLToPath(new URL('../../fixtures/good-imports/v4-with-studies.json', import.meta.url));
    const file = ExportFile.parse(JSON.parse(readFileSync(fixture, 'utf8')));
    const text = serializeExportFile(file);
    expect(file.studies.some((s) => (s.script?.length ?? 0) > 1)).toBe(true);
    const studyLines = text.split('\n').filter((line) => line.startsWith('    {') && line.includes('"script"'));
    expect(studyLines.map((line) => JSON.parse(line.replace(/,$/, '')))).toEqual(file.studies);
  });
});
