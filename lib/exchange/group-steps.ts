import type { ExportFile } from '../model/export-file';
import type { Journey } from '../model/journey';
import type { Touchpoint } from '../model/touchpoint';

/** A journey and its live touchpoints in capture order. */
export interface JourneySteps {
  journey: Journey;
  touchpoints: Touchpoint[];
}

/** Touchpoints of one page, in the order they were captured. */
export interface PageGroup {
  /** The page title, or the host when the page had no title. */
  name: string;
  touchpoints: Touchpoint[];
}

const byCaptureTime = (a: Touchpoint, b: Touchpoint) => a.capturedAt.localeCompare(b.capturedAt) || a.id.localeCompare(b.id);
const byStart = (a: Journey, b: Journey) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id);

/**
 * The journeys that are not deleted, each with its touchpoints that are not
 * deleted, journeys by start and touchpoints by capture time (ids breaking
 * ties). A deleted journey travels as a tombstone while its touchpoints may
 * still be in the file: those are left out.
 */
export function liveJourneys(file: ExportFile): JourneySteps[] {
  const deleted = new Set(file.tombstones.map((t) => t.id));
  const journeys = file.journeys.filter((j) => !deleted.has(j.id)).sort(byStart);
  return journeys.map((journey) => ({
    journey,
    touchpoints: file.touchpoints.filter((tp) => tp.journeyId === journey.id && !deleted.has(tp.id)).sort(byCaptureTime),
  }));
}

/** One live journey and its touchpoints. Throws when the file has no such live journey. */
export function journeySteps(file: ExportFile, journeyId: string): JourneySteps {
  const found = liveJourneys(file).find((j) => j.journey.id === journeyId);
  if (!found) throw new Error(`journey ${journeyId} is not in the file (or was deleted)`);
  return found;
}

/** The host of a URL, or the URL itself when it has none. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/** Collapses runs of white space (new lines included) to one space and trims. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The page a touchpoint belongs to: its title, or the host when it had none. */
export function pageName(tp: Touchpoint): string {
  return oneLine(tp.pageTitle) || hostOf(tp.url);
}

/**
 * Groups touchpoints by page, since the model has no stages yet: one group
 * per page name, groups in order of the page's first appearance, touchpoints
 * in the order given. Coming back to a page later adds to its first group.
 */
export function groupStepsByPage(touchpoints: readonly Touchpoint[]): PageGroup[] {
  const groups = new Map<string, PageGroup>();
  for (const tp of touchpoints) {
    const name = pageName(tp);
    const group = groups.get(name) ?? { name, touchpoints: [] };
    group.touchpoints.push(tp);
    groups.set(name, group);
  }
  return [...groups.values()];
}

/** Cuts `text` to at most `max` user-perceived characters, ending with `…` when cut. */
export function shorten(text: string, max: number): string {
  const graphemes = [...new Intl.Segmenter().segment(text)].map((s) => s.segment);
  return graphemes.length <= max
    ? text
    : `${graphemes
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/**
 * A short name for a touchpoint, on one line: the tagged element's text,
 * else the first line of the note, else the tags, else the page. May be
 * empty only when all of these are.
 */
export function stepLabel(tp: Touchpoint, max = 60): string {
  const firstNoteLine = tp.note.split(/\r\n|\r|\n/).find((line) => line.trim()) ?? '';
  const candidates = [tp.target === 'element' ? tp.anchor.quote.exact : '', firstNoteLine, tp.tags.join(', '), pageName(tp)];
  return shorten(candidates.map(oneLine).find(Boolean) ?? '', max);
}
