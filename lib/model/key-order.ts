import type * as z from 'zod/mini';

interface Def {
  type: string;
  shape?: Record<string, z.core.$ZodType>;
  innerType?: z.core.$ZodType;
  element?: z.core.$ZodType;
}

/** Rebuilds a value with its keys in schema order; `null` for a leaf copied as is. */
type Reorder = ((value: unknown) => unknown) | null;

const defOf = (schema: z.core.$ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const compiled = new WeakMap<z.core.$ZodType, Reorder>();

/** Turns a schema into a function once, so each record costs only the copying. */
function compile(schema: z.core.$ZodType): Reorder {
  if (compiled.has(schema)) return compiled.get(schema) ?? null;
  const def = defOf(schema);
  let reorder: Reorder = null;
  if (def.type === 'object' && def.shape) {
    const fields = Object.entries(def.shape).map(([key, child]) => [key, compile(child)] as const);
    reorder = (value) => {
      if (value === null || typeof value !== 'object') return value;
      const source = value as Record<string, unknown>;
      // A record already in schema order (the store writes them so) is returned as it is: no copy.
      const keys = Object.keys(source);
      const values: unknown[] = [];
      let inOrder = true;
      let at = 0;
      for (const [key, child] of fields) {
        if (!Object.hasOwn(source, key)) continue;
        const v = source[key];
        const ordered = child && v !== null && v !== undefined ? child(v) : v;
        if (ordered !== v || keys[at] !== key) inOrder = false;
        values.push(ordered);
        at++;
      }
      if (inOrder && at === keys.length) return source;
      const out: Record<string, unknown> = {};
      let i = 0;
      for (const [key] of fields) if (Object.hasOwn(source, key)) out[key] = values[i++];
      return out;
    };
  } else if (def.type === 'array' && def.element) {
    const item = compile(def.element);
    reorder = item
      ? (value) => {
          if (!Array.isArray(value)) return value;
          const mapped = value.map(item);
          return mapped.every((v, i) => v === value[i]) ? value : mapped;
        }
      : null;
  } else if (def.innerType && /^(nullable|optional|default|catch|readonly)$/.test(def.type)) {
    reorder = compile(def.innerType);
  }
  compiled.set(schema, reorder);
  return reorder;
}

/**
 * `value` with object keys in the order `schema` declares them, as
 * `schema.parse` would give, without validating: the value itself when it is
 * in that order already, else a copy. For data that was validated
 * when it was written (every record in the store): exports keep their stable
 * key order at a fraction of a full parse's cost.
 */
export function orderKeysLike<T>(schema: z.core.$ZodType, value: T): T {
  const reorder = compile(schema);
  return (reorder ? reorder(value) : value) as T;
}
