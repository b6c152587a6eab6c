import { browser } from 'wxt/browser';

/**
 * Saves `text` as a download named `fileName`. Chrome's MV3 service worker
 * has no `URL.createObjectURL`, so there the file travels as a `data:` URL;
 * where blob URLs exist (Firefox's background page, which refuses `data:`
 * downloads) a blob URL is used and revoked once the download has started.
 */
export async function downloadText(text: string, fileName: string, mimeType: string): Promise<number> {
  const canBlob = typeof URL.createObjectURL === 'function';
  const url = canBlob
    ? URL.createObjectURL(new Blob([text], { type: mimeType }))
    : `data:${mimeType};charset=utf-8,${encodeURIComponent(text)}`;
  try {
    return await browser.downloads.download({ url, filename: fileName, saveAs: false, conflictAction: 'uniquify' });
  } finally {
    // Revoking at once can cancel the download in Firefox; a minute is ample.
    if (canBlob) setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
