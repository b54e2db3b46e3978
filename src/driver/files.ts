// driver/files.ts — small file helpers the driver shares: content hashes and atomic writes.
//
// An atomic write goes to a private temporary name in the same folder and is renamed into place,
// so a reader (a parallel build, a later run) sees the old file or the new one, never a part.

import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

export function sha256(...parts: readonly (string | Buffer)[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
}

export function fileHash(path: string): string | null {
  try {
    return sha256(readFileSync(path));
  } catch {
    return null;
  }
}

export function writeFileAtomic(path: string, data: string | Buffer): void {
  const temp = `${path}.tmp-${process.pid}-${randomBytes(3).toString('hex')}`;
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
}
