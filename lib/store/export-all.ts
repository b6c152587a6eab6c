import type { Interaction } from '../model/interaction';
import type { Journey } from '../model/journey';
import type { Study } from '../model/study';
import type { Tombstone } from '../model/tombstone';
import type { Touchpoint } from '../model/touchpoint';
import type { WaymarkDatabase } from './schema';

/** Every record an "export all" writes, as stored. */
export interface AllRecords {
  studies: Study[];
  journeys: Journey[];
  touchpoints: Touchpoint[];
  interactions: Interaction[];
  tombstones: Tombstone[];
}

/**
 * Reads every study, journey, touchpoint, interaction and tombstone in one readonly transaction,
 * so the three lists are one consistent snapshot: a touchpoint saved or a
 * journey deleted while we read lands wholly before or wholly after it.
 *
 * Records come in key (id) order, straight from each store; `buildExportFile`
 * sorts and validates them. (Reading touchpoints through the
 * `byJourneyCaptured` index hands them over nearly sorted, but in the
 * benchmark the index read cost more than the sort it saves: bench/README.md.)
 */
export async function exportAll(db: WaymarkDatabase): Promise<AllRecords> {
  const tx = db.transaction(['studies', 'journeys', 'touchpoints', 'interactions', 'tombstones'], 'readonly');
  const [studies, journeys, touchpoints, interactions, tombstones] = await Promise.all([
    tx.objectStore('studies').getAll(),
    tx.objectStore('journeys').getAll(),
    tx.objectStore('touchpoints').getAll(),
    tx.objectStore('interactions').getAll(),
    tx.objectStore('tombstones').getAll(),
    tx.done,
  ]);
  return { studies, journeys, touchpoints, interactions, tombstones };
}
