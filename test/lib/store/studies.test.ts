import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '@/lib/model/ids';
import type { ScriptStep } from '@/lib/model/study';
import { NotFoundError, startJourney } from '@/lib/store/journeys';
import { openWaymarkDb } from '@/lib/store/open-db';
import type { WaymarkDatabase } from '@/lib/store/schema';
import {
  AnswerRejectedError,
  actOnStep,
  deleteStudy,
  listStudies,
  type StudyInput,
  StudyInUseError,
  saveStudy,
} from '@/lib/store/studies';
import { DEFAULT_STUDY_ID, defaultStudy } from '@/lib/study/default-study';
import { touchpointFixture } from '../../fixtures/records';

let db: WaymarkDatabase;
const name = 'waymark-studies-test';

beforeEach(async () => {
  db = await openWaymarkDb(name);
});
afterEach(async () => {
  db.close();
  await deleteDB(name);
});

const T0 = '2026-11-25T10:00:00.000Z';
const T1 = '2026-11-25T11:00:00.000Z';
const T2 = '2026-11-25T12:00:00.000Z';

const steps: ScriptStep[] = [
  { id: newId(), title: 'Greeting', lookFor: 'A welcome within 30 s', criterion: { kind: 'yesno' } },
  { id: newId(), title: 'Wait', lookFor: 'Seconds to an answer', criterion: { kind: 'number', unit: 's', min: 0 } },
];

/** A study as the journeys page sends it. */
function studyInput(overrides: Partial<StudyInput> = {}): StudyInput {
  const { createdAt: _c, updatedAt: _u, author: _a, ...rest } = defaultStudy();
  return {
    ...rest,
    id: newId(),
    name: 'Shoes',
    goal: 'Buy running shoes under 100 EUR',
    brand: { name: 'Brand', domains: ['brand.example'] },
    competitors: [{ id: newId(), name: 'Rival', domains: ['rival.example'] }],
    script: steps,
    ...overrides,
  };
}

describe('listStudies', () => {
  it('lists the default study first, even before it is stored, then by name', async () => {
    expect((await listStudies(db)).map((s) => s.id)).toEqual([DEFAULT_STUDY_ID]);
    const zebra = await saveStudy(db, studyInput({ name: 'Zebra' }), T0, 'Mina');
    const apple = await saveStudy(db, studyInput({ name: 'Apple' }), T0, 'Mina');
    expect((await listStudies(db)).map((s) => s.id)).toEqual([DEFAULT_STUDY_ID, apple.id, zebra.id]);
  });
});

describe('saveStudy', () => {
  it('creates a study stamped with the time and author', async () => {
    const input = studyInput();
    const study = await saveStudy(db, input, T0, 'Mina');
    expect(study).toMatchObject({ ...input, createdAt: T0, updatedAt: T0, author: 'Mina' });
    expect(await db.get('studies', input.id)).toEqual(study);
  });

  it('updates a study, keeping when it was made', async () => {
    const input = studyInput();
    await saveStudy(db, input, T0, 'Mina');
    const changed = await saveStudy(db, { ...input, name: 'Trainers' }, T1, 'Reza');
    expect(changed).toMatchObject({ name: 'Trainers', createdAt: T0, updatedAt: T1, author: 'Reza' });
    expect(await db.get('studies', input.id)).toEqual(changed);
  });

  it('writes nothing when nothing changed', async () => {
    const input = studyInput();
    const first = await saveStudy(db, input, T0, 'Mina');
    expect(await saveStudy(db, structuredClone(input), T1, 'Reza')).toEqual(first);
    expect(await db.get('studies', input.id)).toEqual(first);
  });

  it('moves updatedAt past the stored one when the clock is behind', async () => {
    const input = studyInput();
    await saveStudy(db, input, T1, 'Mina');
    const changed = await saveStudy(db, { ...input, goal: 'Return a parcel' }, T0, 'Reza');
    expect(changed.updatedAt).toBe('2026-11-25T11:00:00.001Z');
  });

  it('edits the default study', async () => {
    const { createdAt: _c, updatedAt: _u, author: _a, ...input } = defaultStudy();
    const saved = await saveStudy(db, { ...input, name: 'Our shop' }, T0, 'Mina');
    expect(saved).toMatchObject({ id: DEFAULT_STUDY_ID, name: 'Our shop', updatedAt: T0 });
    expect((await listStudies(db))[0]?.name).toBe('Our shop');
  });
});

