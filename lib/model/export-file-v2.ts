import * as z from 'zod/mini';
import { Author, Id, integer, list, MAX_TEXT, Timestamp, text, trimmed } from './common';

/**
 * Schema version 2 of the export file, frozen as released: files written by
 * Waymark 0.2 are read with it and migrated to the current version. Never
 * edit this file; a new version gets a new frozen copy.
 */
const TextQuoteV2 = z.strictObject({
  exact: text(MAX_TEXT),
  prefix: text(200),
  suffix: text(200),
});

const AnchorV2 = z.strictObject({
  selector: text(2_000),
  xpath: text(2_000),
  quote: TextQuoteV2,
  tagName: text(64),
});

const ViewportV2 = z.strictObject({
  width: integer(0, Number.MAX_SAFE_INTEGER),
  height: integer(0, Number.MAX_SAFE_INTEGER),
  scrollX: z.number(),
  scrollY: z.number(),
  devicePixelRatio: z.number().check(z.positive()),
});

const ScreenshotV2 = z.strictObject({
  path: z.string().check(z.regex(/^screenshots\/[0-9a-f-]{36}\.(webp|jpg|png)$/)),
  mimeType: z.enum(['image/webp', 'image/jpeg', 'image/png']),
  width: integer(1, 20_000),
  height: integer(1, 20_000),
});

export const JourneyV2 = z.strictObject({
  id: Id,
  title: trimmed(1, 200),
  status: z.enum(['running', 'ended']),
  startedAt: Timestamp,
  endedAt: z.nullable(Timestamp),
  updatedAt: Timestamp,
  author: Author,
  notes: z._default(text(MAX_TEXT), ''),
});

export const TouchpointV2 = z.strictObject({
  id: Id,
  journeyId: Id,
  capturedAt: Timestamp,
  updatedAt: Timestamp,
  author: Author,
  url: z.url().check(z.maxLength(4_000)),
  pageTitle: text(1_000),
  target: z.enum(['element', 'page']),
  emotion: z.literal([-2, -1, 0, 1, 2]),
  effort: z.literal([1, 2, 3, 4, 5, 6, 7]),
  note: text(MAX_TEXT),
  tags: list(trimmed(1, 64), 50),
  anchor: AnchorV2,
  viewport: ViewportV2,
  screenshot: z.nullable(ScreenshotV2),
});

const TombstoneV2 = z.strictObject({
  id: Id,
  recordType: z.enum(['journey', 'touchpoint']),
  updatedAt: Timestamp,
  author: Author,
});

/** Version 2 as released. Cross-record checks (duplicate ids, references) run on the migrated file. */
export const ExportFileV2 = z.strictObject({
  format: z.literal('waymark'),
  schemaVersion: z.literal(2),
  exportedAt: Timestamp,
  generator: z.string().check(z.minLength(1), z.maxLength(200)),
  journeys: z.array(JourneyV2),
  touchpoints: z.array(TouchpointV2),
  tombstones: z.array(TombstoneV2),
});
export type ExportFileV2 = z.infer<typeof ExportFileV2>;
