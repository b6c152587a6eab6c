import { buildExportFile } from '../exchange/export-json';
import type { LocalRecords } from '../exchange/merge';
import type { ExportFile } from '../model/export-file';
import type { Journey } from '../model/journey';
import type { Tombstone } from '../model/tombstone';

/**
 * The file a member writes: an export (built by `buildExportFile`, so it is
 * exactly what an export is) of the records whose current version this
 * member made (`author`), plus the journey, or its tombstone, that each of
 * their touchpoints and interactions belongs to, and the study of each
 * journey in it, so the file is valid and readable on its own. Everyone's files together hold every record's newest version, and no
 * file grows with the size of the team: when a teammate edits or deletes one
 * of my records, their newer version travels in their file and leaves mine.
 * Images are not in it: a touchpoint keeps its screenshot's description, and
 * the image travels on its own, only if the study allows it (screenshot-sync.ts).
 */
export function buildMemberFile(records: LocalRecords, author: string, generator: string): ExportFile {
  const mine = <T extends { author: string }>(list: readonly T[]) => list.filter((r) => r.author === author);
  const touchpoints = mine(records.touchpoints);
  const interactions = mine(records.interactions);
  const tombstones = new Map<string, Tombstone>(mine(records.tombstones).map((t) => [t.id, t]));
  const journeys = new Map<string, Journey>(mine(records.journeys).map((j) => [j.id, j]));
  const allJourneys = new Map(records.journeys.map((j) => [j.id, j]));
  const journeyTombstones = new Map(records.tombstones.filter((t) => t.recordType === 'journey').map((t) => [t.id, t]));
  const hasJourney = (journeyId: string): boolean => {
    if (journeys.has(journeyId) || tombstones.has(journeyId)) return true;
    const journey = allJourneys.get(journeyId);
    if (journey) journeys.set(journeyId, journey);
    const tombstone = journey ? undefined : journeyTombstones.get(journeyId);
    if (tombstone) tombstones.set(journeyId, tombstone);
    return Boolean(journey ?? tombstone);
  };
  // A record whose journey is nowhere here cannot go in a valid file; it stays local (the store never makes one).
  const ownTouchpoints = touchpoints.filter((t) => hasJourney(t.journeyId));
  const ownInteractions = interactions.filter((i) => hasJourney(i.journeyId));
  const studies = new Map(mine(records.studies ?? []).map((s) => [s.id, s]));
  const allStudies = new Map((records.studies ?? []).map((s) => [s.id, s]));
  for (const journey of journeys.values()) {
    const study = allStudies.get(journey.studyId);
    if (study) studies.set(study.id, study);
  }
  return buildExportFile({
    studies: [...studies.values()],
    journeys: [...journeys.values()],
    touchpoints: ownTouchpoints,
    interactions: ownInteractions,
    tombstones: [...tombstones.values()],
    generator,
    emptyExportedAt: '1970-01-01T00:00:00.000Z',
  });
}
