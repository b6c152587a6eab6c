import type { LocalRecords } from '../exchange/merge';
import type { Screenshot, Touchpoint } from '../model/touchpoint';
import { SCREENSHOT_FILE, type SyncBackend } from './backend';
import { type FileSealer, looksSealedBytes } from './seal';
import type { SyncState } from './sync-state';

/**
 * Screenshot images through the team folder, only for journeys whose study
 * allows it (`syncScreenshots`, off by default: images can show personal
 * data). Each member uploads the images of the touchpoints they own (the same
 * rule as their member file) to `screenshots/<touchpointId>.<ext>`, sealed
 * when the team encrypts, and downloads the images of touchpoints that name
 * one but have none here. An image never changes for a touchpoint, so one
 * uploaded (or found there) is never sent again: the state remembers it, and
 * a routine sync moves no image. Turning a study's setting off stops new
 * uploads; images already in the folder stay there.
 */

/** The local store's screenshots as image sync sees them. */
export interface SyncScreenshotStore {
  /** Ids of the touchpoints that have an image here. */
  storedIds(): Promise<Set<string>>;
  /** A stored image's bytes, or `null`. */
  image(touchpointId: string): Promise<Uint8Array | null>;
  /** Stores a teammate's image with a thumbnail, unless the touchpoint is gone or this is no image the browser can read. */
  save(touchpointId: string, meta: Screenshot, bytes: Uint8Array): Promise<'saved' | 'gone' | 'unreadable'>;
}

/** Images larger than this stay in the browser that took them (a full-page PNG of a 4K screen is about this size). */
export const MAX_SYNCED_SCREENSHOT_BYTES = 8 * 1024 * 1024;
/** Skipped screenshots the state remembers. */
const MAX_SKIPPED_NOTES = 1_000;
/** What sealing adds to an image: the envelope's header and the GCM tag. */
const SEAL_OVERHEAD = 128;

/** What image sync needs from the run. */
export interface ScreenshotSync {
  backend: SyncBackend;
  store: SyncScreenshotStore;
  sealer: FileSealer | null;
  /** The name our records carry: we upload the images of our touchpoints. */
  author: string;
  maxBytes: number;
}

/** A screenshot skipped for good, and why in plain words. */
export interface SkippedScreenshot {
  touchpointId: string;
  reason: string;
}

/** What one run did with images. */
export interface ScreenshotReport {
  uploaded: number;
  downloaded: number;
  /** Skipped in this run. */
  skipped: SkippedScreenshot[];
}

interface Shareable {
  touchpoint: Touchpoint & { screenshot: Screenshot };
  /** The file name in `screenshots/`. */
  name: string;
}

/** The touchpoints whose image may travel: their journey's study allows it, and they name an image file of their own. */
export function shareableScreenshots(records: LocalRecords): Shareable[] {
  const allowed = new Set((records.studies ?? []).filter((s) => s.syncScreenshots).map((s) => s.id));
  if (allowed.size === 0) return [];
  const journeys = new Set(records.journeys.filter((j) => allowed.has(j.studyId)).map((j) => j.id));
  return records.touchpoints.flatMap((touchpoint) => {
    const name = touchpoint.screenshot ? imageFileName(touchpoint.id, touchpoint.screenshot) : null;
    return name && journeys.has(touchpoint.journeyId)
      ? [{ touchpoint: { ...touchpoint, screenshot: touchpoint.screenshot! }, name }]
      : [];
  });
}

/** `<touchpointId>.<ext>` from `screenshots/<touchpointId>.<ext>`; `null` if the metadata names another touchpoint's file. */
function imageFileName(touchpointId: string, meta: Screenshot): string | null {
  const name = meta.path.slice('screenshots/'.length);
  return SCREENSHOT_FILE.test(name) && name.startsWith(`${touchpointId}.`) ? name : null;
}

