#!/usr/bin/env node
// bench/run.mjs — pync next to CPython and hand-written C on the benchmark corpus.
//
// Builds every ../shared/corpus/bench/**/*.py and bench/programs/*.py with `pync build -O2` (a program that does not
// compile is listed with its first diagnostic line) and every bench/c/FOLDER/NAME.c that mirrors
// one of them with `clang -O2`; runs each once and compares its stdout with the program's .exp
// (a wrong output is reported loudly, and that program gets no time); then times them: for each
// benchmark, RUNS rounds, each round running CPython, pync's executable and the C program once, in
// an order that rotates from round to round, so the three share the machine's mood. The median
// wall time of each is reported; speedup = CPython / pync, and pync/C. The table goes to stdout
// and to bench/results/latest.md and TARGET.md (bench/results/ is git-ignored; the builds live
// there too).
//
//   npm run bench [-- --filter nbody] [--runs 5] [--target aarch64-linux-gnu]
//
// With --target aarch64-linux-gnu the programs are cross-compiled and run under
// `qemu-aarch64 -L SYSROOT`; CPython cannot run there, so only pync and C are compared.
// Needs `npm run build` (the dist/pync.mjs bundle); a private copy of it is used for the run.

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync,
} from 'node:fs';
import { constants as osConstants, cpus, hostname } from 'node:os';
import { basename, delimiter, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = dirname(dirname(fileURLToPath(import.meta.url)));
const corpusRoot = process.env.PYNC_BENCH_CORPUS ?? join(repoRoot, '..', 'shared', 'corpus', 'bench');
const cSourceRoot = join(repoRoot, 'bench', 'c');
/** the project's own benchmark programs (generators, async), beside the corpus */
const ownProgramsRoot = join(repoRoot, 'bench', 'programs');
const resultsDir = join(repoRoot, 'bench', 'results');

/** The seven programs the geometric mean is taken over. */
const HEADLINE = ['nbody', 'spectral_norm', 'mandelbrot', 'fannkuch', 'float', 'primes', 'sum'];
const RUN_TIMEOUT_MS = 600_000;
const BUILD_TIMEOUT_MS = 600_000;

// ---- options ------------------------------------------------------------------------------------

function usage(status) {
  (status === 0 ? process.stdout : process.stderr).write(
    [
      'usage: node bench/run.mjs [--filter NAME] [--runs N] [--target TRIPLE]',
      '  --filter NAME   only the benchmarks whose path (e.g. codon/nbody) contains NAME; may repeat',
      '  --runs N        timed runs of each program (default 5; the median is reported)',
      '  --target T      x86_64-linux-gnu (default: this machine) or aarch64-linux-gnu (under qemu,',
      '                  pync vs C only)',
      '',
    ].join('\n'),
  );
  process.exit(status);
}

function parseOptions(argv) {
  const options = { filters: [], runs: 5, target: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      if (i + 1 >= argv.length) fail(`${flag} needs a value`);
      return argv[++i];
    };
    if (flag === '--filter') options.filters.push(value());
    else if (flag === '--runs') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) fail('--runs needs a whole number of at least 1');
      options.runs = n;
    } else if (flag === '--target') options.target = value();
    else if (flag === '--help' || flag === '-h') usage(0);
    else fail(`unknown option ${arg} (try --help)`);
  }
  return options;
}

function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

// ---- the machine's tools --------------------------------------------------------------------------

const HOST_ARCH = { x64: 'x86_64', arm64: 'aarch64' }[process.arch] ?? process.arch;

function normalizeTarget(name) {
  if (name === null) return `${HOST_ARCH}-linux-gnu`;
  if (/^(aarch64|arm64)(-unknown)?-linux(-gnu)?$/.test(name)) return 'aarch64-linux-gnu';
  if (/^(x86_64|amd64)(-unknown|-pc)?-linux(-gnu)?$/.test(name)) return 'x86_64-linux-gnu';
  fail(`unknown target ${name}: use x86_64-linux-gnu or aarch64-linux-gnu`);
}

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return null;
}

