import * as z from 'zod/mini';
import { Author, Id, integer, list, MAX_TEXT, nonNegative, Timestamp, text, trimmed } from './common';
import { StageId } from './journey';
import { EFFORTS, EMOTIONS } from './scales';
import { Ownership } from './study';
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
export const ChannelId = trimmed(1, 64);

/** A tag: one of the known ones (`pain-point`, `moment-of-truth`, `delight`) or a free one. */
export const Tag = trimmed(1, 64);

/**
 * A W3C Web Annotation TextQuoteSelector: the element's (masked) text and a
 * little of what surrounds it, so the element can be found again after the
 * markup changes. https://www.w3.org/TR/annotation-model/#text-quote-selector
 */
export const TextQuote = z.strictObject({
  exact: text(MAX_TEXT),
  prefix: text(200),
  suffix: text(200),
});
export type TextQuote = z.infer<typeof TextQuote>;

/** How to find the tagged element again. */
export const Anchor = z.strictObject({
  /** A short unique CSS selector; empty for a whole-page touchpoint. */
  selector: text(2_000),
  /** An absolute XPath, the fallback when the selector no longer matches. */
  xpath: text(2_000),
  quote: TextQuote,
  /** The element's tag name, lower case (e.g. `button`). */
  tagName: text(64),
  /** The element's ARIA role, explicit or implied (e.g. `button`, `link`); empty when none. */
  role: text(64),
  /** The element's accessible name, masked like all captured text. */
  name: text(500),
});
export type Anchor = z.infer<typeof Anchor>;

/** What the researcher pointed at. */
export const TargetKind = z.enum(['element', 'selection', 'page']);
export type TargetKind = z.infer<typeof TargetKind>;

/** Size and scroll of the window when the touchpoint was captured. */
export const Viewport = z.strictObject({
  width: integer(0, Number.MAX_SAFE_INTEGER),
  height: integer(0, Number.MAX_SAFE_INTEGER),
  scrollX: z.number(),
  scrollY: z.number(),
  devicePixelRatio: z.number().check(z.positive()),
});
export type Viewport = z.infer<typeof Viewport>;

/** About the page when it was captured. */
export const PageContext = z.strictObject({
  /** The page's language (`<html lang>`), or the browser's when the page names none. */
  language: text(35),
  /** Navigation start to the load event, in ms; `null` before load or when unknown. */
  loadMs: z.nullable(nonNegative()),
  /** Largest contentful paint, in ms since navigation start; `null` when the browser has none. */
  lcpMs: z.nullable(nonNegative()),
});
export type PageContext = z.infer<typeof PageContext>;

/**
 * The screenshot of a touchpoint: stored as a Blob in IndexedDB, and in a ZIP
 * bundle at `path` (relative to the bundle's JSON file).
 */
export const Screenshot = z.strictObject({
  path: z.string().check(z.regex(/^screenshots\/[0-9a-f-]{36}\.(webp|jpg|png)$/)),
  mimeType: z.enum(['image/webp', 'image/jpeg', 'image/png']),
  width: integer(1, 20_000),
  height: integer(1, 20_000),
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
  url: z.url().check(z.maxLength(4_000)),
  pageTitle: text(1_000),
  target: TargetKind,
  emotion: Emotion,
  namedEmotion: z.nullable(NamedEmotion),
  effort: Effort,
  /** One of the journey's stages; empty when not assigned. */
  stage: z.union([StageId, z.literal('')]),
  channel: ChannelId,
  note: text(MAX_TEXT),
  tags: list(Tag, 50),
  anchor: Anchor,
  viewport: Viewport,
  context: PageContext,
  /**
   * Where the touchpoint sits in its journey: touchpoints are shown in
   * ascending order. Starts as the capture time in ms; a reorder sets a value
   * between the new neighbours, so one edit changes one record.
   */
  position: z.number(),
  /** The passively logged interaction this touchpoint was promoted from, if any. */
  interactionId: z.nullable(Id),
  /** `null` when screenshots are off or the page could not be captured. */
  screenshot: z.nullable(Screenshot),
  /** Who owns this touchpoint, as the researcher set it; `null`: suggested from the page's domain and the study. */
  owner: z.nullable(Ownership),
});
export type Touchpoint = z.infer<typeof Touchpoint>;

/**
 * What the page sends when the researcher saves: everything but the journey,
 * which the background decides, and `updatedAt`, `author`, `position`,
 * `interactionId` and `screenshot`, which it adds.
 */
export const TouchpointDraft = z.omit(Touchpoint, {
  journeyId: true,
  updatedAt: true,
  author: true,
  position: true,
  interactionId: true,
  screenshot: true,
  owner: true,
});
export type TouchpointDraft = z.infer<typeof TouchpointDraft>;
