// tests/toolchain/support.ts — what the toolchain, driver and differential tests share: the
// repository's test cache (.pync-cache/, git-ignored, kept between runs so the runtime archive
// and the aarch64 sysroot are built once), the sysroot in it, and the hand-written IR fixture.

import { execFileSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TargetDescriptor } from '../../targets/target.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const pyncBin = join(repoRoot, 'bin', 'pync');

/** The cache the tests build into. */
export function testCacheDir(): string {
  return process.env.PYNC_TEST_CACHE_DIR ?? join(repoRoot, '.pync-cache');
}

/** Makes sure the aarch64 sysroot is in the test cache (scripts/make-sysroot: quick when current). */
export function ensureTestSysroot(triple = 'aarch64-linux-gnu'): string {
  execFileSync(join(repoRoot, 'scripts', 'make-sysroot'), ['--no-tarball', triple], {
    env: { ...process.env, PYNC_CACHE_DIR: testCacheDir() },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return join(testCacheDir(), 'sysroots', triple);
}

/** A fixture .ll with the target's triple and data layout filled in. */
export function fixtureIr(name: string, target: TargetDescriptor): string {
  return readFileSync(join(repoRoot, 'tests', 'toolchain', 'fixtures', name), 'utf8')
    .replaceAll('@TRIPLE@', target.llvmTriple)
    .replaceAll('@DATALAYOUT@', target.dataLayout);
}

/** The ELF file's program interpreter (PT_INTERP: the dynamic loader), or null for a static one. */
export function elfInterpreter(path: string): string | null {
  const bytes = readFileHead(path, 1 << 16);
  if (bytes.readUInt32BE(0) !== 0x7f454c46) throw new Error(`${path} is not an ELF file`);
  const is64 = bytes[4] === 2;
  const le = bytes[5] === 1;
  const u16 = (o: number): number => (le ? bytes.readUInt16LE(o) : bytes.readUInt16BE(o));
  const u32 = (o: number): number => (le ? bytes.readUInt32LE(o) : bytes.readUInt32BE(o));
  const word = (o: number): number => (is64 ? Number(le ? bytes.readBigUInt64LE(o) : bytes.readBigUInt64BE(o)) : u32(o));
  const phoff = word(is64 ? 0x20 : 0x1c);
  const phentsize = u16(is64 ? 0x36 : 0x2a);
  const phnum = u16(is64 ? 0x38 : 0x2c);
  for (let i = 0; i < phnum; i++) {
    const ph = phoff + i * phentsize;
    if (u32(ph) !== 3) continue; // PT_INTERP
    const offset = word(ph + (is64 ? 0x08 : 0x04));
    const size = word(ph + (is64 ? 0x20 : 0x10));
    const interp = readFileHead(path, offset + size).subarray(offset, offset + size);
    return interp.toString('latin1').replace(/\0+$/, '');
  }
  return null;
}

function readFileHead(path: string, length: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    const n = readSync(fd, buf, 0, length, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}