/** Uploads our new images and downloads missing ones. Remembers both in `state`; backend errors end the run as any other. */
export async function syncScreenshots(sync: ScreenshotSync, records: LocalRecords, state: SyncState): Promise<ScreenshotReport> {
  const report: ScreenshotReport = { uploaded: 0, downloaded: 0, skipped: [] };
  const shareable = shareableScreenshots(records);
  if (shareable.length === 0) return report;
  const stored = await sync.store.storedIds();
  const done = new Set(state.uploadedScreenshots ?? []);
  const skipped = new Set((state.skippedScreenshots ?? []).map((s) => s.touchpointId));
  const skip = (touchpointId: string, reason: string) => {
    skipped.add(touchpointId);
    report.skipped.push({ touchpointId, reason });
  };
  const pending = (s: Shareable) => !done.has(s.touchpoint.id) && !skipped.has(s.touchpoint.id);
  try {
    const mine = shareable.filter((s) => s.touchpoint.author === sync.author && stored.has(s.touchpoint.id) && pending(s));
    for (const item of mine) {
      const outcome = await upload(sync, item, skip);
      if (outcome === 'written') report.uploaded++;
      if (outcome !== 'skipped') done.add(item.touchpoint.id);
    }
    const missing = shareable.filter((s) => !stored.has(s.touchpoint.id) && !skipped.has(s.touchpoint.id));
    if (missing.length === 0) return report;
    const present = new Set(await sync.backend.listImages());
    for (const item of missing) {
      if (!present.has(item.name)) continue; // not uploaded yet: look again next time
      if (await download(sync, item, skip)) {
        report.downloaded++;
        done.add(item.touchpoint.id); // it is in the folder: ours to upload only if lost
      }
    }
    return report;
  } finally {
    state.uploadedScreenshots = [...done];
    // The newest notes; an older skip that falls off is simply tried again.
    state.skippedScreenshots = [...(state.skippedScreenshots ?? []), ...report.skipped].slice(-MAX_SKIPPED_NOTES);
  }
}

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

async function upload(
  sync: ScreenshotSync,
  { touchpoint, name }: Shareable,
  skip: (id: string, reason: string) => void,
): Promise<'written' | 'exists' | 'skipped'> {
  const bytes = await sync.store.image(touchpoint.id);
  if (!bytes) return 'skipped';
  if (bytes.length > sync.maxBytes) {
    skip(touchpoint.id, `The screenshot is larger than ${megabytes(sync.maxBytes)}; it stays in this browser.`);
    return 'skipped';
  }
  const body = sync.sealer ? await sync.sealer.sealBytes(bytes, name) : bytes;
  const outcome = await sync.backend.writeImage(name, body);
  if (outcome !== 'refused') return outcome;
  skip(touchpoint.id, 'The server refused the screenshot (too large, or not allowed); it stays in this browser.');
  return 'skipped';
}

/** Reads, opens (if sealed) and stores one teammate's image; `false` if it vanished or was skipped. */
async function download(
  sync: ScreenshotSync,
  { touchpoint, name }: Shareable,
  skip: (id: string, reason: string) => void,
): Promise<boolean> {
  const got = await sync.backend.readImage(name);
  if (!got) return false;
  if (got.length > sync.maxBytes + SEAL_OVERHEAD) {
    skip(touchpoint.id, `The teammate's screenshot is larger than ${megabytes(sync.maxBytes)}; it was not downloaded again.`);
    return false;
  }
  let bytes = got;
  if (looksSealedBytes(got)) {
    const opened = sync.sealer ? await sync.sealer.openBytes(got, name) : null;
    if (!opened?.ok) {
      skip(touchpoint.id, 'The screenshot is encrypted, and the team passphrase here does not open it.');
      return false;
    }
    bytes = opened.bytes;
  }
  const saved = await sync.store.save(touchpoint.id, touchpoint.screenshot, bytes);
  if (saved !== 'unreadable') return saved === 'saved';
  skip(touchpoint.id, 'The screenshot is not an image this browser can read.');
  return false;
}
