import * as z from 'zod/mini';
import { Timestamp } from './common';
import { Interaction } from './interaction';
import { Journey } from './journey';
import { Tombstone } from './tombstone';
import { Touchpoint } from './touchpoint';

/**
 * Schema version 3 of the export file as released (Waymark 0.3): files
 * written then are read with it and migrated to the current version. Written
 * as "version 4 minus what it added" to keep the worker small; the test
 * test/lib/model/export-file-v3.test.ts pins its JSON Schema, so a later
 * change to the current records that would change it fails there: then
 * write this version out in full, as export-file-v2.ts is.
 */
export const JourneyV3 = z.omit(Journey, { studyId: true, siteId: true, answers: true });
export const TouchpointV3 = z.omit(Touchpoint, { owner: true });
const TombstoneV3 = z.extend(Tombstone, { recordType: z.enum(['journey', 'touchpoint', 'interaction']) });

/** Version 3 as released. Cross-record checks (duplicate ids, references) run on the migrated file. */
export const ExportFileV3 = z.strictObject({
  format: z.literal('waymark'),
  schemaVersion: z.literal(3),
  exportedAt: Timestamp,
  generator: z.string().check(z.minLength(1), z.maxLength(200)),
  journeys: z.array(JourneyV3),
  touchpoints: z.array(TouchpointV3),
  interactions: z.array(Interaction),
  tombstones: z.array(TombstoneV3),
});
export type ExportFileV3 = z.infer<typeof ExportFileV3>;
