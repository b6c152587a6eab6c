import type { Box } from './place-card';

/** Inputs whose value is a choice or a label, never something typed. */
const UNTYPED = /^(hidden|submit|button|reset|checkbox|radio|range|color|file|image)$/i;

/** True when `el` shows something the user typed, or is sensitive by nature. */
export function isSensitiveField(el: Element, maskSelector = ''): boolean {
  if (maskSelector && el.matches(maskSelector)) return true;
  const tag = el.localName;
  const autocomplete = el.getAttribute('autocomplete') ?? '';
  if (/(^|\s)cc-/.test(autocomplete) || /password/.test(autocomplete)) return true;
  if (tag === 'input') {
    const input = el as HTMLInputElement;
    if (input.type === 'password') return true;
    return !UNTYPED.test(input.type) && input.value !== '';
  }
  if (tag === 'textarea') return (el as HTMLTextAreaElement).value !== '';
  if (tag === 'select') return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false' && (el.textContent ?? '').trim() !== '';
}

/**
 * The viewport boxes to black out in a screenshot: password and card fields,
 * every field holding a typed value, editable regions with text, and elements
 * matching the user's mask selector. Only boxes that touch the viewport.
 */
export function sensitiveRegions(doc: Document, maskSelector = ''): Box[] {
  const win = doc.defaultView;
  const width = win?.innerWidth ?? 0;
  const height = win?.innerHeight ?? 0;
  const candidates = doc.querySelectorAll('input, textarea, select, [contenteditable], [autocomplete]');
  const extra = maskSelector ? Array.from(doc.querySelectorAll(maskSelector)) : [];
  const boxes: Box[] = [];
  for (const el of new Set([...Array.from(candidates), ...extra])) {
    if (!isSensitiveField(el, maskSelector)) continue;
    const r = el.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0 || r.right < 0 || r.bottom < 0 || r.left > width || r.top > height) continue;
    boxes.push({ left: r.left, top: r.top, width: r.width, height: r.height });
  }
  return boxes;
}
