import { bump, type EditResult, noEdit, stamped } from '../journey/edit-result';
import { deleteJourney, mergeJourneys, moveTouchpoints, reorderTouchpoint, splitJourney } from '../journey/edits';
import type { RoutingState } from '../journey/routing';
import type { EditOutcome, JourneyEdit } from '../messages/protocol';
import type { Interaction } from '../model/interaction';
import type { Journey } from '../model/journey';
import type { Tombstone } from '../model/tombstone';
import type { Touchpoint } from '../model/touchpoint';
import { type EditTransaction, editInTransaction, readJourney, readRuntime, writeRuntime } from './edits';
import { NotFoundError, ROUTING_KEY, readRouting } from './journeys';
import type { StoredScreenshot, WaymarkDatabase } from './schema';

/** What an undo restores: the deleted records, the tombstones that replaced them, and their screenshots. */
interface UndoEntry {
  at: number;
  journeys: Journey[];
  touchpoints: Touchpoint[];
  interactions: Interaction[];
  tombstones: Tombstone[];
  screenshots: StoredScreenshot[];
}

const UNDO_PREFIX = 'undo:';
/** How many deletions can be undone; older undo entries are dropped. */
export const UNDO_KEEP = 20;

async function need<T>(value: Promise<T | undefined>, what: string): Promise<T> {
  const found = await value;
  if (found === undefined) throw new NotFoundError(`No ${what}.`);
  return found;
}

/** Moves the tabs of one journey to another in the routing state (after a merge or split). */
function retarget(state: RoutingState, from: string, to: string): RoutingState {
  return { ...state, tabs: Object.fromEntries(Object.entries(state.tabs).map(([tab, id]) => [tab, id === from ? to : id])) };
}

/** Keeps the deleted records (and their screenshots) so the deletion can be undone; drops the oldest entries. */
async function keepUndo(tx: EditTransaction, undoId: string, entry: Omit<UndoEntry, 'screenshots'>): Promise<void> {
  const shots = await Promise.all(entry.touchpoints.map((tp) => tx.objectStore('screenshots').get(tp.id)));
  await writeRuntime(tx, UNDO_PREFIX + undoId, { ...entry, screenshots: shots.filter((s) => s !== undefined) });
  const keys = (await tx.objectStore('runtime').getAllKeys()).filter((k) => k.startsWith(UNDO_PREFIX));
  const entries = await Promise.all(keys.map(async (key) => ({ key, at: (await readRuntime<UndoEntry>(tx, key))?.at ?? 0 })));
  entries.sort((a, b) => b.at - a.at);
  for (const old of entries.slice(UNDO_KEEP)) await writeRuntime(tx, old.key, undefined);
}

/** Restores an undo entry: every record stamped newer than its tombstone, tombstones removed, screenshots back. */
function restore(entry: UndoEntry, now: number, author: string): EditResult {
  const deletedAt = new Map(entry.tombstones.map((t) => [t.id, t.updatedAt]));
  const back = <T extends { id: string; updatedAt: string; author: string }>(record: T): T =>
    stamped({ ...record, updatedAt: deletedAt.get(record.id) ?? record.updatedAt }, {}, now, author);
  const edit = noEdit();
  edit.put.journeys = entry.journeys.map(back);
  edit.put.touchpoints = entry.touchpoints.map(back);
  edit.put.interactions = entry.interactions.map(back);
  edit.remove.tombstones = entry.tombstones.map((t) => t.id);
  return edit;
}

/**
 * Applies a researcher's edit in one transaction and says which journeys it
 * touched. A delete keeps what it deleted under `undoId` (made by the caller,
 * so a retried delete is harmless) until `UNDO_KEEP` later deletions.
 */
