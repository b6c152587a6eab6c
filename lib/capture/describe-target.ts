import { finder } from '@medv/finder';
import type { Anchor, TextQuote } from '../model/touchpoint';
import { accessibleName, roleOf } from './accessible';
import { CROSSING, containersOf } from './frame-path';
import { isInsidePrivate, isPrivateElement, readableText } from './page-text';
import { contextText, maskAndCut } from './selection-quote';

const QUOTE_LIMIT = 300;

/** Options for describing a tagged element. */
export interface DescribeOptions {
  /** Elements matching this selector are treated as private (never read). */
  maskSelector?: string;
  /** Time budget for selector search; long on huge pages is worse than long selectors. */
  selectorTimeoutMs?: number;
}

/** Class names that look generated (CSS modules, CSS-in-JS): unstable across builds. */
function isStableClassName(name: string): boolean {
  return /^[a-z][a-z-]*[a-z]$/i.test(name) && !/^(css|sc|jsx|emotion|tw)-/.test(name) && name.length < 40;
}

/**
 * A short unique CSS selector within `el`'s document or shadow root, or the
 * XPath-derived path if the search fails.
 */
export function cssSelectorFor(el: Element, timeoutMs = 200): string {
  const root = el.getRootNode();
  try {
    return finder(el, {
      // finder only calls `querySelectorAll` on its root, which a shadow root has.
      root: root.nodeType === 11 ? (root as unknown as Element) : (el.ownerDocument.body ?? undefined),
      className: isStableClassName,
      timeoutMs,
    });
  } catch {
    return structuralSelector(el);
  }
}

/** `html > body > div:nth-child(2) > button:nth-child(1)`: always valid, never pretty. */
export function structuralSelector(el: Element): string {
  const parts: string[] = [];
  for (let node: Element | null = el; node; node = node.parentElement) {
    const tag = node.localName;
    const parent: Element | null = node.parentElement;
    parts.unshift(parent ? `${tag}:nth-child(${Array.prototype.indexOf.call(parent.children, node) + 1})` : tag);
  }
  return parts.join(' > ');
}

/** An absolute XPath such as `/html/body/div[2]/button[1]`. */
export function xpathFor(el: Element): string {
  const parts: string[] = [];
  for (let node: Element | null = el; node; node = node.parentElement) {
    const siblings = node.parentElement
      ? Array.from(node.parentElement.children).filter((s) => s.localName === node!.localName)
      : [node];
    const name = node.namespaceURI === 'http://www.w3.org/1999/xhtml' ? node.localName : `*[local-name()='${node.localName}']`;
    parts.unshift(`${name}[${siblings.indexOf(node) + 1}]`);
  }
  return `/${parts.join('/')}`;
}

/**
 * Text of a form control a person can read without seeing what was typed.
 * Labels are read with `readableText`, not `textContent`: a label that wraps
 * a textarea or a select has the typed text or the chosen option inside it.
 */
function controlLabel(el: Element, maskSelector: string): string {
  const button = el.localName === 'input' && /^(submit|button|reset)$/i.test(el.getAttribute('type') ?? '');
  if (button) return el.getAttribute('value') ?? '';
  const doc = el.ownerDocument;
  const read = (label: Element | null | undefined) => (label ? readableText(label, QUOTE_LIMIT, maskSelector) : '');
  const labelledBy = el.getAttribute('aria-labelledby');
  const id = el.getAttribute('id');
  const forLabel = id ? Array.from(doc.querySelectorAll('label')).find((l) => l.htmlFor === id) : null;
  // `||`, not `??`: an empty label (one that only wraps the field) should not hide the placeholder.
  return (
    el.getAttribute('aria-label') ||
    read(labelledBy ? doc.getElementById(labelledBy) : null) ||
    read(forLabel) ||
    read(el.closest('label')) ||
    el.getAttribute('placeholder') ||
    ''
  );
}

/** The W3C TextQuoteSelector of an element, with personal data masked. */
export function textQuoteFor(el: Element, maskSelector = ''): TextQuote {
  // Read twice the limit so that masking, which can shorten text, still leaves `QUOTE_LIMIT` characters.
  const own =
    isPrivateElement(el, maskSelector) || isInsidePrivate(el, maskSelector)
      ? controlLabel(el, maskSelector)
      : readableText(el, QUOTE_LIMIT * 2, maskSelector);
  const parent = el.parentNode;
  const index = parent ? Array.prototype.indexOf.call(parent.childNodes, el) : 0;
  return {
    exact: maskAndCut(own, QUOTE_LIMIT),
    // The boundary points just before and just after the element.
    prefix: parent ? contextText(parent, index, 'before', maskSelector) : '',
    suffix: parent ? contextText(parent, index + 1, 'after', maskSelector) : '',
  };
}

/**
 * Everything needed to find `el` again: selector, XPath, text quote, tag.
 * Inside a same-origin iframe or an open shadow root, the selector and XPath
 * are steps joined by `CROSSING` (`iframe#pay >>> button.submit`).
 */
export function describeTarget(el: Element, options: DescribeOptions = {}): Anchor {
  const maskSelector = options.maskSelector ?? '';
  const path = [...containersOf(el), el];
  return {
    selector: path.map((step) => cssSelectorFor(step, options.selectorTimeoutMs)).join(CROSSING),
    xpath: path.map(xpathFor).join(CROSSING),
    quote: textQuoteFor(el, maskSelector),
    tagName: el.localName,
    role: roleOf(el),
    name: accessibleName(el, maskSelector),
  };
}

/** The anchor of a whole-page touchpoint: no element, the page's heading as quote. */
export function describePage(doc: Document): Anchor {
  const heading = doc.querySelector('h1');
  return {
    selector: '',
    xpath: '',
    quote: { exact: heading ? maskAndCut(readableText(heading, QUOTE_LIMIT * 2), QUOTE_LIMIT) : '', prefix: '', suffix: '' },
    tagName: 'html',
    role: '',
    name: '',
  };
}
