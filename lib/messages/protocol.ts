import * as z from 'zod/mini';
import { Id } from '../model/common';
import { captureRequests, hostRequests } from './capture-requests';
import { findingsRequests } from './findings-requests';

export * from './capture-requests';
export * from './findings-requests';
export { Envelope, type Sender } from './request-spec';

/**
 * Every request an extension page or content script can send to the
 * background, by name. The table is split by where the code that answers
 * runs: the worker itself (capture-requests.ts) or the findings host
 * (findings-requests.ts). Code in the worker imports those modules, never
 * this one, which would bring the findings schemas into its bundle.
 */
export const requests = { ...captureRequests, ...hostRequests, ...findingsRequests } as const;

export type RequestName = keyof typeof requests;
export type RequestOf<K extends RequestName> = z.input<(typeof requests)[K]['request']>;
export type ResponseOf<K extends RequestName> = z.output<(typeof requests)[K]['response']>;

export type { ContentCommand } from './content-command';

/** Notices the background broadcasts to open extension pages; no reply. */
export const UiNotice = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('notice.touchpointSaved'),
    payload: z.strictObject({ journeyId: Id, touchpointId: Id }),
  }),
  /** Anything else about these journeys changed: status, details, interactions, an edit. */
  z.strictObject({
    type: z.literal('notice.journeysChanged'),
    payload: z.strictObject({ journeyIds: z.array(Id) }),
  }),
]);
export type UiNotice = z.infer<typeof UiNotice>;
