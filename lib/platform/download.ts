import { browser } from 'wxt/browser';
import { bytesToBase64 } from '../exchange/base64';

/**
 * Saves `bytes` as a download named `fileName`. Chrome's MV3 service worker
 * has no `URL.createObjectURL`, so there the file travels as a `data:` URL;
 * where blob URLs exist (Firefox's background page, which refuses `data:`
 * downloads) a blob URL is used and revoked once the download has started.
 */
export async function downloadBytes(bytes: Uint8Array, fileName: string, mimeType: string): Promise<number> {
  const canBlob = typeof URL.createObjectURL === 'function';
  const url = canBlob
    ? URL.createObjectURL(new Blob([bytes as BlobPart], { type: mimeType }))
    : `data:${mimeType};base64,${bytesToBase64(bytes)}`;
  try {
    return await browser.downloads.download({ url, filename: fileName, saveAs: false, conflictAction: 'uniquify' });
  } finally {
    // Revoking at once can cancel the download in Firefox; a minute is ample.
    if (canBlob) setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

/** Saves UTF-8 `text` as a download (see `downloadBytes`). */
export function downloadText(text: string, fileName: string, mimeType: string): Promise<number> {
  return downloadBytes(new TextEncoder().encode(text), fileName, `${mimeType};charset=utf-8`);
}
