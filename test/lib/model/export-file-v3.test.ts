import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ExportFileV3 } from '../../../lib/model/export-file-v3';

/**
 * Version 3 is written as "the current records minus what version 4 added"
 * (lib/model/export-file-v3.ts). This pins it to the JSON Schema published
 * with version 3, so a later change of the current records cannot quietly
 * change what a version-3 file must look like.
 */
describe('export schema version 3 (frozen)', () => {
  it('describes exactly what version 3 published', () => {
    const published = JSON.parse(readFileSync('test/fixtures/schema/export-v3.schema.json', 'utf8'));
    const { $schema, ...generated } = z.toJSONSchema(ExportFileV3, {
      target: 'draft-2020-12',
      io: 'input',
      unrepresentable: 'any',
    });
    const { $schema: _s, $id: _i, title: _t, description: _d, ...expected } = published;
    expect($schema).toBe(published.$schema);
    expect(generated).toEqual(expected);
  });
});
