import { buildExportFile, exportFileName } from '../exchange/export-json';
import type { ExportFormat } from '../messages/protocol';
import type { ExportFile } from '../model/export-file';
import { nowIso } from '../model/ids';
import { exportAll } from '../store/export-all';
import type { WaymarkDatabase } from '../store/schema';
import { generatorName } from './generator';

/**
 * The export file of the chosen journeys (all of them when `journeyIds` is
 * `all`), read from the database. Shared by the worker (JSON, for the popup
 * and the map) and the journeys page (every format, see
 * entrypoints/journeys/download-export.ts).
 */
export async function exportFileOf(db: WaymarkDatabase, journeyIds: readonly string[] | 'all'): Promise<ExportFile> {
  const all = await exportAll(db);
  const chosen = journeyIds === 'all' ? null : new Set(journeyIds);
  const keep = <T extends { id: string }>(list: T[], idOf: (r: T) => string) =>
    chosen ? list.filter((r) => chosen.has(idOf(r))) : list;
  const touchpoints = keep(all.touchpoints, (t) => t.journeyId);
  const interactions = keep(all.interactions, (i) => i.journeyId);
  const recordIds = new Set([...(chosen ?? []), ...touchpoints.map((t) => t.id), ...interactions.map((i) => i.id)]);
  const journeys = keep(all.journeys, (j) => j.id);
  const studyIds = new Set(journeys.map((j) => j.studyId));
  return buildExportFile(
    {
      // All studies for "all" (a study with no journey yet travels too); else those of the chosen journeys.
      studies: chosen ? all.studies.filter((s) => studyIds.has(s.id)) : all.studies,
      journeys,
      touchpoints,
      interactions,
      tombstones: chosen ? all.tombstones.filter((t) => recordIds.has(t.id)) : all.tombstones,
      generator: generatorName(),
      emptyExportedAt: nowIso(),
    },
    { trusted: true },
  ); // every write to the store was validated
}

/** Screenshot bytes of the file's touchpoints that have one, by bundle path. */
export async function screenshotsOf(db: WaymarkDatabase, file: ExportFile) {
  const shots = [];
  for (const tp of file.touchpoints) {
    if (!tp.screenshot) continue;
    const stored = await db.get('screenshots', tp.id);
    if (stored)
      shots.push({
        path: tp.screenshot.path,
        mimeType: tp.screenshot.mimeType,
        bytes: new Uint8Array(await stored.image.arrayBuffer()),
      });
  }
  return shots;
}

const EXTENSION: Record<ExportFormat, string> = {
  json: 'json',
  zip: 'zip',
  csv: 'csv',
  mermaid: 'mmd',
  html: 'html',
  annotations: 'jsonld',
};

/** The download's name: the journey's title (or "journeys") and the date, with the format's extension. */
export function exportDownloadName(file: ExportFile, format: ExportFormat): string {
  const title = file.journeys.length === 1 ? (file.journeys[0]?.title ?? 'journey') : 'journeys';
  return exportFileName(title, nowIso()).replace(/\.json$/, `.${EXTENSION[format]}`);
}
