import { maskSensitiveText } from './mask-text';
import { isInsidePrivate, normalizeSpace, readableText } from './page-text';

/**
 * An element's ARIA role and accessible name, close enough to the spec for a
 * researcher's label (`button "Add to cart"`). Hand-written rather than
 * `dom-accessibility-api`: that library's full name computation is larger
 * than the passive recorder's whole budget (5 KB gzip), and a label does not
 * need the spec's every step. Typed values are never read: a field's name
 * comes from its label, never from what is in it.
 */

const NAME_LIMIT = 120;

const INPUT_ROLES: Record<string, string> = {
  button: 'button',
  submit: 'button',
  reset: 'button',
  image: 'button',
  checkbox: 'checkbox',
  radio: 'radio',
  range: 'slider',
  number: 'spinbutton',
  search: 'searchbox',
  email: 'textbox',
  tel: 'textbox',
  text: 'textbox',
  url: 'textbox',
  password: 'textbox',
};

const TAG_ROLES: Record<string, string> = {
  button: 'button',
  select: 'combobox',
  textarea: 'textbox',
  img: 'img',
  nav: 'navigation',
  main: 'main',
  form: 'form',
  ul: 'list',
  ol: 'list',
  li: 'listitem',
  table: 'table',
  dialog: 'dialog',
  summary: 'button',
  h1: 'heading',
  h2: 'heading',
  h3: 'heading',
  h4: 'heading',
  h5: 'heading',
  h6: 'heading',
};

/** The explicit `role`, or the one HTML implies; empty when none. */
export function roleOf(el: Element): string {
  const explicit = el.getAttribute('role')?.trim().split(/\s+/)[0];
  if (explicit) return explicit.toLowerCase().slice(0, 64);
  const tag = el.localName;
  if (tag === 'a' || tag === 'area') return el.hasAttribute('href') ? 'link' : '';
  if (tag === 'input') return INPUT_ROLES[(el.getAttribute('type') ?? 'text').toLowerCase()] ?? 'textbox';
  return TAG_ROLES[tag] ?? '';
}

const isField = (el: Element) => /^(input|textarea|select)$/.test(el.localName) && roleOf(el) !== 'button';

/** The accessible name, masked and cut short; for fields, the label only. */
export function accessibleName(el: Element, maskSelector = ''): string {
  // Mask before cutting: a card number cut in half no longer looks like one.
  return maskSensitiveText(unmaskedAccessibleName(el, maskSelector)).slice(0, NAME_LIMIT);
}

/**
 * The accessible name as the page shows it, not yet masked (up to `limit`
 * characters), for code that masks it elsewhere: the passive recorder sends
 * it to the worker, which masks before anything is stored. Typed values and
 * private text are never read here either.
 */
export function unmaskedAccessibleName(el: Element, maskSelector = '', limit = 1_000): string {
  const doc = el.ownerDocument;
  const byIds = (ids: string) =>
    ids
      .split(/\s+/)
      .map((id) => doc.getElementById(id))
      .map((ref) => (ref ? readableText(ref, limit, maskSelector) : ''))
      .join(' ');
  let name = el.getAttribute('aria-label') || byIds(el.getAttribute('aria-labelledby') ?? '');
  if (!name && isField(el)) {
    const id = el.getAttribute('id');
    const label = (id ? Array.from(doc.querySelectorAll('label')).find((l) => l.htmlFor === id) : null) ?? el.closest('label');
    name = (label ? readableText(label, limit, maskSelector) : '') || el.getAttribute('placeholder') || '';
  } else if (!name && el.localName === 'input') {
    name = el.getAttribute('value') || el.getAttribute('alt') || '';
  } else if (!name) {
    // Text inside an editable region or a masked element is what someone typed or must not be read.
    const text = isInsidePrivate(el, maskSelector) ? '' : readableText(el, limit, maskSelector);
    name =
      (el.localName === 'img' ? el.getAttribute('alt') : null) || text || el.querySelector('img[alt]')?.getAttribute('alt') || '';
  }
  name ||= el.getAttribute('title') ?? '';
  return normalizeSpace(name).slice(0, limit);
}
