import * as z from 'zod/mini';
import { Id, MAX_TEXT, Timestamp, text, trimmed } from './common';
import { TouchpointV2 } from './export-file-v2';

/**
 * Schema version 1 of the export file, frozen as released: files written by
 * Waymark 0.1 are read with it and migrated to the current version. Never
 * edit this file; a new version gets a new frozen copy.
 */
export const JourneyV1 = z.strictObject({
  id: Id,
  title: trimmed(1, 200),
  status: z.enum(['running', 'ended']),
  startedAt: Timestamp,
  endedAt: z.nullable(Timestamp),
  updatedAt: Timestamp,
  notes: z._default(text(MAX_TEXT), ''),
});

export const TouchpointV1 = z.omit(TouchpointV2, { author: true, screenshot: true });

export const ExportFileV1 = z.strictObject({
  format: z.literal('waymark'),
  schemaVersion: z.literal(1),
  exportedAt: Timestamp,
  generator: z.string().check(z.minLength(1), z.maxLength(200)),
  journeys: z.array(JourneyV1),
  touchpoints: z.array(TouchpointV1),
});
export type ExportFileV1 = z.infer<typeof ExportFileV1>;
