import { orderTouchpoints } from '../journey/order';
import type { ExportFile } from '../model/export-file';
import type { Journey } from '../model/journey';
import type { Touchpoint } from '../model/touchpoint';

/** A journey and its live touchpoints in display order (position, then capture time). */
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

const byStart = (a: Journey, b: Journey) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id);

/**
 * The journeys that are not deleted, each with its touchpoints that are not
 * deleted, journeys by start and touchpoints in display order (their
 * `position`: capture time unless reordered; ids breaking ties). A deleted journey travels as a tombstone while its touchpoints may
 * still be in the file: those are left out.
 */
export function liveJourneys(file: ExportFile): JourneySteps[] {
  const deleted = new Set(file.tombstones.map((t) => t.id));
  const journeys = file.journeys.filter((j) => !deleted.has(j.id)).sort(byStart);
  return journeys.map((journey) => ({
    journey,
    touchpoints: orderTouchpoints(file.touchpoints.filter((tp) => tp.journeyId === journey.id && !deleted.has(tp.id))),
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

/** A stage id as a heading in exports, which carry no translations: `use-support` → `Use support`. */
export function stageHeading(stage: string): string {
  const words = stage.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The heading of touchpoints with no stage, in exports. */
export const NO_STAGE_HEADING = 'No stage';

/**
 * The journey's touchpoints in sections: by stage (in the journey's stage
 * order, then stages the journey no longer lists, then those with none) when
 * any touchpoint has a stage, else by page (`groupStepsByPage`). Within a
 * section, display order.
 */
export function groupSteps(journey: Journey, touchpoints: readonly Touchpoint[]): PageGroup[] {
  if (!touchpoints.some((tp) => tp.stage !== '')) return groupStepsByPage(touchpoints);
  const order = [...journey.stages, ...touchpoints.map((tp) => tp.stage).filter((s) => s !== ''), ''];
  const groups = new Map<string, PageGroup>();
  for (const stage of order) {
    const members = touchpoints.filter((tp) => tp.stage === stage);
    if (members.length && !groups.has(stage)) {
      groups.set(stage, { name: stage ? stageHeading(stage) : NO_STAGE_HEADING, touchpoints: members });
    }
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
