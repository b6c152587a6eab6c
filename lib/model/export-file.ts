import { z } from 'zod';
import { Timestamp } from './common';
import { Journey } from './journey';
import { Touchpoint } from './touchpoint';

/** The export format's current version; bump it with a migration on import. */
export const SCHEMA_VERSION = 1;

/** A Waymark export: the unit teams exchange and merge. */
export const ExportFile = z
  .strictObject({
    format: z.literal('waymark'),
    schemaVersion: z.literal(SCHEMA_VERSION),
    exportedAt: Timestamp,
    /** The program that wrote the file, e.g. `Waymark 0.1.0`. */
    generator: z.string().min(1).max(200),
    journeys: z.array(Journey),
    touchpoints: z.array(Touchpoint),
  })
  .superRefine((file, ctx) => {
    const journeyIds = new Set(file.journeys.map((j) => j.id));
    file.touchpoints.forEach((tp, index) => {
      if (!journeyIds.has(tp.journeyId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['touchpoints', index, 'journeyId'],
          message: `touchpoint ${tp.id} refers to journey ${tp.journeyId}, which is not in the file`,
        });
      }
    });
  });
export type ExportFile = z.infer<typeof ExportFile>;
