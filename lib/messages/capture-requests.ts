import * as z from 'zod/mini';
import { Id, integer, list, nonNegative, text, trimmed } from '../model/common';
import { Interaction, RawInteraction } from '../model/interaction';
import { Journey, JourneyDetails } from '../model/journey';
import { Study } from '../model/study';
import { Touchpoint, TouchpointDraft } from '../model/touchpoint';
import { spec } from './request-spec';

/** A rectangle in viewport CSS pixels. */
export const Box = z.strictObject({
  left: z.number(),
  top: z.number(),
  width: nonNegative(),
  height: nonNegative(),
});

/** What the page tells the background so it can take a masked screenshot. */
export const ScreenshotHints = z.strictObject({
  /** The tagged element's box, outlined on the image; `null` for a page. */
  target: z.nullable(Box),
  /** Boxes to black out: passwords, card fields, typed values. */
  masks: list(Box, 500),
});
export type ScreenshotHints = z.infer<typeof ScreenshotHints>;

/** What a pin on a revisited page shows of a touchpoint, and how to find its element. */
export const PinnedTouchpoint = z.pick(Touchpoint, {
  id: true,
  capturedAt: true,
  target: true,
  anchor: true,
  emotion: true,
  namedEmotion: true,
  effort: true,
  stage: true,
  note: true,
  tags: true,
});
export type PinnedTouchpoint = z.infer<typeof PinnedTouchpoint>;

/** A journey in a list, with how many touchpoints it has. */
export const JourneySummary = z.strictObject({ journey: Journey, touchpointCount: integer(0, Number.MAX_SAFE_INTEGER) });
export type JourneySummary = z.infer<typeof JourneySummary>;

/** The running (or last) journey and its touchpoints, as the popup shows it. */
export const JourneyOverview = z.strictObject({
  journey: z.nullable(Journey),
  touchpoints: z.array(Touchpoint),
});
export type JourneyOverview = z.infer<typeof JourneyOverview>;

/** A journey with everything it holds, for the side panel and the journey map. */
export const JourneyDetail = z.strictObject({
  journey: Journey,
  touchpoints: z.array(Touchpoint),
  interactions: z.array(Interaction),
});
export type JourneyDetail = z.infer<typeof JourneyDetail>;

/**
 * The requests the background worker answers itself: capture, the running
 * journey and what the popup and side panel read. They are the hot path, so
 * their code is all the worker carries (issue #7's 30 KB budget); findings
 * work (edits, studies, import, export, sync) is in findings-requests.ts and
 * runs where there is room for it (entrypoints/offscreen/). Each is validated
 * where it is received, and its reply is validated before it leaves.
 */
export const captureRequests = {
  /** The popup opens: what journey is there to show? */
  'journey.overview': spec({ from: 'ui', request: z.strictObject({}), response: JourneyOverview }),
  /**
   * Start a named journey; the running one, if any, ends. `tabId` is the tab
   * it starts in: the passive recorder starts there, and tabs opened from it
   * join the journey.
   */
  'journey.start': spec({
    from: 'ui',
    request: z.strictObject({
      id: Id,
      title: trimmed(1, 200),
      details: z.optional(JourneyDetails),
      tabId: z.optional(integer(0, Number.MAX_SAFE_INTEGER)),
    }),
    response: Journey,
  }),
  /** Pause a running journey: nothing is recorded until it resumes. */
  'journey.pause': spec({ from: 'ui', request: z.strictObject({ journeyId: Id }), response: Journey }),
  'journey.resume': spec({ from: 'ui', request: z.strictObject({ journeyId: Id }), response: Journey }),
  /** End a journey. */
  'journey.end': spec({ from: 'ui', request: z.strictObject({ journeyId: Id }), response: Journey }),
  /** One journey with its touchpoints (in display order) and interactions (in time order). */
  'journey.detail': spec({ from: 'ui', request: z.strictObject({ journeyId: Id }), response: JourneyDetail }),
  /**
   * The passive recorder's batch of what happened in its tab, text not yet
   * masked (the worker masks before storing); duplicates (retries) are ignored by id.
   */
  'interaction.record': spec({
    from: 'content',
    request: z.strictObject({ interactions: z.array(RawInteraction).check(z.minLength(1), z.maxLength(200)) }),
    response: z.strictObject({ recorded: integer(0, Number.MAX_SAFE_INTEGER) }),
  }),
  /** Inject the capture overlay into a tab and start the element picker. */
  'capture.pickElement': spec({
    from: 'ui',
    request: z.strictObject({ tabId: integer(0, Number.MAX_SAFE_INTEGER) }),
    response: z.null(),
  }),
  /**
   * The capture card saves a touchpoint; the reply comes after the commit.
   * With `screenshot`, the card is hidden and the visible tab is captured,
   * masked and stored with it (in the same transaction).
   */
  'touchpoint.save': spec({
    from: 'content',
    request: z.strictObject({ draft: TouchpointDraft, screenshot: z.nullable(ScreenshotHints) }),
    response: Touchpoint,
  }),
  /**
   * The capture script asks what was tagged on its page in the running
   * journey, to show pins. The page is named by its address; the background
   * compares canonical URLs (sanitized, without a non-route fragment).
   */
  'capture.pins': spec({
    from: 'content',
    request: z.strictObject({ url: text(8_000) }),
    response: z.strictObject({ touchpoints: list(PinnedTouchpoint, 1_000) }),
  }),
  /** Every journey, newest first, with touchpoint counts. */
  'journey.list': spec({ from: 'ui', request: z.strictObject({}), response: z.array(JourneySummary) }),
  /** Every study, the default one first. */
  'study.list': spec({ from: 'ui', request: z.strictObject({}), response: list(Study, 10_000) }),
} as const;

/** Keys of `storage.local` the findings host may read and write through the worker. */
export const HostStorageKey = z.enum(['settings', 'syncConfig', 'syncState']);
export type HostStorageKey = z.infer<typeof HostStorageKey>;

/**
 * What the findings host asks of the worker. In Chrome it runs in an
 * offscreen document, whose only extension API is `runtime`: storage, alarms
 * and downloads are the worker's to do. Answered to that document alone
 * (`from: 'host'`): team sync's credentials are read through them.
 */
export const hostRequests = {
  /** Read one stored value (settings, team sync's set-up and state), as stored. */
  'host.readStorage': spec({ from: 'host', request: z.strictObject({ key: HostStorageKey }), response: z.unknown() }),
  /** Write one stored value; the reader's parse function checks it when read. */
  'host.writeStorage': spec({
    from: 'host',
    request: z.strictObject({ key: HostStorageKey, value: z.unknown() }),
    response: z.null(),
  }),
  /** Save a file the host made (a blob URL of this extension) as a download. */
  'host.download': spec({
    from: 'host',
    request: z.strictObject({ url: text(2_000), fileName: text(500) }),
    response: z.strictObject({ downloadId: integer(0, Number.MAX_SAFE_INTEGER) }),
  }),
  /** Team sync's set-up changed: schedule (or clear) its alarm to match. */
  'host.scheduleSync': spec({ from: 'host', request: z.strictObject({}), response: z.null() }),
} as const;

/** Every request the worker's own router answers. */
export const workerRequests = { ...captureRequests, ...hostRequests } as const;
