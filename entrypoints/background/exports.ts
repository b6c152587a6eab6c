import { serializeExportFile } from '@/lib/exchange/export-json';
import { downloadText } from '@/lib/platform/download';
import { exportDownloadName, exportFileOf } from '@/lib/platform/export-file-of';
import type { WaymarkDatabase } from '@/lib/store/schema';

/**
 * Writes the chosen journeys as Waymark's JSON export and starts the download.
 * Only JSON is written here, for the popup and the map's "Export JSON": the
 * popup closes as soon as it loses focus, so its download must not hang on a
 * blob URL of its own; the worker's goes as a `data:` URL (download.ts). The
 * other formats (ZIP, CSV, HTML map, Mermaid, Web Annotations) are written by
 * the journeys page (entrypoints/journeys/download-export.ts), which keeps
 * their libraries out of the worker (issue #7's 30 KB budget).
 */
export async function downloadJsonExport(db: WaymarkDatabase, journeyIds: readonly string[] | 'all'): Promise<string> {
  const file = await exportFileOf(db, journeyIds);
  const fileName = exportDownloadName(file, 'json');
  await downloadText(serializeExportFile(file), fileName, 'application/json');
  return fileName;
}
