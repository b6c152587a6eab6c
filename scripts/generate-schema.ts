import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod/mini';
import { ExportFile, SCHEMA_VERSION } from '../lib/model/export-file';

/** Where the committed schema lives, next to the project root. */
export const SCHEMA_PATH = fileURLToPath(new URL('../schema/waymark-export.schema.json', import.meta.url));

/**
 * The schema's identifier. A URN, since Waymark has no web address to serve
 * the schema from; it changes with `SCHEMA_VERSION`.
 */
export const SCHEMA_ID = `urn:waymark:schema:export:v${SCHEMA_VERSION}`;

/**
 * The JSON Schema (draft 2020-12) of a Waymark export, generated from the zod
 * model so the two cannot drift apart.
 *
 * - `io: 'input'` describes what Waymark accepts on import (a journey's
 *   `notes` may be left out, since it has a default), which is what someone
 *   validating a file before sending it wants.
 * - The `superRefine` checks (ids unique across the file, every touchpoint's
 *   journey present) have no JSON Schema form; zod leaves refinements out,
 *   and `unrepresentable: 'any'` keeps any future unrepresentable type from
 *   throwing. Waymark itself still checks them on import.
 */
export function exportFileJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(ExportFile, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: SCHEMA_ID,
    title: `Waymark export, schema version ${SCHEMA_VERSION}`,
    description:
      'A Waymark export file: studies, journeys, their touchpoints and passively logged interactions, and tombstones of deleted records.',
    ...rest,
  };
}

/** The file's text: pretty-printed JSON with a trailing newline. */
export function renderExportFileJsonSchema(): string {
  return `${JSON.stringify(exportFileJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(SCHEMA_PATH, renderExportFileJsonSchema());
  console.log(`Wrote ${SCHEMA_PATH}`);
}
