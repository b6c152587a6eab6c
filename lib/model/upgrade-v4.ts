import { DEFAULT_STUDY_ID } from './vocabulary';

/**
 * How records of version 3 (export schema 3, database version 3) become
 * version 4: every journey belongs to a study (the default study, run on its
 * brand's site, no script answers yet) and touchpoints gain an owner (`null`:
 * suggested from the page's domain). Used by the export migration and the
 * database migration alike. Frozen as released: never edit.
 * New fields go last, where the schemas declare them, so records stay in
 * schema key order.
 */

type Loose = Record<string, unknown>;

export function journeyV3toV4(journey: Loose): Loose {
  return {
    ...journey,
    studyId: DEFAULT_STUDY_ID,
    siteId: 'brand',
    answers: [],
    ...pick(journey, ['studyId', 'siteId', 'answers']),
  };
}

export function touchpointV3toV4(touchpoint: Loose): Loose {
  return { ...touchpoint, owner: null, ...pick(touchpoint, ['owner']) };
}

/** The fields of `record` among `keys` that are present (a half-migrated record keeps its values). */
function pick(record: Loose, keys: readonly string[]): Loose {
  const out: Loose = {};
  for (const key of keys) if (Object.hasOwn(record, key)) out[key] = record[key];
  return out;
}
