import { describePage, describeTarget } from '@/lib/capture/describe-target';
import { maskSensitiveText } from '@/lib/capture/mask-text';
import { pageContext } from '@/lib/capture/page-context';
import { normalizeSpace } from '@/lib/capture/page-text';
import { sanitizeUrl } from '@/lib/capture/sanitize-url';
import { textQuoteForRange } from '@/lib/capture/selection-quote';
import { newId, nowIso } from '@/lib/model/ids';
import type { TargetKind, TouchpointDraft } from '@/lib/model/touchpoint';
import { DEFAULT_CHANNEL } from '@/lib/model/vocabulary';

/** Everything captured automatically at the moment of the trigger. */
export type CaptureBase = Omit<TouchpointDraft, 'emotion' | 'effort' | 'note'>;

/** What was tagged: the element to outline (none for a page) and the automatic record. */
export interface CaptureTarget {
  base: CaptureBase;
  element: Element | null;
}

function baseFor(target: TargetKind, anchor: TouchpointDraft['anchor'], lcpMs: number | null): CaptureBase {
  return {
    id: newId(),
    capturedAt: nowIso(),
    url: sanitizeUrl(location.href),
    pageTitle: maskSensitiveText(document.title).slice(0, 1_000),
    target,
    namedEmotion: null,
    stage: '',
    channel: DEFAULT_CHANNEL,
    tags: [],
    anchor,
    viewport: {
      width: Math.round(innerWidth),
      height: Math.round(innerHeight),
      scrollX,
      scrollY,
      devicePixelRatio: devicePixelRatio || 1,
    },
    context: pageContext(window, lcpMs),
  };
}

/** A picked element. */
export function elementTarget(el: Element, lcpMs: number | null): CaptureTarget {
  return { base: baseFor('element', describeTarget(el), lcpMs), element: el };
}

/** The whole page: no element, the main heading as quote. */
export function pageTarget(lcpMs: number | null): CaptureTarget {
  return { base: baseFor('page', describePage(document), lcpMs), element: null };
}

/**
 * The current selection: anchored at the element holding all of it, with the
 * selected text and the text right before and after it (masked, never typed
 * text) as the quote. `null` when nothing is selected.
 */
export function selectionTarget(lcpMs: number | null): CaptureTarget | null {
  const selection = getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const common = range.commonAncestorContainer;
  const el = common.nodeType === 1 ? (common as Element) : common.parentElement;
  if (!el || !normalizeSpace(selection.toString())) return null;
  return { base: baseFor('selection', { ...describeTarget(el), quote: textQuoteForRange(range) }, lcpMs), element: el };
}

/** The element a context menu was opened on: the link to `linkUrl` or the image of `srcUrl`. */
export function hintedElement(hint: { linkUrl?: string; srcUrl?: string }): Element | null {
  if (hint.linkUrl) {
    return Array.from(document.querySelectorAll('a[href]')).find((a) => (a as HTMLAnchorElement).href === hint.linkUrl) ?? null;
  }
  if (hint.srcUrl) {
    return Array.from(document.images).find((img) => img.currentSrc === hint.srcUrl || img.src === hint.srcUrl) ?? null;
  }
  return null;
}
