import type { ExportFile } from '../model/export-file';
import type { Journey } from '../model/journey';
import type { Touchpoint } from '../model/touchpoint';
import { liveJourneys } from './group-steps';

/** The Web Annotation context, and ours for the emotion and effort scores. */
export const ANNOTATION_CONTEXT = ['http://www.w3.org/ns/anno.jsonld', { waymark: 'urn:waymark:vocab:' }] as const;

/** A Web Annotation selector: https://www.w3.org/TR/annotation-model/#selectors */
export type Selector =
  | { type: 'CssSelector'; value: string; refinedBy?: Selector }
  | { type: 'XPathSelector'; value: string; refinedBy?: Selector }
  | { type: 'TextQuoteSelector'; exact: string; prefix?: string; suffix?: string };

/** A Web Annotation body carried as text, with the reason it is there. */
export interface TextualBody {
  type: 'TextualBody';
  purpose: 'commenting' | 'tagging' | 'assessing';
  value: string;
  format?: 'text/plain';
  /** Emotion -2..+2, on the assessing body. */
  'waymark:emotion'?: number;
  /** Effort 1..7, on the assessing body. */
  'waymark:effort'?: number;
}

/** One touchpoint as a W3C Web Annotation. */
export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'assessing';
  created: string;
  modified: string;
  creator?: { type: 'Person'; name: string };
  body: TextualBody[];
  target: { source: string; selector: Selector[] };
  /** The journey the touchpoint belongs to. */
  'waymark:journey': { id: string; 'waymark:title': string };
}

/** The whole export as one W3C AnnotationCollection with its single page embedded. */
export interface WebAnnotationCollection {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generator: { type: 'Software'; name: string };
  generated: string;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

const EMOTION_WORDS = ['very negative', 'negative', 'neutral', 'positive', 'very positive'];
const EFFORT_WORDS = [
  'very easy',
  'easy',
  'fairly easy',
  'neither easy nor difficult',
  'fairly difficult',
  'difficult',
  'very difficult',
];

/** The rating as a body people can read and machines can use. */
function assessment(tp: Touchpoint): TextualBody {
  const emotion = `${tp.emotion > 0 ? '+' : ''}${tp.emotion}`;
  return {
    type: 'TextualBody',
    purpose: 'assessing',
    format: 'text/plain',
    value: `Emotion ${emotion} (${EMOTION_WORDS[tp.emotion + 2]}), effort ${tp.effort} of 7 (${EFFORT_WORDS[tp.effort - 1]})`,
    'waymark:emotion': tp.emotion,
    'waymark:effort': tp.effort,
  };
}

/**
 * Where the touchpoint is: CSS and XPath selectors for an element (none for
 * a whole page), and a text quote (the element's text, or the page heading)
 * when there is text, since an empty quote would match anywhere. All
 * describe the same element; a tool uses the first it understands.
 */
export function selectorsOf(tp: Touchpoint): Selector[] {
  const { selector, xpath, quote } = tp.anchor;
  const element = tp.target === 'element' && selector !== '';
  const selectors: Selector[] = [];
  if (element) selectors.push(chained('CssSelector', selector));
  if (element && xpath) selectors.push(chained('XPathSelector', xpath));
  if (quote.exact) {
    selectors.push({
      type: 'TextQuoteSelector',
      exact: quote.exact,
      ...(quote.prefix && { prefix: quote.prefix }),
      ...(quote.suffix && { suffix: quote.suffix }),
    });
  }
  return selectors;
}

/**
 * How an anchor steps into a same-origin iframe or an open shadow root (as
 * lib/capture/frame-path.ts writes it: `#payment >>> #pay`). `>>>` means
 * nothing to other tools, so each step becomes a selector refined by the next
 * (https://www.w3.org/TR/annotation-model/#refinement-of-selection).
 */
export const FRAME_CROSSING = ' >>> ';

function chained(type: 'CssSelector' | 'XPathSelector', path: string): Selector {
  const steps = path.split(FRAME_CROSSING);
  let selector: Selector = { type, value: steps.pop() ?? '' };
  for (const outer of steps.reverse()) selector = { type, value: outer, refinedBy: selector };
  return selector;
}

function annotationOf(tp: Touchpoint, journey: Journey): WebAnnotation {
  const body: TextualBody[] = [];
  if (tp.note.trim()) body.push({ type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: tp.note });
  for (const tag of tp.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  body.push(assessment(tp));
  return {
    id: `urn:uuid:${tp.id}`,
    type: 'Annotation',
    motivation: 'assessing',
    created: tp.capturedAt,
    modified: tp.updatedAt,
    ...(tp.author && { creator: { type: 'Person' as const, name: tp.author } }),
    body,
    target: { source: tp.url, selector: selectorsOf(tp) },
    'waymark:journey': { id: `urn:uuid:${journey.id}`, 'waymark:title': journey.title },
  };
}

/**
 * The file's live touchpoints (journey not deleted) as W3C Web Annotations
 * (https://www.w3.org/TR/annotation-model/), one per touchpoint, by journey
 * start then capture time: the note is a `commenting` body, each tag a
 * `tagging` body, and the rating an `assessing` body with `waymark:emotion`
 * and `waymark:effort` numbers; the target is the page URL with selectors.
 *
 * They come as one AnnotationCollection with its only page embedded, the
 * model's way to ship many annotations in one JSON-LD document under one
 * `@context` (a bare array has no place for the context, count or label).
 * The file has no id of its own, so the collection is named by `exportedAt`,
 * the time of its newest change.
 */
export function toWebAnnotations(file: ExportFile): WebAnnotationCollection {
  const journeys = liveJourneys(file);
  const items = journeys.flatMap(({ journey, touchpoints }) => touchpoints.map((tp) => annotationOf(tp, journey)));
  const id = `urn:waymark:export:${file.exportedAt}`;
  return {
    '@context': ANNOTATION_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: `Waymark: ${journeys.map((j) => j.journey.title).join(', ') || 'no journeys'}`,
    total: items.length,
    generator: { type: 'Software', name: file.generator },
    generated: file.exportedAt,
    first: { id: `${id}:page:1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

/** `toWebAnnotations` as pretty-printed JSON-LD with a trailing new line. */
export function toWebAnnotationsJson(file: ExportFile): string {
  return `${JSON.stringify(toWebAnnotations(file), null, 2)}\n`;
}
