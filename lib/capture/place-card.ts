/** A rectangle in viewport pixels. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

const GAP = 12;
const MARGIN = 8;

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
  const right = target.left + target.width + GAP;
  if (right + card.width + MARGIN <= viewport.width) return { left: right, top: clampY(target.top) };
  const left = target.left - GAP - card.width;
  if (left >= MARGIN) return { left, top: clampY(target.top) };
  const below = target.top + target.height + GAP;
  if (below + card.height + MARGIN <= viewport.height) return { left: clampX(target.left), top: below };
  const above = target.top - GAP - card.height;
  if (above >= MARGIN) return { left: clampX(target.left), top: above };
  return { left: clampX(viewport.width - card.width), top: clampY(viewport.height - card.height) };
}
