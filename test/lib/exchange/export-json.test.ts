import { describe, expect, it } from 'vitest';
import { buildExportFile, exportFileName, serializeExportFile } from '@/lib/exchange/export-json';
import { ExportFile, SCHEMA_VERSION } from '@/lib/model/export-file';
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
});
