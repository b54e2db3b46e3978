// Tests for the runtime's float <-> text library (src/runtime/lib/dtoa*.c).
//
// The expectations in tests/runtime/data/dtoa_cases.txt.gz were recorded from CPython 3.11 by
// scripts/gen-dtoa-cases.py. The C driver (tests/runtime/dtoa_driver.c) is built with the library
// natively (with and without __int128), and statically for aarch64 and 32-bit ARM, which run under
// qemu-user; every build must reproduce every recorded line. Each build also runs a seeded random
// cross-check against glibc (shortest digits, printf precisions, strtod on exact midpoints).
// Finally the library alone must compile warning-free as freestanding C for every runtime target
// and reference no libc symbol.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const libDir = join(root, 'src', 'runtime', 'lib');
const libSources = ['dtoa.c', 'dtoa_big.c', 'dtoa_ryu.c', 'dtoa_tables.c'].map((f) => join(libDir, f));
const driver = join(root, 'tests', 'runtime', 'dtoa_driver.c');
const dataFile = join(root, 'tests', 'runtime', 'data', 'dtoa_cases.txt.gz');
const CC = 'clang-19';
const WARN = ['-std=c11', '-Wall', '-Wextra', '-Werror'];

interface Build {
  name: string;
  flags: string[];
  runner: string[]; // command prefix (qemu) or empty for native
  selfcheck: number; // random values for the glibc cross-check
}

const builds: Build[] = [
  { name: 'x86_64', flags: [], runner: [], selfcheck: 20000 },
  { name: 'x86_64-no-int128', flags: ['-DPYNC_DTOA_NO_INT128'], runner: [], selfcheck: 10000 },
  { name: 'aarch64', flags: ['--target=aarch64-linux-gnu', '-static'], runner: ['qemu-aarch64'], selfcheck: 3000 },
  { name: 'armv7a', flags: ['--target=armv7a-linux-gnueabihf', '-static'], runner: ['qemu-arm'], selfcheck: 2000 },
];

const freestandingTargets: string[][] = [
  ['--target=x86_64-linux-gnu'],
  ['--target=aarch64-linux-gnu'],
  ['--target=armv7a-linux-gnueabihf'],
  ['--target=riscv64-linux-gnu'],
  ['--target=thumbv7m-none-eabi', '-mcpu=cortex-m3', '-mfloat-abi=soft'],
];

interface Case {
  line: number; // 1-based line in the uncompressed data file
  text: string; // the case without its expectation
  expected: string;
}

let work = '';
let casesPath = '';
let cases: Case[] = [];

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'pync-dtoa-'));
  const text = gunzipSync(readFileSync(dataFile)).toString('utf8');
  casesPath = join(work, 'cases.txt');
  writeFileSync(casesPath, text);
  const lines = text.split('\n');
  lines.forEach((l, i) => {
    if (l === '' || l.startsWith('#')) return;
    const tab = l.lastIndexOf('\t');
    cases.push({ line: i + 1, text: l.slice(0, tab), expected: l.slice(tab + 1) });
  });
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

function describeCase(c: Case): string {
  const f = c.text.split('\t');
  const show = (s: string) => (s.length > 120 ? `${s.slice(0, 120)}... (${s.length} chars)` : s);
  const unhex = (h: string) => JSON.stringify(show(Buffer.from(h, 'hex').toString('latin1')));
  switch (f[0]) {
    case 'r':
      return `repr(bits ${f[1]})`;
    case 'f':
      return `format(bits ${f[1]}, type ${f[2]}, precision ${f[3]}, flags ${f[4]})`;
    case 'p':
      return `float(${unhex(f[1])})`;
    case 'l':
      return `literal ${unhex(f[1])}`;
    case 'R':
      return `round(bits ${f[1]}, ${f[2]})`;
    case 'h':
      return `hex(bits ${f[1]})`;
    case 'H':
      return `fromhex(${unhex(f[1])})`;
    default:
      return c.text;
  }
}

function compile(b: Build): string {
  const exe = join(work, `dtoa_driver_${b.name}`);
  execFileSync(
    CC,
    [...WARN, '-O2', '-fuse-ld=lld', ...b.flags, `-I${libDir}`, driver, ...libSources, '-lm', '-o', exe],
    { stdio: 'pipe' },
  );
  return exe;
}

function run(b: Build, exe: string, args: string[]): string {
  const [cmd, ...pre] = b.runner.length ? b.runner : [exe];
  const argv = b.runner.length ? [...pre, exe, ...args] : args;
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.error) throw r.error;
  if (r.status !== 0 && !args.includes('--selfcheck')) {
    throw new Error(`${b.name}: driver exited ${r.status}: ${r.stderr}`);
  }
  return r.stdout;
}

describe('dtoa library', () => {
  it('has thousands of recorded CPython cases in every category', () => {
    const counts = new Map<string, number>();
    for (const c of cases) counts.set(c.text[0], (counts.get(c.text[0]) ?? 0) + 1);
    expect(counts.get('r')).toBeGreaterThan(10000);
    expect(counts.get('f')).toBeGreaterThan(20000);
    expect(counts.get('p')).toBeGreaterThan(5000);
    expect(counts.get('l')).toBeGreaterThan(500);
    expect(counts.get('R')).toBeGreaterThan(5000);
    expect(counts.get('h')).toBeGreaterThan(500);
    expect(counts.get('H')).toBeGreaterThan(500);
  });

  for (const b of builds) {
    describe(b.name, () => {
      let exe = '';
      beforeAll(() => {
        exe = compile(b);
      });

      it('reproduces every CPython result', () => {
        const out = run(b, exe, [casesPath]).split('\n');
        const mismatches: string[] = [];
        let count = 0;
        cases.forEach((c, i) => {
          const got = out[i] ?? '<missing output>';
          if (got !== c.expected) {
            count++;
            if (mismatches.length < 15) {
              mismatches.push(
                `  line ${c.line}: ${describeCase(c)}\n    expected ${JSON.stringify(c.expected)}\n    got      ${JSON.stringify(got)}`,
              );
            }
          }
        });
        if (count > 0) {
          throw new Error(`${b.name}: ${count} of ${cases.length} cases differ from CPython:\n${mismatches.join('\n')}`);
        }
      });

      it('agrees with glibc on random values', () => {
        const out = run(b, exe, ['--selfcheck', String(b.selfcheck), '0x5eed' + b.name.length]);
        expect(out).toMatch(/selfcheck: 0 failures/);
      });
    });
  }

  it('compiles as warning-free freestanding C for every runtime target, without libc', () => {
    const problems: string[] = [];
    for (const t of freestandingTargets) {
      for (const src of libSources) {
        const obj = join(work, 'fs.o');
        const r = spawnSync(
          CC,
          [...WARN, '-ffreestanding', '-fno-builtin', '-O2', '-c', ...t, src, '-o', obj],
          { encoding: 'utf8' },
        );
        if (r.status !== 0) {
          problems.push(`${t.join(' ')} ${src}:\n${r.stderr}`);
          continue;
        }
        const nm = execFileSync('llvm-nm-19', ['-u', obj], { encoding: 'utf8' });
        for (const sym of nm.split('\n').map((l) => l.trim().split(/\s+/).pop() ?? '')) {
          // Our own cross-file symbols and the compiler's runtime helpers (__aeabi_*, soft float).
          if (sym && !sym.startsWith('pync_dtoa__') && !sym.startsWith('__')) {
            problems.push(`${t.join(' ')} ${src}: references ${sym}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
