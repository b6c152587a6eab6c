import type { findingsRequests } from '@/lib/messages/findings-requests';
import type { HandlersOf } from '@/lib/messages/router';
import { newId, nowIso } from '@/lib/model/ids';
import { journeysChanged, notify } from '@/lib/platform/notify';
import { getSettings } from '@/lib/platform/settings';
import { applyImport } from '@/lib/store/import';
import { promoteInteraction } from '@/lib/store/interactions';
import { applyJourneyEdit } from '@/lib/store/journey-edits';
import { getJourney, NotFoundError, updateJourney } from '@/lib/store/journeys';
import type { WaymarkDatabase } from '@/lib/store/schema';
import { actOnStep, deleteStudy, saveStudy } from '@/lib/store/studies';
import { updateTouchpoint } from '@/lib/store/touchpoints';
import { type DownloadText, downloadJsonExport } from './exports';
import { decodeScreenshots } from './imports';
import { createSyncHandlers, type SyncHost } from './team-sync';

/** What the findings handlers need from where they run (offscreen document or Firefox's background page). */
export interface FindingsEnv extends SyncHost {
  /** The database connection of this context. */
  db: () => Promise<WaymarkDatabase>;
  /** Saves a text file as a download. */
  downloadText: DownloadText;
}

/**
 * The findings requests: each reads, applies a pure step, writes, and is
 * safe to run twice; each tells open pages what changed.
 */
export function createFindingsHandlers(env: FindingsEnv): HandlersOf<typeof findingsRequests> {
  const { db } = env;
  return {
    ...createSyncHandlers(env),
    async 'journey.update'({ journeyId, details }) {
      const { author } = await getSettings();
      const journey = await updateJourney(await db(), journeyId, details, nowIso(), author);
      journeysChanged([journey.id]);
      return journey;
    },
    async 'journey.edit'({ edit }) {
      const { author } = await getSettings();
      const outcome = await applyJourneyEdit(await db(), edit, { now: nowIso(), author, undoId: newId() });
      journeysChanged(outcome.journeyIds);
      return outcome;
    },
    async 'study.save'({ study }) {
      const { author } = await getSettings();
      return saveStudy(await db(), study, nowIso(), author);
    },
    async 'study.delete'({ studyId }) {
      const { author } = await getSettings();
      await deleteStudy(await db(), studyId, nowIso(), author);
      return null;
    },
    async 'journey.step'({ journeyId, stepId, action }) {
      const { author } = await getSettings();
      const journey = await actOnStep(await db(), { journeyId, stepId, action, now: nowIso(), author });
      journeysChanged([journey.id]);
      return journey;
    },
    async 'touchpoint.update'({ touchpointId, changes }) {
      const { author } = await getSettings();
      const touchpoint = await updateTouchpoint(await db(), touchpointId, changes, nowIso(), author);
      journeysChanged([touchpoint.journeyId]);
      return touchpoint;
    },
    async 'interaction.promote'({ interactionId, touchpointId, rating }) {
      const { author } = await getSettings();
      const touchpoint = await promoteInteraction(await db(), { interactionId, touchpointId, rating, now: nowIso(), author });
      notify({ type: 'notice.touchpointSaved', payload: { journeyId: touchpoint.journeyId, touchpointId: touchpoint.id } });
      return touchpoint;
    },
    async 'export.download'({ journeyIds }) {
      const database = await db();
      for (const id of journeyIds === 'all' ? [] : journeyIds) {
        if (!(await getJourney(database, id))) throw new NotFoundError(`No journey ${id}.`);
      }
      return { fileName: await downloadJsonExport(database, journeyIds, env.downloadText) };
    },
    async 'import.apply'({ file, screenshots }) {
      return applyImport(await db(), file, await decodeScreenshots(file, screenshots));
    },
  };
}
