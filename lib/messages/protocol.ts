import * as z from 'zod/mini';
import { Id, integer, list, nonNegative, text, trimmed } from '../model/common';
import { ExportFile } from '../model/export-file';
import { Interaction, RawInteraction } from '../model/interaction';
import { Journey, JourneyDetails } from '../model/journey';
import { AnswerValue, Ownership, Study } from '../model/study';
import { ChannelId, Effort, Emotion, NamedEmotion, Tag, Touchpoint, TouchpointDraft } from '../model/touchpoint';
import { SyncSetup } from '../sync/sync-setup';
import { SyncStatus } from '../sync/sync-status';

/** Who may send a request: extension pages (`ui`) or content scripts (`content`). */
export type Sender = 'ui' | 'content';

interface RequestSpec<Req extends z.ZodMiniType, Res extends z.ZodMiniType> {
  from: Sender;
  request: Req;
  response: Res;
}
const spec = <Req extends z.ZodMiniType, Res extends z.ZodMiniType>(s: RequestSpec<Req, Res>) => s;

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

/** The file formats Waymark exports. */
export const ExportFormat = z.enum(['json', 'zip', 'csv', 'mermaid', 'html', 'annotations']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** A journey in a list, with how many touchpoints it has. */
export const JourneySummary = z.strictObject({ journey: Journey, touchpointCount: integer(0, Number.MAX_SAFE_INTEGER) });
export type JourneySummary = z.infer<typeof JourneySummary>;

/** What an import changed, record by record. */
export const ImportReport = z.strictObject({
  added: z.int(),
  updated: z.int(),
  unchanged: z.int(),
  conflicted: z.int(),
  ignoredOlder: z.int(),
  deleted: z.int(),
});
export type ImportReport = z.infer<typeof ImportReport>;

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

/** The ratings and words of a touchpoint a researcher may change after saving it. */
export const TouchpointChanges = z.partial(
  z.strictObject({
    emotion: Emotion,
    effort: Effort,
    namedEmotion: z.nullable(NamedEmotion),
    stage: z.union([trimmed(1, 64), z.literal('')]),
    channel: ChannelId,
    note: text(10_000),
    tags: list(Tag, 50),
    /** Who owns it; `null` goes back to the suggestion from the page's domain. */
    owner: z.nullable(Ownership),
  }),
);
export type TouchpointChanges = z.infer<typeof TouchpointChanges>;

/** A study as a researcher sets it: the worker adds its times and author. */
export const StudyInput = z.omit(Study, { createdAt: true, updatedAt: true, author: true });
export type StudyInput = z.infer<typeof StudyInput>;

/** What a researcher does to one script step of a journey. */
export const StepAction = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('answer'), value: AnswerValue, touchpointIds: z.optional(list(Id, 200)) }),
  z.strictObject({ type: z.literal('skip') }),
  z.strictObject({ type: z.literal('unskip') }),
  z.strictObject({ type: z.literal('attach'), touchpointIds: z.array(Id).check(z.minLength(1), z.maxLength(200)) }),
]);
export type StepAction = z.infer<typeof StepAction>;

/** Edits to journeys; each changes records in one transaction and bumps their `updatedAt`. */
export const JourneyEdit = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('moveTouchpoints'),
    touchpointIds: z.array(Id).check(z.minLength(1), z.maxLength(10_000)),
    toJourneyId: Id,
  }),
  /** Put a touchpoint between two others of its journey (`null` for the start or end). */
  z.strictObject({ type: z.literal('reorder'), touchpointId: Id, beforeId: z.nullable(Id), afterId: z.nullable(Id) }),
  /** Move everything of `absorbId` into `keepId` and delete `absorbId`. */
  z.strictObject({ type: z.literal('merge'), keepId: Id, absorbId: Id }),
  /** A new journey from the touchpoint `atTouchpointId` on; its id is made by the caller so a retry is safe. */
  z.strictObject({
    type: z.literal('split'),
    journeyId: Id,
    atTouchpointId: Id,
    newJourneyId: Id,
    title: trimmed(1, 200),
  }),
  z.strictObject({ type: z.literal('deleteJourney'), journeyId: Id }),
  z.strictObject({ type: z.literal('deleteTouchpoint'), touchpointId: Id }),
  /** Undo a delete, by the id its reply gave. */
  z.strictObject({ type: z.literal('undo'), undoId: Id }),
]);
export type JourneyEdit = z.infer<typeof JourneyEdit>;

/** What an edit did: the journeys it touched, and for a delete the id that undoes it. */
export const EditOutcome = z.strictObject({ journeyIds: z.array(Id), undoId: z.nullable(Id) });
export type EditOutcome = z.infer<typeof EditOutcome>;

