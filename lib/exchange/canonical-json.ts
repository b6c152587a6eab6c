/**
 * The canonical JSON of plain JSON data: object keys sorted by code unit, no
 * spaces, keys whose value is `undefined` left out (as `JSON.stringify` does).
 * Two records with the same content give the same text whatever their key
 * order, so the text can be compared and hashed.
 *
 * Built by `JSON.stringify` with the sorted list of every key in the value as
 * its replacer: that list both keeps all keys and sets their order in every
 * object, and native stringify is several times faster than joining strings.
 */
export function canonicalJson(value: unknown): string {
  const keys = new Set<string>();
  collectKeys(value, keys);
  return JSON.stringify(value, [...keys].sort()) ?? 'null';
}

function collectKeys(value: unknown, keys: Set<string>): void {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) collectKeys(item, keys);
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    keys.add(key);
    collectKeys(item, keys);
  }
}

/**
 * Whether two values of plain JSON data have the same content: the cheap
 * way to find identical records, which are common in a merge. Equal values
 * have equal `canonicalJson` (the converse holds except for keys whose value
 * is `undefined`, which JSON drops).
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  if (Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  const [ra, rb] = [a as Record<string, unknown>, b as Record<string, unknown>];
  return keysA.every((key) => Object.hasOwn(rb, key) && jsonEqual(ra[key], rb[key]));
}

/**
 * FNV-1a 64 of the UTF-8 bytes of `text`, as 16 lower-case hex digits
 * (http://www.isthe.com/chongo/tech/comp/fnv/). Equal-length hex strings
 * compare like the numbers they spell.
 *
 * Hand-written because merging must be synchronous and pure: WebCrypto's
 * `digest` is async, and a dependency would be large for 30 lines. The 64-bit
 * state is kept as two 32-bit halves so it needs no BigInt (about 50x slower);
 * multiplying by the prime 2^40 + 0x1b3 is `h * 0x1b3 + (h << 40)`.
 */
export function fnv1a64(text: string): string {
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  const step = (byte: number) => {
    lo ^= byte;
    const low = (lo >>> 0) * 0x1b3;
    const carry = Math.floor(low / 0x1_0000_0000);
    hi = (hi * 0x1b3 + carry + (lo << 8)) >>> 0;
    lo = low >>> 0;
  };
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      step(code);
      continue;
    }
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        i++;
      }
    }
    if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd; // a lone surrogate, encoded as U+FFFD like TextEncoder does
    for (const byte of utf8Bytes(code)) step(byte);
  }
  return hi.toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

/** The UTF-8 bytes of one code point at or above U+0080. */
function utf8Bytes(code: number): number[] {
  if (code < 0x800) return [0xc0 | (code >> 6), 0x80 | (code & 0x3f)];
  if (code < 0x10000) return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
  return [0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
}
