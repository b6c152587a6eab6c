import { bytesToBase64 } from '@/lib/exchange/base64';
import { DEFAULT_MAX_IMPORT_BYTES, parseImport } from '@/lib/exchange/parse-import';
import { isZip, readZipBundle } from '@/lib/exchange/zip-bundle';
import type { ExportFile } from '@/lib/model/export-file';

/** A file ready to send to the background, or the reasons it was refused. */
export type ReadImport =
  | { ok: true; file: ExportFile; screenshots: { touchpointId: string; base64: string }[] }
  | { ok: false; problems: string[] };

/**
 * Reads a picked file (a JSON export or a ZIP bundle) and validates it here,
 * before anything is sent or written. The size is checked before reading.
 */
export async function readImport(picked: File): Promise<ReadImport> {
  const limitMb = Math.round(DEFAULT_MAX_IMPORT_BYTES / 1e6);
  if (picked.size > DEFAULT_MAX_IMPORT_BYTES * 4) {
    return {
      ok: false,
      problems: [`The file is ${Math.round(picked.size / 1e6)} MB; Waymark imports files up to ${limitMb} MB.`],
    };
  }
  const bytes = new Uint8Array(await picked.arrayBuffer());
  let text: string;
  let images = new Map<string, Uint8Array>();
  if (isZip(bytes)) {
    try {
      const bundle = readZipBundle(bytes);
      text = bundle.json;
      images = bundle.screenshots;
    } catch (error) {
      return { ok: false, problems: [error instanceof Error ? error.message : String(error)] };
    }
  } else {
    text = new TextDecoder().decode(bytes);
  }
  const parsed = parseImport(text);
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)) };
  const screenshots = [];
  for (const tp of parsed.file.touchpoints) {
    const image = tp.screenshot && images.get(tp.screenshot.path);
    if (image) screenshots.push({ touchpointId: tp.id, base64: bytesToBase64(image) });
  }
  return { ok: true, file: parsed.file, screenshots };
}
