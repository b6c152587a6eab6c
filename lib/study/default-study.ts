import type { Journey } from '../model/journey';
import { CHANNELS, DEFAULT_STUDY_ID, STAGE_SETS, type StageSetId } from '../model/vocabulary';
import { hostOfSite, normaliseDomain } from './domains';
import type { Competitor, Study } from './types';

/**
 * The default study that journeys made before studies existed move into,
 * and a helper that drafts a real study from a set of journeys.
 *
 * The default study is the same record on every device, byte for byte:
 * - Its id is fixed: the UUID v5 of the name `waymark:default-study` in the
 *   RFC 9562 URL namespace (`6ba7b811-…`), a valid UUID like every record
 *   id, written out here so nothing is hashed at run time (a test recomputes
 *   it). Two researchers' profiles that migrate on their own make the same
 *   study, and sync merges the two into one instead of showing two
 *   "Default study" entries with the team's old journeys split between them.
 * - Its content does not depend on the profile (no journey's site, stages or
 *   persona goes into it), so the two copies are equal and their merge is a
 *   no-op whoever's copy is read first.
 * - Its `createdAt` and `updatedAt` are the Unix epoch and its `author` is
 *   empty, so it is older than any edit: a teammate who renamed it or gave
 *   it a brand keeps that change when another profile migrates later and
 *   syncs its untouched copy (last writer wins, and the edit is the later
 *   writer). Stamping it with the migration time would let a late migration
 *   undo a teammate's edit.
 * It should not be deletable in the UI: a profile that migrates after the
 * deletion would recreate it, older than the tombstone, and its journeys
 * would point at a deleted study.
 */

/** The id of the default study: UUID v5 of `waymark:default-study` in the URL namespace. */
export { DEFAULT_STUDY_ID };

/** The time the default study is stamped with: older than any edit. */
export const DEFAULT_STUDY_TIME = '1970-01-01T00:00:00.000Z';

/** The fields a new study starts with, for code that creates one. */
export const STUDY_DEFAULTS = {
  goal: '',
  brand: { name: '', domains: [] },
  competitors: [],
  partners: [],
  stageSet: 'classic',
  tags: [],
  channels: [...CHANNELS],
  persona: { name: '', values: '', motivations: '', goals: '', frustrations: '' },
  syncScreenshots: false,
} satisfies Partial<Study>;

/** A new default study record (a fresh copy each call, so callers may change it). */
export function defaultStudy(): Study {
  return structuredClone({
    ...STUDY_DEFAULTS,
    id: DEFAULT_STUDY_ID,
    name: 'Default study',
    createdAt: DEFAULT_STUDY_TIME,
    updatedAt: DEFAULT_STUDY_TIME,
    author: '',
  });
}

/**
 * The study a journey belongs to: its `studyId` when it has one, else the
 * default study (every journey from before studies).
 */
export function studyIdOf(journey: { studyId?: string | null }): string {
  return journey.studyId ?? DEFAULT_STUDY_ID;
}

/** The stages journeys of a study start with. */
export function studyStages(study: Pick<Study, 'stageSet'>): string[] {
  return [...STAGE_SETS[study.stageSet]];
}

/** The most frequent non-empty value (the first seen on a tie); `''` when none. */
function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) if (v.trim() !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = '';
  let bestCount = 0;
  for (const [v, n] of counts) if (n > bestCount) [best, bestCount] = [v, n];
  return best;
}

/** The stage set most of the journeys use exactly; `classic` when none does. */
function commonStageSet(journeys: readonly Pick<Journey, 'stages'>[]): StageSetId {
  const matching = journeys.flatMap((j) =>
    (Object.keys(STAGE_SETS) as StageSetId[]).filter((id) => STAGE_SETS[id].join('\n') === j.stages.join('\n')),
  );
  return (mostCommon(matching) || 'classic') as StageSetId;
}

/** What `studyFromJourneys` needs to make a new record. */
export interface NewStudyOptions {
  id: string;
  name: string;
  /** The site (host or URL) of the brand under study; the journeys' other sites become competitors. */
  brandSite: string;
  /** Makes the id of each competitor; called once per competitor, in order. */
  newId: () => string;
  now: number;
  author: string;
}

/**
 * A draft study for a set of journeys (say, the ones selected on the
 * journeys page), for the researcher to check before saving: the most common
 * scenario as its goal, the most common persona text as the persona's name
 * (split it into values and motivations by hand), the stage set most of them
 * use, the brand's site as the brand and each other distinct site, in the
 * order first seen, as a competitor named after its host.
 */
export function studyFromJourneys(
  journeys: readonly Pick<Journey, 'scenario' | 'persona' | 'site' | 'stages'>[],
  options: NewStudyOptions,
): Study {
  const domainOf = (site: string) => normaliseDomain(hostOfSite(site) ?? '');
  const brandDomain = domainOf(options.brandSite);
  const hosts: string[] = [];
  for (const j of journeys) {
    const host = domainOf(j.site);
    if (host !== null && host !== brandDomain && !hosts.includes(host)) hosts.push(host);
  }
  const competitors: Competitor[] = hosts.map((host) => ({ id: options.newId(), name: host, domains: [host] }));
  const at = new Date(options.now).toISOString();
  return {
    ...defaultStudy(),
    id: options.id,
    name: options.name,
    goal: mostCommon(journeys.map((j) => j.scenario)),
    brand: { name: brandDomain ?? '', domains: brandDomain === null ? [] : [brandDomain] },
    competitors,
    stageSet: commonStageSet(journeys),
    persona: { ...STUDY_DEFAULTS.persona, name: mostCommon(journeys.map((j) => j.persona)) },
    createdAt: at,
    updatedAt: at,
    author: options.author,
  };
}
