import { z } from 'zod';
import { Author, Id, MAX_TEXT, Timestamp } from './common';
import { StageId } from './journey';
import { EFFORTS, EMOTIONS } from './scales';
import { NAMED_EMOTIONS } from './vocabulary';

export { EFFORTS, EMOTIONS };

/** Emotion felt at a touchpoint: -2 very negative .. +2 very positive. */
export const Emotion = z.literal(EMOTIONS);
export type Emotion = z.infer<typeof Emotion>;

/** Effort a step took: 1 very easy .. 7 very difficult. */
export const Effort = z.literal(EFFORTS);
export type Effort = z.infer<typeof Effort>;

/** An optional word for the feeling, beside the -2..+2 rating. */
export const NamedEmotion = z.enum(NAMED_EMOTIONS);
export type NamedEmotion = z.infer<typeof NamedEmotion>;

/** A channel id such as `web-desktop`, or a team's own. */
export const ChannelId = z.string().trim().min(1).max(64);

/** A tag: one of the known ones (`pain-point`, `moment-of-truth`, `delight`) or a free one. */
export const Tag = z.string().trim().min(1).max(64);

/**
 * A W3C Web Annotation TextQuoteSelector: the element's (masked) text and a
 * little of what surrounds it, so the element can be found again after the
 * markup changes. https://www.w3.org/TR/annotation-model/#text-quote-selector
 */
export const TextQuote = z.strictObject({
  exact: z.string().max(MAX_TEXT),
  prefix: z.string().max(200),
  suffix: z.string().max(200),
});
export type TextQuote = z.infer<typeof TextQuote>;

/** How to find the tagged element again. */
export const Anchor = z.strictObject({
  /** A short unique CSS selector; empty for a whole-page touchpoint. */
  selector: z.string().max(2_000),
  /** An absolute XPath, the fallback when the selector no longer matches. */
  xpath: z.string().max(2_000),
  quote: TextQuote,
  /** The element's tag name, lower case (e.g. `button`). */
  tagName: z.string().max(64),
  /** The element's ARIA role, explicit or implied (e.g. `button`, `link`); empty when none. */
  role: z.string().max(64),
  /** The element's accessible name, masked like all captured text. */
  name: z.string().max(500),
});
export type Anchor = z.infer<typeof Anchor>;

/** What the researcher pointed at. */
export const TargetKind = z.enum(['element', 'selection', 'page']);
export type TargetKind = z.infer<typeof TargetKind>;

/** Size and scroll of the window when the touchpoint was captured. */
export const Viewport = z.strictObject({
  width: z.number().int().nonnegative(),
  height: z.number().int().nonnegative(),
  scrollX: z.number(),
  scrollY: z.number(),
  devicePixelRatio: z.number().positive(),
});
export type Viewport = z.infer<typeof Viewport>;

/** About the page when it was captured. */
export const PageContext = z.strictObject({
  /** The page's language (`<html lang>`), or the browser's when the page names none. */
  language: z.string().max(35),
  /** Navigation start to the load event, in ms; `null` before load or when unknown. */
  loadMs: z.number().nonnegative().nullable(),
  /** Largest contentful paint, in ms since navigation start; `null` when the browser has none. */
  lcpMs: z.number().nonnegative().nullable(),
});
export type PageContext = z.infer<typeof PageContext>;

/**
 * The screenshot of a touchpoint: stored as a Blob in IndexedDB, and in a ZIP
 * bundle at `path` (relative to the bundle's JSON file).
 */
export const Screenshot = z.strictObject({
  path: z.string().regex(/^screenshots\/[0-9a-f-]{36}\.(webp|jpg|png)$/),
  mimeType: z.enum(['image/webp', 'image/jpeg', 'image/png']),
  width: z.number().int().positive().max(20_000),
  height: z.number().int().positive().max(20_000),
});
export type Screenshot = z.infer<typeof Screenshot>;

/** A moment of the journey the researcher tagged and rated. */
export const Touchpoint = z.strictObject({
  id: Id,
  journeyId: Id,
  capturedAt: Timestamp,
  updatedAt: Timestamp,
  author: Author,
  /** The page URL with secrets masked and tracking parameters dropped. */
  url: z.url().max(4_000),
  pageTitle: z.string().max(1_000),
  target: TargetKind,
  emotion: Emotion,
  namedEmotion: NamedEmotion.nullable(),
  effort: Effort,
  /** One of the journey's stages; empty when not assigned. */
  stage: z.union([StageId, z.literal('')]),
  channel: ChannelId,
  note: z.string().max(MAX_TEXT),
  tags: z.array(Tag).max(50),
  anchor: Anchor,
  viewport: Viewport,
  context: PageContext,
  /**
   * Where the touchpoint sits in its journey: touchpoints are shown in
   * ascending order. Starts as the capture time in ms; a reorder sets a value
   * between the new neighbours, so one edit changes one record.
   */
  position: z.number().finite(),
  /** The passively logged interaction this touchpoint was promoted from, if any. */
  interactionId: Id.nullable(),
  /** `null` when screenshots are off or the page could not be captured. */
  screenshot: Screenshot.nullable(),
});
export type Touchpoint = z.infer<typeof Touchpoint>;

/**
 * What the page sends when the researcher saves: everything but the journey,
 * which the background decides, and `updatedAt`, `author`, `position`,
 * `interactionId` and `screenshot`, which it adds.
 */
export const TouchpointDraft = Touchpoint.omit({
  journeyId: true,
  updatedAt: true,
  author: true,
  position: true,
  interactionId: true,
  screenshot: true,
});
export type TouchpointDraft = z.infer<typeof TouchpointDraft>;
