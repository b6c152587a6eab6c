import type { PinnedTouchpoint } from './protocol';

/**
 * Commands from the background to the capture script in a tab, as plain
 * types with a small hand-written guard instead of a schema. Only our own
 * worker can send them: a content script's `runtime.onMessage` hears
 * `tabs.sendMessage` from its own extension and nothing from the page or other
 * extensions. The guard tells a command from our other messages; it is not a
 * defence against untrusted input, so it does not need zod's 6 KB in every
 * page the overlay is injected into (issue #7's 25 KB budget).
 */

/** What to tag: an element the researcher picks, the page, or the current selection. */
export type CaptureMode = 'element' | 'page' | 'selection' | 'pins';

/**
 * What the card needs to know about the journey a capture lands in, sent with
 * the command so the card opens without another round trip.
 */
export interface CaptureJourneyContext {
  /** The journey's stages, in order (a team's own ids are shown as written); at most 20 of 64 characters. */
  stages: string[];
  /** Whether this journey's touchpoints get a screenshot. */
  screenshots: boolean;
  /** Milliseconds since the journey's previous touchpoint; `null` for its first. */
  sincePreviousMs: number | null;
  /** The stage of the previous touchpoint, offered first; empty when none. */
  lastStage: string;
}

/** The one command: open the picker (or the card, or just the pins). */
export interface ContentCommand {
  type: 'picker.start';
  payload: {
    mode: CaptureMode;
    /**
     * A hint from a context menu: the link or image right-clicked. The card
     * opens on the first element showing it; without a match the picker starts.
     */
    hint?: { linkUrl?: string; srcUrl?: string };
    journey: CaptureJourneyContext;
  };
}

const MODES: ReadonlySet<string> = new Set<CaptureMode>(['element', 'page', 'selection', 'pins']);

/** Whether `message` is a command from our worker (see above for why a guard is enough). */
export function isContentCommand(message: unknown): message is ContentCommand {
  if (!isObject(message) || message.type !== 'picker.start' || !isObject(message.payload)) return false;
  const { mode, journey } = message.payload;
  return (
    typeof mode === 'string' &&
    MODES.has(mode) &&
    isObject(journey) &&
    Array.isArray(journey.stages) &&
    typeof journey.lastStage === 'string'
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * The command to the pins script in a tab (entrypoints/pins.content): show
 * these touchpoints of the page as pins, in place of any shown.
 */
export interface PinsCommand {
  type: 'pins.show';
  payload: { touchpoints: PinnedTouchpoint[] };
}

/** Whether `message` is the pins command (from our worker only, as above). */
export function isPinsCommand(message: unknown): message is PinsCommand {
  return (
    isObject(message) && message.type === 'pins.show' && isObject(message.payload) && Array.isArray(message.payload.touchpoints)
  );
}
