// Differential test: every program of the listed corpus categories (../shared/corpus/conformance)
// and the project's tests/programs/**.py is built with `pync build`, run on x86_64 (natively) and
// aarch64 (qemu-aarch64 -L SYSROOT), and its stdout and exit status compared with CPython's .exp.
// Each category is one test: it fails when a program does not do what expected-failures.txt says
// (listed: fails to compile with a diagnostic; not listed: passes). The per-category table and the
// offending programs are printed, and written to <cache>/differential/<target>/report.txt
// (report-<filter>.txt for a filtered run).
//
// Environment: PYNC_DIFF_TARGETS=x86_64-linux-gnu (a comma-separated subset), PYNC_DIFF_FILTER=int/
// (programs whose path contains it), PYNC_DIFF_BOARD=lm3s6965evb (bare-metal targets: another board
// than the default), PYNC_UPDATE_EXPECTED_FAILURES=1 (rewrite the list from this
// run's compile errors). Needs `npm run build`.

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveTarget } from '../../targets/index.js';
import { findLlvm } from '../../src/toolchain/llvm.js';
import { ensureRuntime } from '../../src/toolchain/runtime.js';
import { ensureTestSysroot, repoRoot, testCacheDir } from '../toolchain/support.js';
import {
  collectPrograms, formatReport, targetLabel, judge, readExpectedFailures, runPrograms, snapshotPync, staleEntries, updatedExpectedFailures,
  writeExpectedFailures, type Outcome, type Verdict,
} from './harness.js';

const targetNames = (process.env.PYNC_DIFF_TARGETS ?? 'x86_64-linux-gnu,aarch64-linux-gnu').split(',').filter((t) => t !== '');
const filter = process.env.PYNC_DIFF_FILTER ?? '';
const programs = collectPrograms().filter((p) => p.key.includes(filter));
const listed = readExpectedFailures();
const categories = [...new Set(programs.map((p) => p.category))];
const allOutcomes: Outcome[] = [];

it('expected-failures.txt names only programs that exist', () => {
  if (filter) return; // a filtered run does not see every program
  expect(staleEntries(listed, collectPrograms())).toEqual([]);
});

const board = process.env.PYNC_DIFF_BOARD;

describe.each(targetNames)('%s', (targetName) => {
  const targetArgs = board ? ['--board', board] : [];
  const target = board ? resolveTarget(targetName).configure!({ board }) : resolveTarget(targetName);
  let verdicts: Verdict[] = [];

  beforeAll(async () => {
    if (!existsSync(join(repoRoot, 'dist', 'pync.mjs'))) throw new Error('dist/pync.mjs is missing: run `npm run build` first');
    const cacheDir = testCacheDir();
    const sysrootDir = target.sysroot ? ensureTestSysroot(target.sysroot) : null;
    const pync = snapshotPync(cacheDir);
    // one runtime build up front, rather than two racing builds from the first two programs
    await ensureRuntime(target, await findLlvm(), { cacheDir, runtimeDir: pync.runtimeDir });
    const started = performance.now();
    const outcomes = await runPrograms(programs, { target, targetArgs, sysrootDir, cacheDir, pync, jobs: 2 });
    allOutcomes.push(...outcomes);
    verdicts = judge(outcomes, listed);
    const label = targetLabel({ target, targetArgs });
    const report = formatReport(label, verdicts, (performance.now() - started) / 1000);
    const reportDir = join(cacheDir, 'differential', label);
    mkdirSync(reportDir, { recursive: true });
    const reportName = filter ? `report-${filter.replace(/[^\w.-]+/g, '_')}.txt` : 'report.txt';
    writeFileSync(join(reportDir, reportName), formatReport(label, verdicts, (performance.now() - started) / 1000, Infinity));
    console.log(report);
  }, 1_200_000);

  it.each(categories)('%s', (category) => {
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
