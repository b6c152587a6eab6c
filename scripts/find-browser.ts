import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

/** Where a Chromium-family browser is usually installed, in order of preference. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds a Chromium to drive: `CHROME_PATH`, then Debian's `/usr/bin/chromium`,
 * then Google Chrome. With none, and when we may (root with apt-get), installs
 * Debian's `chromium` package; otherwise stops with instructions. Never
 * downloads a browser build.
 */
export function findChromium(options: { install?: boolean } = {}): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (executable(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to ${fromEnv}, which is not an executable file.`);
  }
  const found = CANDIDATES.find(executable);
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  if (options.install !== false && isRoot && executable('/usr/bin/apt-get')) {
    console.log('No Chromium found: installing Debian\'s "chromium" package (apt-get)…');
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (executable('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  throw new Error(
    [
      'No Chromium or Google Chrome was found.',
      'Install one, e.g. on Debian/Ubuntu: sudo apt-get install chromium',
      'or point CHROME_PATH at a Chrome/Chromium executable.',
    ].join('\n'),
  );
}

/** Where a Firefox is usually installed, in order of preference (ESR first: what we support). */
const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/Applications/Firefox.app/Contents/MacOS/firefox'];

/**
 * Finds a Firefox to drive: `FIREFOX_PATH`, then Debian's `/usr/bin/firefox-esr`,
 * then `/usr/bin/firefox`. With none, and when we may (root with apt-get),
 * installs Debian's `firefox-esr` package; otherwise stops with instructions.
 * Never downloads a browser build.
 */
export function findFirefox(options: { install?: boolean } = {}): string {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (executable(fromEnv)) return fromEnv;
    throw new Error(`FIREFOX_PATH is set to ${fromEnv}, which is not an executable file.`);
  }
  const found = FIREFOX_CANDIDATES.find(executable);
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  if (options.install !== false && isRoot && executable('/usr/bin/apt-get')) {
    console.log('No Firefox found: installing Debian\'s "firefox-esr" package (apt-get)…');
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', 'firefox-esr'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (executable('/usr/bin/firefox-esr')) return '/usr/bin/firefox-esr';
  }
  throw new Error(
    [
      'No Firefox was found.',
      'Install one, e.g. on Debian/Ubuntu: sudo apt-get install firefox-esr',
      'or point FIREFOX_PATH at a Firefox executable.',
    ].join('\n'),
  );
}

if (process.argv[1]?.endsWith('find-browser.ts')) {
  console.log(process.argv.includes('--firefox') ? findFirefox() : findChromium());
}
