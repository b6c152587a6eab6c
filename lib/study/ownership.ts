import { isPainPoint } from '../journey/metrics';
import type { Touchpoint } from '../model/touchpoint';
import { closestDomain, domainSpecificity, hostOfSite, hostOfUrl } from './domains';
import { type ExternalKind, externalSiteOf } from './external-sites';
import { BRAND_SITE, OWNERSHIPS, type Ownership, type Study, type StudySiteId } from './types';

/**
 * Who owns a touchpoint, suggested from the page's domain, and figures per
 * owner. A suggestion is only a default the researcher can change; when the
 * domain says nothing certain there is no suggestion (`null`), never a guess.
 *
 * The rules, in order:
 * 1. The study's own domains come first. Among the brand's, competitors' and
 *    partners' domains that cover the page's host, the most specific wins
 *    (`pay.brand.com` listed as a partner beats `brand.com`); on a tie, the
 *    journey's own site, then partners, then other firms.
 *    - The firm the journey ran on (`site`: the brand, or the competitor
 *      whose site the journey is a run on) -> `brand`. Ownership is from the
 *      journey's point of view: on a run of the scenario on competitor A,
 *      A's pages are what A designed and controls, so they are brand-owned
 *      there, which makes runs on different sites comparable by owner.
 *    - A partner -> `partner`, whichever site the journey ran on: a study's
 *      partners (payment, delivery, marketplaces) usually serve the whole
 *      market, and the study lists them once.
 *    - Another firm of the study (the brand on a competitor's run, another
 *      competitor) -> `external`: the journey's firm neither owns nor shares
 *      it. When `site` names no firm of the study (a deleted competitor),
 *      firms' pages get no suggestion: whose they are depends on whose
 *      journey it is.
 * 2. Else a curated search engine, review site, social network, marketplace,
 *    forum, comparison or reference site (`external-sites.ts`) -> `external`.
 * 3. Else, and for anything that is not an http(s) page -> `null`.
 * `customer` is never suggested: what the customer owns (their own mail,
 * notes, decisions) cannot be told from a domain.
 */

/** What a study needs to suggest owners. */
export type OwnershipFrame = Pick<Study, 'brand' | 'competitors' | 'partners'>;

/** Why a suggestion was made. */
export type OwnerReason =
  /** The page belongs to the firm the journey ran on. */
  | { kind: 'journey-site' }
  | { kind: 'partner'; name: string }
  /** The page belongs to another firm of the study: the brand (`'brand'`) or a competitor (its id). */
  | { kind: 'other-firm'; site: StudySiteId }
  | { kind: 'curated'; category: ExternalKind };

/** A suggested owner, the domain that matched, and why. */
export interface OwnerMatch {
  owner: Ownership;
  domain: string;
  reason: OwnerReason;
}

interface Party {
  domains: readonly string[];
  /** The firm's site id; `null` for a partner. */
  site: StudySiteId | null;
  name: string;
}

function parties(study: OwnershipFrame): Party[] {
  return [
    { domains: study.brand.domains, site: BRAND_SITE, name: study.brand.name },
    ...study.competitors.map((c) => ({ domains: c.domains, site: c.id, name: c.name })),
    ...study.partners.map((p) => ({ domains: p.domains, site: null, name: p.name })),
  ];
}

/** Lower ranks win a tie in specificity. */
function rank(party: Party, site: StudySiteId): number {
  if (party.site === site) return 0;
  return party.site === null ? 1 : 2;
}

/** The study party whose domain covers `host` most specifically, with that domain. */
function closestParty(study: OwnershipFrame, host: string, site: StudySiteId): { party: Party; domain: string } | null {
  let best: { party: Party; domain: string } | null = null;
  for (const party of parties(study)) {
    const domain = closestDomain(party.domains, host);
    if (domain === null) continue;
    const better =
      best === null ||
      domainSpecificity(domain) > domainSpecificity(best.domain) ||
      (domainSpecificity(domain) === domainSpecificity(best.domain) && rank(party, site) < rank(best.party, site));
    if (better) best = { party, domain };
  }
  return best;
}

function isFirmOf(study: OwnershipFrame, site: StudySiteId): boolean {
  return site === BRAND_SITE || study.competitors.some((c) => c.id === site);
}

/**
 * The suggested owner of a page at `url` in a journey of `study` run on
 * `site` (`'brand'`, the default, or a competitor's id), with the matched
 * domain and the reason; `null` for no suggestion. See the rules above.
 */
