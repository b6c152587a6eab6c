import * as z from 'zod/mini';
import { Author, Id, list, Timestamp, text, trimmed } from './common';
import { CHANNELS, STAGE_SETS } from './vocabulary';

/**
 * Studies: the shared frame of a team's journeys (issue #9). A journey is one
 * run of the study's scenario on one site (the brand's or a competitor's) by
 * one person; pure logic lives in lib/study/.
 */

/**
 * Who owns a touchpoint, after Lemon & Verhoef (2016): brand-owned,
 * partner-owned, customer-owned, social/external.
 */
export const Ownership = z.enum(['brand', 'partner', 'customer', 'external']);
export type Ownership = z.infer<typeof Ownership>;

/** Host names such as `shop.example` (each covers its subdomains). */
const Domains = list(trimmed(1, 253), 100);

export const Brand = z.strictObject({ name: text(200), domains: Domains });
export type Brand = z.infer<typeof Brand>;

/** A competitor the scenario also runs on; its id is what a journey's `siteId` names. */
export const Competitor = z.strictObject({ id: Id, name: text(200), domains: Domains });
export type Competitor = z.infer<typeof Competitor>;

export const Partner = z.strictObject({ name: text(200), domains: Domains });
export type Partner = z.infer<typeof Partner>;

/** Who the researcher plays: values and motivations first, demographics only as an extra. */
export const Persona = z.strictObject({
  name: text(200),
  values: text(2_000),
  motivations: text(2_000),
  goals: text(2_000),
  frustrations: text(2_000),
  demographics: z.optional(text(2_000)),
});
export type Persona = z.infer<typeof Persona>;

/** How a script step is judged. */
export const Criterion = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('yesno') }),
  z.strictObject({ kind: z.literal('scale'), min: z.literal(1), max: z.literal(5) }),
  z.strictObject({
    kind: z.literal('number'),
    unit: text(32),
    min: z.optional(z.number()),
    max: z.optional(z.number()),
  }),
  z.strictObject({ kind: z.literal('text') }),
]);
export type Criterion = z.infer<typeof Criterion>;

/** One step of a mystery-shopping script: what to do and what to look for. */
export const ScriptStep = z.strictObject({
  id: Id,
  title: trimmed(1, 200),
  lookFor: text(2_000),
  criterion: Criterion,
});
export type ScriptStep = z.infer<typeof ScriptStep>;

/** An answer's value: yes/no, a number (scale or measure), text, or `null` when none yet. */
export const AnswerValue = z.union([z.boolean(), z.number(), text(2_000), z.null()]);
export type AnswerValue = z.infer<typeof AnswerValue>;

/** The answer to one script step in one journey, with the touchpoints that show it. */
export const StepAnswer = z.strictObject({
  stepId: Id,
  value: AnswerValue,
  skipped: z.boolean(),
  touchpointIds: list(Id, 200),
  answeredAt: Timestamp,
});
export type StepAnswer = z.infer<typeof StepAnswer>;

const STAGE_SET_IDS = Object.keys(STAGE_SETS) as [keyof typeof STAGE_SETS, ...(keyof typeof STAGE_SETS)[]];

/** A study: name, goal, brand and competitors, stage set, vocabulary, persona and an optional script. */
export const Study = z.strictObject({
  id: Id,
  name: trimmed(1, 200),
  /** The scenario every journey runs, e.g. "buy running shoes under 100 EUR". */
  goal: text(2_000),
  brand: Brand,
  competitors: list(Competitor, 50),
  partners: list(Partner, 50),
  stageSet: z.enum(STAGE_SET_IDS),
  /** Tags offered on the capture card beside the known ones. */
  tags: list(trimmed(1, 64), 100),
  channels: list(trimmed(1, 64), 50),
  persona: Persona,
  /** The mystery-shopping script; optional (absent when the study has none). */
  script: z.optional(list(ScriptStep, 200)),
  /** Whether screenshots travel through team sync: off by default, they can hold personal data. */
  syncScreenshots: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  author: Author,
});
export type Study = z.infer<typeof Study>;

/** Which site of its study a journey ran on: `brand`, or a competitor's id. */
export const SiteId = z.union([z.literal('brand'), Id]);

export { CHANNELS };
