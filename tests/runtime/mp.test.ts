// Tests for the runtime's arbitrary-precision integer library (src/runtime/lib/mp*.c).
//
// The expectations in tests/runtime/data/mp_cases.txt.gz were recorded from CPython 3.11 by
// scripts/gen-mp-cases.py. The C driver (tests/runtime/mp_driver.c) is built with the library
// natively; natively without the __int128 fast paths; natively with tiny algorithm thresholds (so
// Karatsuba, recursive division and divide-and-conquer base conversion run on every size, down to a
// few digits), these two with UBSan in trap mode; and statically for
// aarch64 and 32-bit ARM, which run under qemu-user. Every build must reproduce every recorded
// line; cases marked "oom" are rerun with the allocation hook failing after 0, 1, 2, ...
// allocations and must fail cleanly each time. The "perf" line (str(3**50000), 3**50000 * 7**40000,
// str(3**100000) and its parse) makes slowness show up as a timeout. Finally the library alone must
// compile warning-free as freestanding C for every runtime target and reference no libc symbol.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const libDir = join(root, 'src', 'runtime', 'lib');
const libSources = readdirSync(libDir)
  .filter((f) => /^mp(_\w+)?\.c$/.test(f))
  .sort()
  .map((f) => join(libDir, f));
const driver = join(root, 'tests', 'runtime', 'mp_driver.c');
const dataFile = join(root, 'tests', 'runtime', 'data', 'mp_cases.txt.gz');
const CC = 'clang-19';
const WARN = ['-std=c11', '-Wall', '-Wextra', '-Werror'];
// Undefined behaviour (signed overflow, bad shifts, out-of-bounds indexing of known arrays) traps.
const UBSAN = ['-fsanitize=undefined', '-fsanitize-trap=undefined'];
const TINY = [
  '-DPYNC_MP_KARATSUBA_THRESHOLD=4',
  '-DPYNC_MP_KARATSUBA_SQR_THRESHOLD=4',
  '-DPYNC_MP_BZ_THRESHOLD=4',
  '-DPYNC_MP_STR_DC_THRESHOLD=2',
];

interface Build {
  name: string;
  flags: string[];
  runner: string[]; // command prefix (qemu) or empty for native
}

const builds: Build[] = [
  { name: 'x86_64', flags: [], runner: [] },
  { name: 'x86_64-no-int128-ubsan', flags: ['-DPYNC_MP_NO_INT128', ...UBSAN], runner: [] },
  { name: 'x86_64-tiny-thresholds-ubsan', flags: [...TINY, ...UBSAN], runner: [] },
  { name: 'aarch64', flags: ['--target=aarch64-linux-gnu', '-static'], runner: ['qemu-aarch64'] },
  { name: 'armv7a', flags: ['--target=armv7a-linux-gnueabihf', '-static'], runner: ['qemu-arm'] },
  { name: 'armv7a-tiny-thresholds', flags: ['--target=armv7a-linux-gnueabihf', '-static', ...TINY], runner: ['qemu-arm'] },
];

const freestandingTargets: string[][] = [
  ['--target=x86_64-linux-gnu'],
  ['--target=aarch64-linux-gnu'],
  ['--target=armv7a-linux-gnueabihf'],
  ['--target=riscv64-linux-gnu'],
  ['--target=thumbv7m-none-eabi', '-mcpu=cortex-m3', '-mfloat-abi=soft'],
];

const hasValgrind = spawnSync('valgrind', ['--version'], { encoding: 'utf8' }).status === 0;

interface Case {
  line: number; // 1-based line in the uncompressed data file
  text: string; // the driver input
  expected: string;
}

let work = '';
let input = '';
const cases: Case[] = [];

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'pync-mp-'));
  const lines = gunzipSync(readFileSync(dataFile)).toString('utf8').split('\n');
  lines.forEach((l, i) => {
    if (l === '') return;
    const tab = l.indexOf('\t');
    cases.push({ line: i + 1, text: l.slice(0, tab), expected: l.slice(tab + 1) });
  });
  input = cases.map((c) => c.text).join('\n') + '\n';
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

function show(s: string): string {
  return s.length > 100 ? `${s.slice(0, 100)}... (${s.length} chars)` : s;
}

function describeCase(c: Case): string {
  const f = c.text.replace(/^oom /, '').split(' ');
  if (f[0] === 'fromstr') {
    const text = f[3] === '-' ? '' : Buffer.from(f[3] ?? '', 'hex').toString('latin1');
    return `int(${JSON.stringify(show(text))}, ${f[1]}) with max_str_digits ${f[2]}`;
  }
  return f.map(show).join(' ');
}

function compile(b: Build): string {
  const exe = join(work, `mp_driver_${b.name}`);
  execFileSync(CC, [...WARN, '-O2', '-fuse-ld=lld', ...b.flags, driver, ...libSources, '-o', exe], {
    stdio: 'pipe',
  });
  return exe;
}

