import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { DirectoryHandleLike, FileHandleLike } from '@/lib/sync/folder-backend';

/** A DOMException-like error, as the File System Access API throws. */
function fsError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

const notFound = (error: unknown, path: string) =>
  (error as NodeJS.ErrnoException).code === 'ENOENT' ? fsError('NotFoundError', `${path} was not found`) : error;

/**
 * A `FileSystemDirectoryHandle` over a real directory, for running the folder
 * backend in Node: the same calls the browser offers, on the disk. Writes go
 * to a swap file renamed on `close()`, as the spec describes.
 */
export function nodeDirectoryHandle(path: string): DirectoryHandleLike {
  return {
    kind: 'directory',
    name: basename(path),
    async getDirectoryHandle(name, options) {
      const child = join(path, name);
      try {
        const info = await stat(child);
        if (!info.isDirectory()) throw fsError('TypeMismatchError', `${child} is not a folder`);
      } catch (error) {
        if (!options?.create) throw notFound(error, child);
        await mkdir(child, { recursive: true });
      }
      return nodeDirectoryHandle(child);
    },
    async getFileHandle(name, options) {
      const file = join(path, name);
      try {
        await stat(file);
      } catch (error) {
        if (!options?.create) throw notFound(error, file);
        await writeFile(file, '');
      }
      return nodeFileHandle(file);
    },
    async *values() {
      for (const entry of await readdir(path, { withFileTypes: true })) {
        if (entry.isDirectory()) yield nodeDirectoryHandle(join(path, entry.name));
        else if (entry.isFile() && !entry.name.endsWith('.crswap')) yield nodeFileHandle(join(path, entry.name));
      }
    },
  };
}

function nodeFileHandle(path: string): FileHandleLike {
  return {
    kind: 'file',
    name: basename(path),
    async getFile() {
      const info = await stat(path).catch((error: unknown) => Promise.reject(notFound(error, path)));
      return {
        lastModified: info.mtimeMs,
        size: info.size,
        text: () => readFile(path, 'utf8'),
        arrayBuffer: async () => new Uint8Array(await readFile(path)).buffer,
      };
    },
    async createWritable() {
      const swap = `${path}.crswap`;
      const chunks: Buffer[] = [];
      return {
        async write(chunk: string | Uint8Array) {
          chunks.push(Buffer.from(chunk));
        },
        async close() {
          await writeFile(swap, Buffer.concat(chunks));
          await rename(swap, path);
        },
      };
    },
  };
}
