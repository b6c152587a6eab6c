import * as z from 'zod/mini';
import { Author, Id, list, MAX_TEXT, Timestamp, text, trimmed } from './common';
import { SiteId, StepAnswer } from './study';
import { DEFAULT_STAGES, DEFAULT_STUDY_ID } from './vocabulary';

/** Where a journey is in its life: capturing now, paused, or finished. */
export const JourneyStatus = z.enum(['running', 'paused', 'ended']);
export type JourneyStatus = z.infer<typeof JourneyStatus>;

/** How a journey came to be: started by the researcher, or assembled from tags made with none running. */
export const JourneyOrigin = z.enum(['explicit', 'auto']);
export type JourneyOrigin = z.infer<typeof JourneyOrigin>;

/** A stage id: one of a stage set's ids, or a team's own short name. */
export const StageId = trimmed(1, 64);

/** A span of time the journey was paused; `end` is `null` while it still is. */
export const Pause = z.strictObject({ start: Timestamp, end: z.nullable(Timestamp) });
export type Pause = z.infer<typeof Pause>;

/** One run of a scenario by one researcher, holding its touchpoints by id. */
export const Journey = z.strictObject({
  id: Id,
  title: trimmed(1, 200),
  status: JourneyStatus,
  origin: JourneyOrigin,
  startedAt: Timestamp,
  /** Set when the journey ends; `null` until then. */
  endedAt: z.nullable(Timestamp),
  updatedAt: Timestamp,
  author: Author,
  notes: text(MAX_TEXT),
  /** Who the researcher plays: values, motivations, situation. */
  persona: text(2_000),
  /** The scenario or goal, e.g. "buy running shoes under 100 EUR". */
  scenario: text(2_000),
  /** The brand or site under study, e.g. `shop.example`. */
  site: text(500),
  /** The researcher who ran it (the author is who last changed the record). */
  researcher: text(200),
  /** The journey's stages, in order. */
  stages: z.array(StageId).check(z.minLength(1), z.maxLength(20)),
  /** Whether touchpoints of this journey get a screenshot. */
  screenshots: z.boolean(),
  pauses: list(Pause, 1_000),
  /** The study this journey is a run of (the default study for journeys made before studies). */
  studyId: Id,
  /** Which of the study's sites it ran on: `brand`, or a competitor's id. */
  siteId: SiteId,
  /** Answers to the study's script steps, one per step at most. */
  answers: list(StepAnswer, 200),
});
export type Journey = z.infer<typeof Journey>;

/** What a researcher may set when starting or editing a journey. */
export const JourneyDetails = z.partial(
  z.pick(Journey, {
    title: true,
    notes: true,
    persona: true,
    scenario: true,
    site: true,
    researcher: true,
    stages: true,
    screenshots: true,
    studyId: true,
    siteId: true,
  }),
);
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
  studyId: DEFAULT_STUDY_ID,
  siteId: 'brand',
  answers: [],
} satisfies Partial<Journey>;
