// sysroot/verify.ts — is this the archive the manifest names? Its size and sha256.
//
// Takes: bytes as they stream in (a download) or a local file (--from, copied into the install's
// temporary folder while hashed, so what is unpacked is what was checked), and the manifest's
// SysrootArchive. Hands on: nothing, or a SysrootError in one line that says which check failed
// — a size mismatch (a truncated or overlong file) before a checksum mismatch, since a wrong size
// explains a wrong checksum.

import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { SysrootArchive } from './manifest.js';
import { SysrootError } from './errors.js';

/** Counts and hashes bytes; `check` compares the totals with the manifest. */
export class ArchiveMeter {
  private readonly hash: Hash = createHash('sha256');
  bytes = 0;

  add(chunk: Buffer): void {
    this.bytes += chunk.length;
    this.hash.update(chunk);
  }

  /** The sha256 of everything added (call once, at the end). */
  digest(): string {
    return this.hash.digest('hex');
  }
}

/** Throws unless `bytes` and `sha256` are the archive's; `source` names where it came from. */
export function checkArchive(got: { bytes: number; sha256: string }, want: SysrootArchive, source: string): void {
  if (got.bytes < want.size) {
    throw new SysrootError(`truncated archive: ${source} has ${got.bytes} of the manifest's ${want.size} bytes; nothing installed`);
  }
  if (got.bytes > want.size) {
    throw new SysrootError(`wrong archive: ${source} has ${got.bytes} bytes, the manifest says ${want.size}; nothing installed`);
  }
  if (got.sha256 !== want.sha256) {
    throw new SysrootError(`checksum mismatch: ${source} has sha256 ${got.sha256}, the manifest says ${want.sha256}; nothing installed`);
  }
}

/** Copies a local archive to `dest`, checking it against the manifest on the way. */
export async function copyVerified(path: string, dest: string, want: SysrootArchive): Promise<void> {
  const meter = new ArchiveMeter();
  const count = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      meter.add(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(createReadStream(path), count, createWriteStream(dest, { flags: 'wx' }));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new SysrootError(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder, not an archive' : (e as Error).message}`);
  }
  checkArchive({ bytes: meter.bytes, sha256: meter.digest() }, want, path);
}
