import type { Anchor, TextQuote } from '../model/touchpoint';
import { textQuoteFor } from './describe-target';
import { CROSSING, contentRootOf } from './frame-path';
import { normalizeSpace, textWalker } from './page-text';

/**
 * Finding a tagged element again on a later visit: by its CSS selector, then
 * its XPath, then an approximate match of its text quote. Every way must
 * agree with the quote the element had when it was tagged, so a pin is never
 * put on the wrong element: when nothing agrees, or two elements agree
 * equally, the answer is "could not place".
 */

/** Where a touchpoint's element is now, and how it was found. */
export type Placement = { placed: true; element: Element; by: 'selector' | 'xpath' | 'quote' } | { placed: false };

/** Text agreement needed when the selector still matches (its text may have changed a little). */
const SELECTOR_AGREEMENT = 0.6;
/** Text agreement needed for the fallbacks: an XPath or a text search can land anywhere. */
const FALLBACK_AGREEMENT = 0.8;
/** How far ahead of any unrelated element the chosen one must score (text 0..4, context 0..2, tag 0..1). */
const MARGIN = 0.3;
/** How many ancestors of a matching text node are tried as the element. */
const MAX_CLIMB = 6;

const XHTML = 'http://www.w3.org/1999/xhtml';

/** Lower case, one space: how two quotes are compared. */
const canonical = (text: string) => normalizeSpace(text).toLowerCase();

