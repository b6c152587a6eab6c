import type { Study } from '@/lib/model/study';
import { STUDY_DEFAULTS } from '@/lib/study/default-study';
import { type Member, tick } from './team';

/** Bytes standing in for a WebP image (Node has no image codec; the store's thumbnail is then the image itself). */
export function imageBytes(seed: string, size = 2_000): Uint8Array {
  const bytes = new Uint8Array(size);
  const head = new TextEncoder().encode(`RIFF....WEBPVP8 PLANTED-IMAGE-${seed}`);
  bytes.set(head);
  for (let i = head.length; i < size; i++) bytes[i] = (i * 31 + seed.length) % 251;
  return bytes;
}

/** A study owned by `author`, allowing screenshot sync or not. */
export function studyFor(author: string, n: number, syncScreenshots: boolean): Study {
  const at = tick();
  return {
    ...structuredClone(STUDY_DEFAULTS),
    id: `30000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    name: `${author}'s study`,
    syncScreenshots,
    createdAt: at,
    updatedAt: at,
    author,
  };
}

/** Captures a touchpoint with a screenshot in `member`'s journey, moved into `study`. */
export async function captureWithScreenshot(member: Member, id: string, study: Study, bytes: Uint8Array): Promise<void> {
  await member.db.put('studies', study);
  const meta = { path: `screenshots/${id}.webp`, mimeType: 'image/webp' as const, width: 1280, height: 800 };
  const tp = await member.capture(id, { screenshot: meta });
  const journey = await member.db.get('journeys', tp.journeyId);
  if (journey && journey.studyId !== study.id) {
    await member.db.put('journeys', { ...journey, studyId: study.id, updatedAt: tick(), author: member.author });
  }
  const image = new Blob([bytes as BlobPart], { type: 'image/webp' });
  await member.db.put('screenshots', { id, meta, image, thumbnail: image });
}

/** The stored image of a touchpoint, as bytes, or `null`. */
export async function storedImage(member: Member, id: string): Promise<Uint8Array | null> {
  const shot = await member.db.get('screenshots', id);
  return shot ? new Uint8Array(await shot.image.arrayBuffer()) : null;
}
