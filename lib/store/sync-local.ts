import type { Screenshot } from '../model/touchpoint';
import type { SyncLocal } from '../sync/run-sync';
import type { SyncScreenshotStore } from '../sync/screenshot-sync';
import { exportAll } from './export-all';
import { applyImport } from './import';
import type { WaymarkDatabase } from './schema';

/**
 * Makes a screenshot's thumbnail from its image; rejects if the bytes are no
 * image. The worker passes the capture path's `makeThumbnail` (OffscreenCanvas);
 * without one (Node tests) the image is its own thumbnail.
 */
export type ThumbnailMaker = (image: Blob) => Promise<Blob>;

/**
 * The local store as sync sees it: one consistent read of every record, a
 * merge applied in one transaction (the import's), and the screenshots store
 * for image sync. Member files carry no images, so none are stored with the merge.
 */
export function storeSyncLocal(db: WaymarkDatabase, thumbnail: ThumbnailMaker = async (image) => image): SyncLocal {
  return {
    readAll: () => exportAll(db),
    merge: (file) => applyImport(db, file, new Map()),
    screenshots: storeScreenshots(db, thumbnail),
  };
}

function storeScreenshots(db: WaymarkDatabase, thumbnail: ThumbnailMaker): SyncScreenshotStore {
  return {
    storedIds: async () => new Set(await db.getAllKeys('screenshots')),
    async image(touchpointId) {
      const shot = await db.get('screenshots', touchpointId);
      return shot ? new Uint8Array(await shot.image.arrayBuffer()) : null;
    },
    async save(touchpointId: string, meta: Screenshot, bytes: Uint8Array) {
      const image = new Blob([bytes as BlobPart], { type: meta.mimeType });
      let small: Blob;
      try {
        small = await thumbnail(image);
      } catch {
        return 'unreadable';
      }
      const tx = db.transaction(['touchpoints', 'screenshots'], 'readwrite');
      const touchpoint = await tx.objectStore('touchpoints').get(touchpointId);
      // Deleted, or its screenshot changed meanwhile: this image is not its picture any more.
      if (touchpoint?.screenshot?.path !== meta.path) {
        await tx.done;
        return 'gone';
      }
      await tx.objectStore('screenshots').put({ id: touchpointId, meta, image, thumbnail: small });
      await tx.done;
      return 'saved';
    },
  };
}
