import * as z from 'zod/mini';
import { text } from '../model/common';

/**
 * Who may send a request: extension pages (`ui`), content scripts
 * (`content`), or the findings host's offscreen document (`host`, Chrome).
 */
export type Sender = 'ui' | 'content' | 'host';

/** One request: who may send it, its payload and its reply. */
export interface RequestSpec<Req extends z.ZodMiniType, Res extends z.ZodMiniType> {
  from: Sender;
  request: Req;
  response: Res;
}

/** Keeps a spec's schema types exact in a table. */
export const spec = <Req extends z.ZodMiniType, Res extends z.ZodMiniType>(s: RequestSpec<Req, Res>) => s;

/** A table of requests by name. */
export type RequestTable = Record<string, RequestSpec<z.ZodMiniType, z.ZodMiniType>>;

/** The envelope every request travels in. */
export const Envelope = z.strictObject({ type: text(64), payload: z.unknown() });
