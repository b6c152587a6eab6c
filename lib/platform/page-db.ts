import { openWaymarkDb } from '../store/open-db';
import type { WaymarkDatabase } from '../store/schema';

let connection: Promise<WaymarkDatabase> | undefined;

/**
 * The database, opened from an extension page for reads the page can do
 * itself (thumbnails, the paged journey list): pages share the extension's
 * origin with the background. Writes still go through the background. A
 * failed open is forgotten, so the next call tries again.
 */
export function pageDb(): Promise<WaymarkDatabase> {
  connection ??= openWaymarkDb().catch((error: unknown) => {
    connection = undefined;
    throw error;
  });
  return connection;
}
