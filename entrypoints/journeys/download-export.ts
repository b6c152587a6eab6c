import { bytesToBase64 } from '@/lib/exchange/base64';
import { toWebAnnotationsJson } from '@/lib/exchange/export-annotations';
import { toCsv } from '@/lib/exchange/export-csv';
import { toHtmlJourneyMap } from '@/lib/exchange/export-html';
import { serializeExportFile } from '@/lib/exchange/export-json';
import { toMermaidJourney } from '@/lib/exchange/export-mermaid';
import { buildZipBundle } from '@/lib/exchange/zip-bundle';
import type { ExportFormat } from '@/lib/messages/protocol';
import { fail, ok, type Result } from '@/lib/messages/result';
import { downloadBytes, downloadText } from '@/lib/platform/download';
import { exportDownloadName, exportFileOf, screenshotsOf } from '@/lib/platform/export-file-of';
import { uiLocale } from '@/lib/platform/i18n';
import { pageDb } from '@/lib/platform/page-db';

/**
 * Writes the chosen journeys in `format` and starts the download, here in the
 * journeys page rather than in the worker: the exporters' libraries
 * (csv-stringify, fflate, the HTML map) would be most of the worker's 30 KB
 * budget (issue #7), and a worker cannot `import()`. The page reads the
 * database itself (pages share the extension's origin, see page-db.ts) and
 * downloads through a blob URL, which outlives nothing: the page stays open.
 * Mermaid and the HTML map show one journey: the first chosen.
 */
export async function downloadExport(
  journeyIds: readonly string[] | 'all',
  format: ExportFormat,
): Promise<Result<{ fileName: string }>> {
  try {
    const db = await pageDb();
    const file = await exportFileOf(db, journeyIds);
    if (journeyIds !== 'all' && file.journeys.length < journeyIds.length) return fail('not-found', 'A chosen journey is gone.');
    const fileName = exportDownloadName(file, format);
    const first = file.journeys[0]?.id ?? '';
    switch (format) {
      case 'json':
        await downloadText(serializeExportFile(file), fileName, 'application/json');
        break;
      case 'zip':
        await downloadBytes(
          buildZipBundle(serializeExportFile(file), await screenshotsOf(db, file)),
          fileName,
          'application/zip',
        );
        break;
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
    return ok({ fileName });
  } catch (error) {
    return fail('internal', error instanceof Error ? error.message : String(error));
  }
}
