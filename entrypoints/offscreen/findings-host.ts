import * as z from 'zod/mini';
import { findingsRequests } from '@/lib/messages/findings-requests';
import { createRouter, type RouterContext, type SenderInfo } from '@/lib/messages/router';
import { createFindingsHandlers, type FindingsEnv } from './findings-handlers';
import { syncNow } from './team-sync';

/**
 * A job the worker hands to the findings host: a findings request as a page
 * sent it, with the sender the browser reported to the worker; or the team
 * sync the schedule's alarm asks for.
 */
export type FindingsJob = { kind: 'request'; message: unknown; sender: SenderInfo } | { kind: 'scheduledSync' };

/** The message that carries a job from the worker to the offscreen document. */
export const JOB_MESSAGE = 'offscreen.job';

const JobMessage = z.strictObject({
  type: z.literal(JOB_MESSAGE),
  payload: z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('request'),
      message: z.unknown(),
      sender: z.object({
        id: z.optional(z.string()),
        url: z.optional(z.string()),
        frameId: z.optional(z.number()),
        tab: z.optional(z.object({ id: z.optional(z.number()) })),
      }),
    }),
    z.strictObject({ kind: z.literal('scheduledSync') }),
  ]),
});

/** The job a message carries, or `null` if it is not a job message. */
export function jobOf(message: unknown): FindingsJob | null {
  const parsed = JobMessage.safeParse(message);
  return parsed.success ? (parsed.data.payload as FindingsJob) : null;
}

/**
 * The findings host: validates each findings request against its table and
 * runs it (findings-handlers.ts), as the worker's router does for its own.
 * Runs in Chrome's offscreen document (main.ts) and, in Firefox, in the
 * background page itself (entrypoints/background/findings-bridge.ts).
 */
export function createFindingsHost(env: FindingsEnv, ctx: RouterContext): (job: FindingsJob) => Promise<unknown> {
  const route = createRouter(findingsRequests, createFindingsHandlers(env), ctx);
  return async (job) => {
    if (job.kind === 'scheduledSync') {
      await syncNow('schedule', env.db);
      return null;
    }
    return route(job.message, job.sender);
  };
}
