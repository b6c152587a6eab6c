import { bump, noEdit } from '../journey/edit-result';
import type { Journey } from '../model/journey';
import { orderKeysLike } from '../model/key-order';
import type { AnswerValue, Study } from '../model/study';
import { Study as StudySchema } from '../model/study';
import { DEFAULT_STUDY_ID } from '../model/vocabulary';
import { defaultStudy } from '../study/default-study';
import { answerStep, attachEvidence, skipStep, unskip } from '../study/script';
import { editInTransaction } from './edits';
import { NotFoundError } from './journeys';
import type { WaymarkDatabase } from './schema';

/** Every study, the default one first, then by name. The default study is made again if it is missing. */
export async function listStudies(db: WaymarkDatabase): Promise<Study[]> {
  const studies = await db.getAll('studies');
  if (!studies.some((s) => s.id === DEFAULT_STUDY_ID)) studies.push(defaultStudy());
  return studies.sort(
    (a, b) => Number(b.id === DEFAULT_STUDY_ID) - Number(a.id === DEFAULT_STUDY_ID) || a.name.localeCompare(b.name),
  );
}

/** A study by id; the default study even before it is stored. */
export async function getStudy(db: WaymarkDatabase, id: string): Promise<Study | undefined> {
  return (await db.get('studies', id)) ?? (id === DEFAULT_STUDY_ID ? defaultStudy() : undefined);
}

/** What a researcher sets on a study; the store adds the times and the author. */
export type StudyInput = Omit<Study, 'createdAt' | 'updatedAt' | 'author'>;

/**
 * Creates or changes a study. `updatedAt` moves past the stored version's
 * even with a clock that is behind, so the change wins every merge; a save
 * that changes nothing writes nothing.
 */
export async function saveStudy(db: WaymarkDatabase, input: StudyInput, now: string, author: string): Promise<Study> {
  const tx = db.transaction('studies', 'readwrite');
  const previous = await tx.store.get(input.id);
  const candidate = StudySchema.parse({
    ...input,
    createdAt: previous?.createdAt ?? now,
    updatedAt: previous?.updatedAt ?? now,
    author: previous?.author ?? author,
  });
  if (previous && sameContent(previous, candidate)) {
    await tx.done;
    return previous;
  }
  const updatedAt = previous ? bump(previous.updatedAt, Date.parse(now)) : now;
  const study = orderKeysLike(StudySchema, { ...candidate, updatedAt, author });
  await tx.store.put(study);
  await tx.done;
  return study;
}

const sameContent = (a: Study, b: Study) =>
  JSON.stringify(orderKeysLike(StudySchema, { ...a, updatedAt: '', author: '' })) ===
  JSON.stringify(orderKeysLike(StudySchema, { ...b, updatedAt: '', author: '' }));

/** What a researcher does to one script step of a journey. */
export type StepAction =
  | { type: 'answer'; value: AnswerValue; touchpointIds?: string[] }
  | { type: 'skip' }
  | { type: 'unskip' }
  | { type: 'attach'; touchpointIds: string[] };

/** Thrown when an answer does not fit its step's criterion; the message says why. */
export class AnswerRejectedError extends Error {
  override name = 'AnswerRejectedError';
}

/**
 * Answers, skips, unskips or attaches evidence to a step of the journey's
 * study script, in one transaction with the journey. Evidence must be the
 * journey's own touchpoints.
 */
export async function actOnStep(
  db: WaymarkDatabase,
  input: { journeyId: string; stepId: string; action: StepAction; now: string; author: string },
): Promise<Journey> {
  const journeyBefore = await db.get('journeys', input.journeyId);
  if (!journeyBefore) throw new NotFoundError(`No journey ${input.journeyId}.`);
  const study = await getStudy(db, journeyBefore.studyId);
  const step = study?.script?.find((s) => s.id === input.stepId);
  if (!step) throw new NotFoundError(`The journey's study has no script step ${input.stepId}.`);
  const now = Date.parse(input.now);
  return editInTransaction(db, async (tx) => {
    const journey = await tx.objectStore('journeys').get(input.journeyId);
    if (!journey) throw new NotFoundError(`No journey ${input.journeyId}.`);
    const { action } = input;
    const evidence = 'touchpointIds' in action ? (action.touchpointIds ?? []) : [];
    for (const id of evidence) {
      const tp = await tx.objectStore('touchpoints').get(id);
      if (tp?.journeyId !== journey.id) throw new NotFoundError(`Touchpoint ${id} is not in this journey.`);
    }
    let answers: Journey['answers'];
    if (action.type === 'answer') {
      const checked = answerStep(journey.answers, step, action.value, now, evidence);
      if (!checked.ok) throw new AnswerRejectedError(`The answer does not fit the step: ${checked.error.code}.`);
      answers = checked.value;
    } else if (action.type === 'skip') answers = skipStep(journey.answers, step.id, now);
    else if (action.type === 'unskip') answers = unskip(journey.answers, step.id, now);
    else answers = attachEvidence(journey.answers, step.id, evidence, now);
    if (answers === journey.answers) return { edit: noEdit(), value: journey };
    const updatedAt = bump(journey.updatedAt, now);
    const changed: Journey = { ...journey, answers, updatedAt, author: input.author };
    const edit = noEdit();
    edit.put.journeys.push(changed);
    return { edit, value: changed };
  });
}

/** Thrown when a study cannot be deleted: the default study, or one that journeys still belong to. */
export class StudyInUseError extends Error {
  override name = 'StudyInUseError';
}

/**
 * Deletes a study, leaving a tombstone so the deletion syncs. The default
 * study and a study with journeys are kept (move or delete the journeys first).
 */
export async function deleteStudy(db: WaymarkDatabase, id: string, now: string, author: string): Promise<void> {
  if (id === DEFAULT_STUDY_ID) throw new StudyInUseError('The default study cannot be deleted.');
  const tx = db.transaction(['studies', 'journeys', 'tombstones'], 'readwrite');
  const study = await tx.objectStore('studies').get(id);
  if (!study) {
    await tx.done;
    throw new NotFoundError(`No study ${id}.`);
  }
  let inUse = 0;
  for (let cursor = await tx.objectStore('journeys').openCursor(); cursor; cursor = await cursor.continue()) {
    if (cursor.value.studyId === id) inUse++;
  }
  if (inUse > 0) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new StudyInUseError(`${inUse} journey${inUse === 1 ? ' still belongs' : 's still belong'} to this study.`);
  }
  const deletedAt = bump(study.updatedAt, Date.parse(now));
  await Promise.all([
    tx.objectStore('studies').delete(id),
    tx.objectStore('tombstones').put({ id, recordType: 'study', updatedAt: deletedAt, author }),
    tx.done,
  ]);
}
