import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serializeExportFile } from '@/lib/exchange/export-json';
import { EFFORTS, EMOTIONS } from '@/lib/model/touchpoint';
import { exportFileJsonSchema, renderExportFileJsonSchema, SCHEMA_PATH } from '../../../scripts/generate-schema';
import { sampleExportFile } from '../../fixtures/sample-export';

interface Schema {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: Schema;
  anyOf?: Schema[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
}

const TYPES: Record<string, (v: unknown) => boolean> = {
  object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  array: Array.isArray,
  string: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number',
  integer: Number.isInteger,
  null: (v) => v === null,
  boolean: (v) => typeof v === 'boolean',
};

/**
 * The JSON Schema keywords zod emits for the export, checked the way a
 * validator would (no validator is installed): returns the paths that fail.
 * `format` is an annotation in draft 2020-12 and is not checked.
 */
function violations(schema: Schema, value: unknown, path = '$'): string[] {
  if (schema.anyOf) return schema.anyOf.some((s) => violations(s, value, path).length === 0) ? [] : [`${path}: anyOf`];
  const fails: string[] = [];
  const fail = (what: string) => fails.push(`${path}: ${what}`);
  if (schema.type && !TYPES[schema.type]?.(value)) return [`${path}: not ${schema.type}`];
  if ('const' in schema && value !== schema.const) fail('const');
  if (schema.enum && !schema.enum.includes(value)) fail('enum');
  if (typeof value === 'string') {
    if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) fail('pattern');
    if (value.length < (schema.minLength ?? 0) || value.length > (schema.maxLength ?? Infinity)) fail('length');
  }
  if (Array.isArray(value)) {
    if (value.length > (schema.maxItems ?? Infinity)) fail('maxItems');
    for (const [i, item] of value.entries()) if (schema.items) fails.push(...violations(schema.items, item, `${path}[${i}]`));
  }
  if (TYPES.object!(value)) {
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in record)) fail(`missing ${key}`);
    for (const [key, v] of Object.entries(record)) {
      const sub = schema.properties?.[key];
      if (sub) fails.push(...violations(sub, v, `${path}.${key}`));
      else if (schema.additionalProperties === false) fail(`unexpected ${key}`);
    }
  }
  return fails;
}

const schema = () => exportFileJsonSchema() as Schema & Record<string, unknown>;
const touchpointSchema = () => schema().properties!.touchpoints!.items!;
/** The sample as read from disk, loosely typed so tests can break it. */
interface ExportJson {
  schemaVersion: unknown;
  journeys: Record<string, unknown>[];
  touchpoints: Record<string, unknown>[];
  tombstones: Record<string, unknown>[];
}
const sampleJson = () => JSON.parse(serializeExportFile(sampleExportFile())) as ExportJson;

describe('waymark-export.schema.json', () => {
  it('is what `npm run schema` writes today (run it after changing lib/model)', () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(renderExportFileJsonSchema());
  });

  it('names itself and requires the envelope', () => {
    expect(schema()).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'urn:waymark:schema:export:v4',
      title: expect.any(String),
    });
    expect(schema().required).toEqual([
      'format',
      'schemaVersion',
      'exportedAt',
      'generator',
      'studies',
      'journeys',
      'touchpoints',
      'interactions',
      'tombstones',
    ]);
    expect(schema().properties?.schemaVersion).toMatchObject({ const: 4 });
    expect(schema().additionalProperties).toBe(false);
  });

  it('limits emotion to -2..2 and effort to 1..7', () => {
    expect(touchpointSchema().properties?.emotion?.enum).toEqual([...EMOTIONS]);
    expect(touchpointSchema().properties?.effort?.enum).toEqual([...EFFORTS]);
    expect(touchpointSchema().required).toContain('anchor');
  });

  it('accepts a real export', () => {
    expect(violations(schema(), sampleJson())).toEqual([]);
  });

  it.each([
    ['an emotion of 3', (f: ExportJson) => (f.touchpoints[0]!.emotion = 3), '$.touchpoints[0].emotion: enum'],
    ['an effort of 0', (f: ExportJson) => (f.touchpoints[0]!.effort = 0), '$.touchpoints[0].effort: enum'],
    ['an unknown key', (f: ExportJson) => (f.touchpoints[0]!.mood = 'sad'), '$.touchpoints[0]: unexpected mood'],
    ['a missing title', (f: ExportJson) => delete f.journeys[0]!.title, '$.journeys[0]: missing title'],
    ['a bad id', (f: ExportJson) => (f.tombstones[0]!.id = 'x'), '$.tombstones[0].id: pattern'],
    ['version 1', (f: ExportJson) => (f.schemaVersion = 1), '$.schemaVersion: const'],
  ])('rejects %s', (_, change, expected) => {
    const file = sampleJson();
    change(file);
    expect(violations(schema(), file)).toContain(expected);
  });
});
