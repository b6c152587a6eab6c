/**
 * Code that runs inside one of Waymark's extension pages, shared by the
 * Chromium (Playwright) and Firefox (puppeteer-core) drivers. Each function is
 * serialized as it stands, so it must not use anything from outside itself.
 */

/** A rectangle in CSS pixels of the captured viewport. */
export interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Everything in Waymark's IndexedDB as JSON text (Blobs show as `{}`). */
export async function dumpDatabaseInPage(): Promise<string> {
  const db = await new Promise<IDBDatabase>((ok, fail) => {
    const open = indexedDB.open('waymark');
    open.onsuccess = () => ok(open.result);
    open.onerror = () => fail(open.error);
  });
  const out: Record<string, unknown> = {};
  for (const name of Array.from(db.objectStoreNames)) {
    out[name] = await new Promise((ok) => {
      const req = db.transaction(name).objectStore(name).getAll();
      req.onsuccess = () => ok(req.result);
    });
  }
  db.close();
  return JSON.stringify(out);
}

/** Counts near-black pixels of the stored screenshot `id` inside each of `boxes`. */
export async function screenshotPixelsInPage({
  id,
  boxes,
  cssWidth,
}: {
  id: string;
  boxes: Region[];
  cssWidth: number;
}): Promise<{ black: number; total: number }[]> {
  const db = await new Promise<IDBDatabase>((ok, fail) => {
    const open = indexedDB.open('waymark');
    open.onsuccess = () => ok(open.result);
    open.onerror = () => fail(open.error);
  });
  const record = await new Promise<{ image: Blob; meta: { width: number } } | undefined>((ok) => {
    const req = db.transaction('screenshots').objectStore('screenshots').get(id);
    req.onsuccess = () => ok(req.result);
  });
  db.close();
  if (!record) throw new Error(`No screenshot for ${id}`);
  const bitmap = await createImageBitmap(record.image);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  const scale = bitmap.width / cssWidth;
  return boxes.map((b) => {
    // Inset by 3 px: the edges of a black box blur in lossy WebP.
    const x = Math.round((b.left + 3) * scale);
    const y = Math.round((b.top + 3) * scale);
    const w = Math.max(1, Math.round((b.width - 6) * scale));
    const h = Math.max(1, Math.round((b.height - 6) * scale));
    const data = ctx.getImageData(x, y, w, h).data;
    let black = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 24 && data[i + 1]! < 24 && data[i + 2]! < 24) black++;
    return { black, total: data.length / 4 };
  });
}

/** Sends each of `messages` to the background, from an extension page, and returns the replies. */
export async function sendMessagesInPage(messages: unknown[]): Promise<unknown[]> {
  const g = globalThis as unknown as {
    browser?: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } };
    chrome?: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } };
  };
  const runtime = (g.browser ?? g.chrome)!.runtime;
  return Promise.all(messages.map((message) => runtime.sendMessage(message)));
}
