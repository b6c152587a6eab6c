import type { StudyInput } from '../../lib/messages/protocol';
import { newId } from '../../lib/model/ids';
import type { Criterion, Persona, Study } from '../../lib/model/study';
import { CHANNELS, type StageSetId } from '../../lib/model/vocabulary';
import { normaliseDomain } from '../../lib/study/domains';

/**
 * The study form's values as typed (domains, tags and channels as text), and
 * the conversions to and from a study. Pure, so it is tested without a DOM.
 */

/** A brand, competitor or partner as typed: domains one per line or separated by commas. */
export interface SiteDraft {
  /** Competitors only: what a journey's `siteId` names. */
  id: string;
  name: string;
  domains: string;
}

/** A script step as edited. */
export interface StepDraft {
  id: string;
  title: string;
  lookFor: string;
  criterion: Criterion;
}

/** Everything the study form edits. */
export interface StudyDraft {
  id: string;
  name: string;
  goal: string;
  brand: SiteDraft;
  competitors: SiteDraft[];
  partners: SiteDraft[];
  stageSet: StageSetId;
  tags: string;
  channels: string;
  persona: Required<Persona>;
  script: StepDraft[];
  syncScreenshots: boolean;
}

/** Why a draft cannot be saved yet; the form words each. */
export type DraftProblem = { kind: 'invalid-domains'; domains: string[] } | { kind: 'step-title'; step: number };

const split = (text: string) =>
  text
    .split(/[\n,，،]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

const unique = (values: string[]) => [...new Set(values)];

/** The domains in `text` normalised (duplicates dropped), and the entries that are not domains. */
export function parseDomains(text: string): { domains: string[]; invalid: string[] } {
  const domains: string[] = [];
  const invalid: string[] = [];
  for (const entry of split(text)) {
    const domain = normaliseDomain(entry);
    if (domain === null) invalid.push(entry);
    else if (!domains.includes(domain)) domains.push(domain);
  }
  return { domains, invalid };
}

const siteDraft = (site: { id?: string; name: string; domains: string[] }): SiteDraft => ({
  id: site.id ?? newId(),
  name: site.name,
  domains: site.domains.join('\n'),
});

/** A new, empty site row. */
export const newSiteDraft = (): SiteDraft => ({ id: newId(), name: '', domains: '' });

/** A new script step: a yes/no question. */
export const newStepDraft = (): StepDraft => ({ id: newId(), title: '', lookFor: '', criterion: { kind: 'yesno' } });

/** The form's values for a stored study. */
export function draftOf(study: Study): StudyDraft {
  return {
    id: study.id,
    name: study.name,
    goal: study.goal,
    brand: siteDraft(study.brand),
    competitors: study.competitors.map(siteDraft),
    partners: study.partners.map(siteDraft),
    stageSet: study.stageSet,
    tags: study.tags.join(', '),
    channels: study.channels.join(', '),
    persona: { ...study.persona, demographics: study.persona.demographics ?? '' },
    script: (study.script ?? []).map((s) => ({ ...s })),
    syncScreenshots: study.syncScreenshots,
  };
}

/** The form's values for a new study. */
export function newStudyDraft(): StudyDraft {
  return {
    id: newId(),
    name: '',
    goal: '',
    brand: newSiteDraft(),
    competitors: [],
    partners: [],
    stageSet: 'classic',
    tags: '',
    channels: CHANNELS.join(', '),
    persona: { name: '', values: '', motivations: '', goals: '', frustrations: '', demographics: '' },
    script: [],
    syncScreenshots: false,
  };
}

/** A criterion of `kind`, keeping the unit and bounds of a number criterion. */
export function criterionOfKind(kind: Criterion['kind'], previous: Criterion): Criterion {
  if (kind === previous.kind) return previous;
  if (kind === 'scale') return { kind, min: 1, max: 5 };
  if (kind === 'number') return { kind, unit: '' };
  return { kind };
}

/** What the worker stores for `draft`, or what is wrong with it. */
export function studyOfDraft(draft: StudyDraft): { ok: true; study: StudyInput } | { ok: false; problems: DraftProblem[] } {
  const invalid: string[] = [];
  const site = (s: SiteDraft) => {
    const parsed = parseDomains(s.domains);
    invalid.push(...parsed.invalid);
    return { name: s.name.trim(), domains: parsed.domains };
  };
  const brand = site(draft.brand);
  const competitors = draft.competitors.map((c) => ({ id: c.id, ...site(c) }));
  const partners = draft.partners.map(site);
  const problems: DraftProblem[] = [];
  if (invalid.length > 0) problems.push({ kind: 'invalid-domains', domains: invalid });
  draft.script.forEach((step, i) => {
    if (step.title.trim() === '') problems.push({ kind: 'step-title', step: i + 1 });
  });
  if (problems.length > 0) return { ok: false, problems };
  const { demographics, ...persona } = draft.persona;
  const study: StudyInput = {
    id: draft.id,
    name: draft.name.trim(),
    goal: draft.goal,
    brand,
    competitors,
    partners,
    stageSet: draft.stageSet,
    tags: unique(split(draft.tags)),
    channels: unique(split(draft.channels)),
    persona: demographics.trim() === '' ? persona : { ...persona, demographics },
    syncScreenshots: draft.syncScreenshots,
  };
  if (draft.script.length > 0) {
    study.script = draft.script.map((s) => ({ id: s.id, title: s.title.trim(), lookFor: s.lookFor, criterion: s.criterion }));
  }
  return { ok: true, study };
}

/** `list` with the item at `index` moved by `by` places (unchanged at the ends). */
export function moveItem<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[index], next[to]] = [next[to] as T, next[index] as T];
  return next;
}
