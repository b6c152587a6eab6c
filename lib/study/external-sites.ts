import { closestDomain, domainCovers } from './domains';

/**
 * Sites whose pages are social/external touchpoints in Lemon & Verhoef's
 * sense whatever the study: places where others (search engines, reviewers,
 * other customers, marketplaces run by a third party) speak about the brand.
 *
 * Curated by hand, short on purpose: each entry is a domain most journeys
 * in Europe and the Americas pass through, plus the largest in a few other
 * markets. Each covers its subdomains (`uk.trustpilot.com`). A study's own
 * domains always come first, so a team that sells on Amazon lists
 * `amazon.de` as a partner and gets `partner`, and a study of Google itself
 * lists `google.com` as the brand.
 *
 * To add one: the registrable domain (no `www.`), in the group it belongs
 * to, and a test row in `test/lib/study/ownership.test.ts` if it is unusual.
 */

/** Why a site is external; the UI may show it beside the suggestion. */
export type ExternalKind = 'search' | 'reviews' | 'social' | 'marketplace' | 'forum' | 'comparison' | 'reference';

/** The curated domains, by kind. */
export const EXTERNAL_SITES: Readonly<Record<ExternalKind, readonly string[]>> = {
  search: [
    'google.com',
    'google.co.uk',
    'google.de',
    'google.fr',
    'google.es',
    'google.it',
    'google.nl',
    'google.ca',
    'google.com.au',
    'google.co.in',
    'google.co.jp',
    'google.com.br',
    'bing.com',
    'duckduckgo.com',
    'yahoo.com',
    'yandex.ru',
    'yandex.com',
    'baidu.com',
    'ecosia.org',
    'qwant.com',
    'startpage.com',
    'search.brave.com',
    'naver.com',
    'seznam.cz',
  ],
  reviews: [
    'trustpilot.com',
    'yelp.com',
    'tripadvisor.com',
    'tripadvisor.co.uk',
    'glassdoor.com',
    'sitejabber.com',
    'reviews.io',
    'feefo.com',
    'g2.com',
    'capterra.com',
    'consumerreports.org',
    'which.co.uk',
    'kununu.com',
    'productreview.com.au',
  ],
  social: [
    'facebook.com',
    'fb.com',
    'instagram.com',
    'x.com',
    'twitter.com',
    't.co',
    'linkedin.com',
    'tiktok.com',
    'pinterest.com',
    'youtube.com',
    'youtu.be',
    'snapchat.com',
    'threads.net',
    'bsky.app',
    'mastodon.social',
    'tumblr.com',
    'weibo.com',
    'vk.com',
  ],
  marketplace: [
    'amazon.com',
    'amazon.co.uk',
    'amazon.de',
    'amazon.fr',
    'amazon.it',
    'amazon.es',
    'amazon.ca',
    'amazon.co.jp',
    'ebay.com',
    'ebay.co.uk',
    'ebay.de',
    'etsy.com',
    'aliexpress.com',
    'rakuten.co.jp',
    'mercadolibre.com',
    'allegro.pl',
    'bol.com',
  ],
  forum: ['reddit.com', 'quora.com', 'stackexchange.com', 'stackoverflow.com'],
  comparison: ['idealo.de', 'idealo.co.uk', 'pricerunner.com', 'geizhals.at', 'kelkoo.com', 'billiger.de'],
  reference: ['wikipedia.org'],
};

/**
 * Hosts under a curated domain that get no suggestion: the customer's own
 * tools (mail, documents, sign-in, translation), where what the page shows,
 * and so who owns the touchpoint, depends on the page (the brand's email
 * read in webmail is brand-owned).
 */
export const NOT_SUGGESTED_HOSTS: readonly string[] = [
  'mail.google.com',
  'accounts.google.com',
  'docs.google.com',
  'drive.google.com',
  'translate.google.com',
  'mail.yahoo.com',
  'login.yahoo.com',
];

/** A curated site the host belongs to: its kind and the domain that matched. */
export interface ExternalSite {
  kind: ExternalKind;
  domain: string;
}

/** The curated external site covering `host` (normalised), most specific first; `null` when none or not suggested. */
export function externalSiteOf(host: string): ExternalSite | null {
  if (NOT_SUGGESTED_HOSTS.some((excluded) => domainCovers(excluded, host))) return null;
  let best: ExternalSite | null = null;
  for (const [kind, domains] of Object.entries(EXTERNAL_SITES) as [ExternalKind, readonly string[]][]) {
    const domain = closestDomain(domains, host);
    if (domain !== null && (best === null || domain.length > best.domain.length)) best = { kind, domain };
  }
  return best;
}
