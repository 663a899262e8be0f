import { randomUUID } from 'node:crypto';
import { access, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `data` to `path` unless a file is there already (a finished write: files only ever appear by rename).
 * The bytes go to a hidden temporary file in the same directory first, flushed to disk, then renamed into
 * place, so a crash leaves either no file or the whole file.
 */
export async function writeOnce(path: string, data: Buffer): Promise<void> {
  if (await exists(path)) return;
  const temp = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);
  try {
    const file = await open(temp, 'wx');
    try {
      await file.writeFile(data);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
  } finally {
    await rm(temp, { force: true });
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