/** Sørensen–Dice similarity of two texts' character bigrams: 1 is equal, 0 shares nothing. */
export function textSimilarity(a: string, b: string): number {
  const x = canonical(a);
  const y = canonical(b);
  if (x === y) return 1;
  if (x.length < 2 || y.length < 2) return 0;
  const bigrams = new Map<string, number>();
  for (let i = 0; i < x.length - 1; i++) {
    const pair = x.slice(i, i + 2);
    bigrams.set(pair, (bigrams.get(pair) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < y.length - 1; i++) {
    const pair = y.slice(i, i + 2);
    const left = bigrams.get(pair) ?? 0;
    if (left > 0) {
      shared++;
      bigrams.set(pair, left - 1);
    }
  }
  return (2 * shared) / (x.length - 1 + y.length - 1);
}

/**
 * How well an element's current (masked) text agrees with the quote it was
 * tagged with. A selection's quote is part of its element's text: there,
 * holding it whole is full agreement.
 */
function agreement(current: string, quote: string, partOf: boolean): number {
  if (partOf && quote && canonical(current).includes(canonical(quote))) return 1;
  return textSimilarity(current, quote);
}

/** A document, or an open shadow root: where one step of an anchor's path is looked for. */
type Scope = Document | ShadowRoot;

/** The one element `selector` matches, or `null` (none, several, or not a valid selector). */
function bySelector(doc: Scope, selector: string): Element | null {
  if (!selector) return null;
  try {
    const found = doc.querySelectorAll(selector);
    return found.length === 1 ? found[0]! : null;
  } catch {
    return null;
  }
}

/**
 * Resolves the absolute XPaths `xpathFor` writes (`/html[1]/body[1]/div[2]`,
 * `*[local-name()='svg'][1]`) by walking children, so it runs where
 * `document.evaluate` does not (happy-dom) and never runs a page's expression.
 */
export function resolveXPath(doc: Scope, xpath: string): Element | null {
  if (!xpath.startsWith('/')) return null;
  let context: ParentNode = doc;
  for (const step of xpath.slice(1).split('/')) {
    const match = /^(?:\*\[local-name\(\)='([^']+)'\]|([a-z][\w-]*))\[(\d+)\]$/.exec(step);
    if (!match) return null;
    const [, foreign, html, index] = match;
    const siblings = Array.from(context.children).filter((el) =>
      foreign ? el.localName === foreign : el.localName === html && el.namespaceURI === XHTML,
    );
    const next = siblings[Number(index) - 1];
    if (!next) return null;
    context = next;
  }
  return context === doc ? null : (context as Element);
}

/** The longest word of the quote that is not masked: what a text search looks for first. */
function probeWord(exact: string): string {
  const words = canonical(exact)
    .split(' ')
    .filter((word) => !word.includes('*'));
  return words.reduce((longest, word) => (word.length > longest.length ? word : longest), '');
}

/** A candidate found by text, with how well its text and its surroundings agree. */
interface Candidate {
  element: Element;
  text: number;
  score: number;
}

/** Scores `el` against the quote: its text must agree; prefix and suffix break ties. */
function score(el: Element, quote: TextQuote, tagName: string, partOf: boolean): Candidate | null {
  const current = textQuoteFor(el);
  const text = agreement(current.exact, quote.exact, partOf);
  if (text < FALLBACK_AGREEMENT) return null;
  // An empty stored prefix or suffix says nothing about where the element is.
  const around = (now: string, then: string) => (then ? textSimilarity(now, then) : 0);
  const context = around(current.prefix, quote.prefix) + around(current.suffix, quote.suffix);
  return { element: el, text, score: text * 4 + context + (el.localName === tagName ? 1 : 0) };
}

/**
 * Elements whose text agrees with the quote, found from the text nodes that
 * hold the quote's longest word and their nearest ancestors.
 */
function candidatesByQuote(scope: Scope, anchor: Anchor, partOf: boolean): Candidate[] {
  const probe = probeWord(anchor.quote.exact);
  if (probe.length < 2) return [];
  const seen = new Set<Element>();
  const out: Candidate[] = [];
  const doc = scope.nodeType === 9 ? (scope as Document) : scope.ownerDocument!;
  const walker = textWalker(doc, scope === doc ? (doc.body ?? doc.documentElement) : scope);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // The raw text is searched: the probe has no masked characters, and masking every text node of a big page is slow.
    if (node.nodeType !== 3 || !canonical(node.nodeValue ?? '').includes(probe)) continue;
    let el = node.parentElement;
    for (let depth = 0; el && depth < MAX_CLIMB && el !== doc.body; depth++, el = el.parentElement) {
      if (seen.has(el)) break;
      seen.add(el);
      const candidate = score(el, anchor.quote, anchor.tagName, partOf);
      if (candidate) out.push(candidate);
    }
  }
  return out;
}

/**
 * The best text candidate, or `null` when none agrees or the choice is
 * unsure: an unrelated element scores within `MARGIN` of the best. An element
 * and its ancestor with the same text (`<li><a>Cart</a></li>`) are one
 * place: the one with the tagged tag name, else the innermost, is taken.
 */
function bestByQuote(candidates: Candidate[]): Element | null {
  const sorted = [...candidates].sort((a, b) => b.score - a.score);
  const best = sorted[0];
  if (!best) return null;
  const related = (el: Element) => el.contains(best.element) || best.element.contains(el);
  const rival = sorted.find((c) => !related(c.element));
  if (rival && rival.score > best.score - MARGIN) return null;
  const tied = sorted.filter((c) => related(c.element) && c.score >= best.score - 1e-9).map((c) => c.element);
  return tied.find((el) => !tied.some((other) => other !== el && el.contains(other))) ?? best.element;
}

/** Options of `reanchor`. */
export interface ReanchorOptions {
  /** The quote is a selection inside the element, not all of its text. */
  partOf?: boolean;
}

/**
 * Finds the element of `anchor` in `doc`: the selector when it matches one
 * element whose tag and text agree, else the XPath under the same test with a
 * stricter text agreement, else the text quote (approximately, ties refused).
 * An anchor inside same-origin iframes or open shadow roots (steps joined by
 * `CROSSING`) first finds each iframe or host by its selector, else its XPath,
 * then the element in the innermost document or shadow root.
 */
export function reanchor(doc: Document, anchor: Anchor, options: ReanchorOptions = {}): Placement {
  const selectors = anchor.selector.split(CROSSING);
  const xpaths = anchor.xpath.split(CROSSING);
  let scope: Scope | null = doc;
  for (let step = 0; scope && step < selectors.length - 1; step++) {
    const container: Element | null = bySelector(scope, selectors[step]!) ?? resolveXPath(scope, xpaths[step] ?? '');
    scope = container && contentRootOf(container);
  }
  if (!scope) return { placed: false };
  const inner = { ...anchor, selector: selectors.at(-1)!, xpath: xpaths.length === selectors.length ? xpaths.at(-1)! : '' };
  return reanchorIn(scope, inner, options.partOf ?? false);
}

/** `reanchor` within one document or shadow root. */
function reanchorIn(doc: Scope, anchor: Anchor, partOf: boolean): Placement {
  const agrees = (el: Element | null, needed: number): el is Element =>
    el !== null && el.localName === anchor.tagName && agreement(textQuoteFor(el).exact, anchor.quote.exact, partOf) >= needed;
  const selected = bySelector(doc, anchor.selector);
  if (agrees(selected, SELECTOR_AGREEMENT)) return { placed: true, element: selected, by: 'selector' };
  const viaXPath = resolveXPath(doc, anchor.xpath);
  if (agrees(viaXPath, FALLBACK_AGREEMENT)) return { placed: true, element: viaXPath, by: 'xpath' };
  const found = bestByQuote(candidatesByQuote(doc, anchor, partOf));
  return found ? { placed: true, element: found, by: 'quote' } : { placed: false };
}