export function matchOwner(url: string, study: OwnershipFrame, site: StudySiteId = BRAND_SITE): OwnerMatch | null {
  const host = hostOfUrl(url);
  if (host === null) return null;
  const closest = closestParty(study, host, site);
  if (closest !== null) {
    const { party, domain } = closest;
    if (party.site === null) return { owner: 'partner', domain, reason: { kind: 'partner', name: party.name } };
    if (party.site === site) return { owner: 'brand', domain, reason: { kind: 'journey-site' } };
    if (!isFirmOf(study, site)) return null;
    return { owner: 'external', domain, reason: { kind: 'other-firm', site: party.site } };
  }
  const curated = externalSiteOf(host);
  return curated === null
    ? null
    : { owner: 'external', domain: curated.domain, reason: { kind: 'curated', category: curated.kind } };
}

/** The suggested owner of a page at `url` in a journey of `study` run on `site`; `null` for no suggestion. */
export function suggestOwner(url: string, study: OwnershipFrame, site: StudySiteId = BRAND_SITE): Ownership | null {
  return matchOwner(url, study, site)?.owner ?? null;
}

/**
 * Which of the study's firms a site belongs to: `'brand'`, a competitor's
 * id, or `null`. `site` is a URL or a host as journeys record it
 * (`shop.example`), so a journey can be placed from its `site` field.
 */
export function firmOfSite(site: string, study: OwnershipFrame): StudySiteId | null {
  const host = hostOfSite(site);
  if (host === null) return null;
  let best: { site: StudySiteId; domain: string } | null = null;
  for (const party of parties(study)) {
    if (party.site === null) continue;
    const domain = closestDomain(party.domains, host);
    if (domain !== null && (best === null || domainSpecificity(domain) > domainSpecificity(best.domain)))
      best = { site: party.site, domain };
  }
  return best?.site ?? null;
}

/** Owners by touchpoint id; a missing id or `null` means not assigned. */
export type OwnerAssignments = Readonly<Record<string, Ownership | null | undefined>>;

/**
 * Each touchpoint's owner: the one the researcher set (`edited`), else the
 * suggestion from its URL. An id present in `edited` with `null` stays
 * unassigned (the researcher cleared the suggestion).
 */
export function effectiveOwners(
  touchpoints: readonly Pick<Touchpoint, 'id' | 'url'>[],
  edited: OwnerAssignments,
  study: OwnershipFrame,
  site: StudySiteId = BRAND_SITE,
): Record<string, Ownership | null> {
  const out: Record<string, Ownership | null> = {};
  for (const tp of touchpoints) {
    out[tp.id] = Object.hasOwn(edited, tp.id) ? (edited[tp.id] ?? null) : suggestOwner(tp.url, study, site);
  }
  return out;
}

/** What summaries need of a touchpoint. */
export type RatedTouchpoint = Pick<Touchpoint, 'id' | 'emotion' | 'effort' | 'tags'>;

/** The touchpoints with owner `owner` (`null`: those with none), in the order given. */
export function filterByOwner<T extends { id: string }>(
  touchpoints: readonly T[],
  owners: OwnerAssignments,
  owner: Ownership | null,
): T[] {
  return touchpoints.filter((tp) => ownerOf(owners, tp.id) === owner);
}

/** The owner assigned to a touchpoint; `null` when none (own keys only, so `constructor` is no owner). */
export function ownerOf(owners: OwnerAssignments, touchpointId: string): Ownership | null {
  return Object.hasOwn(owners, touchpointId) ? (owners[touchpointId] ?? null) : null;
}

/** Figures for the touchpoints of one owner; `owner` is `null` for those with none. */
export interface OwnerFigures {
  owner: Ownership | null;
  count: number;
  /** Rounded to 2 decimals; `null` when there are no touchpoints. */
  meanEmotion: number | null;
  meanEffort: number | null;
  /** Ids of the pain points among them (as `isPainPoint` in the journey metrics), in the order given. */
  painPoints: string[];
}

const round2 = (x: number) => Math.round(x * 100) / 100 + 0;
const mean = (values: readonly number[]) =>
  values.length === 0 ? null : round2(values.reduce((sum, v) => sum + v, 0) / values.length);

/**
 * Figures per owner: always the four owners in `OWNERSHIPS` order, then
 * the touchpoints with no owner, so tables keep their shape and counts add
 * up to the number of touchpoints.
 */
export function summariseByOwner(touchpoints: readonly RatedTouchpoint[], owners: OwnerAssignments): OwnerFigures[] {
  return [...OWNERSHIPS, null].map((owner) => {
    const group = filterByOwner(touchpoints, owners, owner);
    return {
      owner,
      count: group.length,
      meanEmotion: mean(group.map((tp) => tp.emotion)),
      meanEffort: mean(group.map((tp) => tp.effort)),
      painPoints: group.filter(isPainPoint).map((tp) => tp.id),
    };
  });
}
