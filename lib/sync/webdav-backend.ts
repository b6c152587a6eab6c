import {
  type ImageWriteOutcome,
  MEMBER_FILE,
  type RemoteFile,
  SCREENSHOT_FILE,
  type SyncBackend,
  SyncError,
  type WriteCondition,
  type WriteOutcome,
} from './backend';
import { parseMultistatus } from './multistatus';

/** Where and as whom to reach a WebDAV team folder. */
export interface WebDavAccount {
  /** The team folder, e.g. `https://cloud.example/remote.php/dav/files/alice/Waymark/`. */
  url: string;
  user: string;
  /** An app password, not the account's main password. */
  password: string;
}

const PROPFIND_BODY =
  '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/><d:getlastmodified/><d:resourcetype/></d:prop></d:propfind>';

/** `Basic base64(user:password)`, with the UTF-8 bytes of both (RFC 7617 §2.1 charset). */
export function basicAuth(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/** The folder's address with exactly one trailing slash. */
export function folderUrl(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/**
 * A WebDAV team folder over `fetch`: PROPFIND (Depth 1) to list, GET to read,
 * PUT with `If-Match` / `If-None-Match: *` to write, MKCOL to create
 * `members/`. Works in a service worker (no DOM). The worker's fetch needs
 * host permission for the server's origin; without it every request fails
 * as if the server were unreachable.
 */
export function createWebDavBackend(account: WebDavAccount, fetchImpl: typeof fetch = (...a) => fetch(...a)): SyncBackend {
  const base = folderUrl(account.url);
  const members = new URL('members/', base).href;
  const screenshots = new URL('screenshots/', base).href;
  const auth = basicAuth(account.user, account.password);

  async function send(
    method: string,
    url: string,
    headers: Record<string, string> = {},
    body?: string | Uint8Array,
  ): Promise<Response> {
    try {
      return await fetchImpl(url, {
        method,
        headers: { Authorization: auth, ...headers },
        body: body as BodyInit | undefined,
        credentials: 'omit', // the Authorization header only, never the browser's cookies for that site
        cache: 'no-store',
      });
    } catch (error) {
      throw new SyncError('unreachable', `The server at ${new URL(base).origin} could not be reached (${describe(error)}).`);
    }
  }

  function fail(response: Response, what: string): never {
    const { status } = response;
    if (status === 401) throw new SyncError('unauthorized', 'The server refused the user name or app password (401).');
    if (status === 403) throw new SyncError('forbidden', `This account may not ${what} (403).`);
    if (status === 404 || status === 409)
      throw new SyncError('folder-not-found', `The team folder ${base} was not found (${status}).`);
    throw new SyncError('server', `The server failed to ${what} (${status} ${response.statusText}).`);
  }

  async function etagOf(url: string): Promise<string | null> {
    const response = await send('PROPFIND', url, { Depth: '0', 'Content-Type': 'application/xml; charset=utf-8' }, PROPFIND_BODY);
    if (response.status !== 207) return null;
    return parseMultistatus(await response.text())[0]?.etag ?? null;
  }

  return {
    async ensureFolder() {
      const probe = await send('PROPFIND', base, { Depth: '0', 'Content-Type': 'application/xml; charset=utf-8' }, PROPFIND_BODY);
      if (probe.status !== 207) fail(probe, 'open the team folder');
      await probe.body?.cancel();
      const made = await send('MKCOL', members);
      // 201 made it; 405 means it exists already (RFC 4918 §9.3.1).
      if (made.status !== 201 && made.status !== 405) fail(made, 'create the members folder');
      await made.body?.cancel();
    },
    async list(): Promise<RemoteFile[]> {
      const response = await send(
        'PROPFIND',
        members,
        { Depth: '1', 'Content-Type': 'application/xml; charset=utf-8' },
        PROPFIND_BODY,
      );
      if (response.status !== 207) fail(response, 'list the members folder');
      const files: RemoteFile[] = [];
      for (const entry of parseMultistatus(await response.text())) {
        if (entry.collection) continue;
        const name = lastSegment(entry.href);
        if (name && MEMBER_FILE.test(name)) files.push({ name, etag: entry.etag });
      }
      return files;
    },
    async read(name: string) {
      const response = await send('GET', memberUrl(name));
      if (response.status === 404) return null;
      if (!response.ok) fail(response, `read ${name}`);
      return { text: await response.text(), etag: response.headers.get('ETag') };
    },
    async write(name: string, text: string, condition: WriteCondition): Promise<WriteOutcome> {
      const url = memberUrl(name);
      const guard: Record<string, string> = 'ifMatch' in condition ? { 'If-Match': condition.ifMatch } : { 'If-None-Match': '*' };
      const response = await send('PUT', url, { 'Content-Type': 'application/json; charset=utf-8', ...guard }, text);
      await response.body?.cancel();
      if (response.status === 412) return { written: false, reason: 'changed' };
      if (!response.ok) fail(response, `write ${name}`);
      // Apache's PUT reply carries no ETag: read it back.
      return { written: true, etag: response.headers.get('ETag') ?? (await etagOf(url)) };
    },
    async listImages(): Promise<string[]> {
      const response = await send(
        'PROPFIND',
        screenshots,
        { Depth: '1', 'Content-Type': 'application/xml; charset=utf-8' },
        PROPFIND_BODY,
      );
      if (response.status === 404) return [];
      if (response.status !== 207) fail(response, 'list the screenshots folder');
      const names = parseMultistatus(await response.text()).map((entry) =>
        entry.collection ? undefined : lastSegment(entry.href),
      );
      return names.filter((name): name is string => name !== undefined && SCREENSHOT_FILE.test(name));
    },
    async readImage(name: string) {
      const response = await send('GET', imageUrl(name));
      if (response.status === 404) return null;
      if (!response.ok) fail(response, `read ${name}`);
      return new Uint8Array(await response.arrayBuffer());
    },
    async writeImage(name: string, bytes: Uint8Array): Promise<ImageWriteOutcome> {
      for (let attempt = 1; ; attempt++) {
        const headers = { 'Content-Type': 'application/octet-stream', 'If-None-Match': '*' };
        const response = await send('PUT', imageUrl(name), headers, bytes);
        await response.body?.cancel();
        if (response.status === 412) return 'exists';
        if (response.status === 413 || response.status === 415 || response.status === 507) return 'refused';
        if (response.ok) return 'written';
        if (response.status !== 409 || attempt > 1) fail(response, `write ${name}`);
        // 409: `screenshots/` is missing (RFC 4918 §9.7.1). Make it (405: it exists already) and put again.
        const made = await send('MKCOL', screenshots);
        await made.body?.cancel();
        if (made.status !== 201 && made.status !== 405) fail(made, 'create the screenshots folder');
      }
    },
  };

  function imageUrl(name: string): string {
    if (!SCREENSHOT_FILE.test(name)) throw new SyncError('server', `Not a screenshot file name: ${name}`);
    return new URL(name, screenshots).href;
  }

  function memberUrl(name: string): string {
    if (!MEMBER_FILE.test(name)) throw new SyncError('server', `Not a member file name: ${name}`);
    return new URL(encodeURIComponent(name), members).href;
  }
}

/** The last path segment of an href (a path or a full URL), decoded. */
function lastSegment(href: string): string | undefined {
  const path = href.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/\/+$/, '');
  const segment = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function describe(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return error instanceof Error ? `${error.message}${cause}` : String(error);
}
