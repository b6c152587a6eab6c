/**
 * Host names as ownership compares them: the page's host from its URL, the
 * study's domains as a researcher typed them, and whether one covers the
 * other.
 *
 * Both sides go through the WHATWG URL parser (present in every context,
 * no browser API), so they meet in one form: lower case, IDNA-mapped to
 * punycode (`bücher.de` -> `xn--bcher-kva.de`, `brand。com` -> `brand.com`),
 * IPv4 in dotted form (`127.1` -> `127.0.0.1`), IPv6 in brackets. Ports are
 * dropped (a site is the same site on any port), as are trailing dots
 * (`brand.com.` is the fully-qualified `brand.com`).
 *
 * A domain covers itself and its subdomains, compared label by label:
 * `brand.com` covers `shop.brand.com` but never `evilbrand.com` or
 * `brand.com.evil.io`. No public-suffix list is needed for that, and it is
 * stricter than comparing registrable domains: an entry `shop.brand.com`
 * covers only that shop. What the list would add, refusing an entry such as
 * `co.uk`, is left to whoever edits the study (single labels are refused).
 * IP addresses cover only themselves.
 */

const WEB_SCHEMES = new Set(['http:', 'https:']);

function stripTrailingDots(host: string): string {
  return host.replace(/\.+$/, '');
}

/** Whether a normalised host is an IP address (IPv4 dotted, or IPv6 in brackets). */
export function isIpAddress(host: string): boolean {
  return host.startsWith('[') || /^\d{1,3}(\.\d{1,3}){3}$/.test(host);
}

/**
 * The host of a web page's URL, normalised; `null` for an invalid URL or one
 * that is not `http:`/`https:` (`about:blank`, `file:`, an extension page).
 */
export function hostOfUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!WEB_SCHEMES.has(parsed.protocol)) return null;
  const host = stripTrailingDots(parsed.hostname);
  return host === '' ? null : host;
}

/**
 * A domain as a researcher typed it, normalised for matching; `null` when it
 * is not one. Accepts `Brand.COM`, `www.brand.com`, `*.brand.com`,
 * `brand.com:8443`, `https://brand.com/`, `bücher.de`, `localhost`, an IP.
 * Refuses a single label other than `localhost` (a TLD would cover half the
 * web), and an entry with a path, query or fragment (`facebook.com/brand`
 * would otherwise claim all of Facebook for the brand).
 *
 * A leading `www.` is dropped: it names the same site, and the domain
 * without it covers the `www.` host anyway.
 */
export function normaliseDomain(input: string): string | null {
  let text = input.trim().toLowerCase();
  if (text.startsWith('*.')) text = text.slice(2);
  if (text === '') return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//.test(text) ? text : `http://${text}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    return null;
  }
  if (!WEB_SCHEMES.has(parsed.protocol)) return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  if (parsed.pathname !== '/' || parsed.search !== '' || parsed.hash !== '') return null;
  let host = stripTrailingDots(parsed.hostname);
  if (isIpAddress(host)) return host;
  if (host.startsWith('www.') && host.split('.').length > 2) host = host.slice(4);
  const labels = host.split('.');
  if (labels.some((label) => label === '')) return null;
  if (labels.length < 2 && host !== 'localhost') return null;
  return host;
}

/** Whether `domain` (normalised) covers `host` (normalised): the same host, or a subdomain of it. */
export function domainCovers(domain: string, host: string): boolean {
  if (host === domain) return true;
  if (isIpAddress(host) || isIpAddress(domain)) return false;
  return host.endsWith(`.${domain}`);
}

/** How specific a domain is: its number of labels (`shop.brand.com` is 3), so the closest match wins. */
export function domainSpecificity(domain: string): number {
  return domain.split('.').length;
}

/**
 * The most specific of `domains` (as typed; invalid ones are ignored) that
 * covers `host`, normalised; `null` when none does.
 */
export function closestDomain(domains: readonly string[], host: string): string | null {
  let best: string | null = null;
  for (const typed of domains) {
    const domain = normaliseDomain(typed);
    if (domain === null || !domainCovers(domain, host)) continue;
    if (best === null || domainSpecificity(domain) > domainSpecificity(best)) best = domain;
  }
  return best;
}

/**
 * The host of a site as a journey records it: a host (`shop.example`) or a
 * URL (`https://shop.example/start`), normalised; `null` when it is neither.
 */
export function hostOfSite(site: string): string | null {
  const text = site.trim();
  if (text === '') return null;
  return hostOfUrl(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
}
