/**
 * The rating scales as plain constants, importable without zod so the page
 * overlay stays small (the schemas in `touchpoint.ts` are built from these).
 */

/** Emotion felt at a touchpoint: -2 very negative .. +2 very positive. */
export const EMOTIONS = [-2, -1, 0, 1, 2] as const;
export type Emotion = (typeof EMOTIONS)[number];

/** Effort a step took: 1 very easy .. 7 very difficult. */
export const EFFORTS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Effort = (typeof EFFORTS)[number];

/** The faces' colours from red (-2) to green (+2), readable on light and dark; shared by the UI and the HTML map. */
export const EMOTION_COLORS: Record<Emotion, string> = {
  [-2]: '#e5484d',
  [-1]: '#f76b15',
  0: '#ffc53d',
  1: '#8bc34a',
  2: '#30a46c',
};
