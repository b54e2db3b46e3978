// Tests for the runtime's text types: str methods, slicing and iteration, '%' / str.format /
// format(), the codecs, bytes and bytearray (src/runtime/{str_*,bytes*}.c).
//
// tests/runtime/data/strings_cases.txt.gz holds tens of thousands of operations with the answer
// CPython 3.11 gave for each (repr of the result, or "ExcType: message"), recorded by
// scripts/gen-strings-cases.py. The C driver (tests/runtime/strings_driver.c) evaluates them
// through the runtime's own protocol functions (pync_call_method, pync_binary, pync_getitem, ...).
// It is built with the whole runtime natively with a tiny collection threshold and a full
// collection after every case, and statically for aarch64 and 32-bit ARM under qemu-user; every
// build must print what CPython printed. Finally the text files must compile warning-free as
// freestanding C for every runtime target, calling nothing outside the runtime.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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
const driver = join(root, 'tests', 'runtime', 'strings_driver.c');
const dataFile = join(root, 'tests', 'runtime', 'data', 'strings_cases.txt.gz');
const ownFiles = readdirSync(rt)
  .filter((f) => /^(str_\w+|bytes(_methods)?)\.c$/.test(f))
  .sort()
  .map((f) => join(rt, f));
const CC = 'clang-19';
const BASE = ['-std=c11', '-ffreestanding', '-fno-builtin', '-fuse-ld=lld', `-I${rt}`];

interface Build {
  name: string;
  flags: string[];
  runner: string[]; // command prefix (qemu) or empty for native
  args: string[]; // extra driver arguments
}

// The foreign builds are -O0: they compile four times faster and still run in about a second.
const builds: Build[] = [
  // the collector runs every 4 KiB of allocation, and fully after every case
  { name: 'x86_64-gc-stress', flags: ['-O1', '-DPYNC_GC_MIN_THRESHOLD=4096'], runner: [], args: ['--gc', '1'] },
  { name: 'aarch64', flags: ['-O0', '--target=aarch64-linux-gnu', '-static'], runner: ['qemu-aarch64'], args: [] },
  { name: 'armv7a', flags: ['-O0', '--target=armv7a-linux-gnueabihf', '-static'], runner: ['qemu-arm'], args: [] },
];

const freestandingTargets: string[][] = [
  ['--target=x86_64-linux-gnu'],
  ['--target=aarch64-linux-gnu'],
  ['--target=armv7a-linux-gnueabihf'],
  ['--target=riscv64-linux-gnu'],
  ['--target=thumbv7m-none-eabi', '-mcpu=cortex-m3', '-mfloat-abi=soft'],
];

interface Case {
  line: number;
  display: string;
  tokens: string;
  expected: string;
}

let work = '';
let casesPath = '';
let freestandingProblems: Promise<string[]>;
const cases: Case[] = [];
const exes = new Map<string, Promise<string>>();

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'pync-strings-'));
  const text = gunzipSync(readFileSync(dataFile));
  casesPath = join(work, 'cases.txt');
  writeFileSync(casesPath, text);
  // The file is UTF-8 except for lone surrogates (CPython's 'surrogatepass'); they only occur in
  // the display and expected fields, which are compared as bytes decoded the same way below.
  text
    .toString('latin1')
    .split('\n')
    .forEach((l, i) => {
      if (l === '') return;
      const [display, tokens, expected] = l.split('\t') as [string, string, string];
      cases.push({ line: i + 1, display, tokens, expected });
    });
  for (const b of builds) {
    const exe = join(work, `strings_${b.name}`);
    exes.set(
      b.name,
      run(CC, [...BASE, ...b.flags, ...runtimeSources, driver, '-o', exe, '-lm'], { maxBuffer: 1 << 26 }).then(
        () => exe,
      ),
    );
  }
  for (const p of exes.values()) p.catch(() => undefined); // reported by the test that awaits it
  freestandingProblems = checkFreestanding();
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

