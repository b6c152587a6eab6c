import { z } from 'zod';
import { Author, Id, Timestamp } from './common';
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
  url: z.url().max(4_000),
  pageTitle: z.string().max(1_000),
  /** What was acted on, e.g. `button "Add to cart"`; masked; empty for page-level events. */
  label: z.string().max(500),
  /** The element acted on; `null` for page-level events. */
  anchor: Anchor.nullable(),
  /** How long a load or wait took, in ms; `null` when not a timed event. */
  durationMs: z.number().nonnegative().nullable(),
  /** The HTTP status of an error page; `null` otherwise. */
  httpStatus: z.number().int().min(100).max(599).nullable(),
});
export type Interaction = z.infer<typeof Interaction>;

/** An interaction before the background files it: the journey and bookkeeping are added there. */
export const InteractionDraft = Interaction.omit({ journeyId: true, updatedAt: true, author: true });
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
  url: z.string().max(16_000),
  pageTitle: z.string().max(RAW_TEXT),
  label: z.string().max(RAW_TEXT),
  anchor: z
    .strictObject({
      selector: z.string().max(RAW_TEXT),
      xpath: z.string().max(RAW_TEXT),
      quote: z.strictObject({
        exact: z.string().max(RAW_TEXT),
        prefix: z.string().max(RAW_TEXT),
        suffix: z.string().max(RAW_TEXT),
      }),
      tagName: z.string().max(64),
      role: z.string().max(64),
      name: z.string().max(RAW_TEXT),
    })
    .nullable(),
  durationMs: z.number().nonnegative().nullable(),
  httpStatus: z.number().int().min(100).max(599).nullable(),
});
export type RawInteraction = z.infer<typeof RawInteraction>;
