// Differential test: every program of the listed corpus categories (../shared/corpus/conformance)
// and the project's tests/programs/**.py is built with `pync build`, run on x86_64 (natively) and
// on aarch64, armv7 and riscv64 (qemu-<arch> -L SYSROOT), and its stdout and exit status compared
// with CPython's .exp. Static builds (`--static`, run under qemu without -L) of a subset of the
// programs (STATIC_SUBSET: a few categories that exercise the runtime broadly) run on every target.
// Each category is one test: it fails when a program does not do what expected-failures.txt says
// (listed: fails to compile with a diagnostic; not listed: passes). The per-category table and the
// offending programs are printed, and written to <cache>/differential/<target>/report.txt
// (report-<filter>.txt for a filtered run).
//
// Environment: PYNC_DIFF_TARGETS=x86_64-linux-gnu,armv7-linux-gnueabihf+static (a comma-separated
// list of runs: a target, +static for static builds, +gcstress for a runtime that collects every
// 4 KiB, which turns a missing GC root into a wrong answer), PYNC_DIFF_STATIC_SUBSET=all (static runs take
// every program), PYNC_DIFF_FILTER=int/ (programs whose path contains it), PYNC_DIFF_CATEGORIES=all
// or a list (see below), PYNC_DIFF_BOARD=lm3s6965evb (bare-metal targets: another board than the
// default), PYNC_UPDATE_EXPECTED_FAILURES=1 (rewrite the list from this
// run's compile errors). Needs `npm run build`.

import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveTarget } from '../../targets/index.js';
import { findLlvm } from '../../src/toolchain/llvm.js';
import { ensureRuntime } from '../../src/toolchain/runtime.js';
import { ensureTestSysroot, repoRoot, testCacheDir } from '../toolchain/support.js';
import {
  CATEGORIES, CORPUS_ROOT, collectPrograms, formatReport, targetLabel, judge, readExpectedFailures, runPrograms, snapshotPync, staleEntries, updatedExpectedFailures,
  writeExpectedFailures, type Outcome, type Verdict,
} from './harness.js';

const LINUX_TARGETS = ['x86_64-linux-gnu', 'aarch64-linux-gnu', 'armv7-linux-gnueabihf', 'riscv64-linux-gnu'];
/** the categories static runs take by default: ints, float formatting, exceptions, the core programs */
const STATIC_SUBSET = new Set(['int', 'float_format', 'exception', 'programs/core']);
const DEFAULT_RUNS = [...LINUX_TARGETS, ...LINUX_TARGETS.map((t) => `${t}+static`), 'x86_64-linux-gnu+gcstress'];
const runNames = (process.env.PYNC_DIFF_TARGETS?.split(',') ?? DEFAULT_RUNS).filter((t) => t !== '');
const filter = process.env.PYNC_DIFF_FILTER ?? '';
// PYNC_DIFF_CATEGORIES=all (every corpus folder) or a comma-separated list replaces the default
// categories, to see how pync does beyond them; expected-failures.txt covers the default ones only
const categoryList = process.env.PYNC_DIFF_CATEGORIES === 'all'
  ? readdirSync(join(CORPUS_ROOT, 'conformance'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
  : process.env.PYNC_DIFF_CATEGORIES?.split(',').filter((c) => c !== '') ?? CATEGORIES;
const programs = collectPrograms(categoryList).filter((p) => p.key.includes(filter));
const staticPrograms = process.env.PYNC_DIFF_STATIC_SUBSET === 'all' ? programs : programs.filter((p) => STATIC_SUBSET.has(p.category));
const listed = readExpectedFailures();
const categories = [...new Set(programs.map((p) => p.category))];
const allOutcomes: Outcome[] = [];

it('expected-failures.txt names only programs that exist', () => {
  if (filter) return; // a filtered run does not see every program
  expect(staleEntries(listed, collectPrograms())).toEqual([]);
});

const board = process.env.PYNC_DIFF_BOARD;

describe.each(runNames)('%s', (runName) => {
  const isStatic = runName.endsWith('+static');
  const gcStress = runName.endsWith('+gcstress');
  const base = resolveTarget(runName.replace(/\+(static|gcstress)$/, ''));
  const targetArgs = board && base.configure ? ['--board', board] : [];
  const target = board && base.configure ? base.configure({ board }) : base;
  const selected = isStatic ? staticPrograms : programs;
  const name = targetLabel({ target, targetArgs, static: isStatic, gcStress });
  let verdicts: Verdict[] = [];

  beforeAll(async () => {
    if (!existsSync(join(repoRoot, 'dist', 'pync.mjs'))) throw new Error('dist/pync.mjs is missing: run `npm run build` first');
    const cacheDir = testCacheDir();
    const sysrootDir = target.sysroot ? ensureTestSysroot(target.sysroot) : null;
    const pync = snapshotPync(cacheDir);
    // one runtime build up front, rather than two racing builds from the first two programs
    if (gcStress) process.env.PYNC_GC_STRESS = '1';
    try {
      await ensureRuntime(target, await findLlvm(), { cacheDir, runtimeDir: pync.runtimeDir });
    } finally {
      delete process.env.PYNC_GC_STRESS;
    }
    const started = performance.now();
    const outcomes = await runPrograms(selected, { target, targetArgs, sysrootDir, cacheDir, pync, jobs: 2, static: isStatic, gcStress });
    allOutcomes.push(...outcomes);
    verdicts = judge(outcomes, listed);
    const report = formatReport(name, verdicts, (performance.now() - started) / 1000);
    const reportDir = join(cacheDir, 'differential', name);
    mkdirSync(reportDir, { recursive: true });
    const reportName = filter ? `report-${filter.replace(/[^\w.-]+/g, '_')}.txt` : 'report.txt';
    writeFileSync(join(reportDir, reportName), formatReport(name, verdicts, (performance.now() - started) / 1000, Infinity));
    console.log(report);
  }, 1_200_000);

  it.each(categories.filter((c) => selected.some((p) => p.category === c)))('%s', (category) => {
    const problems = verdicts
      .filter((v) => v.outcome.program.category === category && v.problem !== null)
      .map((v) => `${v.outcome.program.key}: ${v.problem}`);
    expect(problems).toEqual([]);
  });
});

afterAll(() => {
  if (process.env.PYNC_UPDATE_EXPECTED_FAILURES !== '1' || filter) return;
  writeExpectedFailures(updatedExpectedFailures(allOutcomes, listed));
  console.log(`rewrote tests/differential/expected-failures.txt from this run's compile errors`);
});
