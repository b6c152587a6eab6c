import { type ImportReport, planImport } from '../exchange/merge';
import type { ExportFile } from '../model/export-file';
import type { StoredScreenshot, WaymarkDatabase } from './schema';

/**
 * Merges an imported file into the database in ONE transaction: the local
 * versions of the file's ids are read, the merge rule decides per id, and the
 * winners are written; screenshots of written touchpoints are stored with
 * them. Either all of it commits or none of it does. Importing the same file
 * again writes nothing.
 */
export async function applyImport(
  db: WaymarkDatabase,
  incoming: ExportFile,
  screenshots: ReadonlyMap<string, StoredScreenshot>,
): Promise<ImportReport> {
  const tx = db.transaction(['studies', 'journeys', 'touchpoints', 'interactions', 'tombstones', 'screenshots'], 'readwrite');
  const studies = tx.objectStore('studies');
  const journeys = tx.objectStore('journeys');
  const touchpoints = tx.objectStore('touchpoints');
  const interactions = tx.objectStore('interactions');
  const tombstones = tx.objectStore('tombstones');
  const ids = [
    ...incoming.studies,
    ...incoming.journeys,
    ...incoming.touchpoints,
    ...incoming.interactions,
    ...incoming.tombstones,
  ].map((r) => r.id);
  const [localStudies, localJourneys, localTouchpoints, localInteractions, localTombstones] = await Promise.all([
    Promise.all(ids.map((id) => studies.get(id))),
    Promise.all(ids.map((id) => journeys.get(id))),
    Promise.all(ids.map((id) => touchpoints.get(id))),
    Promise.all(ids.map((id) => interactions.get(id))),
    Promise.all(ids.map((id) => tombstones.get(id))),
  ]);
  const defined = <T>(list: (T | undefined)[]) => list.filter((r): r is T => r !== undefined);
  const { writes, report } = planImport(
    {
      studies: defined(localStudies),
      journeys: defined(localJourneys),
      touchpoints: defined(localTouchpoints),
      interactions: defined(localInteractions),
      tombstones: defined(localTombstones),
    },
    incoming,
  );
  const work: Promise<unknown>[] = [];
  for (const id of writes.deleteIds) {
    work.push(
      studies.delete(id),
      journeys.delete(id),
      touchpoints.delete(id),
      interactions.delete(id),
      tombstones.delete(id),
      tx.objectStore('screenshots').delete(id),
    );
  }
  for (const study of writes.studies) work.push(studies.put(study));
  for (const journey of writes.journeys) work.push(journeys.put(journey));
  for (const touchpoint of writes.touchpoints) {
    work.push(touchpoints.put(touchpoint));
    const shot = screenshots.get(touchpoint.id);
    if (touchpoint.screenshot && shot) work.push(tx.objectStore('screenshots').put(shot));
  }
  for (const interaction of writes.interactions) work.push(interactions.put(interaction));
  for (const tombstone of writes.tombstones) work.push(tombstones.put(tombstone));
  await Promise.all([...work, tx.done]);
  return report;
}
