import { browser } from 'wxt/browser';

let versionRead: string | undefined;

/**
 * For a context without `runtime.getManifest` (Chrome's offscreen document
 * has only part of `runtime`): the extension's version, read from its
 * manifest file instead.
 */
export function useVersion(version: string): void {
  versionRead = version;
}

/** `Waymark <version>`, the `generator` of every file Waymark writes. */
export function generatorName(): string {
  const version = typeof browser.runtime.getManifest === 'function' ? browser.runtime.getManifest().version : versionRead;
  return `Waymark ${version ?? 'unknown version'}`;
}
