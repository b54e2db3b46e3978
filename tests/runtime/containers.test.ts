// Tests for the runtime's containers: list, set/frozenset, range, slice, the dict's methods and
// views, and the built-in iterators (src/runtime/{list,list_sort,set,range,slice,dict_methods,iterators}.c).
//
// tests/runtime/data/containers_cases.txt.gz holds small Python programs with the output CPython
// 3.11 gave for each, recorded by scripts/gen-containers-cases.py. The C driver
// (tests/runtime/containers_driver.c) interprets them by calling the runtime directly. It is built
// with the whole runtime three ways: natively with a tiny collection threshold, so the collector
// runs hundreds of times mid-operation and every trace function and stack root matters; and
// statically for aarch64 and 32-bit ARM, run under qemu-user. Every build must print
// what CPython printed, case by case. Finally the container files must compile warning-free as
// freestanding C for every runtime target, calling nothing outside the runtime.
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
const driver = join(root, 'tests', 'runtime', 'containers_driver.c');
const dataFile = join(root, 'tests', 'runtime', 'data', 'containers_cases.txt.gz');
const ownFiles = ['list.c', 'list_sort.c', 'set.c', 'range.c', 'slice.c', 'dict_methods.c', 'iterators.c'].map((f) => join(rt, f));
const CC = 'clang-19';
const BASE = ['-std=c11', '-ffreestanding', '-fno-builtin', '-fuse-ld=lld', `-I${rt}`];

interface Build {
  name: string;
  flags: string[];
  runner: string[]; // command prefix (qemu) or empty for native
}

// The native build also stresses the collector: a tiny threshold makes it run hundreds of times.
const builds: Build[] = [
  { name: 'x86_64-gc-stress', flags: ['-O1', '-DPYNC_GC_MIN_THRESHOLD=4096'], runner: [] },
  { name: 'aarch64', flags: ['-O1', '--target=aarch64-linux-gnu', '-static'], runner: ['qemu-aarch64'] },
  { name: 'armv7a', flags: ['-O1', '--target=armv7a-linux-gnueabihf', '-static'], runner: ['qemu-arm'] },
];

const freestandingTargets: string[][] = [
  ['--target=x86_64-linux-gnu'],
  ['--target=aarch64-linux-gnu'],
  ['--target=armv7a-linux-gnueabihf'],
  ['--target=riscv64-linux-gnu'],
  ['--target=thumbv7m-none-eabi', '-mcpu=cortex-m3', '-mfloat-abi=soft'],
];

// Cases that fail because of another part of the runtime, with the reason; they are reported, not
// failed, so the pass rate stays visible (see ../../../shared/design.md, Tests).
const knownFailures: [RegExp, string][] = [];

interface Case {
  name: string;
  program: string;
  expected: string;
}

let work = '';
let input = '';
const cases: Case[] = [];
const exes = new Map<string, Promise<string>>();

function unescape(s: string): string {
  return s.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'pync-containers-'));
  const lines = gunzipSync(readFileSync(dataFile)).toString('utf8').split('\n');
  for (const l of lines) {
    if (l === '') continue;
    const [name, program, expected] = l.split('\t') as [string, string, string];
    cases.push({ name, program, expected });
  }
  input = cases.map((c) => `${c.name}\t${c.program}`).join('\n') + '\n';
  // all builds at once: they are independent and each takes a few seconds
  for (const b of builds) {
    const exe = join(work, `containers_${b.name}`);
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

describe('containers', () => {
  it('has hundreds of recorded CPython programs over every container', () => {
    expect(cases.length).toBeGreaterThan(300);
    for (const prefix of ['set-order-', 'set-mutate-', 'set-ops-', 'set-tuples-', 'list-slice-get-', 'list-slice-set-',
      'list-slice-del-', 'list-methods', 'sort-stable-', 'sort-nan-', 'range-', 'slice-basic', 'dict-views',
      'dict-methods', 'iter-']) {
      expect(cases.some((c) => c.name.startsWith(prefix)), prefix).toBe(true);
    }
  });

  for (const b of builds) {
    it(`${b.name}: every program prints what CPython printed`, async () => {
      const exe = await exes.get(b.name)!;
      const [cmd, ...pre] = b.runner.length ? b.runner : [exe];
      const argv = b.runner.length ? [...pre, exe, '-v'] : ['-v'];
      const r = spawnSync(cmd as string, argv, { input, encoding: 'utf8', maxBuffer: 1 << 28, timeout: 30_000 });
      if (r.error) throw r.error;
      const got = new Map<string, string>();
      let collections = -1;
      for (const l of r.stdout.split('\n')) {
        const tab = l.indexOf('\t');
        if (tab < 0) continue;
        if (l.startsWith('#collections\t')) collections = Number(l.slice(tab + 1));
        else got.set(l.slice(0, tab), l.slice(tab + 1));
      }
      if (r.status !== 0) {
        const last = cases.find((c) => !got.has(c.name));
        throw new Error(`${b.name}: driver exited ${r.status} (signal ${r.signal}) in case ${last?.name}: ${r.stderr}`);
      }
      if (b.name.includes('gc-stress')) expect(collections).toBeGreaterThan(100);
      const failures: string[] = [];
      const known: string[] = [];
      for (const c of cases) {
        const g = got.get(c.name);
        if (g === c.expected) continue;
        const reason = knownFailures.find(([re]) => re.test(c.name));
        if (reason) {
          known.push(c.name);
          continue;
        }
        const el = unescape(c.expected).split('\n');
        const gl = g === undefined ? ['<no output>'] : unescape(g).split('\n');
        let i = 0;
        while (i < el.length && el[i] === gl[i]) i++;
        const show = (s: string | undefined) => (s === undefined ? '<none>' : s.length > 240 ? `${s.slice(0, 240)}...` : s);
        failures.push(`  ${c.name}, output line ${i + 1}:\n    expected ${show(el[i])}\n    got      ${show(gl[i])}`);
      }
      if (known.length) console.log(`${b.name}: ${known.length} known failures (${known.join(', ')})`);
      if (failures.length) {
        throw new Error(
          `${b.name}: ${failures.length} of ${cases.length} programs differ from CPython:\n${failures.slice(0, 12).join('\n')}`,
        );
      }
    });
  }

  it('compiles as warning-free freestanding C for every runtime target, calling only the runtime', async () => {
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
                .filter((s) => s && !s.startsWith('pync_') && !s.startsWith('__')); // __aeabi_*, __udivdi3: compiler helpers
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
