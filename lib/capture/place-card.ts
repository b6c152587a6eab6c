/** A rectangle in viewport pixels. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

const GAP = 12;
const MARGIN = 8;

/** Area of the part of `a` that `b` covers. */
function overlap(a: Box, b: Box): number {
  const width = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
  const height = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  return Math.max(0, width) * Math.max(0, height);
}

/**
 * Where to put a card of size `card` next to `target` inside `viewport`
 * (width, height): right of it, else left, else below, else above, and if
 * nothing fits, the corner that covers the least; always fully on screen.
 */
export function placeCard(
  target: Box,
  card: { width: number; height: number },
  viewport: { width: number; height: number },
): { left: number; top: number } {
  const clampX = (x: number) => Math.max(MARGIN, Math.min(x, viewport.width - card.width - MARGIN));
  const clampY = (y: number) => Math.max(MARGIN, Math.min(y, viewport.height - card.height - MARGIN));
  // Every answer is clamped: for a target scrolled partly out of view (a
  // negative `left`, a `top` below the fold) a side can "fit" and still be
  // off screen.
  const at = (left: number, top: number) => ({ left: clampX(left), top: clampY(top) });
  const right = target.left + target.width + GAP;
  if (right + card.width + MARGIN <= viewport.width) return at(right, target.top);
  const left = target.left - GAP - card.width;
  if (left >= MARGIN) return at(left, target.top);
  const below = target.top + target.height + GAP;
  if (below + card.height + MARGIN <= viewport.height) return at(target.left, below);
  const above = target.top - GAP - card.height;
  if (above >= MARGIN) return at(target.left, above);
  // No side fits: the corner that covers the least of the target.
  const corners = [at(Infinity, Infinity), at(0, Infinity), at(Infinity, 0), at(0, 0)];
  const covered = (c: { left: number; top: number }) => overlap(target, { ...c, ...card });
  return corners.reduce((best, c) => (covered(c) < covered(best) ? c : best));
}
