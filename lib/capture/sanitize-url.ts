import { maskSensitiveText } from './mask-text';

/** The placeholder written in place of a masked query value. */
export const MASK = '***';

/** Query parameters that only track marketing attribution: dropped. */
const TRACKING =
  /^(utm_[a-z_]+|gclid|gclsrc|dclid|gbraid|wbraid|fbclid|msclkid|yclid|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|igshid|mkt_tok|oly_anon_id|oly_enc_id|vero_id|ttclid|twclid|li_fat_id|s_cid|ref_src|spm)$/i;

/**
 * Query parameters whose value is a secret (tokens, sessions, credentials),
 * personal (email, phone) or typed by the user (searches): masked.
 */
const SENSITIVE =
  /(^|[_-])(token|access_token|id_token|refresh_token|auth|authorization|code|state|nonce|key|apikey|api_key|secret|signature|sig|password|passwd|pass|pwd|session|sessionid|session_id|sid|jsessionid|phpsessid|otp|email|e-mail|mail|phone|tel|mobile|q|query|search|s|keyword|keywords|term|text|card|cc|iban|ssn|user|username|login)($|[_-])/i;

/** A long run of letters and digits that looks random: probably a token. */
function looksLikeToken(value: string): boolean {
  return value.length >= 24 && /^[A-Za-z0-9_\-.~+/=%]+$/.test(value) && /\d/.test(value) && /[A-Za-z]/.test(value);
}

function cleanParams(params: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of params) {
    if (TRACKING.test(key)) continue;
    const secret = SENSITIVE.test(key) || value.includes('@') || looksLikeToken(value);
    out.append(key, secret && value !== '' ? MASK : maskSensitiveText(value));
  }
  return out;
}

/**
 * The URL as Waymark stores it: no user:password, tracking parameters
 * dropped, secret/personal/typed query values masked, emails in the path
 * masked, and a fragment kept only when it is a route (`#/cart`), with
 * `key=value` fragments (OAuth tokens) cleaned like a query. Returns the input
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
  url.pathname = url.pathname
    .split('/')
    .map((segment) => (/%40|@/.test(segment) ? MASK : segment))
    .join('/');
  url.search = cleanParams(url.searchParams).toString();
  const hash = url.hash.slice(1);
  if (hash.includes('=')) {
    const cleaned = cleanParams(new URLSearchParams(hash)).toString();
    url.hash = cleaned;
  } else if (looksLikeToken(hash)) {
    url.hash = '';
  }
  return url.toString();
}
