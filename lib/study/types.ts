import type {
  AnswerValue,
  Brand,
  Competitor,
  Criterion,
  Ownership,
  Partner,
  Persona,
  ScriptStep,
  StepAnswer,
  Study,
} from '../model/study';

/**
 * The shapes of studies, mystery-shopping scripts and touchpoint ownership,
 * as the zod schemas of lib/model/study.ts define them (validated wherever
 * they enter: the store, imports, teammates' files, messages).
 */
export type { AnswerValue, Brand, Competitor, Criterion, Ownership, Partner, Persona, ScriptStep, StepAnswer, Study };

/** Every ownership, in the order tables show them. */
export const OWNERSHIPS = ['brand', 'partner', 'customer', 'external'] as const satisfies readonly Ownership[];

/**
 * Which site of the study a journey ran on: `'brand'` for the brand's own,
 * or a competitor's `id`. Competitor ids are UUIDs, so they never equal
 * `'brand'`.
 */
export type StudySiteId = string;

/** The brand's site, as a `StudySiteId`. */
export const BRAND_SITE: StudySiteId = 'brand';
