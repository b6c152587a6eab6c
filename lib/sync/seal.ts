import * as z from 'zod/mini';
import { base64ToBytes, bytesToBase64 } from '../exchange/base64';
import { integer } from '../model/common';

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
  /** Seals bytes (a screenshot) into a binary envelope (see `sealedBytesLayout`), the file name bound as with files. */
  sealBytes(bytes: Uint8Array, fileName: string): Promise<Uint8Array>;
  openBytes(bytes: Uint8Array, fileName: string): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; reason: OpenFailure }>;
}

/**
 * A sealed binary file (a screenshot): the same key and cipher as a sealed
 * member file, without base64: the ASCII magic `WMSEALB1`, the PBKDF2
 * iteration count (uint32, big-endian), the salt's length (one byte) and the
 * salt, the 12-byte IV, then the ciphertext with its 128-bit tag.
 */
const BYTES_MAGIC = new TextEncoder().encode('WMSEALB1');
const IV_BYTES = 12;

/** Whether bytes start like a sealed binary envelope. */
export function looksSealedBytes(bytes: Uint8Array): boolean {
  return bytes.length >= BYTES_MAGIC.length && BYTES_MAGIC.every((b, i) => bytes[i] === b);
}

interface BytesEnvelope {
  iterations: number;
  salt: Uint8Array;
  iv: Uint8Array;
  data: Uint8Array;
}

function packBytes({ iterations, salt, iv, data }: BytesEnvelope): Uint8Array {
  const out = new Uint8Array(BYTES_MAGIC.length + 5 + salt.length + iv.length + data.length);
  out.set(BYTES_MAGIC, 0);
  let at = BYTES_MAGIC.length;
  new DataView(out.buffer).setUint32(at, iterations);
  out[at + 4] = salt.length;
  at += 5;
  out.set(salt, at);
  out.set(iv, at + salt.length);
  out.set(data, at + salt.length + iv.length);
  return out;
}

function unpackBytes(bytes: Uint8Array): BytesEnvelope | null {
  if (!looksSealedBytes(bytes)) return null;
  const at = BYTES_MAGIC.length;
  if (bytes.length < at + 5) return null;
  const iterations = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(at);
  const saltLength = bytes[at + 4] ?? 0;
  const dataAt = at + 5 + saltLength + IV_BYTES;
  if (iterations < PBKDF2_ITERATIONS || iterations > MAX_ITERATIONS) return null;
  if (saltLength < 8 || saltLength > 48 || bytes.length < dataAt + 16) return null;
  return {
    iterations,
    salt: bytes.slice(at + 5, at + 5 + saltLength),
    iv: bytes.slice(at + 5 + saltLength, dataAt),
    data: bytes.slice(dataAt),
  };
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

  const encrypt = async (plain: Uint8Array, fileName: string) => {
    const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
    const key = await keyFor(ownSalt, iterations);
    const data = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv: iv as BufferSource, additionalData: encoder.encode(fileName) as BufferSource },
      key,
      plain as BufferSource,
    );
    return { iv, data: new Uint8Array(data) };
  };
  /** `null` when the tag check fails: alike for a wrong key and for tampering, both mean "not our passphrase". */
  const decrypt = async (envelope: BytesEnvelope, fileName: string): Promise<Uint8Array | null> => {
    const key = await keyFor(envelope.salt, envelope.iterations);
    try {
      const plain = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: envelope.iv as BufferSource, additionalData: encoder.encode(fileName) as BufferSource },
        key,
        envelope.data as BufferSource,
      );
      return new Uint8Array(plain);
    } catch {
      return null;
    }
  };

  return {
    async seal(text, fileName) {
      const { iv, data } = await encrypt(encoder.encode(text), fileName);
      const envelope: SealedFile = {
        format: 'waymark-sealed',
        version: 1,
        kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: bytesToBase64(ownSalt) },
        cipher: { name: 'AES-GCM', iv: bytesToBase64(iv) },
        data: bytesToBase64(data),
      };
      return `${JSON.stringify(envelope)}\n`;
    },
    async sealBytes(bytes, fileName) {
      const { iv, data } = await encrypt(bytes, fileName);
      return packBytes({ iterations, salt: ownSalt, iv, data });
    },
    async openBytes(bytes, fileName) {
      const envelope = unpackBytes(bytes);
      if (!envelope) return { ok: false, reason: 'not-sealed' };
      const plain = await decrypt(envelope, fileName);
      return plain ? { ok: true, bytes: plain } : { ok: false, reason: 'wrong-passphrase' };
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
      const plain = await decrypt(
        {
          iterations: envelope.kdf.iterations,
          salt: base64ToBytes(envelope.kdf.salt),
          iv: base64ToBytes(envelope.cipher.iv),
          data: base64ToBytes(envelope.data),
        },
        fileName,
      );
      return plain ? { ok: true, text: new TextDecoder().decode(plain) } : { ok: false, reason: 'wrong-passphrase' };
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
