// Tests for the runtime's numeric types and modules: int/bool, float, complex, format specs, the
// numeric hash, math and random (src/runtime/{int,float,complex,format_spec,hash,mod_math,
// mod_random}.c).
//
// tests/runtime/data/numbers_cases.txt.gz holds tens of thousands of one-line cases with the
// answer CPython 3.11 gave, recorded by scripts/gen-numbers-cases.py: arithmetic on edge values,
// mixed-type operations and comparisons, hashes, repr/str, constructors from text, methods, every
// format spec type, math functions with their error cases, and random-module draws for many seeds.
// The C driver (tests/runtime/numbers_driver.c) evaluates them with the whole runtime. It is built
// three ways: natively with UBSan (trapping) and a tiny collection threshold, so the collector
// runs a hundred times, mostly in the middle of operations; and statically for aarch64 and 32-bit ARM, run under
// qemu-user. The native build must reproduce every line exactly. Under qemu the target's own C
// library computes sin, pow, cbrt, ..., which may differ from x86_64 glibc in the last bits: for
// cases whose answer comes from libm, numbers may differ by a relative 1e-12 (counted and shown);
// everything else must match exactly. Finally the numeric files must compile warning-free as
// freestanding C for every runtime target, calling nothing but the runtime and libm.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const rt = join(root, 'src', 'runtime');
const cFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.c'))
    .sort()
    .map((f) => join(dir, f));
const runtimeSources = [...cFiles(rt), ...cFiles(join(rt, 'lib')), join(rt, 'platform', 'posix.c')];
const driver = join(root, 'tests', 'runtime', 'numbers_driver.c');
const dataFile = join(root, 'tests', 'runtime', 'data', 'numbers_cases.txt.gz');
const ownFiles = ['int.c', 'float.c', 'complex.c', 'format_spec.c', 'hash.c', 'mod_math.c', 'mod_random.c'].map((f) =>
  join(rt, f),
);
const CC = 'clang-19';
const BASE = ['-std=c11', '-ffreestanding', '-fno-builtin', '-fuse-ld=lld', '-Wall', '-Wextra'];

interface Build {
  name: string;
  flags: string[];
  runner: string[]; // command prefix (qemu) or empty for native
  exact: boolean; // false: libm-computed numbers may differ in the last bits
}

const builds: Build[] = [
  {
    name: 'x86_64-gc-stress-ubsan',
    flags: ['-O1', '-DPYNC_GC_MIN_THRESHOLD=4096', '-fsanitize=undefined', '-fsanitize-trap=undefined'],
    runner: [],
    exact: true,
  },
  { name: 'aarch64', flags: ['-O1', '--target=aarch64-linux-gnu', '-static'], runner: ['qemu-aarch64'], exact: false },
  { name: 'armv7a', flags: ['-O1', '--target=armv7a-linux-gnueabihf', '-static'], runner: ['qemu-arm'], exact: false },
];

const freestandingTargets: string[][] = [
  ['--target=x86_64-linux-gnu'],
  ['--target=aarch64-linux-gnu'],
  ['--target=armv7a-linux-gnueabihf'],
  ['--target=riscv64-linux-gnu'],
  ['--target=thumbv7m-none-eabi', '-mcpu=cortex-m3', '-mfloat-abi=soft'],
];

// The C library functions the numeric files may call (libm on Linux, newlib on boards).
const libm = new Set(
  ('pow sqrt exp exp2 expm1 log log2 log10 log1p sin cos tan asin acos atan atan2 sinh cosh tanh asinh acosh atanh ' +
    'hypot fmod erf erfc cbrt ldexp nextafter floor ceil trunc copysign fabs').split(' '),
);

// Cases whose answer is computed by the C library (as in CPython): transcendental math functions,
// float/complex powers, and the random distributions built on log/exp/cos.
const LIBM_CASE =
  /^(call math\.(sqrt|exp|exp2|expm1|log|log2|log10|log1p|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|asinh|acosh|atanh|erf|erfc|gamma|lgamma|cbrt|pow|hypot|dist)\b|bin \*\*|call pow|meth \S+ __r?pow__|call random\.(gauss|normalvariate|lognormvariate|expovariate|vonmisesvariate|gammavariate|betavariate|paretovariate|weibullvariate)\b|roundtrip )/;

interface Case {
  line: number; // 1-based line in the uncompressed data file
  text: string; // driver input
  expected: string;
}