/**
 * Requests to the background worker, by name. Each is validated where it is
 * received, and its reply is validated before it leaves.
 */
export const requests = {
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
  /** Change a journey's title, persona, scenario, site, stages... */
  'journey.update': spec({
    from: 'ui',
    request: z.strictObject({ journeyId: Id, details: JourneyDetails }),
    response: Journey,
  }),
  /** One journey with its touchpoints (in display order) and interactions (in time order). */
  'journey.detail': spec({ from: 'ui', request: z.strictObject({ journeyId: Id }), response: JourneyDetail }),
  /** Move, reorder, merge, split, delete, undo. */
  'journey.edit': spec({ from: 'ui', request: z.strictObject({ edit: JourneyEdit }), response: EditOutcome }),
  /** Change a saved touchpoint's ratings, stage, channel, note or tags. */
  'touchpoint.update': spec({
    from: 'ui',
    request: z.strictObject({ touchpointId: Id, changes: TouchpointChanges }),
    response: Touchpoint,
  }),
  /**
   * Rate a logged interaction: it becomes a touchpoint with the interaction's
   * time and anchor. `touchpointId` is made by the caller, so a retry is safe.
   */
  'interaction.promote': spec({
    from: 'ui',
    request: z.strictObject({
      interactionId: Id,
      touchpointId: Id,
      rating: z.required(TouchpointChanges, { emotion: true, effort: true }),
    }),
    response: Touchpoint,
  }),
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
  /**
   * Download journeys (or all of them) as Waymark's JSON export, from the
   * worker (the popup closes before a download of its own would start). The
   * other formats are written by the journeys page itself
   * (entrypoints/journeys/download-export.ts), to keep the worker small.
   */
  'export.download': spec({
    from: 'ui',
    request: z.strictObject({
      journeyIds: z.union([z.array(Id).check(z.minLength(1), z.maxLength(100_000)), z.literal('all')]),
      format: z.literal('json'),
    }),
    response: z.strictObject({ fileName: z.string() }),
  }),
  /**
   * Merge a validated export (and the screenshots of a ZIP bundle, as base64)
   * into the database, all or nothing. The file is validated again here.
   */
  'import.apply': spec({
    from: 'ui',
    request: z.strictObject({
      file: ExportFile,
      screenshots: list(z.strictObject({ touchpointId: Id, base64: text(30_000_000) }), 20_000),
    }),
    response: ImportReport,
  }),
  /** Every study, the default one first. */
  'study.list': spec({ from: 'ui', request: z.strictObject({}), response: list(Study, 10_000) }),
  /** Create or change a study (its id is made by the caller, so a retry is safe). */
  'study.save': spec({ from: 'ui', request: z.strictObject({ study: StudyInput }), response: Study }),
  /** Delete a study no journey belongs to (not the default study). */
  'study.delete': spec({ from: 'ui', request: z.strictObject({ studyId: Id }), response: z.null() }),
  /** Answer, skip, unskip or add evidence to a step of the journey's study script. */
  'journey.step': spec({
    from: 'ui',
    request: z.strictObject({ journeyId: Id, stepId: Id, action: StepAction }),
    response: Journey,
  }),
  /** Team sync's status: last sync, pending changes, each member's file, the last error. */
  'sync.status': spec({ from: 'ui', request: z.strictObject({}), response: SyncStatus }),
  /** Set up, change or turn off team sync; a set-up sync creates `members/` and syncs once. */
  'sync.configure': spec({ from: 'ui', request: SyncSetup, response: SyncStatus }),
  /** Sync now, whatever the schedule says. */
  'sync.run': spec({ from: 'ui', request: z.strictObject({}), response: SyncStatus }),
} as const;

export type RequestName = keyof typeof requests;
export type RequestOf<K extends RequestName> = z.input<(typeof requests)[K]['request']>;
export type ResponseOf<K extends RequestName> = z.output<(typeof requests)[K]['response']>;

/** The envelope every request travels in. */
export const Envelope = z.strictObject({ type: text(64), payload: z.unknown() });

export type { ContentCommand } from './content-command';

/** Notices the background broadcasts to open extension pages; no reply. */
export const UiNotice = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('notice.touchpointSaved'),
    payload: z.strictObject({ journeyId: Id, touchpointId: Id }),
  }),
  /** Anything else about these journeys changed: status, details, interactions, an edit. */
  z.strictObject({
    type: z.literal('notice.journeysChanged'),
    payload: z.strictObject({ journeyIds: z.array(Id) }),
  }),
]);
export type UiNotice = z.infer<typeof UiNotice>;
