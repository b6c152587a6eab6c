import type * as z from 'zod/mini';

/**
 * zod issues in a researcher's words, with paths such as
 * `touchpoints[3].emotion`. Used for imports and teammates' files and for
 * requests the worker rejects: the extension loads no zod locale (it would
 * cost the worker bundle), so messages are made here from issue codes.
 */

/** Something wrong with a value: where (`touchpoints[3].emotion`, or `` for the whole value) and why. */
export interface Problem {
  path: string;
  message: string;
}

/** How many problems are listed before "…and N more problems". */
export const MAX_PROBLEMS_SHOWN = 5;

type Path = readonly PropertyKey[];

/** The first few schema problems as path and reason, then how many more there are. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], data: unknown): Problem[] {
  const problems = issues.flatMap((issue): Problem[] =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key): Problem => ({ path: formatPath([...issue.path, key]), message: 'is not a field Waymark knows' }))
      : [{ path: formatPath(issue.path), message: describeIssue(issue, valueAt(data, issue.path)) }],
  );
  const shown = problems.slice(0, MAX_PROBLEMS_SHOWN);
  const more = problems.length - shown.length;
  if (more > 0) shown.push({ path: '', message: `…and ${more} more problem${more === 1 ? '' : 's'}` });
  return shown;
}

const FORMATS: Record<string, string> = {
  uuid: 'must be an id (a UUID such as 0b8f6f7e-3c59-4d0c-9f55-2a1d7c1c9a01)',
  datetime: 'must be a UTC time such as 2026-11-25T12:00:00.000Z (with the Z)',
  url: 'must be a full web address such as https://shop.example/cart',
};

/** One zod issue in a researcher's words; `input` is the value found at the issue's path. */
function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}`
        : `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_type':
      if (input === undefined) return 'is missing';
      if (issue.expected === 'int' && typeof input === 'number') return 'must be a whole number';
      return `must be ${TYPES[issue.expected] ?? issue.expected}, not ${TYPES[typeOf(input)] ?? typeOf(input)}`;
    case 'invalid_format':
      return FORMATS[issue.format] ?? 'is not in the expected format';
    case 'too_big':
      return describeLimit('at most', issue.maximum, issue.origin, input, issue.inclusive);
    case 'too_small':
      if (issue.origin === 'string' && issue.minimum === 1) return 'must not be empty';
      return describeLimit('at least', issue.minimum, issue.origin, input, issue.inclusive);
    default:
      return issue.message; // custom checks (duplicate ids, missing journeys) speak for themselves
  }
}

export const TYPES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

function describeLimit(bound: string, limit: number | bigint, origin: string, input: unknown, inclusive = true): string {
  const n = groupDigits(Number(limit));
  if (origin === 'string' && typeof input === 'string')
    return `has ${groupDigits(input.length)} characters; ${bound} ${n} are allowed`;
  if (origin === 'array' && Array.isArray(input)) return `has ${groupDigits(input.length)} items; ${bound} ${n} are allowed`;
  if (!inclusive) return `must be ${bound === 'at most' ? 'less' : 'greater'} than ${n}`;
  return `must be ${bound} ${n}`;
}

export const groupDigits = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** A JSON value's type as zod names it. */
export const typeOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** The value at a zod path, looking only at own properties. */
function valueAt(data: unknown, path: Path): unknown {
  let value = data;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** `touchpoints[3].emotion`; keys that are not plain names are quoted and shortened. */
export function formatPath(path: Path): string {
  return path
    .map((key, i) => {
      if (typeof key === 'number') return `[${key}]`;
      const name = String(key);
      if (/^[A-Za-z_$][\w$]*$/.test(name) && name.length <= 64) return i === 0 ? name : `.${name}`;
      return `[${JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name)}]`;
    })
    .join('');
}
