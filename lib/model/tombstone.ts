import * as z from 'zod/mini';
import { Author, Id, Timestamp } from './common';

/** The kinds of record a tombstone can stand for. */
export const RecordType = z.enum(['journey', 'touchpoint', 'interaction', 'study']);
export type RecordType = z.infer<typeof RecordType>;

/**
 * A deleted record, kept as a marker so the deletion travels through exports
 * and merges like any other change: in a merge it competes with the record
 * of the same id, and the newer `updatedAt` (the deletion time) wins.
 */
export const Tombstone = z.strictObject({
  id: Id,
  recordType: RecordType,
  /** When the record was deleted. */
  updatedAt: Timestamp,
  author: Author,
});
export type Tombstone = z.infer<typeof Tombstone>;
