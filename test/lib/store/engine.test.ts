import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '@/lib/model/ids';
import type { InteractionDraft } from '@/lib/model/interaction';
import { promoteInteraction, recordInteractions, recordTabEvent } from '@/lib/store/interactions';
import { applyJourneyEdit } from '@/lib/store/journey-edits';
import { endJourney, getRunningJourney, pauseJourneyIn, resumeJourneyIn, startJourney } from '@/lib/store/journeys';
import { openWaymarkDb } from '@/lib/store/open-db';
import type { StoredScreenshot, WaymarkDatabase } from '@/lib/store/schema';
import { listTouchpoints, saveTouchpoint, updateTouchpoint } from '@/lib/store/touchpoints';
import { draftFixture, interactionFixture } from '../../fixtures/records';

let db: WaymarkDatabase;
const name = 'waymark-engine-test';
beforeEach(async () => {
  db = await openWaymarkDb(name);
});
afterEach(async () => {
  db.close();
  await deleteDB(name);
});

const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 10, minute)).toISOString();
const MIN = 60_000;

/** Tags a draft at `minute` in `tabId`. */
function tag(minute: number, tabId: number, openerTabId: number | null = null, gapMs = 30 * MIN) {
  return saveTouchpoint(db, {
    draft: draftFixture({ id: newId(), capturedAt: at(minute) }),
    now: at(minute),
    author: 'Mina',
    tab: { id: tabId, openerTabId },
    gapMs,
    fallbackJourney: { id: newId(), title: 'shop.example' },
  });
}

const interaction = (overrides: Partial<InteractionDraft> = {}): InteractionDraft => {
  const { journeyId: _j, updatedAt: _u, author: _a, ...draft } = interactionFixture({ id: newId(), ...overrides });
  return draft;
};

describe('automatic journeys', () => {
  it('groups tags made with no journey running into one journey until the inactivity gap', async () => {
    const first = await tag(0, 1);
    const second = await tag(20, 1);
    expect(second.journey.id).toBe(first.journey.id);
    expect(first.journey).toMatchObject({ origin: 'auto', status: 'running' });
    const third = await tag(55, 1); // 35 minutes after the last: a new session
    expect(third.journey.id).not.toBe(first.journey.id);
    expect(third.endedJourneyIds).toEqual([first.journey.id]);
    expect(await db.get('journeys', first.journey.id)).toMatchObject({ status: 'ended', endedAt: at(20) });
    expect(await listTouchpoints(db, first.journey.id)).toHaveLength(2);
  });

  it('uses the configured gap', async () => {
    const first = await tag(0, 1, null, 5 * MIN);
    expect((await tag(4, 1, null, 5 * MIN)).journey.id).toBe(first.journey.id);
    expect((await tag(10, 1, null, 5 * MIN)).journey.id).not.toBe(first.journey.id);
  });

  it('gives every tag to the researcher’s journey while one runs or is paused, in any tab', async () => {
    const journey = await startJourney(db, { id: newId(), title: 'Checkout', now: at(0), author: 'Mina', tabId: 1 });
    expect((await tag(1, 7)).journey.id).toBe(journey.id);
    await pauseJourneyIn(db, journey.id, at(2), 'Mina');
    expect((await tag(90, 8)).journey.id).toBe(journey.id);
  });

  it('ends automatic journeys when the researcher starts one', async () => {
    const auto = await tag(0, 1);
    await startJourney(db, { id: newId(), title: 'Explicit', now: at(1), author: 'Mina' });
    expect(await db.get('journeys', auto.journey.id)).toMatchObject({ status: 'ended' });
    expect(await getRunningJourney(db)).toMatchObject({ title: 'Explicit', origin: 'explicit' });
  });
});

describe('pause and resume', () => {
  it('records pauses and leaves a paused journey current', async () => {
    const journey = await startJourney(db, { id: newId(), title: 'A', now: at(0), author: 'Mina' });
    const paused = await pauseJourneyIn(db, journey.id, at(5), 'Mina');
    expect(paused).toMatchObject({ status: 'paused', pauses: [{ start: at(5), end: null }] });
    expect(await getRunningJourney(db)).toEqual(paused);
    const resumed = await resumeJourneyIn(db, journey.id, at(9), 'Mina');
    expect(resumed).toMatchObject({ status: 'running', pauses: [{ start: at(5), end: at(9) }] });
    const ended = await endJourney(db, journey.id, at(12), 'Mina');
    expect(ended).toMatchObject({ status: 'ended', endedAt: at(12) });
  });
});

