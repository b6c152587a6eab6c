import { z } from 'zod';
import { Author, Id, MAX_TEXT, Timestamp } from './common';
import { DEFAULT_STAGES } from './vocabulary';

/** Where a journey is in its life: capturing now, paused, or finished. */
export const JourneyStatus = z.enum(['running', 'paused', 'ended']);
export type JourneyStatus = z.infer<typeof JourneyStatus>;

/** How a journey came to be: started by the researcher, or assembled from tags made with none running. */
export const JourneyOrigin = z.enum(['explicit', 'auto']);
export type JourneyOrigin = z.infer<typeof JourneyOrigin>;

/** A stage id: one of a stage set's ids, or a team's own short name. */
export const StageId = z.string().trim().min(1).max(64);

/** A span of time the journey was paused; `end` is `null` while it still is. */
export const Pause = z.strictObject({ start: Timestamp, end: Timestamp.nullable() });
export type Pause = z.infer<typeof Pause>;

/** One run of a scenario by one researcher, holding its touchpoints by id. */
export const Journey = z.strictObject({
  id: Id,
  title: z.string().trim().min(1).max(200),
  status: JourneyStatus,
  origin: JourneyOrigin,
  startedAt: Timestamp,
  /** Set when the journey ends; `null` until then. */
  endedAt: Timestamp.nullable(),
  updatedAt: Timestamp,
  author: Author,
  notes: z.string().max(MAX_TEXT),
  /** Who the researcher plays: values, motivations, situation. */
  persona: z.string().max(2_000),
  /** The scenario or goal, e.g. "buy running shoes under 100 EUR". */
  scenario: z.string().max(2_000),
  /** The brand or site under study, e.g. `shop.example`. */
  site: z.string().max(500),
  /** The researcher who ran it (the author is who last changed the record). */
  researcher: z.string().max(200),
  /** The journey's stages, in order. */
  stages: z.array(StageId).min(1).max(20),
  /** Whether touchpoints of this journey get a screenshot. */
  screenshots: z.boolean(),
  pauses: z.array(Pause).max(1_000),
});
export type Journey = z.infer<typeof Journey>;

/** What a researcher may set when starting or editing a journey. */
export const JourneyDetails = Journey.pick({
  title: true,
  notes: true,
  persona: true,
  scenario: true,
  site: true,
  researcher: true,
  stages: true,
  screenshots: true,
}).partial();
export type JourneyDetails = z.infer<typeof JourneyDetails>;

/** The fields a new journey starts with, for code that creates one. */
export const JOURNEY_DEFAULTS = {
  notes: '',
  persona: '',
  scenario: '',
  site: '',
  researcher: '',
  stages: [...DEFAULT_STAGES],
  screenshots: true,
  pauses: [],
} satisfies Partial<Journey>;
