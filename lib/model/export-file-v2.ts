import { z } from 'zod';
import { Author, Id, MAX_TEXT, Timestamp } from './common';

/**
 * Schema version 2 of the export file, frozen as released: files written by
 * Waymark 0.2 are read with it and migrated to the current version. Never
 * edit this file; a new version gets a new frozen copy.
 */
const TextQuoteV2 = z.strictObject({
  exact: z.string().max(MAX_TEXT),
  prefix: z.string().max(200),
  suffix: z.string().max(200),
});

const AnchorV2 = z.strictObject({
  selector: z.string().max(2_000),
  xpath: z.string().max(2_000),
  quote: TextQuoteV2,
  tagName: z.string().max(64),
});

const ViewportV2 = z.strictObject({
  width: z.number().int().nonnegative(),
  height: z.number().int().nonnegative(),
  scrollX: z.number(),
  scrollY: z.number(),
  devicePixelRatio: z.number().positive(),
});

const ScreenshotV2 = z.strictObject({
  path: z.string().regex(/^screenshots\/[0-9a-f-]{36}\.(webp|jpg|png)$/),
  mimeType: z.enum(['image/webp', 'image/jpeg', 'image/png']),
  width: z.number().int().positive().max(20_000),
  height: z.number().int().positive().max(20_000),
});

export const JourneyV2 = z.strictObject({
  id: Id,
  title: z.string().trim().min(1).max(200),
  status: z.enum(['running', 'ended']),
  startedAt: Timestamp,
  endedAt: Timestamp.nullable(),
  updatedAt: Timestamp,
  author: Author,
  notes: z.string().max(MAX_TEXT).default(''),
});

export const TouchpointV2 = z.strictObject({
  id: Id,
  journeyId: Id,
  capturedAt: Timestamp,
  updatedAt: Timestamp,
  author: Author,
  url: z.url().max(4_000),
  pageTitle: z.string().max(1_000),
  target: z.enum(['element', 'page']),
  emotion: z.literal([-2, -1, 0, 1, 2]),
  effort: z.literal([1, 2, 3, 4, 5, 6, 7]),
  note: z.string().max(MAX_TEXT),
  tags: z.array(z.string().trim().min(1).max(64)).max(50),
  anchor: AnchorV2,
  viewport: ViewportV2,
  screenshot: ScreenshotV2.nullable(),
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
  generator: z.string().min(1).max(200),
  journeys: z.array(JourneyV2),
  touchpoints: z.array(TouchpointV2),
  tombstones: z.array(TombstoneV2),
});
export type ExportFileV2 = z.infer<typeof ExportFileV2>;
