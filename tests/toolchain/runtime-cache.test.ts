// The runtime archive cache: two builds at once are safe and give one archive, a second build is
// a cache hit, and editing a runtime source (content, not just its date) builds a new archive;
// headers, the target and the flags are part of the key.
// Works on a private copy of src/runtime and a private cache, so it never disturbs other tests.

import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveTarget } from '../../targets/index.js';
import { findLlvm, type Llvm } from '../../src/toolchain/llvm.js';
import { ensureRuntime, runtimeKey, type RuntimeArchive } from '../../src/toolchain/runtime.js';
import { runtimeSources } from '../../src/toolchain/runtime-sources.js';
import { repoRoot } from './support.js';

const target = resolveTarget('x86_64-linux-gnu');
let llvm: Llvm;
let work: string;
let runtimeDir: string;
let cacheDir: string;

beforeAll(async () => {
  llvm = await findLlvm();
  work = mkdtempSync(join(tmpdir(), 'pync-rtcache-'));
  runtimeDir = join(work, 'runtime');
  cacheDir = join(work, 'cache');
  cpSync(join(repoRoot, 'src', 'runtime'), runtimeDir, { recursive: true });
});

describe('runtime archive cache', () => {
  let first: RuntimeArchive;

  it('builds once even when two builds race, leaving one complete archive and no temporaries', async () => {
    const [a, b] = await Promise.all([
      ensureRuntime(target, llvm, { cacheDir, runtimeDir, jobs: 1 }),
      ensureRuntime(target, llvm, { cacheDir, runtimeDir, jobs: 1 }),
    ]);
    expect(a.path).toBe(b.path);
    expect(a.cached || b.cached).toBe(false);
    expect(readdirSync(join(cacheDir, 'runtime', target.name))).toEqual([`${a.key}.a`]);
    // a valid archive that holds the runtime's entry point
    expect(execFileSync(llvm.ar, ['t', a.path], { encoding: 'utf8' })).toContain('main.o');
    first = a;
  }, 300_000);

  it('an aborted build kills its compilers and caches nothing', async () => {
    const otherCache = join(work, 'aborted-cache');
    const stop = new AbortController();
    const build = ensureRuntime(target, llvm, { cacheDir: otherCache, runtimeDir, signal: stop.signal });
    setTimeout(() => stop.abort(), 300);
    const started = performance.now();
    await expect(build).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(5000);
    expect(readdirSync(join(otherCache, 'runtime', target.name))).toEqual([]);
  });

  it('is a cache hit the second time', async () => {
    const again = await ensureRuntime(target, llvm, { cacheDir, runtimeDir });
    expect(again).toMatchObject({ path: first.path, cached: true, key: first.key });
    expect(again.ms).toBeLessThan(1000);
  });

  it('is still a hit when a source is only touched (content hashes, not dates)', async () => {
    const file = join(runtimeDir, 'main.c');
    const later = new Date(statSync(file).mtimeMs + 60_000);
    utimesSync(file, later, later);
    expect((await ensureRuntime(target, llvm, { cacheDir, runtimeDir })).cached).toBe(true);
  });

  it('rebuilds when a source changes', async () => {
    appendFileSync(join(runtimeDir, 'main.c'), '\n/* edited by the runtime cache test */\n');
    const edited = await ensureRuntime(target, llvm, { cacheDir, runtimeDir });
    expect(edited.cached).toBe(false);
    expect(edited.key).not.toBe(first.key);
    expect(runtimeKey(target, llvm, runtimeSources(target.runtime.platform, runtimeDir))).toBe(edited.key);
  }, 300_000);

  it('keys the archive by headers, target and flags too', () => {
    const before = runtimeKey(target, llvm, runtimeSources(target.runtime.platform, runtimeDir));
    appendFileSync(join(runtimeDir, 'lib', 'pync_lib.h'), '\n/* edited */\n');
    const header = runtimeKey(target, llvm, runtimeSources(target.runtime.platform, runtimeDir));
    expect(header).not.toBe(before);
    const arm = resolveTarget('aarch64-linux-gnu');
    expect(runtimeKey(arm, llvm, runtimeSources(arm.runtime.platform, runtimeDir))).not.toBe(header);
    const flagged = { ...target, cflags: ['-mcpu=native'] };
    expect(runtimeKey(flagged, llvm, runtimeSources(target.runtime.platform, runtimeDir))).not.toBe(header);
  });
});
