import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bundled demo shop: product list, product, cart, checkout, a slow page. */
export const DEMO_ROOT = resolve(fileURLToPath(new URL('../demo', import.meta.url)));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

/** What `demo/hard/hostile.html` is served with: no inline script or style, nothing from elsewhere. */
const HOSTILE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'";

export interface DemoServer {
  /** e.g. `http://127.0.0.1:43121` */
  origin: string;
  close: () => Promise<void>;
}

export interface DemoServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default delay of `/slow.html`, overridable per request with `?delay=ms`. */
  slowMs?: number;
  /** Another folder of pages to serve (tests add hostile pages this way). */
  root?: string;
}

/** Serves the demo site on 127.0.0.1 only. */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const root = options.root ?? DEMO_ROOT;
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const relative = normalize(decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname));
    const file = join(root, relative);
    if (!file.startsWith(root)) {
      res.writeHead(403).end('Forbidden');
      return;
    }
    if (relative === '/slow.html') {
      const delay = Math.min(Number(url.searchParams.get('delay') ?? options.slowMs ?? 2_000) || 0, 30_000);
      await new Promise((done) => setTimeout(done, delay));
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
    } catch {
      res
        .writeHead(404, { 'content-type': 'text/html; charset=utf-8' })
        .end('<!doctype html><title>Not found</title><h1>Page not found</h1>');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      // Pages written to be hard get the strictest policy a real site might send.
      ...(relative.startsWith('/hard/hostile') ? { 'content-security-policy': HOSTILE_CSP } : {}),
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const demo = await startDemoServer({ port: Number(process.env.PORT ?? 0) });
  console.log(`Demo shop on ${demo.origin}/ (Ctrl+C to stop)`);
}
