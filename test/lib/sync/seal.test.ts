import { describe, expect, it } from 'vitest';
import { createSealer, looksSealed, looksSealedBytes, PBKDF2_ITERATIONS, SealedFile } from '@/lib/sync/seal';

const NAME = 'members/0b8f6f7e.waymark.json';
const PLAIN = JSON.stringify({ note: 'PLANTED-NOTE the delivery fee shocked me', url: 'https://shop.example/cart' });

describe('createSealer', () => {
  it('round-trips a file with PBKDF2-SHA-256 at 600,000 iterations and AES-GCM', async () => {
    const alice = createSealer('correct horse battery staple');
    const sealed = await alice.seal(PLAIN, NAME);
    const envelope = SealedFile.parse(JSON.parse(sealed));
    expect(envelope.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: PBKDF2_ITERATIONS });
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(looksSealed(sealed)).toBe(true);
    // A teammate with the same passphrase (and no shared state) opens it.
    const bob = createSealer('correct horse battery staple');
    expect(await bob.open(sealed, NAME)).toEqual({ ok: true, text: PLAIN });
  });

  it('leaves no planted text in the ciphertext, and uses a fresh IV for every file', async () => {
    const sealer = createSealer('team secret');
    const [a, b] = [await sealer.seal(PLAIN, NAME), await sealer.seal(PLAIN, NAME)];
    for (const text of [a, b]) {
      expect(text).not.toContain('PLANTED-NOTE');
      expect(text).not.toContain('shop.example');
      expect(Buffer.from(SealedFile.parse(JSON.parse(text)).data, 'base64').toString('latin1')).not.toContain('PLANTED');
    }
    const [ea, eb] = [SealedFile.parse(JSON.parse(a)), SealedFile.parse(JSON.parse(b))];
    expect(ea.cipher.iv).not.toBe(eb.cipher.iv);
    expect(ea.data).not.toBe(eb.data);
    expect(ea.kdf.salt).toBe(eb.kdf.salt); // one salt per member: the slow derivation runs once
  });

  it('says "wrong passphrase" for a wrong passphrase, a tampered file, or a file renamed to another member', async () => {
    const sealed = await createSealer('right').seal(PLAIN, NAME);
    expect(await createSealer('wrong').open(sealed, NAME)).toEqual({ ok: false, reason: 'wrong-passphrase' });
    const envelope = JSON.parse(sealed);
    const bytes = Buffer.from(envelope.data, 'base64');
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    const tampered = JSON.stringify({ ...envelope, data: bytes.toString('base64') });
    expect(await createSealer('right').open(tampered, NAME)).toEqual({ ok: false, reason: 'wrong-passphrase' });
    expect(await createSealer('right').open(sealed, 'members/other.waymark.json')).toEqual({
      ok: false,
      reason: 'wrong-passphrase',
    });
  });

  it('refuses an envelope asking for too few iterations, or none at all', async () => {
    const sealed = JSON.parse(await createSealer('x').seal(PLAIN, NAME));
    const weak = JSON.stringify({ ...sealed, kdf: { ...sealed.kdf, iterations: 1_000 } });
    expect(await createSealer('x').open(weak, NAME)).toEqual({ ok: false, reason: 'not-sealed' });
    expect(await createSealer('x').open('{"format":"waymark-sealed"}', NAME)).toEqual({ ok: false, reason: 'not-sealed' });
    expect(looksSealed(PLAIN)).toBe(false);
  });

  it('seals bytes (a screenshot) with a fresh IV, the file name bound, and opens them with the passphrase only', async () => {
    const image = new TextEncoder().encode('RIFF....WEBPVP8 PLANTED-PIXELS');
    const shot = '20000000-0000-4000-8001-000000000001.webp';
    const sealer = createSealer('team secret');
    const [a, b] = [await sealer.sealBytes(image, shot), await sealer.sealBytes(image, shot)];
    expect(looksSealedBytes(a)).toBe(true);
    expect(looksSealedBytes(image)).toBe(false);
    expect(Buffer.from(a).toString('latin1')).not.toContain('PLANTED');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    expect(await createSealer('team secret').openBytes(a, shot)).toEqual({ ok: true, bytes: image });
    expect(await createSealer('wrong').openBytes(a, shot)).toEqual({ ok: false, reason: 'wrong-passphrase' });
    expect(await sealer.openBytes(a, `x${shot.slice(1)}`)).toEqual({ ok: false, reason: 'wrong-passphrase' });
    expect(await sealer.openBytes(image, shot)).toEqual({ ok: false, reason: 'not-sealed' });
    expect(await sealer.openBytes(a.slice(0, 20), shot)).toEqual({ ok: false, reason: 'not-sealed' });
  });
});
