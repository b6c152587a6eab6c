import * as z from 'zod/mini';
import { Timestamp } from './common';
import { Interaction } from './interaction';
import { Journey } from './journey';
import { Study } from './study';
import { Tombstone } from './tombstone';
import { Touchpoint } from './touchpoint';

/** The export format's current version; older files are migrated on import. */
export const SCHEMA_VERSION = 4;

/**
 * A Waymark export: the unit teams exchange and merge. Every record has an id,
 * `updatedAt` and `author`; deletions travel as tombstones. `exportedAt` is
 * the time of the newest change the file holds, so the same data always
 * gives the same bytes.
 */
export const ExportFile = z
  .strictObject({
    format: z.literal('waymark'),
    schemaVersion: z.literal(SCHEMA_VERSION),
    exportedAt: Timestamp,
    /** The program that wrote the file, e.g. `Waymark 0.1.0`. */
    generator: z.string().check(z.minLength(1), z.maxLength(200)),
    /** The studies of the journeys (a member file holds those its author last changed). */
    studies: z.array(Study),
    journeys: z.array(Journey),
    touchpoints: z.array(Touchpoint),
    interactions: z.array(Interaction),
    tombstones: z.array(Tombstone),
  })
  .check(
    z.superRefine((file, ctx) => {
      const seen = new Map<string, string>();
      const once = (id: string, path: (string | number)[]) => {
        const first = seen.get(id);
        if (first) ctx.addIssue({ code: 'custom', path, message: `id ${id} appears twice (first at ${first})` });
        else seen.set(id, path.join('.'));
      };
      for (const list of ['studies', 'journeys', 'touchpoints', 'interactions', 'tombstones'] as const) {
        file[list].forEach((record, i) => {
          once(record.id, [list, i, 'id']);
        });
      }
      const journeyIds = new Set([
        ...file.journeys.map((j) => j.id),
        ...file.tombstones.filter((t) => t.recordType === 'journey').map((t) => t.id),
      ]);
      for (const list of ['touchpoints', 'interactions'] as const) {
        const kind = list === 'touchpoints' ? 'touchpoint' : 'interaction';
        file[list].forEach((record, index) => {
          if (!journeyIds.has(record.journeyId)) {
            ctx.addIssue({
              code: 'custom',
              path: [list, index, 'journeyId'],
              message: `${kind} ${record.id} refers to journey ${record.journeyId}, which is not in the file`,
            });
          }
        });
      }
    }),
  );
export type ExportFile = z.infer<typeof ExportFile>;