describe('deleteStudy', () => {
  it('refuses the default study', async () => {
    await expect(deleteStudy(db, DEFAULT_STUDY_ID, T0, 'Mina')).rejects.toThrow(StudyInUseError);
    await expect(deleteStudy(db, DEFAULT_STUDY_ID, T0, 'Mina')).rejects.toThrow('The default study cannot be deleted.');
  });

  it('refuses a study journeys belong to, saying how many', async () => {
    const study = await saveStudy(db, studyInput(), T0, 'Mina');
    await startJourney(db, { id: newId(), title: 'A', now: T0, author: 'Mina', details: { studyId: study.id } });
    await startJourney(db, { id: newId(), title: 'B', now: T1, author: 'Mina', details: { studyId: study.id } });
    await expect(deleteStudy(db, study.id, T2, 'Mina')).rejects.toThrow('2 journeys still belong to this study.');
    expect(await db.get('studies', study.id)).toEqual(study);
    expect(await db.count('tombstones')).toBe(0);
  });

  it('says "belongs" for one journey', async () => {
    const study = await saveStudy(db, studyInput(), T0, 'Mina');
    await startJourney(db, { id: newId(), title: 'A', now: T0, author: 'Mina', details: { studyId: study.id } });
    await expect(deleteStudy(db, study.id, T1, 'Mina')).rejects.toThrow('1 journey still belongs to this study.');
    expect(await db.get('studies', study.id)).toEqual(study);
    expect(await db.count('tombstones')).toBe(0);
  });

  it('deletes an unused study and writes a tombstone', async () => {
    const study = await saveStudy(db, studyInput(), T0, 'Mina');
    await deleteStudy(db, study.id, T1, 'Reza');
    expect(await db.get('studies', study.id)).toBeUndefined();
    expect(await db.get('tombstones', study.id)).toEqual({ id: study.id, recordType: 'study', updatedAt: T1, author: 'Reza' });
  });

  it('stamps the tombstone after the study when the clock is behind', async () => {
    const study = await saveStudy(db, studyInput(), T1, 'Mina');
    await deleteStudy(db, study.id, T0, 'Reza');
    expect((await db.get('tombstones', study.id))?.updatedAt).toBe('2026-11-25T11:00:00.001Z');
  });

  it('reports a study that is not there', async () => {
    await expect(deleteStudy(db, newId(), T0, 'Mina')).rejects.toThrow(NotFoundError);
  });
});

describe('actOnStep', () => {
  async function journeyWithTouchpoints() {
    const study = await saveStudy(db, studyInput(), T0, 'Mina');
    const journey = await startJourney(db, { id: newId(), title: 'A', now: T0, author: 'Mina', details: { studyId: study.id } });
    const tp = touchpointFixture({ id: newId(), journeyId: journey.id });
    await db.put('touchpoints', tp);
    return { journey, tp };
  }
  const [greeting, wait] = steps as [ScriptStep, ScriptStep];
  const act = (journeyId: string, stepId: string, action: Parameters<typeof actOnStep>[1]['action'], now = T1) =>
    actOnStep(db, { journeyId, stepId, action, now, author: 'Reza' });

  it('answers a step with evidence and stamps the journey', async () => {
    const { journey, tp } = await journeyWithTouchpoints();
    const changed = await act(journey.id, greeting.id, { type: 'answer', value: true, touchpointIds: [tp.id] });
    expect(changed.answers).toEqual([
      { stepId: greeting.id, value: true, skipped: false, touchpointIds: [tp.id], answeredAt: T1 },
    ]);
    expect(changed).toMatchObject({ updatedAt: T1, author: 'Reza' });
    expect(await db.get('journeys', journey.id)).toEqual(changed);
  });

  it('skips, unskips and attaches evidence', async () => {
    const { journey, tp } = await journeyWithTouchpoints();
    const skipped = await act(journey.id, wait.id, { type: 'skip' }, T1);
    expect(skipped.answers[0]).toMatchObject({ stepId: wait.id, skipped: true, value: null });
    const unskipped = await act(journey.id, wait.id, { type: 'unskip' }, T2);
    expect(unskipped.answers[0]).toMatchObject({ skipped: false, value: null });
    const attached = await act(journey.id, wait.id, { type: 'attach', touchpointIds: [tp.id] }, T2);
    expect(attached.answers).toHaveLength(1);
    expect(attached.answers[0]).toMatchObject({ skipped: false, value: null, touchpointIds: [tp.id] });
  });

  it('writes nothing the second time the same action runs', async () => {
    const { journey } = await journeyWithTouchpoints();
    const first = await act(journey.id, greeting.id, { type: 'answer', value: false }, T1);
    const again = await act(journey.id, greeting.id, { type: 'answer', value: false }, T2);
    expect(again).toEqual(first);
    expect(await db.get('journeys', journey.id)).toEqual(first);
  });

  it('refuses evidence from another journey', async () => {
    const { journey } = await journeyWithTouchpoints();
    const other = await startJourney(db, { id: newId(), title: 'B', now: T1, author: 'Mina' });
    const foreign = touchpointFixture({ id: newId(), journeyId: other.id });
    await db.put('touchpoints', foreign);
    await expect(act(journey.id, greeting.id, { type: 'attach', touchpointIds: [foreign.id] })).rejects.toThrow(
      `Touchpoint ${foreign.id} is not in this journey.`,
    );
    expect((await db.get('journeys', journey.id))?.answers).toEqual([]);
  });

  it.each([
    ['a number for yes/no', 'greeting', 3, 'not-boolean'],
    ['text for a number', 'wait', 'soon', 'not-number'],
    ['a number below the minimum', 'wait', -1, 'out-of-range'],
    ['no value', 'greeting', null, 'no-value'],
  ])('refuses %s', async (_, which, value, code) => {
    const { journey } = await journeyWithTouchpoints();
    const step = which === 'greeting' ? greeting : wait;
    const answering = act(journey.id, step.id, { type: 'answer', value: value as never });
    await expect(answering).rejects.toThrow(AnswerRejectedError);
    await expect(act(journey.id, step.id, { type: 'answer', value: value as never })).rejects.toThrow(code);
    expect((await db.get('journeys', journey.id))?.answers).toEqual([]);
  });

  it('reports a step the study does not have, and a missing journey', async () => {
    const { journey } = await journeyWithTouchpoints();
    await expect(act(journey.id, newId(), { type: 'skip' })).rejects.toThrow(NotFoundError);
    await expect(act(newId(), greeting.id, { type: 'skip' })).rejects.toThrow(NotFoundError);
  });
});