describe('passive interactions', () => {
  it('keeps interactions only from tabs of the running journey, once each', async () => {
    const journey = await startJourney(db, { id: newId(), title: 'A', now: at(0), author: 'Mina', tabId: 3 });
    const click = interaction();
    expect(await recordInteractions(db, { drafts: [click, click], tabId: 3, now: at(1), author: 'Mina' })).toEqual({
      recorded: 1,
      journeyId: journey.id,
    });
    expect((await recordInteractions(db, { drafts: [click], tabId: 3, now: at(1), author: 'Mina' })).recorded).toBe(0);
    expect((await recordInteractions(db, { drafts: [interaction()], tabId: 4, now: at(1), author: 'Mina' })).recorded).toBe(0);
    await pauseJourneyIn(db, journey.id, at(2), 'Mina');
    expect((await recordInteractions(db, { drafts: [interaction()], tabId: 3, now: at(3), author: 'Mina' })).recorded).toBe(0);
    expect(await db.getAllFromIndex('interactions', 'byJourneyAt')).toEqual([
      { ...click, journeyId: journey.id, updatedAt: at(1), author: 'Mina' },
    ]);
  });

  it('follows tab lineage: a tab opened from a journey tab joins it, and its close is logged', async () => {
    const journey = await startJourney(db, { id: newId(), title: 'A', now: at(0), author: 'Mina', tabId: 3 });
    const opened = await recordTabEvent(
      db,
      { type: 'created', tabId: 9, openerTabId: 3, draft: interaction({ kind: 'tab-open', anchor: null, label: '' }) },
      at(1),
      'Mina',
    );
    expect(opened).toEqual({ journeyId: journey.id, recorded: true });
    const unrelated = await recordTabEvent(
      db,
      { type: 'created', tabId: 10, openerTabId: 55, draft: interaction({ kind: 'tab-open' }) },
      at(1),
      'Mina',
    );
    expect(unrelated).toEqual({ journeyId: null, recorded: false });
    expect((await recordInteractions(db, { drafts: [interaction()], tabId: 9, now: at(2), author: 'Mina' })).recorded).toBe(1);
    const closed = await recordTabEvent(
      db,
      { type: 'removed', tabId: 9, draft: interaction({ kind: 'tab-close' }) },
      at(3),
      'Mina',
    );
    expect(closed.recorded).toBe(true);
    expect((await recordInteractions(db, { drafts: [interaction()], tabId: 9, now: at(4), author: 'Mina' })).recorded).toBe(0);
    expect(await db.count('interactions')).toBe(3);
  });

  it('logs the open of a tab that started blank at its first page, and closes it with its last page', async () => {
    await startJourney(db, { id: newId(), title: 'A', now: at(0), author: 'Mina', tabId: 3 });
    const open = interaction({ kind: 'tab-open', anchor: null, label: '' });
    expect((await recordTabEvent(db, { type: 'created', tabId: 12, openerTabId: 3, draft: null }, at(1), 'Mina')).recorded).toBe(
      false,
    );
    const first = await recordTabEvent(
      db,
      { type: 'updated', tabId: 12, url: 'https://pay.example/a', opened: open },
      at(2),
      'Mina',
    );
    expect(first.recorded).toBe(true);
    const second = await recordTabEvent(
      db,
      { type: 'updated', tabId: 12, url: 'https://pay.example/b', opened: interaction({ kind: 'tab-open' }) },
      at(3),
      'Mina',
    );
    expect(second.recorded).toBe(false);
    await recordTabEvent(
      db,
      { type: 'removed', tabId: 12, draft: interaction({ kind: 'tab-close', url: 'about:blank' }) },
      at(4),
      'Mina',
    );
    const logged = (await db.getAll('interactions')).map((i) => [i.kind, i.url]);
    expect(logged.sort()).toEqual([
      ['tab-close', 'https://pay.example/b'],
      ['tab-open', 'https://pay.example/a'],
    ]);
  });

  it('promotes an interaction to a touchpoint with its time and anchor, once', async () => {
    const journey = await startJourney(db, { id: newId(), title: 'A', now: at(0), author: 'Mina', tabId: 3 });
    const click = interaction({ at: at(1) });
    await recordInteractions(db, { drafts: [click], tabId: 3, now: at(1), author: 'Mina' });
    const input = {
      interactionId: click.id,
      touchpointId: newId(),
      rating: { emotion: -1 as const, effort: 5 as const },
      now: at(9),
      author: 'Mina',
    };
    const touchpoint = await promoteInteraction(db, input);
    expect(touchpoint).toMatchObject({
      journeyId: journey.id,
      capturedAt: at(1),
      interactionId: click.id,
      anchor: click.anchor,
      emotion: -1,
    });
    expect(await promoteInteraction(db, { ...input, now: at(10) })).toEqual(touchpoint);
    expect(await db.count('touchpoints')).toBe(1);
  });
});