/** clang for the C programs: $CC if set, else the newest clang-N (as pync picks), else clang. */
function findClang() {
  if (process.env.BENCH_CC) return process.env.BENCH_CC;
  if (process.env.PYNC_LLVM) {
    for (const c of [join(process.env.PYNC_LLVM, 'bin', 'clang'), join(process.env.PYNC_LLVM, 'clang')]) if (isExecutable(c)) return c;
  }
  const found = [];
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    let names = [];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const n of names) {
      const m = /^clang-(\d+)$/.exec(n);
      if (m && isExecutable(join(dir, n))) found.push([Number(m[1]), join(dir, n)]);
    }
  }
  try {
    for (const d of readdirSync('/usr/lib')) {
      const m = /^llvm-(\d+)$/.exec(d);
      if (m && isExecutable(join('/usr/lib', d, 'bin', 'clang'))) found.push([Number(m[1]), join('/usr/lib', d, 'bin', 'clang')]);
    }
  } catch {
    // no /usr/lib
  }
  found.sort((a, b) => b[0] - a[0]);
  return found[0]?.[1] ?? onPath('clang') ?? fail('no clang found (install LLVM, or set BENCH_CC)');
}

function firstLine(command, args) {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  return `${r.stdout ?? ''}${r.stderr ?? ''}`.split('\n')[0].trim();
}

/** The real python3 binary: a pyenv shim is a shell script that would add its start-up to each run. */
function findPython() {
  const r = spawnSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' });
  if (r.status !== 0 || !r.stdout.trim()) fail('python3 does not run');
  return r.stdout.trim();
}

/** A private copy of the pync bundle for this run (dist/ may be rebuilt by others meanwhile). It
 * stays inside dist/ so pync still finds its runtime sources from it. */
function snapshotPync() {
  const bundlePath = join(repoRoot, 'dist', 'pync.mjs');
  if (!existsSync(bundlePath)) fail('dist/pync.mjs is missing: run `npm run build` first');
  const bundle = readFileSync(bundlePath);
  const hash = createHash('sha256').update(bundle).digest('hex').slice(0, 16);
  const dir = join(repoRoot, 'dist', 'bench');
  const file = join(dir, `pync-${hash}.mjs`);
  mkdirSync(dir, { recursive: true });
  if (!existsSync(file)) {
    writeFileSync(`${file}.tmp-${process.pid}`, bundle);
    renameSync(`${file}.tmp-${process.pid}`, file);
  }
  return { file, hash };
}
const PYNC_MAIN = 'const [bundle, ...args] = process.argv.slice(1); import(bundle).then((m) => m.main(args));';

// ---- programs -----------------------------------------------------------------------------------

function walkPy(dir) {
  const out = [];
  let entries = [];
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walkPy(p));
    else if (e.name.endsWith('.py')) out.push(p);
  }
  return out;
}

/**
 * { key: 'codon/nbody', name: 'nbody', source, expected, cSource | null } for each corpus program
 * with a .exp, then the project's own bench/programs/NAME.py (key 'programs/NAME').
 */
function collectBenchmarks(filters) {
  const benchmarks = [];
  const sources = [
    ...walkPy(corpusRoot).map((source) => [corpusRoot, source, '']),
    ...walkPy(ownProgramsRoot).map((source) => [ownProgramsRoot, source, 'programs/']),
  ];
  for (const [root, source, prefix] of sources) {
    const expectedFile = source.replace(/\.py$/, '.exp');
    if (!existsSync(expectedFile)) continue;
    const key = prefix + relative(root, source).replace(/\.py$/, '').split('\\').join('/');
    if (filters.length > 0 && !filters.some((f) => key.includes(f))) continue;
    const cSource = join(cSourceRoot, `${key}.c`);
    benchmarks.push({
      key,
      name: basename(key),
      source,
      expected: readFileSync(expectedFile, 'utf8'),
      cSource: existsSync(cSource) ? cSource : null,
    });
  }
  return benchmarks;
}

// ---- building -----------------------------------------------------------------------------------

function runAsync(command, args, options = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? BUILD_TIMEOUT_MS);
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => err.push(b));
    child.on('error', (e) => {
      clearTimeout(timer);
      resolvePromise({ status: -1, stdout: '', stderr: String(e.message), timedOut });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({
        status: code ?? 128 + (osConstants.signals[signal] ?? 0),
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        timedOut,
      });
    });
  });
}

