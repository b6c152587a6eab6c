import { openWaymarkDb } from '@/lib/store/open-db';
import type { WaymarkDatabase } from '@/lib/store/schema';

/** A connection is a cache, not state: if it fails, the next call reopens. */
let connection: Promise<WaymarkDatabase> | undefined;

/** The worker's database connection, opened on first use. */
export function db(): Promise<WaymarkDatabase> {
  connection ??= openWaymarkDb().catch((error: unknown) => {
    connection = undefined;
    throw error;
  });
  return connection;
}