// Compiles the text files for every freestanding target (started in beforeAll, next to the builds).
async function checkFreestanding(): Promise<string[]> {
  const problems: string[] = [];
  await Promise.all(
    freestandingTargets.map(async (t) => {
      // one compiler process per target: the objects land in their own directory
      const dir = mkdtempSync(join(work, 'fs-'));
      try {
        await run(CC, ['-std=c11', '-Wall', '-Wextra', '-Werror', '-ffreestanding', '-fno-builtin', '-O2', '-c', ...t,
          `-I${rt}`, ...ownFiles], { cwd: dir });
      } catch (e) {
        problems.push(`${t.join(' ')}:\n${(e as { stderr?: string }).stderr ?? e}`);
        return;
      }
      for (const src of ownFiles) {
        const obj = join(dir, src.split('/').pop()!.replace(/\.c$/, '.o'));
        const nm = spawnSync('llvm-nm-19', ['-u', obj], { encoding: 'utf8' });
        for (const sym of nm.stdout.split('\n').map((l) => l.trim().split(/\s+/).pop() ?? '')) {
          // the runtime's own symbols and the compiler's helpers (__aeabi_*, soft float)
          if (sym && !sym.startsWith('pync_') && !sym.startsWith('__')) {
            problems.push(`${t.join(' ')} ${src}: references ${sym}`);
          }
        }
      }
    }),
  );
  return problems;
}

const utf8 = (s: string) => Buffer.from(s, 'latin1').toString('utf8');

describe('str, bytes and formatting', () => {
  it('has recorded CPython cases for every method and operation', () => {
    expect(cases.length).toBeGreaterThan(50000);
    const counts = new Map<string, number>();
    for (const c of cases) {
      const t = c.tokens.split(' ');
      const key = t[0] === 'm' ? (t[1] as string) : (t[0] as string);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const atLeast: [string, number][] = [
      ['split', 1000], ['rsplit', 1000], ['splitlines', 100], ['join', 50], ['strip', 200], ['replace', 1000],
      ['find', 500], ['rfind', 500], ['index', 500], ['count', 500], ['startswith', 500], ['endswith', 500],
      ['upper', 500], ['lower', 500], ['casefold', 500], ['title', 500], ['swapcase', 500], ['capitalize', 500],
      ['isdigit', 100], ['isidentifier', 100], ['isprintable', 100], ['center', 500], ['zfill', 200],
      ['expandtabs', 100], ['partition', 300], ['encode', 1000], ['decode', 1000], ['format', 200],
      ['format_map', 10], ['translate', 100], ['mod', 1000], ['getitem', 1000], ['contains', 500], ['iter', 100],
      ['call', 50], ['fstr', 100], ['hex', 100], ['setitem', 20], ['delitem', 5], ['append', 2], ['pop', 5],
    ];
    for (const [k, n] of atLeast) expect(counts.get(k) ?? 0, k).toBeGreaterThanOrEqual(n);
  });

  for (const b of builds) {
    it(`${b.name}: every operation gives CPython's answer`, async () => {
      const exe = await exes.get(b.name)!;
      const [cmd, ...pre] = b.runner.length ? b.runner : [exe];
      const argv = b.runner.length ? [...pre, exe, casesPath, ...b.args] : [casesPath, ...b.args];
      const r = spawnSync(cmd as string, argv, { maxBuffer: 1 << 28, timeout: 30_000 });
      if (r.error) throw r.error;
      const out = r.stdout.toString('latin1').split('\n');
      if (r.status !== 0) {
        const at = cases[Math.max(out.length - 1, 0)];
        throw new Error(`${b.name}: driver exited ${r.status} (signal ${r.signal}) near ${at?.display}: ${r.stderr}`);
      }
      const mismatches: string[] = [];
      let count = 0;
      cases.forEach((c, i) => {
        const got = out[i] ?? '<missing output>';
        if (got !== c.expected) {
          count++;
          if (mismatches.length < 20) {
            mismatches.push(
              `  line ${c.line}: ${utf8(c.display).slice(0, 160)}\n    expected ${utf8(c.expected)}\n    got      ${utf8(got)}`,
            );
          }
        }
      });
      if (count > 0) {
        throw new Error(`${b.name}: ${count} of ${cases.length} cases differ from CPython:\n${mismatches.join('\n')}`);
      }
    });
  }

  it('compiles as warning-free freestanding C for every runtime target, calling only the runtime', async () => {
    expect(await freestandingProblems).toEqual([]);
  });
});
