import * as z from 'zod/mini';
import { integer } from '../model/common';
import { base64ToBytes, bytesToBase64 } from '../exchange/base64';

/**
 * End-to-end encryption of member files with a team passphrase (WebCrypto,
 * the same in the worker, extension pages and Node 20): a key is derived with
 * PBKDF2-SHA-256 and encrypts the whole file with AES-256-GCM under a fresh
 * random 96-bit IV each time. The salt, iteration count and IV travel in the
 * envelope; the file name is bound as additional data, so a sealed file
 * cannot be passed off under another member's name. The server sees only the
 * envelope: no note, URL or title.
 */

/** OWASP's 2023 floor for PBKDF2-HMAC-SHA256 (https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html). */
export const PBKDF2_ITERATIONS = 600_000;
/** A file claiming more than this is refused: deriving would freeze the worker. */
const MAX_ITERATIONS = 10_000_000;

/** What a sealed member file holds. */
export const SealedFile = z.strictObject({
  format: z.literal('waymark-sealed'),
  version: z.literal(1),
  kdf: z.strictObject({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    iterations: integer(PBKDF2_ITERATIONS, MAX_ITERATIONS),
    salt: z.base64().check(z.maxLength(64)),
  }),
  cipher: z.strictObject({ name: z.literal('AES-GCM'), iv: z.base64().check(z.maxLength(32)) }),
  /** The ciphertext of the export file's text, with the 128-bit tag. */
  data: z.base64(),
});
export type SealedFile = z.infer<typeof SealedFile>;

/** Whether a file's text looks like a sealed envelope rather than a plain export (without parsing all of it). */
export function looksSealed(text: string): boolean {
  return /^\s*\{\s*"format"\s*:\s*"waymark-sealed"/.test(text);
}

/** Why a sealed file could not be opened. */
export type OpenFailure = 'wrong-passphrase' | 'not-sealed' | 'no-passphrase';

/** Seals and opens files with one passphrase; derived keys are kept per salt for the life of the object. */
export interface FileSealer {
  seal(text: string, fileName: string): Promise<string>;
  open(text: string, fileName: string): Promise<{ ok: true; text: string } | { ok: false; reason: OpenFailure }>;
}

const encoder = new TextEncoder();

/**
 * A sealer for a passphrase. Its own files reuse one salt (made on first use,
 * or given) so the slow derivation runs once per salt, not per sync; each
 * seal still gets a fresh IV.
 */
export function createSealer(passphrase: string, options: { salt?: Uint8Array; iterations?: number } = {}): FileSealer {
  const iterations = options.iterations ?? PBKDF2_ITERATIONS;
  const ownSalt = options.salt ?? crypto.getRandomValues(new Uint8Array(16));
  const keys = new Map<string, Promise<CryptoKey>>();

  const keyFor = (salt: Uint8Array, rounds: number): Promise<CryptoKey> => {
    const id = `${bytesToBase64(salt)}:${rounds}`;
    let key = keys.get(id);
    if (!key) {
      key = deriveKey(passphrase, salt, rounds);
      keys.set(id, key);
    }
    return key;
  };

  return {
    async seal(text, fileName) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const key = await keyFor(ownSalt, iterations);
      const data = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv: iv as BufferSource, additionalData: encoder.encode(fileName) as BufferSource },
        key,
        encoder.encode(text) as BufferSource,
      );
      const envelope: SealedFile = {
        format: 'waymark-sealed',
        version: 1,
        kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: bytesToBase64(ownSalt) },
        cipher: { name: 'AES-GCM', iv: bytesToBase64(iv) },
        data: bytesToBase64(new Uint8Array(data)),
      };
      return `${JSON.stringify(envelope)}\n`;
    },
    async open(text, fileName) {
      let envelope: SealedFile;
      try {
        const parsed = SealedFile.safeParse(JSON.parse(text));
        if (!parsed.success) return { ok: false, reason: 'not-sealed' };
        envelope = parsed.data;
      } catch {
        return { ok: false, reason: 'not-sealed' };
      }
      const key = await keyFor(base64ToBytes(envelope.kdf.salt), envelope.kdf.iterations);
      try {
        const plain = await crypto.subtle.decrypt(
          {
            name: 'AES-GCM',
            iv: base64ToBytes(envelope.cipher.iv) as BufferSource,
            additionalData: encoder.encode(fileName) as BufferSource,
          },
          key,
          base64ToBytes(envelope.data) as BufferSource,
        );
        return { ok: true, text: new TextDecoder().decode(plain) };
      } catch {
        // AES-GCM's tag check fails alike for a wrong key and for tampering: both mean "not our passphrase".
        return { ok: false, reason: 'wrong-passphrase' };
      }
    },
  };
}

async function deriveKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey(
    'raw',
    encoder.encode(passphrase.normalize('NFC')) as BufferSource,
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}