export async function applyJourneyEdit(
  db: WaymarkDatabase,
  request: JourneyEdit,
  options: { now: string; author: string; undoId: string },
): Promise<EditOutcome> {
  const now = Date.parse(options.now);
  const { author } = options;
  return editInTransaction(db, async (tx) => {
    const journeys = tx.objectStore('journeys');
    const touchpoints = tx.objectStore('touchpoints');
    const outcome = (edit: EditResult, journeyIds: string[], undoId: string | null = null) => ({
      edit,
      value: { journeyIds: [...new Set(journeyIds)], undoId },
    });
    switch (request.type) {
      case 'moveTouchpoints': {
        await need(journeys.get(request.toJourneyId), `journey ${request.toJourneyId}`);
        const moving = (await Promise.all(request.touchpointIds.map((id) => touchpoints.get(id)))).filter(
          (tp): tp is Touchpoint => tp !== undefined,
        );
        const edit = moveTouchpoints(moving, request.touchpointIds, request.toJourneyId, now, author);
        return outcome(edit, [request.toJourneyId, ...moving.map((tp) => tp.journeyId)]);
      }
      case 'reorder': {
        const moving = await need(touchpoints.get(request.touchpointId), `touchpoint ${request.touchpointId}`);
        const all = await touchpoints.index('byJourney').getAll(moving.journeyId);
        const edit = reorderTouchpoint(all, moving.id, request.beforeId, request.afterId, now, author);
        return outcome(edit, [moving.journeyId]);
      }
      case 'merge': {
        const keep = await need(journeys.get(request.keepId), `journey ${request.keepId}`);
        const absorb = await need(readJourney(tx, request.absorbId), `journey ${request.absorbId}`);
        const edit = mergeJourneys(keep, absorb.journey, absorb.touchpoints, absorb.interactions, now, author);
        await writeRuntime(tx, ROUTING_KEY, retarget(await readRouting(tx), absorb.journey.id, keep.id));
        return outcome(edit, [keep.id, absorb.journey.id]);
      }
      case 'split': {
        const records = await need(readJourney(tx, request.journeyId), `journey ${request.journeyId}`);
        const { atTouchpointId, newJourneyId, title } = request;
        if (await journeys.get(newJourneyId)) return outcome(noEdit(), [request.journeyId, newJourneyId]); // a retry
        const edit = splitJourney(
          records.journey,
          records.touchpoints,
          records.interactions,
          { atTouchpointId, newJourneyId, title },
          now,
          author,
        );
        if (records.journey.status !== 'ended' && edit.put.journeys.some((j) => j.id === newJourneyId)) {
          await writeRuntime(tx, ROUTING_KEY, retarget(await readRouting(tx), records.journey.id, newJourneyId));
        }
        return outcome(edit, [request.journeyId, newJourneyId]);
      }
      case 'deleteJourney': {
        const records = await need(readJourney(tx, request.journeyId), `journey ${request.journeyId}`);
        const edit = deleteJourney(records.journey, records.touchpoints, records.interactions, now, author);
        const routing = await readRouting(tx);
        await writeRuntime(tx, ROUTING_KEY, {
          ...routing,
          tabs: Object.fromEntries(Object.entries(routing.tabs).filter(([, id]) => id !== request.journeyId)),
        });
        const { undo } = edit;
        await keepUndo(tx, options.undoId, { at: now, ...undo, journeys: [undo.journey] });
        return outcome(edit, [request.journeyId], options.undoId);
      }
      case 'deleteTouchpoint': {
        const touchpoint = await need(touchpoints.get(request.touchpointId), `touchpoint ${request.touchpointId}`);
        const tombstone: Tombstone = {
          id: touchpoint.id,
          recordType: 'touchpoint',
          updatedAt: bump(touchpoint.updatedAt, now),
          author,
        };
        const edit = noEdit();
        edit.put.tombstones = [tombstone];
        edit.remove.touchpoints = [touchpoint.id];
        await keepUndo(tx, options.undoId, {
          at: now,
          journeys: [],
          touchpoints: [touchpoint],
          interactions: [],
          tombstones: [tombstone],
        });
        return outcome(edit, [touchpoint.journeyId], options.undoId);
      }
      case 'undo': {
        const entry = await need(
          readRuntime<UndoEntry>(tx, UNDO_PREFIX + request.undoId),
          'deletion to undo (it may be too old)',
        );
        // Something newer may have replaced a record since (an import, a sync): the undo must not overwrite it.
        for (const id of entry.tombstones.map((t) => t.id)) {
          const current = await tx.objectStore('tombstones').get(id);
          if (!current) throw new NotFoundError('This deletion was already undone or replaced.');
        }
        const edit = restore(entry, now, author);
        for (const shot of entry.screenshots) await tx.objectStore('screenshots').put(shot);
        await writeRuntime(tx, UNDO_PREFIX + request.undoId, undefined);
        const ids = [...entry.journeys.map((j) => j.id), ...entry.touchpoints.map((tp) => tp.journeyId)];
        return outcome(edit, ids);
      }
    }
  });
}
