import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { findChromium } from '../find-browser';

/** The built extension a test drives (`wxt build --mode e2e`). */
export const E2E_EXTENSION_DIR = resolve(process.env.WAYMARK_EXTENSION_DIR ?? '.output/chrome-mv3-e2e');

export interface LaunchOptions {
  extensionDir: string;
  headless?: boolean;
  /** Where `downloads.download` saves files (under GUID names). */
  downloadsPath?: string;
  /** A profile to reuse; by default a fresh temporary one. */
  profileDir?: string;
  /** First page to open, e.g. the demo site. */
  startUrl?: string;
  /** UI language of the browser (and so of Waymark), e.g. `fa` or `zh-CN`. */
  locale?: string;
}

/** A Chromium with Waymark loaded. */
export interface WaymarkBrowser {
  context: BrowserContext;
  extensionId: string;
  profileDir: string;
  close: () => Promise<void>;
}

/** Flags every driven Chromium gets, with or without the extension (the benches compare both). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
];

/**
 * Starts Chromium with the extension loaded, in a fresh profile unless one is
 * given, and waits for the extension's service worker to learn its id.
 */
export async function launchWaymark(options: LaunchOptions): Promise<WaymarkBrowser> {
  const ownProfile = !options.profileDir;
  if (options.downloadsPath) await mkdir(options.downloadsPath, { recursive: true });
  const profileDir = options.profileDir ?? (await mkdtemp(join(tmpdir(), 'waymark-profile-')));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: findChromium(),
    headless: options.headless ?? true,
    acceptDownloads: true,
    downloadsPath: options.downloadsPath,
    viewport: options.headless === false ? null : { width: 1280, height: 800 },
    locale: options.locale,
    // On Linux Chromium takes its UI language (and `i18n.getUILanguage`) from LANGUAGE.
    env: options.locale ? { ...process.env, LANGUAGE: options.locale.replace('-', '_') } : undefined,
    args: [
      ...(options.locale ? [`--lang=${options.locale}`] : []),
      `--disable-extensions-except=${options.extensionDir}`,
      `--load-extension=${options.extensionDir}`,
      ...CHROMIUM_ARGS,
      ...(options.startUrl ? [options.startUrl] : []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    profileDir,
    close: async () => {
      await context.close();
      if (ownProfile) await rm(profileDir, { recursive: true, force: true });
    },
  };
}
