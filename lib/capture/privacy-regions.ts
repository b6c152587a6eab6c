import { boxInTopWindow, sameOriginFrames } from './frame-path';
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
 * matching the user's mask selector, in `doc` and its same-origin iframes
 * (boxes in `doc`'s viewport). Only boxes that touch the viewport.
 */
export function sensitiveRegions(doc: Document, maskSelector = ''): Box[] {
  const win = doc.defaultView;
  const width = win?.innerWidth ?? 0;
  const height = win?.innerHeight ?? 0;
  const boxes: Box[] = [];
  for (const scope of [doc, ...(win ? sameOriginFrames(win).map((frame) => frame.document) : [])]) {
    const candidates = scope.querySelectorAll('input, textarea, select, [contenteditable], [autocomplete]');
    const extra = maskSelector ? Array.from(scope.querySelectorAll(maskSelector)) : [];
    for (const el of new Set([...Array.from(candidates), ...extra])) {
      if (!isSensitiveField(el, maskSelector)) continue;
      const r = boxInTopWindow(el);
      const outside = r.left + r.width < 0 || r.top + r.height < 0 || r.left > width || r.top > height;
      if (r.width > 0 && r.height > 0 && !outside) boxes.push(r);
    }
  }
  return boxes;
}
