import { z } from 'zod';
import { Author, Id, MAX_TEXT, Timestamp } from './common';

/** Where a journey is in its life: capturing now, or finished. */
export const JourneyStatus = z.enum(['running', 'ended']);
export type JourneyStatus = z.infer<typeof JourneyStatus>;

/** One run of a scenario by one researcher, holding its touchpoints by id. */
export const Journey = z.strictObject({
  id: Id,
  title: z.string().trim().min(1).max(200),
  status: JourneyStatus,
  startedAt: Timestamp,
  /** Set when the journey ends; `null` while it runs. */
  endedAt: Timestamp.nullable(),
  updatedAt: Timestamp,
  author: Author,
  notes: z.string().max(MAX_TEXT).default(''),
});
export type Journey = z.infer<typeof Journey>;
