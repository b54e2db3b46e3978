// tests/differential/harness.ts — compiles Python programs with `pync build`, runs them (natively,
// or under qemu for foreign targets) and compares what they print with CPython's recorded output.
//
// Takes: programs (NAME.py beside NAME.exp, CPython 3.11's stdout; exit status 0 expected), a
// target (dynamic or --static), and the expected-failures list. A program whose output depends on
// the target's C ABI (struct/array native sizes: a C long is 32 bits on armv7) may have
// NAME.<target>.exp beside it, recorded from CPython on that architecture; it replaces NAME.exp
// for that target. Hands on: one Outcome per program, each program's
// verdict against the list, and a readable report (a per-category table, then the programs that
// break the rules). The rules: a listed program must fail *to compile*, with a diagnostic — never
// build and print something wrong; a program not listed must pass.
//
// Builds run two at a time, all with one private snapshot of pync (bundle and runtime sources:
// others may rebuild dist/ or edit the runtime meanwhile), and are cached in
// <cache>/differential/<target>/<program path>/ with the key they were made for (the program
// folder's .py files + the pync snapshot + the target), so a rerun with nothing changed only runs
// the programs, and each program keeps one build however often pync changes. A compile failure
// is cached too.

import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import type { TargetDescriptor } from '../../targets/target.js';
import { mapLimit, runTool } from '../../src/toolchain/run.js';
import { repoRoot } from '../toolchain/support.js';

export interface Program {
  /** how the expected-failures list names it: conformance/int/int1.py, tests/programs/x/y.py */
  readonly key: string;
  /** the report's row: int, bigint, ..., programs/<folder> */
  readonly category: string;
  readonly source: string;
  readonly expectedOutput: string;
}

export type OutcomeKind = 'pass' | 'compile-error' | 'build-failure' | 'wrong-output' | 'bad-exit' | 'timeout';

export interface Outcome {
  readonly program: Program;
  readonly kind: OutcomeKind;
  /** one line: the diagnostic, the first differing line, the exit status ... */
  readonly detail: string;
  readonly buildCached: boolean;
}

export interface Verdict {
  readonly outcome: Outcome;
  /** null when the outcome is what the list says it should be */
  readonly problem: string | null;
  readonly listed: boolean;
}

export const CORPUS_ROOT = join(repoRoot, '..', 'shared', 'corpus');
export const CATEGORIES = [
  'int', 'bigint', 'float', 'float_format', 'str', 'str_format', 'fstring', 'bytes', 'list', 'tuple', 'dict', 'set',
  'slice', 'controlflow', 'operators', 'function', 'closure', 'lambda', 'comprehension', 'unpack_assign', 'del',
  'exception', 'builtin', 'math', 'iterator', 'unicode',
  // the generators and async issue's categories
  'generator', 'with', 'async',
  // beyond the issues' lists: everything else pync compiles must be right too
  'class', 'inheritance', 'complex', 'stdlib', 'dynamic', 'misc', 'syntax',
] as const;
/** runs a pync bundle's main() like bin/pync: node -e PYNC_MAIN BUNDLE ARGS... */
const PYNC_MAIN = 'const [bundle, ...args] = process.argv.slice(1); import(bundle).then((m) => m.main(args));';
export const EXPECTED_FAILURES_FILE = join(repoRoot, 'tests', 'differential', 'expected-failures.txt');

// ---- programs and the expected-failures list ----------------------------------------------------

/** The corpus programs of `categories`, then the project's tests/programs/**.py with a .exp. */
export function collectPrograms(categories: readonly string[] = CATEGORIES, corpusRoot = CORPUS_ROOT): Program[] {
  const programs: Program[] = [];
  for (const category of categories) {
    const dir = join(corpusRoot, 'conformance', category);
    for (const name of listSorted(dir)) {
      if (!name.endsWith('.py')) continue;
      const exp = join(dir, name.replace(/\.py$/, '.exp'));
      if (!existsSync(exp)) continue;
      programs.push({ key: `conformance/${category}/${name}`, category, source: join(dir, name), expectedOutput: exp });
    }
  }
  const own = join(repoRoot, 'tests', 'programs');
  for (const source of walkPy(own)) {
    const exp = source.replace(/\.py$/, '.exp');
    if (!existsSync(exp)) continue;
    const folder = relative(own, dirname(source));
    programs.push({ key: relative(repoRoot, source), category: folder ? `programs/${folder}` : 'programs', source, expectedOutput: exp });
  }
  return programs;
}

