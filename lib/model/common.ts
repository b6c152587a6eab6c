import { z } from 'zod';

/** A record id: a UUID, made where the record is created. */
export const Id = z.uuid();

/** An ISO-8601 UTC timestamp such as `2026-11-25T12:00:00.000Z`. */
export const Timestamp = z.iso.datetime();

/** Upper bound for free text fields, so one hostile page cannot bloat the store. */
export const MAX_TEXT = 10_000;

/**
 * Who made or last changed a record: the researcher's name or team member id,
 * as set in Waymark's settings (empty when not set). Breaks merge ties.
 */
export const Author = z.string().trim().max(200);
