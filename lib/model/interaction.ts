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

/** What a page (or the worker, for tab events) reports: the journey and bookkeeping are added by the background. */
export const InteractionDraft = Interaction.omit({ journeyId: true, updatedAt: true, author: true });
export type InteractionDraft = z.infer<typeof InteractionDraft>;