/** `path  reason` lines (two or more spaces or a tab between); # starts a comment. */
export function readExpectedFailures(file = EXPECTED_FAILURES_FILE): Map<string, string> {
  const listed = new Map<string, string>();
  if (!existsSync(file)) return listed;
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^(\S+)(?:\s{2,}|\t)(.*)$/.exec(line);
    listed.set(m ? m[1]! : line, m ? m[2]!.trim() : '');
  }
  return listed;
}

export function writeExpectedFailures(entries: ReadonlyMap<string, string>, file = EXPECTED_FAILURES_FILE): void {
  const header = [
    '# Programs the differential test (tests/differential) expects pync to refuse to compile.',
    '# One per line: PATH  REASON. A listed program must fail to compile with a diagnostic (never',
    '# build and print something wrong); a program not listed must pass. Regenerate the list from',
    '# the current compile errors with: PYNC_UPDATE_EXPECTED_FAILURES=1 npx vitest run tests/differential',
    '',
  ];
  const keys = [...entries.keys()].sort();
  const width = Math.max(0, ...keys.map((k) => k.length)) + 2;
  writeFileSync(file, header.join('\n') + keys.map((k) => `${k.padEnd(width)}${entries.get(k)}`.trimEnd() + '\n').join(''));
}

// ---- building and running -----------------------------------------------------------------------

export interface HarnessOptions {
  readonly target: TargetDescriptor;
  /** target options for `pync build` (['--board', 'lm3s6965evb']), matching how `target` was configured */
  readonly targetArgs?: readonly string[];
  /** the sysroot folder for foreign targets (null: host libraries) */
  readonly sysrootDir: string | null;
  /** build fully static executables (`pync build --static`), run under qemu without -L */
  readonly static?: boolean;
  /** build with a runtime that collects after every 4 KiB allocated (PYNC_GC_STRESS=1) */
  readonly gcStress?: boolean;
  /** pync's cache (PYNC_CACHE_DIR for the builds) */
  readonly cacheDir: string;
  /** the pync to build with */
  readonly pync: PyncSnapshot;
  readonly jobs?: number;
  /** a program may run this long */
  readonly runTimeoutMs?: number;
  readonly buildTimeoutMs?: number;
  /** called after each program */
  readonly progress?: (done: number, total: number) => void;
}

/** One pync, frozen for a run: the bundle and the runtime sources it builds with. */
export interface PyncSnapshot {
  /** the bundle to run (its package folder holds package.json and src/runtime) */
  readonly module: string;
  readonly runtimeDir: string;
  /** of the bundle and the runtime sources */
  readonly hash: string;
}

/**
 * Copies dist/pync.mjs, package.json and src/runtime into <cache>/differential/pync-<hash>/, a
 * package of its own: others may rebuild dist/ or edit the runtime during a run, and a run must
 * use one compiler and one runtime throughout (a runtime edit halfway would otherwise make every
 * later build rebuild the runtime, or fail with it). Snapshots older than an hour are removed.
 */
