import { base64ToBytes } from '@/lib/exchange/base64';
import type { ExportFile } from '@/lib/model/export-file';
import { makeThumbnail } from '@/lib/platform/screenshot';
import type { StoredScreenshot } from '@/lib/store/schema';

/**
 * Turns an import's screenshots (base64, keyed by touchpoint id) into stored
 * screenshots: only those a touchpoint of the file references, with a fresh
 * thumbnail. An image the browser cannot decode is dropped, not fatal.
 */
export async function decodeScreenshots(
  file: ExportFile,
  screenshots: readonly { touchpointId: string; base64: string }[],
): Promise<Map<string, StoredScreenshot>> {
  const byId = new Map(file.touchpoints.filter((tp) => tp.screenshot).map((tp) => [tp.id, tp.screenshot!]));
  const out = new Map<string, StoredScreenshot>();
  for (const { touchpointId, base64 } of screenshots) {
    const meta = byId.get(touchpointId);
    if (!meta) continue;
    const image = new Blob([base64ToBytes(base64) as BlobPart], { type: meta.mimeType });
    try {
      const bitmap = await createImageBitmap(image);
      const thumbnail = await makeThumbnail(bitmap);
      out.set(touchpointId, { id: touchpointId, meta, image, thumbnail });
    } catch {
      // Not an image we can read: the touchpoint is imported without it.
    }
  }
  return out;
}
