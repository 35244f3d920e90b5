// Where photo bytes live. Local disk by default; an S3-compatible store implements the same
// three calls. Keys are relative paths such as `<mediaId>/card.webp`; who may read a photo is
// decided above the store (modules/media/access.ts), never by knowing its key.
import { mkdir, readFile, rm, writeFile, rename } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';

export type MediaStore = {
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  removePrefix(prefix: string): Promise<void>;
};

export function localDiskStore(root: string): MediaStore {
  const pathOf = (key: string) => {
    const p = normalize(join(root, key));
    if (!p.startsWith(root)) throw new Error(`bad media key ${key}`);
    return p;
  };
  return {
    async put(key, bytes) {
      const p = pathOf(key);
      await mkdir(dirname(p), { recursive: true });
      // Write then rename: a reader never sees half a file.
      const tmp = `${p}.${process.pid}.tmp`;
      await writeFile(tmp, bytes);
      await rename(tmp, p);
    },
    async get(key) {
      try {
        return await readFile(pathOf(key));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
    async removePrefix(prefix) {
      await rm(pathOf(prefix), { recursive: true, force: true });
    },
  };
}