export function snapshotPync(cacheDir: string): PyncSnapshot {
  const bundle = readFileSync(join(repoRoot, 'dist', 'pync.mjs'));
  const runtimeHash = hashTree(join(repoRoot, 'src', 'runtime'));
  const hash = sha256([bundle.toString('latin1'), runtimeHash]);
  const root = join(cacheDir, 'differential');
  const dir = join(root, `pync-${hash.slice(0, 16)}`);
  if (!existsSync(dir)) {
    const temp = `${dir}.tmp-${process.pid}`;
    rmSync(temp, { recursive: true, force: true });
    mkdirSync(join(temp, 'dist'), { recursive: true });
    writeFileSync(join(temp, 'dist', 'pync.mjs'), bundle);
    cpSync(join(repoRoot, 'package.json'), join(temp, 'package.json'));
    cpSync(join(repoRoot, 'src', 'runtime'), join(temp, 'src', 'runtime'), { recursive: true });
    try {
      renameSync(temp, dir);
    } catch {
      rmSync(temp, { recursive: true, force: true }); // another run made the same snapshot
    }
  }
  for (const name of listSorted(root)) {
    const path = join(root, name);
    if (name.startsWith('pync-') && path !== dir && Date.now() - statSync(path).mtimeMs > 3_600_000) {
      rmSync(path, { recursive: true, force: true });
    }
  }
  return { module: join(dir, 'dist', 'pync.mjs'), runtimeDir: join(dir, 'src', 'runtime'), hash };
}

/** Builds and runs every program, `jobs` at a time. */
export async function runPrograms(programs: readonly Program[], options: HarnessOptions): Promise<Outcome[]> {
  const folderHashes = new Map<string, string>();
  let done = 0;
  return mapLimit(programs, options.jobs ?? 2, async (program) => {
    const folder = dirname(program.source);
    if (!folderHashes.has(folder)) folderHashes.set(folder, hashPyFiles(folder));
    const key = sha256([program.key, folderHashes.get(folder)!, options.pync.hash, targetLabel(options)]).slice(0, 24);
    const outcome = await buildAndRun(program, key, options);
    options.progress?.(++done, programs.length);
    return outcome;
  });
}

interface BuildRecord {
  readonly key: string;
  readonly status: number;
  readonly stderr: string;
}

async function buildAndRun(program: Program, key: string, options: HarnessOptions): Promise<Outcome> {
  const folder = join(options.cacheDir, 'differential', targetLabel(options), program.key.replace(/\.py$/, ''));
  const exe = join(folder, basename(program.source, '.py'));
  const recordFile = join(folder, 'build.json');
  let record: BuildRecord | null = readRecord(recordFile);
  if (record?.key !== key) record = null;
  const buildCached = record !== null && (record.status !== 0 || existsSync(exe));
  if (!buildCached) {
    mkdirSync(folder, { recursive: true });
    const r = await runTool(process.execPath, ['--input-type=module', '-e', PYNC_MAIN, options.pync.module, 'build', program.source, '--target', options.target.name, ...(options.targetArgs ?? []), ...(options.static ? ['--static'] : []), '-o', exe], {
      cwd: dirname(program.source),
      env: { ...process.env, PYNC_CACHE_DIR: options.cacheDir, PYNC_GC_STRESS: options.gcStress ? '1' : '' },
      timeoutMs: options.buildTimeoutMs ?? 300_000,
    });
    record = { key, status: r.timedOut ? -1 : r.status, stderr: r.timedOut ? 'pync build timed out' : r.stderr };
    const temp = `${recordFile}.tmp-${process.pid}`;
    writeFileSync(temp, JSON.stringify(record));
    renameSync(temp, recordFile);
  }
  const outcome = (kind: OutcomeKind, detail: string): Outcome => ({ program, kind, detail, buildCached });
  if (record!.status !== 0) {
    const lines = record!.stderr.split('\n').filter((l) => l.trim() !== '');
    // a diagnostic names a source position; `pync: error: ...` is the toolchain failing
    const diagnostic = lines.find((l) => !l.startsWith('pync: ') && /^[^:\s][^:]*:\d+:\d+: error: /.test(l));
    if (record!.status === 1 && diagnostic) return outcome('compile-error', stripPath(diagnostic, program));
    return outcome('build-failure', `pync build exited ${record!.status}: ${lines[0] ?? '(no output)'}`);
  }

  // a static executable needs no sysroot at run time: no -L, so that is tested too
  const command = options.target.runCommand(exe, [], options.static ? null : options.sysrootDir);
  if (!command) return outcome('build-failure', `${options.target.name} output cannot run on this machine`);
  const run = await runTool(command.command, command.args, {
    cwd: dirname(program.source),
    timeoutMs: options.runTimeoutMs ?? 60_000,
    env: command.env ? { ...process.env, ...command.env } : process.env,
  });
  if (run.timedOut) return outcome('timeout', `no exit after ${((options.runTimeoutMs ?? 60_000) / 1000).toFixed(0)} s`);
  const expected = readFileSync(expectedOutputFor(program, options.target), 'utf8');
  if (run.status !== 0) {
    const last = run.stderr.trim().split('\n').pop() ?? '';
    return outcome('bad-exit', `exit status ${run.status}${last ? `: ${last}` : ''}`);
  }
  if (run.stdout !== expected) return outcome('wrong-output', firstDifference(expected, run.stdout));
  return outcome('pass', '');
}