async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** The first diagnostic line of a failed build (FILE:LINE:COL: error: ...), else its first line. */
function firstDiagnostic(stderr, source) {
  const lines = stderr.split('\n').map((l) => l.trimEnd()).filter((l) => l.trim() !== '');
  const line = lines.find((l) => /:\d+:\d+: error: /.test(l)) ?? lines.find((l) => /error/i.test(l)) ?? lines[0] ?? '(no output)';
  return line.replace(source, basename(source)).replace(dirname(source) + '/', '');
}

async function buildPync(bench, pync, ctx) {
  const exe = join(ctx.buildDir, bench.key);
  mkdirSync(dirname(exe), { recursive: true });
  const r = await runAsync(
    process.execPath,
    ['--input-type=module', '-e', PYNC_MAIN, pync.file, 'build', '-O2', '--target', ctx.target, bench.source, '-o', exe],
    { cwd: dirname(bench.source) },
  );
  if (r.timedOut) return { ok: false, error: `pync build timed out after ${BUILD_TIMEOUT_MS / 1000} s` };
  if (r.status !== 0) return { ok: false, error: firstDiagnostic(r.stderr || r.stdout, bench.source) };
  return { ok: true, exe };
}

async function buildC(bench, ctx) {
  const exe = join(ctx.buildDir, `${bench.key}.c-exe`);
  mkdirSync(dirname(exe), { recursive: true });
  // -ffp-contract=off: no fused multiply-adds, so each + and * rounds like CPython's (clang fuses
  // by default on aarch64, which would change the printed digits)
  const args = ['-O2', '-ffp-contract=off', '-o', exe, bench.cSource, '-lm'];
  if (ctx.cross) {
    // pync's sysroot has the target's libraries but no headers (its runtime includes none): the C
    // headers come from Debian's cross package (libc6-dev-arm64-cross), which has the same glibc
    const headers = `/usr/${ctx.target}/include`;
    if (!existsSync(join(headers, 'stdio.h'))) return { ok: false, error: `no C headers for ${ctx.target} in ${headers} (install libc6-dev-arm64-cross)` };
    args.unshift(`--target=${ctx.target}`, `--sysroot=${ctx.sysroot}`, '-isystem', headers, '-fuse-ld=lld');
  }
  const r = await runAsync(ctx.clang, args, { cwd: dirname(bench.cSource) });
  if (r.status !== 0) return { ok: false, error: firstDiagnostic(r.stderr, bench.cSource) };
  return { ok: true, exe };
}

// ---- running ------------------------------------------------------------------------------------

/** The command that runs an executable built for the target on this machine. */
function runCommand(exe, ctx) {
  if (ctx.cross) return { command: 'qemu-aarch64', args: ['-L', ctx.sysroot, exe] };
  return { command: exe, args: [] };
}

