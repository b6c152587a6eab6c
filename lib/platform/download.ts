import { browser } from 'wxt/browser';
import { bytesToBase64 } from '../exchange/base64';

/** Starts the download of `url` as `fileName`, resolving with its id. */
export type StartDownload = (url: string, fileName: string) => Promise<number>;

/** The browser's own `downloads.download`, never asking where to save, never overwriting. */
export const startDownload: StartDownload = (url, fileName) =>
  browser.downloads.download({ url, filename: fileName, saveAs: false, conflictAction: 'uniquify' });

/**
 * Saves `data` (bytes, or text written as UTF-8) as a download named
 * `fileName`, started by `start` (Chrome's offscreen document has no
 * `downloads` API and asks the worker). Chrome's MV3 service worker has no
 * `URL.createObjectURL`, so there the file travels as a `data:` URL; where
 * blob URLs exist (Firefox's background page, which refuses `data:`
 * downloads; the offscreen document) a blob URL is used and revoked once the
 * download has started.
 */
async function download(data: Uint8Array | string, fileName: string, mimeType: string, start: StartDownload): Promise<number> {
  const canBlob = typeof URL.createObjectURL === 'function';
  const bytes = () => (typeof data === 'string' ? new TextEncoder().encode(data) : data);
  const url = canBlob
    ? URL.createObjectURL(new Blob([data as BlobPart], { type: mimeType }))
    : `data:${mimeType};base64,${bytesToBase64(bytes())}`;
  try {
    return await start(url, fileName);
  } finally {
    // Revoking at once can cancel the download in Firefox; a minute is ample.
    if (canBlob) setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

/** Saves `bytes` as a download (see `download`). */
export function downloadBytes(bytes: Uint8Array, fileName: string, mimeType: string, start = startDownload): Promise<number> {
  return download(bytes, fileName, mimeType, start);
}

/** Saves `text` as a UTF-8 download (see `download`). */
export function downloadText(text: string, fileName: string, mimeType: string, start = startDownload): Promise<number> {
  return download(text, fileName, `${mimeType};charset=utf-8`, start);
}
