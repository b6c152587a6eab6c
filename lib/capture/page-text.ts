/**
 * Reading the text a person sees on a page without ever reading what they
 * typed: form fields, editable regions and hidden code are skipped.
 */

/** Elements whose text content is never captured. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION', 'INPUT', 'SVG']);

/** True when text inside `el` must not be captured (typed, editable, masked). */
export function isPrivateElement(el: Element, maskSelector = ''): boolean {
  if (SKIPPED.has(el.tagName.toUpperCase())) return true;
  if (el instanceof el.ownerDocument.defaultView!.HTMLElement && el.isContentEditable) return true;
  if (el.getAttribute('contenteditable') !== null && el.getAttribute('contenteditable') !== 'false') return true;
  if (maskSelector && el.matches(maskSelector)) return true;
  return false;
}

/** True when a node sits inside a private element: a walker started mid-tree can land in a skipped subtree. */
export function isInsidePrivate(node: Node, maskSelector = ''): boolean {
  for (let el = node.parentElement; el; el = el.parentElement) if (isPrivateElement(el, maskSelector)) return true;
  return false;
}

/** A TreeWalker over the visible, non-private text nodes under `root`. */
export function textWalker(doc: Document, root: Node, maskSelector = ''): TreeWalker {
  const NodeFilter = doc.defaultView!.NodeFilter;
  return doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === 1) {
        return isPrivateElement(node as Element, maskSelector) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
      }
      return NodeFilter.FILTER_ACCEPT;
    },
  });
}

/** Collapses runs of white space, as the page renders them. */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The readable text inside `el`, typed values excluded, up to `limit` chars. */
export function readableText(el: Element, limit: number, maskSelector = ''): string {
  if (isPrivateElement(el, maskSelector)) return '';
  const walker = textWalker(el.ownerDocument, el, maskSelector);
  let text = '';
  for (let node = walker.nextNode(); node && text.length < limit * 2; node = walker.nextNode()) {
    text += `${node.nodeValue ?? ''} `;
  }
  return normalizeSpace(text).slice(0, limit);
}
