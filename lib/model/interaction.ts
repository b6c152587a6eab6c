import * as z from 'zod/mini';
import { Author, Id, integer, nonNegative, Timestamp, text } from './common';
import { Anchor } from './touchpoint';
import { INTERACTION_KINDS } from './vocabulary';

export const InteractionKind = z.enum(INTERACTION_KINDS);
export type InteractionKind = z.infer<typeof InteractionKind>;

/**
 * Something the passive recorder logged while a journey ran: a navigation, a
 * click on a link or button, a form submit, a load or a long wait. Never an
 * input's value. It can be promoted to a touchpoint later, keeping its time
 * and anchor.
 */
export const Interaction = z.strictObject({
  id: Id,
  journeyId: Id,
  kind: InteractionKind,
  /** When it happened, in the page. */
  at: Timestamp,
  updatedAt: Timestamp,
  author: Author,
  /** The page URL, masked like a touchpoint's. */
  url: z.url().check(z.maxLength(4_000)),
  pageTitle: text(1_000),
  /** What was acted on, e.g. `button "Add to cart"`; masked; empty for page-level events. */
  label: text(500),
  /** The element acted on; `null` for page-level events. */
  anchor: z.nullable(Anchor),
  /** How long a load or wait took, in ms; `null` when not a timed event. */
  durationMs: z.nullable(nonNegative()),
  /** The HTTP status of an error page; `null` otherwise. */
  httpStatus: z.nullable(integer(100, 599)),
});
export type Interaction = z.infer<typeof Interaction>;

/** An interaction before the background files it: the journey and bookkeeping are added there. */
export const InteractionDraft = z.omit(Interaction, { journeyId: true, updatedAt: true, author: true });
export type InteractionDraft = z.infer<typeof InteractionDraft>;

const RAW_TEXT = 4_000;

/**
 * What the passive recorder sends from a page: a draft whose text is not yet
 * masked (the worker masks the URL, title, label and anchor, then cuts them
 * to the stored limits), so the recorder stays a few KB. Limits are loose
 * here and checked per record after masking: one odd record is dropped, not
 * the batch.
 */
export const RawInteraction = z.strictObject({
  id: Id,
  kind: InteractionKind,
  at: Timestamp,
  url: text(16_000),
  pageTitle: text(RAW_TEXT),
  label: text(RAW_TEXT),
  anchor: z.nullable(
    z.strictObject({
      selector: text(RAW_TEXT),
      xpath: text(RAW_TEXT),
      quote: z.strictObject({
        exact: text(RAW_TEXT),
        prefix: text(RAW_TEXT),
        suffix: text(RAW_TEXT),
      }),
      tagName: text(64),
      role: text(64),
      name: text(RAW_TEXT),
    }),
  ),
  durationMs: z.nullable(nonNegative()),
  httpStatus: z.nullable(integer(100, 599)),
});
export type RawInteraction = z.infer<typeof RawInteraction>;
