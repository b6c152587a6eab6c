import { browser } from 'wxt/browser';
import { bytesToBase64 } from '@/lib/exchange/base64';
import { toWebAnnotationsJson } from '@/lib/exchange/export-annotations';
import { toCsv } from '@/lib/exchange/export-csv';
import { toHtmlJourneyMap } from '@/lib/exchange/export-html';
import { buildExportFile, exportFileName, serializeExportFile } from '@/lib/exchange/export-json';
import { toMermaidJourney } from '@/lib/exchange/export-mermaid';
import { buildZipBundle } from '@/lib/exchange/zip-bundle';
import type { ExportFormat } from '@/lib/messages/protocol';
import type { ExportFile } from '@/lib/model/export-file';
import { nowIso } from '@/lib/model/ids';
import { downloadBytes, downloadText } from '@/lib/platform/download';
import { uiLocale } from '@/lib/platform/i18n';
import { exportAll } from '@/lib/store/export-all';
import type { WaymarkDatabase } from '@/lib/store/schema';

/** The export file of the chosen journeys (all of them when `journeyIds` is `all`). */
export async function exportFileOf(db: WaymarkDatabase, journeyIds: readonly string[] | 'all'): Promise<ExportFile> {
  const all = await exportAll(db);
  const chosen = journeyIds === 'all' ? null : new Set(journeyIds);
  const keep = <T extends { id: string }>(list: T[], idOf: (r: T) => string) =>
    chosen ? list.filter((r) => chosen.has(idOf(r))) : list;
  const touchpoints = keep(all.touchpoints, (t) => t.journeyId);
  const interactions = keep(all.interactions, (i) => i.journeyId);
  const recordIds = new Set([...(chosen ?? []), ...touchpoints.map((t) => t.id), ...interactions.map((i) => i.id)]);
  return buildExportFile(
    {
      journeys: keep(all.journeys, (j) => j.id),
      touchpoints,
      interactions,
      tombstones: chosen ? all.tombstones.filter((t) => recordIds.has(t.id)) : all.tombstones,
      generator: `Waymark ${browser.runtime.getManifest().version}`,
      emptyExportedAt: nowIso(),
    },
    { trusted: true },
  ); // every write to the store was validated
}

/** Screenshot bytes of the file's touchpoints that have one, by bundle path. */
async function screenshotsOf(db: WaymarkDatabase, file: ExportFile) {
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

/**
 * Writes the chosen journeys in `format` and starts the download. Mermaid and
 * the HTML map show one journey: the first chosen.
 */
export async function downloadExport(
  db: WaymarkDatabase,
  journeyIds: readonly string[] | 'all',
  format: ExportFormat,
): Promise<string> {
  const file = await exportFileOf(db, journeyIds);
  const title = file.journeys.length === 1 ? (file.journeys[0]?.title ?? 'journey') : 'journeys';
  const fileName = exportFileName(title, nowIso()).replace(/\.json$/, `.${EXTENSION[format]}`);
  const first = file.journeys[0]?.id ?? '';
  switch (format) {
    case 'json':
      await downloadText(serializeExportFile(file), fileName, 'application/json');
      break;
    case 'zip': {
      const shots = await screenshotsOf(db, file);
      await downloadBytes(buildZipBundle(serializeExportFile(file), shots), fileName, 'application/zip');
      break;
    }
    case 'csv':
      await downloadText(toCsv(file), fileName, 'text/csv');
      break;
    case 'mermaid':
      await downloadText(toMermaidJourney(file, first), fileName, 'text/plain');
      break;
    case 'html': {
      const images: Record<string, string> = {};
      for (const shot of await screenshotsOf(db, file)) {
        const id = shot.path.slice('screenshots/'.length).replace(/\.\w+$/, '');
        images[id] = `data:${shot.mimeType};base64,${bytesToBase64(shot.bytes)}`;
      }
      await downloadText(toHtmlJourneyMap(file, first, { images, locale: uiLocale() }), fileName, 'text/html');
      break;
    }
    case 'annotations':
      await downloadText(toWebAnnotationsJson(file), fileName, 'application/ld+json');
      break;
  }
  return fileName;
}