/** NAME.<target>.exp when the program has one for this target, else NAME.exp. */
export function expectedOutputFor(program: Program, target: TargetDescriptor): string {
  const own = program.expectedOutput.replace(/\.exp$/, `.${target.name}.exp`);
  return existsSync(own) ? own : program.expectedOutput;
}

/**
 * How reports and build folders name a run: the target, its options, '-static' for static
 * builds, '-gcstress' for the collector stress runtime (thumbv7m-none-eabi--board_lm3s6965evb,
 * armv7-linux-gnueabihf-static, x86_64-linux-gnu-gcstress).
 */
export function targetLabel(options: Pick<HarnessOptions, 'target' | 'targetArgs' | 'static' | 'gcStress'>): string {
  const args = options.targetArgs ?? [];
  const base = args.length === 0 ? options.target.name : `${options.target.name}-${args.join('_').replace(/[^\w.-]+/g, '_')}`;
  return `${base}${options.static ? '-static' : ''}${options.gcStress ? '-gcstress' : ''}`;
}

// ---- verdicts and the report --------------------------------------------------------------------

export function judge(outcomes: readonly Outcome[], listed: ReadonlyMap<string, string>): Verdict[] {
  return outcomes.map((outcome) => {
    const isListed = listed.has(outcome.program.key);
    let problem: string | null = null;
    if (isListed && outcome.kind === 'pass') problem = 'passes now: remove it from expected-failures.txt';
    else if (isListed && outcome.kind !== 'compile-error') problem = `listed as an expected failure, so it must fail to compile, but: ${describeOutcome(outcome)}`;
    else if (!isListed && outcome.kind !== 'pass') problem = describeOutcome(outcome);
    return { outcome, problem, listed: isListed };
  });
}

export function describeOutcome(o: Outcome): string {
  return `${o.kind}${o.detail ? `: ${o.detail}` : ''}`;
}

/** Listed paths that are not programs of this run. */
export function staleEntries(listed: ReadonlyMap<string, string>, programs: readonly Program[]): string[] {
  const keys = new Set(programs.map((p) => p.key));
  return [...listed.keys()].filter((k) => !keys.has(k));
}

