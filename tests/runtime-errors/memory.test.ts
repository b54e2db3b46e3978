// Memory stays bounded: a compiled program that makes short-lived objects in a long loop must
// have its garbage collected as it goes, and one that keeps a big list alive must not need much
// more memory than CPython does. Peak resident set sizes come from GNU time (`/usr/bin/time -v`,
// "Maximum resident set size"), for pync's executable and for CPython on the same program; they
// are printed, so the test output shows them. Needs `npm run build`.
//
// The bounds:
// - churn (10 million iterations of x = [i, str(i), (i, i)]): every iteration makes a list, a
//   string, a tuple and (on the boxed path) a few ints, at least 150 bytes, so the loop allocates
//   more than 1.5 GB in all. Peak RSS under 64 MiB means at most ~4% of that was ever live at
//   once: the collector must be reclaiming garbage during the loop (a working one needs a few
//   MiB: the runtime, the heap's first segments and one iteration's objects). And the peak must
//   not grow with the number of iterations: 10 million iterations may peak at most 16 MiB above
//   1 million.
// - generators (10 million short generators, each created and run to exhaustion): each one is an
//   object holding its coroutine frame (a few hundred bytes), over 2 GB in all; the same bounds as
//   churn.
// - keep (a list of 1 million ints kept alive): at least 8 MB of list, plus the ints if boxed;
//   CPython needs about 50 MB. The bound is generous, 3x CPython's own peak, so only a real
//   regression (such as objects that are never reused or a heap that doubles without need) fails.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pyncBin, repoRoot, testCacheDir } from '../toolchain/support.js';

const MiB = 1024 * 1024;
const CHURN_BOUND = 64 * MiB;
const CHURN_GROWTH_BOUND = 16 * MiB;
const KEEP_FACTOR = 3;

const CHURN = `
import sys
n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
for i in range(n):
    x = [i, str(i), (i, i)]
print(x)
`;

const GENERATORS = `
import sys
n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
def gen(k):
    for i in range(k):
        yield i
total = 0
for j in range(n):
    for v in gen(2):
        total += v
print(total)
`;

const KEEP = `
xs = []
for i in range(1_000_000):
    xs.append(i * 3)
print(len(xs), sum(xs))
`;

let work = '';
let python = '';

interface Measured {
  status: number | null;
  stdout: string;
  /** peak resident set size, bytes */
  peak: number;
  seconds: number;
}

/** Runs a command under GNU time; its peak RSS. */
function measure(command: string, args: string[]): Measured {
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-v', command, ...args], { cwd: work, encoding: 'utf8', timeout: 60_000 });
  const seconds = (performance.now() - started) / 1000;
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  if (!m) throw new Error(`no peak RSS from /usr/bin/time -v ${command}: ${r.stderr.slice(-500)}`);
  return { status: r.status, stdout: r.stdout, peak: Number(m[1]) * 1024, seconds };
}

const mib = (bytes: number): string => `${(bytes / MiB).toFixed(1)} MiB`;

function build(name: string, source: string): void {
  writeFileSync(join(work, `${name}.py`), source.replace(/^\n/, ''));
  const r = spawnSync(process.execPath, [pyncBin, 'build', `${name}.py`, '-o', name], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, PYNC_CACHE_DIR: testCacheDir() },
  });
  if (r.status !== 0) throw new Error(`pync build ${name}.py failed: ${r.stderr}`);
}

beforeAll(() => {
  if (!existsSync(join(repoRoot, 'dist', 'pync.mjs'))) throw new Error('dist/pync.mjs is missing: run `npm run build` first');
  if (!existsSync('/usr/bin/time')) throw new Error('GNU time (/usr/bin/time) is needed to measure peak RSS');
  work = mkdtempSync(join(tmpdir(), 'pync-memory-'));
  build('churn', CHURN);
  build('keep', KEEP);
  build('generators', GENERATORS);
  // the interpreter itself, not a pyenv shim script in front of it
  python = spawnSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).stdout.trim();
}, 600_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** `name` run for 10M and 1M iterations: CPython's output, a peak RSS under CHURN_BOUND that does
 *  not grow with the count; CPython's peak for 10M is printed beside it. */
function expectFlatPeak(name: string): void {
  const big = measure(join(work, name), []);
  const small = measure(join(work, name), ['1000000']);
  const reference = measure(python, [`${name}.py`]);
  const referenceSmall = measure(python, [`${name}.py`, '1000000']);
  console.log(
    `${name}: pync peak ${mib(big.peak)} for 10M (${big.seconds.toFixed(2)} s), ${mib(small.peak)} for 1M; ` +
      `CPython peak ${mib(reference.peak)} for 10M (${reference.seconds.toFixed(2)} s)`,
  );
  expect([big.status, big.stdout]).toEqual([0, reference.stdout]);
  expect([small.status, small.stdout]).toEqual([0, referenceSmall.stdout]);
  expect(big.peak).toBeLessThan(CHURN_BOUND);
  expect(big.peak - small.peak).toBeLessThan(CHURN_GROWTH_BOUND);
}

describe('peak memory', () => {
  it(`10 million short-lived objects: peak RSS under ${mib(CHURN_BOUND)}, not growing with the iteration count`, () => {
    expectFlatPeak('churn');
  }, 90_000);

  it(`10 million short generators: peak RSS under ${mib(CHURN_BOUND)}, not growing with their number`, () => {
    expectFlatPeak('generators');
  }, 150_000);

  it(`a list of 1 million ints kept alive: peak RSS under ${KEEP_FACTOR}x CPython's`, () => {
    const got = measure(join(work, 'keep'), []);
    const reference = measure(python, ['keep.py']);
    console.log(
      `keep: pync peak ${mib(got.peak)} (${got.seconds.toFixed(2)} s), CPython peak ${mib(reference.peak)} ` +
        `(${reference.seconds.toFixed(2)} s), ratio ${(got.peak / reference.peak).toFixed(2)}`,
    );
    expect(got.status).toBe(0);
    expect(got.stdout).toBe(reference.stdout);
    expect(got.peak).toBeLessThan(KEEP_FACTOR * reference.peak);
  }, 60_000);
});
