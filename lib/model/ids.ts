/**
 * Record ids are UUID v4 strings, made where the event happens (page, popup,
 * worker) so that a retried write is the same write.
 *
 * `crypto.randomUUID` exists only in secure contexts, and content scripts
 * inherit the page's context: on an `http://` site it is missing. So we build
 * the UUID from `crypto.getRandomValues`, which every context has.
 */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40; // version 4
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The current time as an ISO-8601 UTC string, the only time format we store. */
export function nowIso(): string {
  return new Date().toISOString();
}
