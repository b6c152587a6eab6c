import * as z from 'zod/mini';
import { Id, list, text, trimmed } from '../model/common';
import { ExportFile } from '../model/export-file';
import { Journey, JourneyDetails } from '../model/journey';
import { AnswerValue, Ownership, Study } from '../model/study';
import { ChannelId, Effort, Emotion, NamedEmotion, Tag, Touchpoint } from '../model/touchpoint';
import { SyncSetup } from '../sync/sync-setup';
import { SyncStatus } from '../sync/sync-status';
import { spec } from './request-spec';

/** The file formats Waymark exports. */
export const ExportFormat = z.enum(['json', 'zip', 'csv', 'mermaid', 'html', 'annotations']);
export type ExportFormat = z.infer<typeof ExportFormat>;

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
 * The findings requests: edits, studies, import, export and team sync. Pages
 * send them to the background like any other; the worker hands them, as they
 * came, to the findings host (entrypoints/offscreen/findings-host.ts), which
 * validates them against this table and runs them: in Chrome an offscreen
 * document, so none of this code weighs on the worker; in Firefox the
 * background page itself. Names are listed without schemas in findings-names.ts.
 */
export const findingsRequests = {
  /** Change a journey's title, persona, scenario, site, stages... */
  'journey.update': spec({
    from: 'ui',
    request: z.strictObject({ journeyId: Id, details: JourneyDetails }),
    response: Journey,
  }),
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
