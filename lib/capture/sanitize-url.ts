import { maskSensitiveText } from './mask-text';

/** The placeholder written in place of a masked query value. */
export const MASK = '***';

/** Query parameters that only track marketing attribution: dropped. */
const TRACKING =
  /^(utm_[a-z_]+|gclid|gclsrc|dclid|gbraid|wbraid|fbclid|msclkid|yclid|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|igshid|mkt_tok|oly_anon_id|oly_enc_id|vero_id|ttclid|twclid|li_fat_id|s_cid|ref_src|spm)$/i;

/**
 * Query parameters whose value is a secret (tokens, sessions, credentials),
 * personal (email, phone, name, address) or typed by the user (searches):
 * masked. `oq`/`pq` are Google's and Bing's copy of the query, `wd` Baidu's,
 * `k` Amazon's and `_nkw` eBay's search.
 */
const SENSITIVE =
  /(^|[_-])(token|access_token|id_token|refresh_token|auth|authorization|code|state|nonce|key|apikey|api_key|secret|signature|sig|password|passwd|pass|pwd|session|sessionid|session_id|sid|jsessionid|phpsessid|otp|email|e-mail|mail|phone|tel|mobile|q|oq|pq|wd|k|nkw|query|search|s|keyword|keywords|term|text|card|cc|iban|ssn|user|username|login|firstname|first_name|lastname|last_name|fullname|full_name|surname|address|street|zip|postcode|birthdate|dob)($|[_-])/i;

/** `accessToken` -> `access_Token`: camelCase keys are matched word by word like snake_case ones. */
function splitCamelCase(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1_$2');
}

/** A long run of letters and digits that looks random: probably a token. */
function looksLikeToken(value: string): boolean {
  return value.length >= 24 && /^[A-Za-z0-9_\-.~+/=%]+$/.test(value) && /\d/.test(value) && /[A-Za-z]/.test(value);
}

/**
 * A path segment that is secret: an email, or a token (password reset and
 * magic login links often carry it in the path, `/reset/a1b2c3...`). Slugs
 * such as `running-shoes-2026-edition` are kept: a token has a run of 16+
 * letters and digits that mixes both, a slug's words are short.
 */
function isSecretSegment(segment: string): boolean {
  if (/%40|@/.test(segment)) return true;
  const runs = segment.match(/[A-Za-z0-9]{16,}/g) ?? [];
  return looksLikeToken(segment) && runs.some((run) => /\d/.test(run) && /[A-Za-z]/.test(run));
}

/** The path with each secret segment replaced by `MASK`. */
function cleanPath(path: string): string {
  return path
    .split('/')
    .map((segment) => (isSecretSegment(segment) ? MASK : segment))
    .join('/');
}

function cleanParams(params: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of params) {
    if (TRACKING.test(key)) continue;
    const secret = SENSITIVE.test(splitCamelCase(key)) || value.includes('@') || looksLikeToken(value);
    // A return address (`?next=https://...?token=...`) is a URL of its own: clean it the same way.
    const clean = /^https?:\/\//i.test(value) ? sanitizeUrl(value) : maskSensitiveText(value);
    out.append(key, secret && value !== '' ? MASK : clean);
  }
  return out;
}

/**
 * The URL as Waymark stores it: no user:password, tracking parameters
 * dropped, secret/personal/typed query values masked, URLs in query values
 * cleaned in turn, emails and tokens in the path masked, and a fragment kept
 * when it is a route (`#/cart`, its path and query cleaned the same way) or
 * an anchor, with `key=value` fragments (OAuth tokens) cleaned like a query
 * and token-like fragments dropped. Returns the input
 * unchanged when it is not an absolute URL.
 */
export function sanitizeUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return input;
  }
  url.username = '';
  url.password = '';
  url.pathname = cleanPath(url.pathname);
  url.search = cleanParams(url.searchParams).toString();
  url.hash = cleanHash(url.hash.slice(1));
  return url.toString();
}

/**
 * A route (`/cart`, `!/inbox`) keeps its path, with secret segments masked,
 * and cleans its own query: read as `key=value` pairs, `#/reset?token=abc`
 * kept the token (under the key `/reset?token`) and mangled the route.
 */
function cleanHash(hash: string): string {
  if (/^!?\//.test(hash)) {
    const query = hash.indexOf('?');
    if (query < 0) return cleanPath(hash);
    return `${cleanPath(hash.slice(0, query))}?${cleanParams(new URLSearchParams(hash.slice(query + 1)))}`;
  }
  if (hash.includes('=')) return cleanParams(new URLSearchParams(hash)).toString();
  return looksLikeToken(hash) ? '' : hash;
}
