import type { TextQuote } from '../model/touchpoint';
import { maskSensitiveText } from './mask-text';
import { isInsidePrivate, normalizeSpace, textWalker } from './page-text';

const QUOTE_LIMIT = 300;
const CONTEXT_LIMIT = 32;

/** The deepest last descendant of `node` (itself when it has no children). */
function lastDescendant(node: Node): Node {
  let last = node;
  while (last.lastChild) last = last.lastChild;
  return last;
}

/**
 * Text nodes (with the part of their text on that side) from a boundary point
 * of a range outwards, in reading order away from it: backwards for
 * `before`, forwards for `after`. Private text (typed, editable, masked) is
 * left out, but walked past.
 */
function* textFrom(
  walker: TreeWalker,
  container: Node,
  offset: number,
  direction: 'before' | 'after',
  maskSelector: string,
): Generator<[Node, string]> {
  const readable = (node: Node) => node.nodeType === 3 && !isInsidePrivate(node, maskSelector);
  const value = (node: Node) => (readable(node) ? (node.nodeValue ?? '') : '');
  const move = () => (direction === 'before' ? walker.previousNode() : walker.nextNode());
  if (container.nodeType === 3) {
    const text = value(container);
    yield [container, direction === 'before' ? text.slice(0, offset) : text.slice(offset)];
    walker.currentNode = container;
  } else {
    const child = container.childNodes[offset];
    if (direction === 'before') {
      // The boundary is before `child`; at the end of `container`, after its last descendant.
      walker.currentNode = child ?? lastDescendant(container);
      if (!child && walker.currentNode !== container) yield [walker.currentNode, value(walker.currentNode)];
    } else if (child) {
      walker.currentNode = child;
      yield [child, value(child)];
    } else {
      walker.currentNode = lastDescendant(container);
    }
  }
  for (let node = move(); node; node = move()) yield [node, value(node)];
}

/** Masks, then cuts to `limit` from the start or the end: cutting first can split a card number so it fails Luhn and leaks. */
export function maskAndCut(text: string, limit: number, keep: 'start' | 'end' = 'start'): string {
  const masked = maskSensitiveText(normalizeSpace(text));
  return (keep === 'start' ? masked.slice(0, limit) : masked.slice(-limit)).trim();
}

/**
 * Up to `limit` characters of readable, masked text right before or after a
 * boundary point (`container`, `offset`), as a Range's start or end is given.
 */
export function contextText(
  container: Node,
  offset: number,
  direction: 'before' | 'after',
  maskSelector = '',
  limit = CONTEXT_LIMIT,
): string {
  const doc = container.nodeType === 9 ? (container as Document) : container.ownerDocument!;
  const walker = textWalker(doc, doc.body ?? doc.documentElement, maskSelector);
  let text = '';
  // Read twice the limit, counted as the page shows the text (raw counts stop at indentation): masking can shorten it.
  for (const [, part] of textFrom(walker, container, offset, direction, maskSelector)) {
    text = direction === 'before' ? `${part} ${text}` : `${text} ${part}`;
    if (normalizeSpace(text).length >= limit * 2) break;
  }
  return maskAndCut(text, limit, direction === 'before' ? 'end' : 'start');
}

/**
 * The W3C TextQuoteSelector of a selected range: `exact` is the selected text,
 * `prefix` and `suffix` up to 32 characters right before and after it
 * (https://www.w3.org/TR/annotation-model/#text-quote-selector). Text that was
 * typed or sits in an editable or masked region is never read, and what is
 * kept is masked (emails, card and phone numbers).
 */
export function textQuoteForRange(range: Range, maskSelector = ''): TextQuote {
  const start = range.startContainer;
  const doc = start.nodeType === 9 ? (start as Document) : start.ownerDocument!;
  const walker = textWalker(doc, doc.body ?? doc.documentElement, maskSelector);
  let exact = '';
  for (const [node, text] of textFrom(walker, start, range.startOffset, 'after', maskSelector)) {
    const last = node === range.endContainer && node.nodeType === 3;
    if (!last && !range.intersectsNode(node)) break;
    // The end's slice counts from the node's start: on the start node, part of it was cut already.
    exact += last ? text.slice(0, range.endOffset - (node === start ? range.startOffset : 0)) : `${text} `;
    if (last || normalizeSpace(exact).length > QUOTE_LIMIT * 2) break;
  }
  return {
    exact: maskAndCut(exact, QUOTE_LIMIT),
    prefix: contextText(start, range.startOffset, 'before', maskSelector),
    suffix: contextText(range.endContainer, range.endOffset, 'after', maskSelector),
  };
}
