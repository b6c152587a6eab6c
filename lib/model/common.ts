import * as z from 'zod/mini';

/** A record id: a UUID, made where the record is created. */
export const Id = z.uuid();

/** An ISO-8601 UTC timestamp such as `2026-11-25T12:00:00.000Z`. */
export const Timestamp = z.iso.datetime();

/** Upper bound for free text fields, so one hostile page cannot bloat the store. */
export const MAX_TEXT = 10_000;

/** A string of at most `max` characters. */
export const text = (max: number) => z.string().check(z.maxLength(max));

/** A string trimmed of surrounding white space, then `min`..`max` characters long. */
export const trimmed = (min: number, max: number) =>
  min > 0 ? z.string().check(z.trim(), z.minLength(min), z.maxLength(max)) : z.string().check(z.trim(), z.maxLength(max));

/** An integer in `min`..`max`. */
export const integer = (min: number, max: number) => z.int().check(z.gte(min), z.lte(max));

/** A number of at least 0. */
export const nonNegative = () => z.number().check(z.gte(0));

/** An array of at most `max` items. */
export const list = <T extends z.core.SomeType>(item: T, max: number) => z.array(item).check(z.maxLength(max));

/**
 * Who made or last changed a record: the researcher's name or team member id,
 * as set in Waymark's settings (empty when not set). Breaks merge ties.
 */
export const Author = trimmed(0, 200);