describe('edits', () => {
  const shot = (id: string): StoredScreenshot => ({
    id,
    meta: { path: `screenshots/${id}.webp`, mimeType: 'image/webp', width: 10, height: 10 },
    image: new Blob(['image']),
    thumbnail: new Blob(['thumb']),
  });

  it('deletes a journey with tombstones and undoes it, screenshots included', async () => {
    const journey = await startJourney(db, { id: newId(), title: 'A', now: at(0), author: 'Mina', tabId: 3 });
    const draft = draftFixture({ id: newId(), capturedAt: at(1) });
    await saveTouchpoint(db, {
      draft,
      now: at(1),
      author: 'Mina',
      fallbackJourney: { id: newId(), title: 'x' },
      screenshot: shot(draft.id),
    });
    const undoId = newId();
    const deleted = await applyJourneyEdit(
      db,
      { type: 'deleteJourney', journeyId: journey.id },
      { now: at(2), author: 'Leo', undoId },
    );
    expect(deleted).toEqual({ journeyIds: [journey.id], undoId });
    expect(await db.count('journeys')).toBe(0);
    expect(await db.count('screenshots')).toBe(0);
    expect((await db.getAll('tombstones')).map((t) => t.recordType).sort()).toEqual(['journey', 'touchpoint']);

    await applyJourneyEdit(db, { type: 'undo', undoId }, { now: at(3), author: 'Leo', undoId: newId() });
    const restored = await db.get('journeys', journey.id);
    expect(restored).toMatchObject({ title: 'A', author: 'Leo' });
    expect(restored!.updatedAt > at(2)).toBe(true);
    expect(await db.count('tombstones')).toBe(0);
    expect(await db.get('screenshots', draft.id)).toBeDefined();
    await expect(applyJourneyEdit(db, { type: 'undo', undoId }, { now: at(4), author: 'Leo', undoId: newId() })).rejects.toThrow(
      /deletion to undo/,
    );
  });

  it('splits and merges back, keeping touchpoints in order; the running part keeps the tabs', async () => {
    const journey = await startJourney(db, { id: newId(), title: 'A', now: at(0), author: 'Mina', tabId: 3 });
    const ids = [];
    for (const minute of [1, 2, 3, 4]) ids.push((await tag(minute, 3)).touchpoint.id);
    const newJourneyId = newId();
    const split = await applyJourneyEdit(
      db,
      { type: 'split', journeyId: journey.id, atTouchpointId: ids[2]!, newJourneyId, title: 'A (2)' },
      { now: at(5), author: 'Mina', undoId: newId() },
    );
    expect(split.journeyIds).toEqual([journey.id, newJourneyId]);
    expect((await listTouchpoints(db, newJourneyId)).map((tp) => tp.id)).toEqual(ids.slice(2));
    // Tags made after the split go on in the new, running part.
    expect((await tag(6, 3)).journey.id).toBe(newJourneyId);
    await applyJourneyEdit(
      db,
      { type: 'merge', keepId: journey.id, absorbId: newJourneyId },
      { now: at(7), author: 'Mina', undoId: newId() },
    );
    expect((await listTouchpoints(db, journey.id)).map((tp) => tp.id).slice(0, 4)).toEqual(ids);
    expect(await db.get('journeys', newJourneyId)).toBeUndefined();
  });

  it('reorders, moves, updates and deletes a touchpoint', async () => {
    const a = await startJourney(db, { id: newId(), title: 'A', now: at(0), author: 'Mina' });
    const ids = [];
    for (const minute of [1, 2, 3]) ids.push((await tag(minute, 1)).touchpoint.id);
    const options = () => ({ now: at(10), author: 'Mina', undoId: newId() });
    await applyJourneyEdit(db, { type: 'reorder', touchpointId: ids[2]!, beforeId: null, afterId: ids[0]! }, options());
    expect((await listTouchpoints(db, a.id)).map((tp) => tp.id)).toEqual([ids[2], ids[0], ids[1]]);
    const updated = await updateTouchpoint(
      db,
      ids[0]!,
      { note: 'Shipping hidden', tags: ['pain-point'], stage: 'purchase' },
      at(11),
      'Leo',
    );
    expect(updated).toMatchObject({
      note: 'Shipping hidden',
      tags: ['pain-point'],
      stage: 'purchase',
      author: 'Leo',
      updatedAt: at(11),
    });
    expect(await updateTouchpoint(db, ids[0]!, { note: 'Shipping hidden' }, at(12), 'Leo')).toEqual(updated);
    const b = await startJourney(db, { id: newId(), title: 'B', now: at(12), author: 'Mina' });
    await applyJourneyEdit(db, { type: 'moveTouchpoints', touchpointIds: [ids[1]!], toJourneyId: b.id }, options());
    expect((await listTouchpoints(db, b.id)).map((tp) => tp.id)).toEqual([ids[1]]);
    const removed = await applyJourneyEdit(db, { type: 'deleteTouchpoint', touchpointId: ids[0]! }, options());
    expect(await listTouchpoints(db, a.id)).toHaveLength(1);
    await applyJourneyEdit(db, { type: 'undo', undoId: removed.undoId! }, options());
    expect(await listTouchpoints(db, a.id)).toHaveLength(2);
  });

  it('reports a missing record as not found and writes nothing', async () => {
    await expect(
      applyJourneyEdit(db, { type: 'deleteJourney', journeyId: newId() }, { now: at(0), author: 'Mina', undoId: newId() }),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
    expect(await db.count('tombstones')).toBe(0);
  });
});
