import type * as z from 'zod/mini';
import { describeIssues } from '../model/describe-issues';
import type { RequestName, RequestOf, requests } from './protocol';
import { Envelope, type RequestTable, type Sender } from './request-spec';
import { type ErrorInfo, fail, ok, type Result } from './result';

/** What the browser tells us about who sent a message (`runtime.MessageSender`). */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; windowId?: number; active?: boolean; openerTabId?: number; incognito?: boolean };
  frameId?: number;
}

/** A handler gets a validated payload and returns the reply value. */
export type HandlersOf<T extends RequestTable> = {
  [K in keyof T]: (payload: z.output<T[K]['request']>, sender: SenderInfo) => Promise<z.output<T[K]['response']>>;
};

/** Handlers of every request (tests; the worker and the findings host each handle their own table). */
export type Handlers = HandlersOf<typeof requests>;

/** Where the router runs: our own id and pages' origin, to tell senders apart. */
export interface RouterContext {
  extensionId: string;
  /** e.g. `chrome-extension://<id>/` */
  extensionOrigin: string;
  /** The findings host's offscreen document (`chrome-extension://<id>/offscreen.html`), where there is one. */
  hostUrl?: string;
  /** Turns a thrown error into reply data (e.g. a full disk into `storage-full`). */
  describeError?: (error: unknown) => ErrorInfo;
}

/**
 * Which side a sender is on, from what the browser sets (never from what the
 * message claims): the findings host's document is `host`; our other pages
 * are `ui` even when opened in a tab; a script in a web page's tab is
 * `content`; anything else is rejected.
 */
export function classifySender(sender: SenderInfo, ctx: RouterContext): Sender | undefined {
  if (sender.id !== ctx.extensionId) return undefined;
  if (ctx.hostUrl !== undefined && sender.url === ctx.hostUrl && sender.tab === undefined) return 'host';
  if (sender.url?.startsWith(ctx.extensionOrigin)) return 'ui';
  if (sender.tab?.id !== undefined) return 'content';
  return undefined;
}

/**
 * Makes a message entry point for the requests of `requests` (the worker's,
 * or the findings host's): checks the sender, validates the payload, runs the
 * handler and validates its reply. It always resolves with a `Result`; it
 * never throws.
 */
export function createRouter<T extends RequestTable>(requests: T, handlers: HandlersOf<T>, ctx: RouterContext) {
  return async (raw: unknown, sender: SenderInfo): Promise<Result<unknown>> => {
    const envelope = Envelope.safeParse(raw);
    if (!envelope.success) return fail('bad-request', 'A message must be { type, payload }.');
    const { type, payload } = envelope.data;
    if (!Object.hasOwn(requests, type)) return fail('unknown-message', `Unknown message type "${type}".`);
    const name = type as keyof T & string;
    const spec = requests[name]!;
    const from = classifySender(sender, ctx);
    if (from !== spec.from) return fail('forbidden-sender', `"${name}" may not be sent from here.`);
    const parsed = spec.request.safeParse(payload);
    if (!parsed.success) {
      const problems = describeIssues(parsed.error.issues, payload).map((p) => (p.path ? `${p.path} ${p.message}` : p.message));
      return fail('bad-request', `Invalid "${name}": ${problems.join('; ')}.`);
    }
    try {
      const handler = handlers[name] as (p: unknown, s: SenderInfo) => Promise<unknown>;
      const value = await handler(parsed.data, sender);
      const checked = spec.response.safeParse(value);
      if (!checked.success) return fail('internal', `Reply to "${name}" failed validation.`);
      return ok(checked.data);
    } catch (error) {
      return { ok: false, error: ctx.describeError?.(error) ?? describeUnknownError(error) };
    }
  };
}

/** The default mapping of a thrown error to reply data. */
export function describeUnknownError(error: unknown): ErrorInfo {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError') {
    return { code: 'storage-full', message: 'The browser has no room left to store Waymark data.' };
  }
  if (name === 'NotFoundError') return { code: 'not-found', message };
  if (name === 'TabUnavailableError') return { code: 'tab-unavailable', message };
  // A request the data refuses (an answer that does not fit its step, a study still in use): said as it is.
  if (name === 'AnswerRejectedError' || name === 'StudyInUseError') return { code: 'bad-request', message };
  return { code: 'internal', message };
}

/** Typed payload helper for callers building requests by hand (tests, scripts). */
export function envelope<K extends RequestName>(type: K, payload: RequestOf<K>) {
  return { type, payload };
}