let work = '';
let input = '';
const cases: Case[] = [];
const exes = new Map<string, Promise<string>>();

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'pync-numbers-'));
  const lines = gunzipSync(readFileSync(dataFile)).toString('utf8').split('\n');
  lines.forEach((l, i) => {
    if (l === '') return;
    const tab = l.indexOf('\t');
    cases.push({ line: i + 1, text: l.slice(0, tab), expected: l.slice(tab + 1) });
  });
  input = cases.map((c) => c.text).join('\n') + '\n';
  // all builds at once: they are independent
  for (const b of builds) {
    const exe = join(work, `numbers_${b.name}`);
    exes.set(
      b.name,
      run(CC, [...BASE, ...b.flags, ...runtimeSources, driver, '-o', exe, '-lm'], { maxBuffer: 1 << 26 }).then(
        () => exe,
      ),
    );
  }
  for (const p of exes.values()) p.catch(() => undefined); // reported by the test that awaits it
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const NUMBER = /-?(?:inf|nan|(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)/g;

/* Whether got matches expected up to a relative 1e-12 in each number (same text otherwise). */
function closeEnough(expected: string, got: string): boolean {
  if (expected.replace(NUMBER, '#') !== got.replace(NUMBER, '#')) return false;
  const a = expected.match(NUMBER) ?? [];
  const b = got.match(NUMBER) ?? [];
  return a.every((x, i) => {
    const y = b[i] as string;
    if (x === y) return true;
    const p = Number(x);
    const q = Number(y);
    if (!Number.isFinite(p) || !Number.isFinite(q)) return false;
    return Math.abs(p - q) <= 1e-12 * Math.max(Math.abs(p), Math.abs(q));
  });
}

function show(s: string): string {
  return s.length > 200 ? `${s.slice(0, 200)}... (${s.length} chars)` : s;
}

describe('numbers (int, float, complex, format, math, random)', () => {
  it('has tens of thousands of recorded CPython cases covering every area', () => {
    expect(cases.length).toBeGreaterThan(40000);
    const count = (re: RegExp) => cases.filter((c) => re.test(c.text)).length;
    const areas: [string, RegExp, number][] = [
      ['int arithmetic', /^bin \S+ [ix]:\S+ [ix]:/, 5000],
      ['bool arithmetic', /^bin \S+ [TF] /, 100],
      ['float arithmetic', /^bin \S+ f:\S+ f:/, 2000],
      ['complex arithmetic', /^bin \S+ c:/, 1000],
      ['comparisons', /^cmp /, 5000],
      ['hashes', /^hash /, 500],
      ['repr/str', /^(repr|str) /, 300],
      ['int()', /^call int /, 100],
      ['float()', /^call float /, 40],
      ['complex()', /^call complex /, 40],
      ['int formats', /^fmt [ixTF]/, 800],
      ['float formats', /^fmt f:/, 1000],
      ['complex formats', /^fmt c:/, 300],
      ['math', /^call math\./, 5000],
      ['math errors', /^call math\.\S+ .*/, 1],
      ['random', /^(call random\.|shuffle |inst |roundtrip )/, 1000],
      ['methods', /^meth /, 1500],
    ];
    for (const [name, re, min] of areas) expect(count(re), name).toBeGreaterThanOrEqual(min);
    for (const err of ['ERR:ZeroDivisionError:', 'ERR:OverflowError:', 'ERR:ValueError:math domain error',
      'ERR:ValueError:Invalid format specifier', 'ERR:ValueError:invalid literal for int()', 'ERR:IndexError:Cannot choose']) {
      expect(cases.some((c) => c.expected.startsWith(err)), err).toBe(true);
    }
  });

  for (const b of builds) {
    it(`${b.name}: every case gives CPython's answer`, async () => {
      const exe = await exes.get(b.name)!;
      const [cmd, ...pre] = b.runner.length ? b.runner : [exe];
      const argv = b.runner.length ? [...pre, exe, '-v'] : ['-v'];
      const r = spawnSync(cmd as string, argv, { input, encoding: 'utf8', maxBuffer: 1 << 28, timeout: 60_000 });
      if (r.error) throw r.error;
      const out = r.stdout.split('\n');
      if (r.status !== 0) {
        const at = cases[Math.max(0, out.length - 1)];
        throw new Error(`${b.name}: driver exited ${r.status} (signal ${r.signal}) near line ${at?.line}: ${at?.text}`);
      }
      if (b.name.includes('gc-stress')) {
        const m = /collections (\d+)/.exec(r.stderr);
        expect(Number(m?.[1] ?? 0), 'collections').toBeGreaterThan(50);
      }
      const failures: string[] = [];
      let tolerated = 0;
      cases.forEach((c, i) => {
        const got = out[i] ?? '<missing output>';
        if (got === c.expected) return;
        if (!b.exact && LIBM_CASE.test(c.text) && closeEnough(c.expected, got)) {
          tolerated++;
          return;
        }
        failures.push(`  line ${c.line}: ${show(c.text)}\n    expected ${show(c.expected)}\n    got      ${show(got)}`);
      });
      if (tolerated) console.log(`${b.name}: ${tolerated} libm results differ from x86_64 glibc in the last bits`);
      if (failures.length) {
        throw new Error(
          `${b.name}: ${failures.length} of ${cases.length} cases differ from CPython:\n${failures.slice(0, 15).join('\n')}`,
        );
      }
    });
  }

  it('compiles as warning-free freestanding C for every runtime target, calling only the runtime and libm', async () => {
    const jobs: Promise<string | null>[] = [];
    for (const t of freestandingTargets) {
      for (const src of ownFiles) {
        const obj = join(work, `fs_${t[0]!.slice(9)}_${src.split('/').pop()}.o`);
        jobs.push(
          run(CC, ['-std=c11', '-Wall', '-Wextra', '-Werror', '-ffreestanding', '-fno-builtin', '-O2', '-c', ...t, src, '-o', obj])
            .then(async () => {
              const { stdout } = await run('llvm-nm-19', ['-u', obj]);
              const foreign = stdout
                .split('\n')
                .map((l) => l.trim().split(/\s+/).pop() ?? '')
                .filter((s) => s && !s.startsWith('pync_') && !s.startsWith('__') && !libm.has(s));
              return foreign.length ? `${t.join(' ')} ${src}: calls ${foreign.join(', ')}` : null;
            })
            .catch((e: { stderr?: string }) => `${t.join(' ')} ${src}:\n${e.stderr ?? e}`),
        );
      }
    }
    const problems = (await Promise.all(jobs)).filter((p) => p !== null);
    expect(problems).toEqual([]);
  });
});
