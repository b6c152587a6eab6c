import { serializeExportFile } from '@/lib/exchange/export-json';
import { exportDownloadName, exportFileOf } from '@/lib/platform/export-file-of';
import type { WaymarkDatabase } from '@/lib/store/schema';

/** Saves `text` as a download named `fileName` (`downloadText` of lib/platform/download.ts, started where the context can). */
export type DownloadText = (text: string, fileName: string, mimeType: string) => Promise<unknown>;

/**
 * Writes the chosen journeys as Waymark's JSON export and starts the download.
 * Only JSON is written here, for the popup and the map's "Export JSON": the
 * popup closes as soon as it loses focus, so its download must not depend on
 * the popup staying open. The other formats (ZIP, CSV, HTML map, Mermaid, Web
 * Annotations) are written by the journeys page
 * (entrypoints/journeys/download-export.ts).
 */
export async function downloadJsonExport(
  db: WaymarkDatabase,
  journeyIds: readonly string[] | 'all',
  downloadText: DownloadText,
): Promise<string> {
  const file = await exportFileOf(db, journeyIds);
  const fileName = exportDownloadName(file, 'json');
  await downloadText(serializeExportFile(file), fileName, 'application/json');
  return fileName;
}
