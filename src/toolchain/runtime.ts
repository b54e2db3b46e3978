// toolchain/runtime.ts — the C runtime as a static archive for one target, built once and cached.
//
// Takes: a target, the LLVM tools and the cache folder. Hands on: the path of
// <cache>/runtime/<target>/<key>.a, where key hashes the runtime's sources and headers, the
// compile flags and clang's version (the identity of its binary: see clangIdentity), so an edited
// runtime or another clang gives a new archive. A build compiles every file in parallel into a
// private temporary folder and renames the finished archive into place, so concurrent builds of the same key are safe (the last rename
// wins, and both archives are identical) and an interrupted build leaves no broken entry.
// Archives of the same target not used for a day are removed after a fresh build.

import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join, relative } from 'node:path';
import type { TargetDescriptor } from '../../targets/target.js';
import { clangIdentity, type Llvm } from './llvm.js';
import { mapLimit, runStep } from './run.js';
import { runtimeSources, type RuntimeSources } from './runtime-sources.js';

/** Bump when the way the archive is made changes in a way the flags do not show. */
const RECIPE_VERSION = '1';
const STALE_AFTER_MS = 24 * 3600 * 1000;

export interface RuntimeArchive {
  readonly path: string;
  /** taken from the cache rather than built */
  readonly cached: boolean;
  readonly key: string;
  readonly ms: number;
}

export interface RuntimeOptions {
  readonly cacheDir: string;
  /** another runtime folder (tests) */
  readonly runtimeDir?: string;
  /** compile jobs at once; default: the number of CPUs */
  readonly jobs?: number;
  /** stops the build (its compilers are killed, nothing is cached) */
  readonly signal?: AbortSignal;
}

/** The flags every runtime file is compiled with for `target`. */
export function runtimeCflags(target: TargetDescriptor): string[] {
  const defines = Object.entries(target.runtime.defines).map(([k, v]) => `-D${k}=${v}`);
  return [
    `--target=${target.clangTarget}`,
    ...target.cflags,
    '-std=c11',
    '-O2',
    '-ffreestanding',
    '-fno-builtin',
    '-ffunction-sections',
    '-fdata-sections',
    ...defines,
    ...(target.runtime.cflags ?? []),
    // testing: PYNC_GC_STRESS=1 collects after every 4 KiB allocated, so an object the collector
    // cannot see (a missing root) is freed and reused at once instead of once in a long while
    ...(process.env.PYNC_GC_STRESS === '1' ? ['-DPYNC_GC_MIN_THRESHOLD=4096'] : []),
  ];
}

/** The cache key of the runtime archive for `target` (what ensureRuntime would use). */
export function runtimeKey(target: TargetDescriptor, llvm: Llvm, sources: RuntimeSources): string {
  const h = createHash('sha256');
  h.update(`recipe ${RECIPE_VERSION}\0target ${target.name}\0clang ${clangIdentity(llvm)}\0`);
  h.update(`flags ${runtimeCflags(target).join(' ')}\0sources ${sources.hash}\0`);
  return h.digest('hex').slice(0, 20);
}

/** The runtime archive for `target`: from the cache, or built now. */
export async function ensureRuntime(target: TargetDescriptor, llvm: Llvm, options: RuntimeOptions): Promise<RuntimeArchive> {
  const started = performance.now();
  const sources = runtimeSources(target.runtime.platform, options.runtimeDir);
  const key = runtimeKey(target, llvm, sources);
  const folder = join(options.cacheDir, 'runtime', target.name);
  const archive = join(folder, `${key}.a`);
  if (isFile(archive)) {
    touch(archive);
    return { path: archive, cached: true, key, ms: performance.now() - started };
  }
  mkdirSync(folder, { recursive: true });
  const work = join(folder, `.build-${process.pid}-${randomBytes(4).toString('hex')}`);
  mkdirSync(work);
  try {
    const flags = runtimeCflags(target);
    const objects = await mapLimit(sources.cFiles, options.jobs ?? availableParallelism(), async (file) => {
      const object = join(work, relative(sources.dir, file).replace(/[/\\]/g, '_').replace(/\.c$/, '.o'));
      await runStep(`compiling the runtime (${relative(sources.dir, file)})`, llvm.clang, [...flags, '-c', file, '-o', object], { signal: options.signal });
      return object;
    });
    const temp = join(work, basename(archive));
    // llvm-ar is deterministic by default (no timestamps, uid 0): equal inputs give equal archives
    await runStep('archiving the runtime', llvm.ar, ['rcs', temp, ...objects], { signal: options.signal });
    renameSync(temp, archive);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  pruneStale(folder, archive);
  return { path: archive, cached: false, key, ms: performance.now() - started };
}

/** Removes archives not used for a day and build folders abandoned by killed builds. */
function pruneStale(folder: string, keep: string): void {
  const now = Date.now();
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (path === keep) continue;
    try {
      if (now - statSync(path).mtimeMs > STALE_AFTER_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // removed by a concurrent build
    }
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function touch(path: string): void {
  try {
    const now = new Date();
    utimesSync(path, now, now);
  } catch {
    // a read-only cache still works; pruning just sees an older date
  }
}
