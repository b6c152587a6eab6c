import type { z } from 'zod';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
}

/** Rebuilds a value with its keys in schema order; `null` for a leaf copied as is. */
type Reorder = ((value: unknown) => unknown) | null;

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const compiled = new WeakMap<z.ZodType, Reorder>();

/** Turns a schema into a function once, so each record costs only the copying. */
function compile(schema: z.ZodType): Reorder {
  if (compiled.has(schema)) return compiled.get(schema) ?? null;
  const def = defOf(schema);
  let reorder: Reorder = null;
  if (def.type === 'object' && def.shape) {
    const fields = Object.entries(def.shape).map(([key, child]) => [key, compile(child)] as const);
    reorder = (value) => {
      if (value === null || typeof value !== 'object') return value;
      const source = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [key, child] of fields) {
        if (!Object.hasOwn(source, key)) continue;
        const v = source[key];
        out[key] = child && v !== null && v !== undefined ? child(v) : v;
      }
      return out;
    };
  } else if (def.type === 'array' && def.element) {
    const item = compile(def.element);
    reorder = item ? (value) => (Array.isArray(value) ? value.map(item) : value) : null;
  } else if (def.innerType && /^(nullable|optional|default|catch|readonly)$/.test(def.type)) {
    reorder = compile(def.innerType);
  }
  compiled.set(schema, reorder);
  return reorder;
}

/**
 * A copy of `value` with object keys in the order `schema` declares them, as
 * `schema.parse` would give, without validating. For data that was validated
 * when it was written (every record in the store): exports keep their stable
 * key order at a fraction of a full parse's cost.
 */
export function orderKeysLike<T>(schema: z.ZodType, value: T): T {
  const reorder = compile(schema);
  return (reorder ? reorder(value) : value) as T;
}
