/**
 * The "never capture here" list: sites written as host names (`bank.example`),
 * each covering its subdomains. Pure, so the settings page, the background and
 * tests share one reading of it.
 */

/**
 * The host name a researcher means by `input` (`https://www.Bank.example/login`
 * -> `bank.example`), or `''` when it names no site. A leading `www.` is
 * dropped so the entry covers the bare domain too.
 */
export function normalizeSite(input: string): string {
  const text = input.trim().toLowerCase();
  if (!text) return '';
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(text) ? text : `http://${text}`).hostname;
  } catch {
    return '';
  }
  host = host.replace(/^www\./, '').replace(/\.$/, '');
  return /^[a-z0-9.[\]:-]+$/.test(host) && host.length <= 253 ? host : '';
}

/** The entry of `sites` that covers the page at `url` (itself or a parent domain), if any. */
export function blockingSite(url: string, sites: readonly string[]): string | undefined {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return undefined;
  }
  return sites.find((site) => site !== '' && (host === site || host.endsWith(`.${site}`)));
}

/** `sites` with `input` added (normalized, once, sorted); unchanged when `input` names no site. */
export function addSite(sites: readonly string[], input: string): string[] {
  const site = normalizeSite(input);
  if (!site || sites.includes(site)) return [...sites];
  return [...sites, site].sort();
}