export function formatReport(targetName: string, verdicts: readonly Verdict[], seconds: number, maxProblems = 60): string {
  const categories = [...new Set(verdicts.map((v) => v.outcome.program.category))];
  const header = ['category', 'programs', 'pass', 'compile err', 'wrong/crash', 'not as listed'];
  const rows = categories.map((c) => {
    const vs = verdicts.filter((v) => v.outcome.program.category === c);
    return [
      c,
      String(vs.length),
      String(vs.filter((v) => v.outcome.kind === 'pass').length),
      String(vs.filter((v) => v.outcome.kind === 'compile-error').length),
      String(vs.filter((v) => v.outcome.kind !== 'pass' && v.outcome.kind !== 'compile-error').length),
      String(vs.filter((v) => v.problem !== null).length),
    ];
  });
  const total = (col: number): string => String(rows.reduce((n, r) => n + Number(r[col]), 0));
  rows.push(['TOTAL', total(1), total(2), total(3), total(4), total(5)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const passed = verdicts.filter((v) => v.outcome.kind === 'pass').length;
  const problems = verdicts.filter((v) => v.problem !== null);
  const cached = verdicts.filter((v) => v.outcome.buildCached).length;
  const out = [
    `differential test, ${targetName}: ${verdicts.length} programs in ${seconds.toFixed(1)} s (${cached} builds cached)`,
    line(header),
    ...rows.slice(0, -1).map(line),
    line(rows[rows.length - 1]!),
    `${targetName}: ${passed} passed, ${verdicts.length - passed} failed ` +
      `(${verdicts.filter((v) => v.listed && v.problem === null).length} expected compile failures, ${problems.length} not as expected-failures.txt says)`,
  ];
  if (problems.length > 0) {
    out.push('', `not as expected (${Math.min(problems.length, maxProblems)} of ${problems.length} shown):`);
    for (const v of problems.slice(0, maxProblems)) out.push(`  ${v.outcome.program.key}  ${truncate(v.problem!, 160)}`);
  }
  return out.join('\n') + '\n';
}

/** The list as the current outcomes say it should be: programs that fail to compile, with their
 * diagnostic as the reason (an existing hand-written reason is kept). */
export function updatedExpectedFailures(outcomes: readonly Outcome[], listed: ReadonlyMap<string, string>): Map<string, string> {
  const next = new Map<string, string>();
  for (const o of outcomes) {
    if (o.kind !== 'compile-error') continue;
    next.set(o.program.key, listed.get(o.program.key) || shortReason(o.detail));
  }
  return next;
}

/** `f.py:8:5: error: No module named 'array': pync compiles ...` → `8:5 No module named 'array'` */
function shortReason(diagnostic: string): string {
  const m = /:(\d+:\d+): error: (.*)$/.exec(diagnostic);
  if (!m) return truncate(diagnostic, 100);
  const message = m[2]!.split(/: (?=[a-z])/)[0]!;
  return truncate(`${m[1]} ${message}`, 100);
}

// ---- helpers ------------------------------------------------------------------------------------

function firstDifference(expected: string, actual: string): string {
  const e = expected.split('\n');
  const a = actual.split('\n');
  for (let i = 0; i < Math.max(e.length, a.length); i++) {
    if (e[i] !== a[i]) {
      const show = (s: string | undefined): string => (s === undefined ? '(end of output)' : JSON.stringify(truncate(s, 60)));
      return `line ${i + 1}: expected ${show(e[i])}, got ${show(a[i])}`;
    }
  }
  return 'outputs differ';
}

/** A diagnostic with the program's absolute path shortened to its file name. */
function stripPath(diagnostic: string, program: Program): string {
  return truncate(diagnostic.replace(program.source, basename(program.source)), 200);
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

function readRecord(file: string): BuildRecord | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as BuildRecord;
  } catch {
    return null;
  }
}

function sha256(parts: readonly string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
}

/** Every file under `dir`, paths and contents. */
function hashTree(dir: string): string {
  const h = createHash('sha256');
  const walk = (d: string): void => {
    for (const name of listSorted(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else h.update(relative(dir, path)).update('\0').update(readFileSync(path)).update('\0');
    }
  };
  walk(dir);
  return h.digest('hex');
}

/** Every .py file under `dir` (imports a program may make), paths and contents. */
function hashPyFiles(dir: string): string {
  const h = createHash('sha256');
  for (const f of walkPy(dir)) h.update(relative(dir, f)).update('\0').update(readFileSync(f)).update('\0');
  return h.digest('hex');
}

function walkPy(dir: string): string[] {
  const out: string[] = [];
  for (const name of listSorted(dir)) {
    const path = join(dir, name);
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      continue;
    }
    if (isDir) out.push(...walkPy(path));
    else if (name.endsWith('.py')) out.push(path);
  }
  return out;
}

function listSorted(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}
