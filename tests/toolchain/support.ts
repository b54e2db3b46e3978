// tests/toolchain/support.ts — what the toolchain, driver and differential tests share: the
// repository's test cache (.pync-cache/, git-ignored, kept between runs so the runtime archive
// and the aarch64 sysroot are built once), the sysroot in it, and the hand-written IR fixture.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
