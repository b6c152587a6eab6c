import type { Journey } from '../model/journey';
import type { ScriptRun } from './script-report';
import { BRAND_SITE, type Study, type StudySiteId } from './types';

/**
 * A study's journeys as runs of its script: which site each ran on, how a
 * comparison labels it, and in what order the columns stand (the brand's
 * runs first, then each competitor's in the study's order, then runs on a
 * site the study no longer names; by start time within a site).
 */

/** What naming a site needs of a study. */
export type SiteFrame = Pick<Study, 'brand' | 'competitors'>;

/** What a run needs of a journey. */
export type RunJourney = Pick<Journey, 'id' | 'title' | 'researcher' | 'studyId' | 'siteId' | 'startedAt' | 'answers'>;

/** The name of the site `siteId` of `study`: the brand's or a competitor's; `null` for a competitor no longer in it. */
export function siteName(study: SiteFrame, siteId: StudySiteId): string | null {
  if (siteId === BRAND_SITE) return study.brand.name;
  return study.competitors.find((c) => c.id === siteId)?.name ?? null;
}

/** Where a site's runs stand among the columns: brand 0, competitors 1.., unknown last. */
function siteRank(study: SiteFrame, siteId: StudySiteId): number {
  if (siteId === BRAND_SITE) return 0;
  const index = study.competitors.findIndex((c) => c.id === siteId);
  return index === -1 ? study.competitors.length + 1 : index + 1;
}

/** The journeys of `study` among `journeys`, in column order (site, then start time, then id). */
export function journeysOfStudy<J extends RunJourney>(study: SiteFrame & Pick<Study, 'id'>, journeys: readonly J[]): J[] {
  return journeys
    .filter((j) => j.studyId === study.id)
    .sort(
      (a, b) =>
        siteRank(study, a.siteId) - siteRank(study, b.siteId) ||
        Date.parse(a.startedAt) - Date.parse(b.startedAt) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
}

/** Who ran a journey, for a column: the researcher's name, else the journey's title. */
export function runnerOf(journey: Pick<Journey, 'title' | 'researcher'>): string {
  return journey.researcher.trim() || journey.title;
}

/** A run's label: `<site> · <researcher or title>` (the site left out when the study no longer names it). */
export function runLabel(study: SiteFrame, journey: Pick<Journey, 'title' | 'researcher' | 'siteId'>): string {
  return [siteName(study, journey.siteId), runnerOf(journey)].filter(Boolean).join(' · ');
}

/** A journey as a run of its study's script, for `compareScriptRuns`. */
export function scriptRunOf(study: SiteFrame, journey: RunJourney): ScriptRun {
  return { journeyId: journey.id, label: runLabel(study, journey), answers: journey.answers };
}