function run(b: Build, exe: string): string {
  const [cmd, ...pre] = b.runner.length ? b.runner : [exe];
  const argv = b.runner.length ? [...pre, exe, '-v'] : ['-v'];
  const r = spawnSync(cmd as string, argv, { input, encoding: 'utf8', maxBuffer: 1 << 30, timeout: 60_000 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${b.name}: driver exited ${r.status} (signal ${r.signal}): ${r.stderr}`);
  const perf = r.stderr.split('\n').find((l) => l.startsWith('perf:'));
  if (perf) console.log(`${b.name} ${perf}`);
  return r.stdout;
}

describe('mp (bigint) library', () => {
  it('has thousands of recorded CPython cases covering every operation', () => {
    expect(cases.length).toBeGreaterThan(10000);
    const counts = new Map<string, number>();
    for (const c of cases) {
      const op = c.text.replace(/^oom /, '').split(' ')[0] as string;
      counts.set(op, (counts.get(op) ?? 0) + 1);
    }
    const ops = ['add', 'sub', 'mul', 'sqr', 'and', 'or', 'xor', 'fdiv', 'mod', 'divmod', 'gcd', 'cmp', 'cmpi',
      'neg', 'abs', 'inv', 'hash', 'bitlen', 'bitcnt', 'toi64', 'i64', 'u64', 'view', 'lsh', 'rsh', 'lshi', 'rshi',
      'pow', 'powm', 'isqrt', 'todbl', 'tdiv', 'fromdbl', 'tobytes', 'frombytes', 'str', 'ndig', 'chk', 'fromstr',
      'perf'];
    for (const op of ops) expect(counts.get(op) ?? 0, op).toBeGreaterThan(0);
    expect(cases.filter((c) => c.text.startsWith('oom ')).length).toBeGreaterThan(50);
  });

  for (const b of builds) {
    describe(b.name, () => {
      let exe = '';
      beforeAll(() => {
        exe = compile(b);
      });

      it('reproduces every CPython result', () => {
        const out = run(b, exe).split('\n');
        const mismatches: string[] = [];
        let count = 0;
        cases.forEach((c, i) => {
          const got = out[i] ?? '<missing output>';
          if (got !== c.expected) {
            count++;
            if (mismatches.length < 15) {
              mismatches.push(
                `  line ${c.line}: ${describeCase(c)}\n    expected ${show(c.expected)}\n    got      ${show(got)}`,
              );
            }
          }
        });
        if (count > 0) {
          throw new Error(`${b.name}: ${count} of ${cases.length} cases differ from CPython:\n${mismatches.join('\n')}`);
        }
      });
    });
  }

  // Memory errors: every allocation gets its own malloc block (driver option -m), tiny thresholds
  // drive the recursive algorithms' scratch use, and valgrind checks every read and write.
  it.skipIf(!hasValgrind)('has no memory errors under valgrind (tiny thresholds, one block per allocation)', () => {
    const exe = join(work, 'mp_driver_valgrind');
    execFileSync(CC, [...WARN, '-O1', '-gdwarf-4', '-fuse-ld=lld', ...TINY, driver, ...libSources, '-o', exe], {
      stdio: 'pipe',
    });
    const plain = cases.filter((c) => c.text !== 'perf');
    const r = spawnSync('valgrind', ['-q', '--error-exitcode=9', exe, '-m'], {
      input: plain.map((c) => c.text).join('\n') + '\n',
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      timeout: 120_000,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = r.stdout.split('\n');
    const bad = plain.filter((c, i) => out[i] !== c.expected).map((c) => `line ${c.line}: ${describeCase(c)}`);
    expect(bad.slice(0, 10)).toEqual([]);
  });

  it('compiles as warning-free freestanding C for every runtime target, without libc', () => {
    const problems: string[] = [];
    for (const t of freestandingTargets) {
      for (const src of libSources) {
        const obj = join(work, 'fs.o');
        const r = spawnSync(CC, [...WARN, '-ffreestanding', '-fno-builtin', '-O2', '-c', ...t, src, '-o', obj], {
          encoding: 'utf8',
        });
        if (r.status !== 0) {
          problems.push(`${t.join(' ')} ${src}:\n${r.stderr}`);
          continue;
        }
        const nm = execFileSync('llvm-nm-19', ['-u', obj], { encoding: 'utf8' });
        for (const sym of nm.split('\n').map((l) => l.trim().split(/\s+/).pop() ?? '')) {
          // The library's own cross-file symbols, the runtime's allocation hook, and the
          // compiler's runtime helpers (__aeabi_*, __udivdi3, ...).
          if (sym && !sym.startsWith('pync_mp') && !sym.startsWith('__')) {
            problems.push(`${t.join(' ')} ${src}: references ${sym}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