/** Runs one command to the end; wall time in seconds. */
function timeOnce(cmd, cwd) {
  const started = process.hrtime.bigint();
  const r = spawnSync(cmd.command, cmd.args, {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
    timeout: RUN_TIMEOUT_MS,
    killSignal: 'SIGKILL',
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const stdout = r.stdout ? r.stdout.toString('utf8') : '';
  const stderr = r.stderr ? r.stderr.toString('utf8') : '';
  let problem = null;
  if (r.error) problem = r.error.code === 'ETIMEDOUT' ? `no exit after ${RUN_TIMEOUT_MS / 1000} s` : String(r.error.message);
  else if (r.signal) problem = `killed by ${r.signal}${stderr.trim() ? `: ${lastLine(stderr)}` : ''}`;
  else if (r.status !== 0) problem = `exit status ${r.status}${stderr.trim() ? `: ${lastLine(stderr)}` : ''}`;
  return { seconds, stdout, problem };
}

function lastLine(text) {
  return truncate(text.trim().split('\n').pop() ?? '', 120);
}

function firstDifference(expected, actual) {
  const e = expected.split('\n');
  const a = actual.split('\n');
  for (let i = 0; i < Math.max(e.length, a.length); i++) {
    if (e[i] !== a[i]) {
      const show = (s) => (s === undefined ? '(end of output)' : JSON.stringify(truncate(s, 80)));
      return `line ${i + 1}: expected ${show(e[i])}, got ${show(a[i])}`;
    }
  }
  return 'outputs differ';
}

/** The check run (also the warm-up): null when the output is the .exp, else what is wrong. */
function check(cmd, cwd, expected) {
  const r = timeOnce(cmd, cwd);
  if (r.problem) return r.problem;
  if (r.stdout !== expected) return `wrong output: ${firstDifference(expected, r.stdout)}`;
  return null;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function geomean(xs) {
  return Math.exp(xs.reduce((n, x) => n + Math.log(x), 0) / xs.length);
}

function truncate(s, n) {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

// ---- the table ----------------------------------------------------------------------------------

const fmtSeconds = (s) => (s === undefined ? '' : s >= 10 ? s.toFixed(2) : s >= 1 ? s.toFixed(3) : s.toFixed(4));
const fmtRatio = (r) => (r === undefined ? '' : r >= 100 ? `${r.toFixed(0)}×` : r >= 10 ? `${r.toFixed(1)}×` : `${r.toFixed(2)}×`);

function markdownTable(header, rows, align) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => (align[i] === 'r' ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (align[i] === 'r' ? `${'-'.repeat(w + 1)}:` : `${'-'.repeat(w + 2)}`)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

function resultRows(results, withPython) {
  return results.map((r) => {
    const py = r.times.python ? median(r.times.python) : undefined;
    const pync = r.times.pync ? median(r.times.pync) : undefined;
    const c = r.times.c ? median(r.times.c) : undefined;
    const notes = [];
    if (r.pyncStatus) notes.push(`pync: ${r.pyncStatus}`);
    if (r.cStatus) notes.push(`C: ${r.cStatus}`);
    if (r.pythonStatus) notes.push(`CPython: ${r.pythonStatus}`);
    const cells = [r.bench.key];
    if (withPython) cells.push(fmtSeconds(py));
    cells.push(pync === undefined ? '—' : fmtSeconds(pync));
    if (withPython) cells.push(py !== undefined && pync !== undefined ? fmtRatio(py / pync) : '—');
    cells.push(c === undefined ? (r.bench.cSource ? '—' : '') : fmtSeconds(c));
    cells.push(c !== undefined && pync !== undefined ? fmtRatio(pync / c) : '');
    cells.push(truncate(notes.join('; '), 140));
    return cells;
  });
}

/** Geometric means over the seven headline programs: once all from codon/ (the only folder with all
 * seven), once preferring pyperformance/ where it has the program. */
function summaries(results, withPython) {
  const byKey = new Map(results.map((r) => [r.bench.key, r]));
  const sets = [
    ['codon/ (all seven)', HEADLINE.map((n) => `codon/${n}`)],
    [
      'pyperformance/ where it has the program (nbody, spectral_norm, fannkuch, float), else codon/',
      HEADLINE.map((n) => (existsSync(join(corpusRoot, 'pyperformance', `${n}.py`)) ? `pyperformance/${n}` : `codon/${n}`)),
    ],
  ];
  const lines = [];
  for (const [label, keys] of sets) {
    const present = keys.filter((k) => byKey.has(k));
    if (present.length === 0) continue;
    const speedups = [];
    const overC = [];
    const missing = [];
    for (const k of present) {
      const r = byKey.get(k);
      const py = r.times.python ? median(r.times.python) : undefined;
      const pync = r.times.pync ? median(r.times.pync) : undefined;
      const c = r.times.c ? median(r.times.c) : undefined;
      if (pync === undefined) missing.push(k);
      if (py !== undefined && pync !== undefined) speedups.push(py / pync);
      if (c !== undefined && pync !== undefined) overC.push(pync / c);
    }
    const parts = [];
    if (withPython) parts.push(`speedup (CPython/pync) ${speedups.length ? fmtRatio(geomean(speedups)) : 'n/a'} over ${speedups.length} of ${keys.length}`);
    parts.push(`pync/C ${overC.length ? fmtRatio(geomean(overC)) : 'n/a'} over ${overC.length} of ${keys.length}`);
    lines.push(`- geometric mean, ${label}: ${parts.join('; ')}` + (missing.length ? ` (no pync time: ${missing.join(', ')})` : ''));
  }
  return lines;
}

// ---- main ---------------------------------------------------------------------------------------

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const target = normalizeTarget(options.target);
  const cross = target !== `${HOST_ARCH}-linux-gnu`;
  if (cross && target !== 'aarch64-linux-gnu') fail(`${target} programs cannot run here`);
  const pync = snapshotPync();
  let sysroot = null;
  if (cross) {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', PYNC_MAIN, pync.file, 'sysroot', 'path', target], { encoding: 'utf8' });
    if (r.status !== 0) fail(`no ${target} sysroot: ${r.stderr.trim()}`);
    sysroot = r.stdout.trim();
    if (!onPath('qemu-aarch64')) fail('qemu-aarch64 is not installed');
  }
  const clang = findClang();
  const python = cross ? null : findPython();
  const benchmarks = collectBenchmarks(options.filters);
  if (benchmarks.length === 0) fail(`no benchmark under ${corpusRoot} matches ${options.filters.join(', ') || '(anything)'}`);
  const ctx = { target, cross, sysroot, clang, buildDir: join(resultsDir, 'build', target) };

  const log = (s) => process.stderr.write(`${s}\n`);
  log(`bench: ${benchmarks.length} programs, target ${target}, ${options.runs} timed runs each`);
  log(`bench: building with pync -O2 (bundle ${pync.hash}) and ${basename(clang)} -O2 ...`);
  const results = await mapLimit(benchmarks, 2, async (bench) => {
    const result = { bench, pyncStatus: null, cStatus: null, pythonStatus: null, compileError: null, wrong: [], times: {} };
    const built = await buildPync(bench, pync, ctx);
    if (built.ok) result.pyncExe = built.exe;
    else {
      result.compileError = built.error;
      result.pyncStatus = `does not compile: ${built.error}`;
    }
    if (bench.cSource) {
      const c = await buildC(bench, ctx);
      if (c.ok) result.cExe = c.exe;
      else result.cStatus = `does not compile: ${c.error}`;
    }
    return result;
  });

  // the check run of every program (it is also the warm-up), then the timed rounds
  const wrong = [];
  for (const result of results) {
    const { bench } = result;
    const cwd = dirname(bench.source);
    const variants = [];
    if (!cross) {
      const problem = check({ command: python, args: [bench.source] }, cwd, bench.expected);
      if (problem) {
        result.pythonStatus = `${problem} (CPython itself does not print the .exp)`;
        wrong.push(`${bench.key}: CPython: ${problem}`);
      }
      else variants.push(['python', { command: python, args: [bench.source] }]);
    }
    if (result.pyncExe) {
      const cmd = runCommand(result.pyncExe, ctx);
      const problem = check(cmd, cwd, bench.expected);
      if (problem) {
        result.pyncStatus = `${problem.startsWith('wrong output') ? 'WRONG OUTPUT' : 'FAILED'} — ${problem}`;
        wrong.push(`${bench.key}: pync: ${problem}`);
      } else variants.push(['pync', cmd]);
    }
    if (result.cExe) {
      const cmd = runCommand(result.cExe, ctx);
      const problem = check(cmd, cwd, bench.expected);
      if (problem) {
        result.cStatus = `C ${problem.startsWith('wrong output') ? 'WRONG OUTPUT' : 'FAILED'} — ${problem}`;
        wrong.push(`${bench.key}: C (${relative(repoRoot, bench.cSource)}): ${problem}`);
      } else variants.push(['c', cmd]);
    }
    if (variants.length === 0) continue;
    process.stderr.write(`bench: ${bench.key.padEnd(28)}`);
    for (let round = 0; round < options.runs; round++) {
      for (let k = 0; k < variants.length; k++) {
        const [name, cmd] = variants[(round + k) % variants.length];
        const r = timeOnce(cmd, cwd);
        if (r.problem || r.stdout !== bench.expected) {
          // a program that passed its check run and then misbehaves: loud, and no time for it
          const problem = r.problem ?? `wrong output: ${firstDifference(bench.expected, r.stdout)}`;
          wrong.push(`${bench.key}: ${name} (timed run ${round + 1}): ${problem}`);
          if (name === 'pync') result.pyncStatus = `FAILED in a timed run — ${problem}`;
          else if (name === 'c') result.cStatus = `C FAILED in a timed run — ${problem}`;
          else result.pythonStatus = `FAILED in a timed run — ${problem}`;
          result.times[name] = null;
          continue;
        }
        if (result.times[name] === null) continue;
        (result.times[name] ??= []).push(r.seconds);
      }
      process.stderr.write('.');
    }
    for (const name of Object.keys(result.times)) if (result.times[name] === null) delete result.times[name];
    process.stderr.write('\n');
  }

  // ---- report ----
  const withPython = !cross;
  const header = withPython
    ? ['benchmark', 'CPython s', 'pync s', 'speedup', 'C s', 'pync/C', 'notes']
    : ['benchmark', 'pync s', 'C s', 'pync/C', 'notes'];
  const align = withPython ? ['l', 'r', 'r', 'r', 'r', 'r', 'l'] : ['l', 'r', 'r', 'r', 'l'];
  let rows = resultRows(results, withPython);
  if (rows.every((r) => r[r.length - 1] === '')) {
    // no notes: no notes column
    rows = rows.map((r) => r.slice(0, -1));
    header.pop();
    align.pop();
  }
  const table = markdownTable(header, rows, align);
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).stdout.trim();
  const about = [
    `# pync benchmarks — ${target}`,
    '',
    `${new Date().toISOString()} on ${hostname()} (${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} CPUs); ` +
      `pync commit ${commit || '?'}, bundle ${pync.hash}; median wall time of ${options.runs} interleaved runs (after one ` +
      `check/warm-up run each).`,
    withPython
      ? `CPython: ${firstLine(python, ['--version'])} (${python}); C: ${firstLine(clang, ['--version'])} -O2 -ffp-contract=off.`
      : `Run under qemu-aarch64 -L ${sysroot}: CPython cannot run on ${target} here, so only pync and C are compared ` +
        `(emulated times; their ratio is what to read). C: ${firstLine(clang, ['--version'])} -O2 -ffp-contract=off.`,
    withPython
      ? 'speedup = CPython s / pync s (above 1: pync is faster); pync/C = pync s / C s (1 would be C speed).'
      : 'pync/C = pync s / C s (1 would be C speed).',
  ];
  const compileFailures = results.filter((r) => r.compileError);
  const out = [
    ...about,
    '',
    table,
    '',
    ...summaries(results, withPython),
    '',
    compileFailures.length
      ? `Do not compile with pync (${compileFailures.length}):\n${compileFailures.map((r) => `- ${r.bench.key}: ${r.compileError}`).join('\n')}`
      : 'Every program compiles with pync.',
  ];
  if (wrong.length > 0) out.push('', `**WRONG OUTPUT OR FAILED RUN (${wrong.length}) — these get no time:**`, ...wrong.map((w) => `- ${w}`));
  out.push('', '<details><summary>every timed run (s)</summary>', '', '```');
  for (const r of results) {
    for (const [name, ts] of Object.entries(r.times)) out.push(`${r.bench.key.padEnd(28)} ${name.padEnd(7)} ${ts.map((t) => t.toFixed(4)).join(' ')}`);
  }
  out.push('```', '', '</details>', '');
  const text = out.join('\n');
  mkdirSync(resultsDir, { recursive: true });
  // latest.md is the last run, whatever its target; TARGET.md the last run for that target
  writeFileSync(join(resultsDir, 'latest.md'), text);
  writeFileSync(join(resultsDir, `${target}.md`), text);
  process.stdout.write(`\n${text}`);
  if (wrong.length > 0) {
    process.stderr.write(`\n!!! ${wrong.length} WRONG OUTPUT(S) OR FAILED RUN(S):\n${wrong.map((w) => `!!!   ${w}`).join('\n')}\n`);
  }
  process.stderr.write(`bench: table written to ${relative(process.cwd(), join(resultsDir, 'latest.md'))}\n`);
  process.exitCode = wrong.length > 0 ? 1 : 0;
}

await main();
