/**
 * The words a journey is described in, as plain constants importable without
 * zod (the page overlay uses them). Ids are stable and exported; the UI shows
 * each through its `_locales` message and shows an unknown id (a team's own
 * stage, channel or tag) as written.
 */

/** Stage sets a journey can use; a journey stores its stages, so a team may also write its own. */
export const STAGE_SETS = {
  /** The classic customer journey: awareness to loyalty. */
  classic: ['awareness', 'consideration', 'purchase', 'onboarding', 'support', 'loyalty'],
  /** McKinsey's consumer decision journey (Court et al., 2009). */
  decisionLoop: ['consider', 'evaluate', 'buy', 'experience', 'advocate', 'bond'],
} as const satisfies Record<string, readonly string[]>;
export type StageSetId = keyof typeof STAGE_SETS;
export const DEFAULT_STAGES: readonly string[] = STAGE_SETS.classic;

/**
 * The study journeys made before studies existed belong to: the same id on
 * every device (UUID v5 of `waymark:default-study` in the URL namespace), so
 * profiles that migrate on their own merge into one study (lib/study/default-study.ts).
 */
export const DEFAULT_STUDY_ID = '16a486e2-a8fb-5816-a384-3c5160700a90';

/** The named emotions a researcher may add to the -2..+2 rating, from negative to positive. */
export const NAMED_EMOTIONS = ['frustrated', 'confused', 'anxious', 'neutral', 'reassured', 'pleased', 'delighted'] as const;
export type NamedEmotion = (typeof NAMED_EMOTIONS)[number];

/** Channels offered first; any short id is allowed. */
export const CHANNELS = ['web-desktop', 'web-mobile', 'app', 'email', 'chat', 'phone', 'store', 'social'] as const;
export const DEFAULT_CHANNEL = 'web-desktop';

/** Tags with a meaning in the metrics; researchers add their own beside them. */
export const TAG_PAIN_POINT = 'pain-point';
export const TAG_MOMENT_OF_TRUTH = 'moment-of-truth';
export const TAG_DELIGHT = 'delight';
export const KNOWN_TAGS = [TAG_PAIN_POINT, TAG_MOMENT_OF_TRUTH, TAG_DELIGHT] as const;

/** What the passive recorder logs while a journey runs. */
export const INTERACTION_KINDS = [
  'navigation',
  'route-change',
  'click',
  'submit',
  'load',
  'long-wait',
  'long-task',
  'http-error',
  'tab-open',
  'tab-close',
] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];
