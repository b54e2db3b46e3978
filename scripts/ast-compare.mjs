#!/usr/bin/env node
// scripts/ast-compare.mjs — is `pync emit ast` identical to CPython's ast.dump on real code?
//
// Runs python3 (the oracle) and `pync emit ast --out-dir` (one process) over every .py file of the
// installed CPython standard library (site-packages excluded) and of ../shared/corpus, or over the
// files/folders given as arguments, then compares file by file and prints
//   identical N, different D, rejected-as-cpython R, wrong-accept/reject W
// followed by the files that differ. Exit status 0 only when D = W = 0.
//
//   node scripts/ast-compare.mjs [--keep] [PATH...]

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const keep = args.includes('--keep');
const paths = args.filter((a) => !a.startsWith('--'));

function stdlibDir() {
  return execFileSync('python3', ['-c', "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], { encoding: 'utf8' }).trim();
}

function* walk(dir, skip) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, entry.name);
    if (skip && skip(p)) continue;
    if (entry.isDirectory()) yield* walk(p, skip);
    else if (entry.isFile() && entry.name.endsWith('.py')) yield p;
  }
}

function collect() {
  const files = [];
  if (paths.length > 0) {
    for (const p of paths) {
      const abs = resolve(p);
      if (statSync(abs).isDirectory()) files.push(...walk(abs));
      else files.push(abs);
    }
    return files;
  }
  const stdlib = stdlibDir();
  files.push(...walk(stdlib, (p) => p === join(stdlib, 'site-packages')));
  const corpus = resolve(root, '../shared/corpus');
  if (existsSync(corpus)) files.push(...walk(corpus));
  return files;
}

const files = collect();
// Paths relative to '/', so both sides write OUT/<same relative path>.ast.
const rel = files.map((f) => relative('/', f));
const work = mkdtempSync(join(tmpdir(), 'pync-ast-compare-'));
const pyOut = join(work, 'cpython');
const pyncOut = join(work, 'pync');

function runOracle() {
  return new Promise((resolveP, reject) => {
    const child = spawn('python3', [join(root, 'scripts/lib/python-ast-oracle.py'), pyOut], { cwd: '/', stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', () => {
      const rejected = new Map();
      for (const line of out.split('\n')) {
        if (!line) continue;
        const r = JSON.parse(line);
        rejected.set(r.file, r);
      }
      resolveP(rejected);
    });
    child.stdin.end(rel.join('\n') + '\n');
  });
}

function runPync() {
  return new Promise((resolveP) => {
    const child = spawn(process.execPath, [join(root, 'bin/pync'), 'emit', 'ast', '--out-dir', pyncOut, ...rel], {
      cwd: '/',
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('close', () => {
      const rejected = new Map();
      for (const line of err.split('\n')) {
        const m = /^(.+?):(\d+):(\d+): error: (.*)$/.exec(line) ?? /^(.+?): error: (.*)$/.exec(line);
        if (!m) continue;
        const file = m[1];
        if (rejected.has(file)) continue;
        rejected.set(file, m.length === 5 ? { lineno: Number(m[2]), msg: m[4] } : { lineno: 0, msg: m[2] });
      }
      resolveP(rejected);
    });
  });
}

const t0 = Date.now();
const [cpyRejected, pyncRejected] = await Promise.all([runOracle(), runPync()]);
let identical = 0, different = 0, rejectedAsCpython = 0, wrong = 0;
const report = [];
for (const f of rel) {
  const astFile = f.replace(/\.py$/, '') + '.ast';
  const c = cpyRejected.get(f);
  const p = pyncRejected.get(f);
  if (c && c.dump) continue; // CPython parsed it but could not print it (int too large for repr)
  if (c && p) {
    if (c.lineno === p.lineno || (c.lineno === 0 && p.lineno <= 1)) rejectedAsCpython++;
    else { wrong++; report.push(`WRONG LINE ${f}: CPython line ${c.lineno} (${c.msg}), pync line ${p.lineno} (${p.msg})`); }
  } else if (c) {
    wrong++;
    report.push(`WRONG ACCEPT ${f}: CPython rejects at line ${c.lineno}: ${c.msg}`);
  } else if (p) {
    wrong++;
    report.push(`WRONG REJECT ${f}: pync says line ${p.lineno}: ${p.msg}`);
  } else {
    let a, b;
    try { a = readFileSync(join(pyOut, astFile)); b = readFileSync(join(pyncOut, astFile)); } catch { a = null; }
    if (a && b && a.equals(b)) identical++;
    else { different++; report.push(`DIFFERENT ${f}`); }
  }
}
console.log(report.slice(0, 100).join('\n'));
if (report.length > 100) console.log(`... and ${report.length - 100} more`);
console.log(`${files.length} files in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
console.log(`identical ${identical}, different ${different}, rejected-as-cpython ${rejectedAsCpython}, wrong-accept/reject ${wrong}`);
if (keep) console.log(`dumps kept in ${work}`);
else rmSync(work, { recursive: true, force: true });
process.exitCode = different === 0 && wrong === 0 ? 0 : 1;
