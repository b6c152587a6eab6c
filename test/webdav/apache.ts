import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Debian's Apache httpd binary (package `apache2`; `htpasswd` comes with `apache2-utils`). */
export const APACHE_BIN = process.env.APACHE_BIN ?? '/usr/sbin/apache2';

/** Whether Apache httpd and htpasswd are installed here (.ci/run installs them). */
export function apacheAvailable(): boolean {
  return existsSync(APACHE_BIN) && existsSync('/usr/bin/htpasswd') && existsSync('/usr/lib/apache2/modules/mod_dav_fs.so');
}

export interface ApacheOptions {
  user?: string;
  password?: string;
  /** `Digest` (strong ETags at once) or `MTime Size` (Apache's default: weak ETags for a second after a write). */
  fileEtag?: 'Digest' | 'MTime Size';
}

/** A running Apache httpd serving a temp folder over WebDAV with Basic auth. */
export interface ApacheDav {
  /** The shared folder's address, with a trailing slash: `http://127.0.0.1:<port>/dav/`. */
  url: string;
  user: string;
  password: string;
  /** The folder on disk behind `url`. */
  dataDir: string;
  stop: () => Promise<void>;
  /** Starts it again on the same port and folder after `stop`. */
  start: () => Promise<void>;
  /** Stops it and removes its folders. */
  dispose: () => Promise<void>;
}

const TEMPLATE = fileURLToPath(new URL('./httpd.conf.template', import.meta.url));

/** A free loopback TCP port, picked before Apache binds it. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** `www-data`'s uid and gid: as root, Apache's children must run as someone, and must own the folder they write. */
function wwwData(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'www-data'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'www-data'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

async function waitForPort(url: string, process: ChildProcess, errorLog: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (process.exitCode !== null) break;
    try {
      await fetch(url, { method: 'OPTIONS' });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const log = await readFile(errorLog, 'utf8').catch(() => '');
  throw new Error(`Apache did not start (exit code ${process.exitCode}): ${log.slice(-2000)}`);
}

/**
 * Starts Apache httpd in the foreground from test/webdav/httpd.conf.template
 * (not the system config), with mod_dav_fs serving a fresh temp folder at
 * `/dav/` on a free loopback port, behind Basic auth.
 */
export async function startApacheDav(options: ApacheOptions = {}): Promise<ApacheDav> {
  const user = options.user ?? 'alice';
  const password = options.password ?? 'app-password-1';
  const port = await freePort();
  const root = await mkdtemp(join(tmpdir(), 'waymark-dav-'));
  const runDir = join(root, 'run');
  const dataDir = join(root, 'data');
  await mkdir(runDir);
  await mkdir(dataDir);
  const owner = wwwData();
  if (owner) {
    await chown(root, owner.uid, owner.gid);
    await chown(runDir, owner.uid, owner.gid);
    await chown(dataDir, owner.uid, owner.gid);
  }
  execFileSync('htpasswd', ['-b', '-c', '-B', join(runDir, 'htpasswd'), user, password], { stdio: 'ignore' });
  const config = (await readFile(TEMPLATE, 'utf8'))
    .replaceAll('{{PORT}}', String(port))
    .replaceAll('{{RUN_DIR}}', runDir)
    .replaceAll('{{DATA_DIR}}', dataDir)
    .replaceAll('{{FILE_ETAG}}', options.fileEtag ?? 'Digest')
    .replaceAll('{{USER_GROUP}}', owner ? 'User www-data\nGroup www-data' : '');
  const configPath = join(runDir, 'httpd.conf');
  await writeFile(configPath, config);
  const url = `http://127.0.0.1:${port}/dav/`;
  let child: ChildProcess | undefined;

  const start = async () => {
    const proc = spawn(APACHE_BIN, ['-f', configPath, '-D', 'FOREGROUND'], { stdio: 'ignore' });
    child = proc;
    await waitForPort(url, proc, join(runDir, 'error.log'));
  };
  const stop = async () => {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    await exited;
  };
  await start();
  return {
    url,
    user,
    password,
    dataDir,
    start,
    stop,
    dispose: async () => {
      await stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/**
 * Sends `method` to `path` under the shared folder as a teammate's WebDAV
 * client would (Basic auth), e.g. to drop a file into `members/` or make a folder.
 */
export async function davRequest(
  dav: ApacheDav,
  method: 'PUT' | 'MKCOL' | 'DELETE',
  path: string,
  body?: string,
): Promise<{ status: number; text: string }> {
  const response = await fetch(new URL(path, dav.url), {
    method,
    body,
    headers: { Authorization: `Basic ${Buffer.from(`${dav.user}:${dav.password}`).toString('base64')}` },
  });
  return { status: response.status, text: await response.text() };
}
