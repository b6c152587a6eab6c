/** Anything with an id and a time in ms. */
export interface Timed {
  id: string;
  at: number;
}

/**
 * Events in (at, id) order, as a new array: what session assembly needs
 * first. `at` must be finite (NaN has no place in an order).
 *
 * A comparator sort of a million objects takes seconds, so the times are
 * sorted as numbers: a stable radix sort of their bit patterns (made to sort
 * like the numbers), carrying each event's index; then the rare runs of equal
 * times are ordered by id.
 */
export function sortByTime<T extends Timed>(events: readonly T[]): T[] {
  const n = events.length;
  const times = new Float64Array(n);
  for (let i = 0; i < n; i++) times[i] = events[i]!.at + 0; // + 0 turns -0 into 0
  const { index, keyHi, keyLo } = radixOrder(times);
  const out = new Array<T>(n);
  for (let k = 0; k < n; k++) out[k] = events[index[k]!]!;
  // Equal times have equal keys; the keys are in order, the events are scattered in memory.
  for (let start = 0, end = 1; start < n; start = end++) {
    while (end < n && keyHi[end] === keyHi[start] && keyLo[end] === keyLo[start]) end++;
    if (end - start > 1) sortRunById(out, start, end);
  }
  return out;
}

// Which 32-bit half of a double holds the sign and exponent (1 on little-endian machines).
const HIGH = new Uint32Array(new Float64Array([-0]).buffer)[1] === 0x80000000 ? 1 : 0;

/**
 * The indices of `times` in ascending order, equal times in index order, and
 * the sort keys in that order: an LSD radix sort, one byte per pass, skipping
 * the bytes all times share (the high bytes of nearby timestamps), so it is a
 * few linear passes.
 */
function radixOrder(times: Float64Array): { index: Uint32Array; keyHi: Uint32Array; keyLo: Uint32Array } {
  const n = times.length;
  const words = new Uint32Array(times.buffer);
  let keyHi = new Uint32Array(n);
  let keyLo = new Uint32Array(n);
  let index = new Uint32Array(n);
  const counts = new Uint32Array(8 * 256);
  for (let i = 0; i < n; i++) {
    let hi = words[2 * i + HIGH]!;
    let lo = words[2 * i + 1 - HIGH]!;
    // Negative numbers: flip every bit (larger magnitude sorts first); others: flip the sign bit.
    if (hi >= 0x80000000) {
      hi = ~hi >>> 0;
      lo = ~lo >>> 0;
    } else hi = (hi | 0x80000000) >>> 0;
    keyHi[i] = hi;
    keyLo[i] = lo;
    index[i] = i;
    for (let b = 0; b < 4; b++) {
      counts[b * 256 + ((lo >>> (8 * b)) & 255)]!++;
      counts[(b + 4) * 256 + ((hi >>> (8 * b)) & 255)]!++;
    }
  }
  let [nextHi, nextLo, nextIndex] = [new Uint32Array(n), new Uint32Array(n), new Uint32Array(n)];
  for (let pass = 0; pass < 8; pass++) {
    const count = counts.subarray(pass * 256, pass * 256 + 256);
    if (count.includes(n)) continue; // every key has the same byte here
    const key = pass < 4 ? keyLo : keyHi;
    const shift = 8 * (pass % 4);
    const offset = new Uint32Array(256);
    for (let d = 1; d < 256; d++) offset[d] = offset[d - 1]! + count[d - 1]!;
    for (let k = 0; k < n; k++) {
      const to = offset[(key[k]! >>> shift) & 255]!++;
      nextHi[to] = keyHi[k]!;
      nextLo[to] = keyLo[k]!;
      nextIndex[to] = index[k]!;
    }
    [keyHi, nextHi, keyLo, nextLo, index, nextIndex] = [nextHi, keyHi, nextLo, keyLo, nextIndex, index];
  }
  return { index, keyHi, keyLo };
}

function sortRunById(events: Timed[], start: number, end: number): void {
  const run = events.slice(start, end).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 0; i < run.length; i++) events[start + i] = run[i]!;
}
