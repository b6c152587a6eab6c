import { browser } from 'wxt/browser';
import type { ScreenshotHints } from '../messages/protocol';
import type { StoredScreenshot } from '../store/schema';

const THUMBNAIL_WIDTH = 320;
const QUALITY = 0.8;

/**
 * Captures the visible part of the tab in `windowId`, blacks out the masked
 * boxes, outlines the target and encodes a WebP image and thumbnail. The boxes
 * come in CSS pixels; the capture is in device pixels, so they are scaled.
 * Returns `null` when the browser refuses (no permission, tab not visible):
 * a touchpoint is never lost for want of a picture.
 */
export async function captureScreenshot(
  windowId: number,
  touchpointId: string,
  hints: ScreenshotHints,
  viewportWidth: number,
): Promise<StoredScreenshot | null> {
  let dataUrl: string;
  try {
    dataUrl = await browser.tabs.captureVisibleTab(windowId, { format: 'png' });
  } catch {
    return null;
  }
  const bitmap = await createImageBitmap(await (await fetch(dataUrl)).blob());
  const scale = viewportWidth > 0 ? bitmap.width / viewportWidth : 1;
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.drawImage(bitmap, 0, 0);
  ctx.fillStyle = '#000';
  for (const box of hints.masks) ctx.fillRect(box.left * scale, box.top * scale, box.width * scale, box.height * scale);
  if (hints.target) {
    const { left, top, width, height } = hints.target;
    ctx.strokeStyle = '#4f46e5';
    ctx.lineWidth = Math.max(2, 3 * scale);
    ctx.strokeRect(left * scale, top * scale, width * scale, height * scale);
  }
  const image = await canvas.convertToBlob({ type: 'image/webp', quality: QUALITY });
  const thumbnail = await makeThumbnail(canvas);
  const mimeType = image.type === 'image/webp' ? 'image/webp' : 'image/png';
  return {
    id: touchpointId,
    meta: {
      path: `screenshots/${touchpointId}.${mimeType === 'image/webp' ? 'webp' : 'png'}`,
      mimeType,
      width: bitmap.width,
      height: bitmap.height,
    },
    image,
    thumbnail,
  };
}

/** A WebP thumbnail 320 px wide of `source`, for lists and the journey map. */
export async function makeThumbnail(source: ImageBitmap | OffscreenCanvas): Promise<Blob> {
  const height = Math.max(1, Math.round((source.height * THUMBNAIL_WIDTH) / source.width));
  const canvas = new OffscreenCanvas(THUMBNAIL_WIDTH, height);
  canvas.getContext('2d')?.drawImage(source, 0, 0, THUMBNAIL_WIDTH, height);
  return canvas.convertToBlob({ type: 'image/webp', quality: QUALITY });
}
