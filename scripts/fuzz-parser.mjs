#!/usr/bin/env node
// scripts/fuzz-parser.mjs — mutates real Python files and checks the frontend never misbehaves.
//
// Every mutated input must end in an AST or in syntax-error diagnostics: no exception escaping
// the parser, no stack overflow, and no input taking more than a second. Mutations: byte flips,
// deleted / duplicated / inserted tokens, truncation, random Unicode, changed indentation, plus
// fixed deep-nesting inputs (10,000 nested parentheses and the like).
//
//   node scripts/fuzz-parser.mjs [--cases N] [--seed S] [--compare] [--show K]
//
// --compare also parses every input with CPython (python3 as the oracle) and reports how often
// pync agrees: same accept/reject, same AST (by hash), same error line. Exit status 1 when a
// robustness check fails (and, with --compare, when pync accepts what CPython rejects or the
// other way round).

import { spawn, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCases } from './lib/fuzz-mutations.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { parseBytes, dumpAst, formatDiagnostic } = await import(join(root, 'dist/src/frontend/index.js'));

const opt = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const CASES = Number(opt('--cases', 5000));
const SEED = Number(opt('--seed', 1));
const SHOW = Number(opt('--show', 10));
const COMPARE = process.argv.includes('--compare');
const SAVE = opt('--save', null);

function seedFiles() {
  const files = [];
  const corpus = resolve(root, '../shared/corpus');
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.py')) files.push(p);
    }
  };
  if (existsSync(corpus)) walk(corpus);
  const stdlib = execFileSync('python3', ['-c', "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], { encoding: 'utf8' }).trim();
  for (const name of ['ast.py', 'dataclasses.py', 'typing.py', 'string.py', 'fractions.py', 'argparse.py', 'test/test_grammar.py', 'test/test_fstring.py', 'test/test_patma.py', 'test/test_syntax.py']) {
    const p = join(stdlib, name);
    if (existsSync(p)) files.push(p);
  }
  return files.sort().map((f) => readFileSync(f));
}

/** Parses one input; returns what happened, never throws. */
function check(src) {
  const t0 = performance.now();
  let result;
  try {
    result = parseBytes(src, '<fuzz>');
    if (result.module) {
      try {
        result.hash = createHash('sha256').update(dumpAst(result.module)).digest('hex');
      } catch (e) {
        if (!(e instanceof RangeError)) throw e;
        result.hash = null;
      }
    } else {
      if (result.diagnostics.length === 0) throw new Error('rejected without a diagnostic');
      for (const d of result.diagnostics) formatDiagnostic(d, result.source?.lines());
    }
  } catch (e) {
    return { crash: e instanceof Error ? `${e.constructor.name}: ${e.message}\n${e.stack?.split('\n').slice(1, 4).join('\n')}` : String(e), ms: performance.now() - t0 };
  }
  return { result, ms: performance.now() - t0 };
}

const cases = generateCases(seedFiles(), CASES, SEED);
const problems = [];
const outcomes = [];
let slowest = 0;
for (const c of cases) {
  const o = check(c.src);
  slowest = Math.max(slowest, o.ms);
  if (o.crash) problems.push({ c, why: `crash: ${o.crash}` });
  else if (o.ms > 1000) problems.push({ c, why: `took ${o.ms.toFixed(0)} ms` });
  outcomes.push(o);
}
const accepted = outcomes.filter((o) => o.result?.module).length;
console.log(`${cases.length} cases (seed ${SEED}): ${accepted} parsed, ${cases.length - accepted - problems.length} rejected with diagnostics, ${problems.length} problems; slowest ${slowest.toFixed(0)} ms`);
for (const p of problems.slice(0, SHOW)) console.log(`PROBLEM [${p.c.kind}] ${p.why}\n  input: ${JSON.stringify(p.c.src.toString('utf8').slice(0, 200))}`);

let disagreements = 0;
if (COMPARE) {
  const py = spawn('python3', [join(root, 'scripts/lib/python-parse-server.py')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: py.stdout });
  const answers = new Map();
  const waiting = new Map();
  lines.on('line', (l) => {
    const r = JSON.parse(l);
    answers.set(r.id, r);
    waiting.get(r.id)?.();
  });
  const ask = (id, src) =>
    new Promise((res) => {
      waiting.set(id, res);
      py.stdin.write(JSON.stringify({ id, src: src.toString('base64') }) + '\n');
    });
  // cpythonGaveUp: CPython ran out of parser stack (MemoryError / RecursionError), not a syntax error
  const stats = { sameAst: 0, differentAst: 0, sameLine: 0, differentLine: 0, wrongAccept: 0, wrongReject: 0, cpythonGaveUp: 0 };
  const examples = { differentAst: [], differentLine: [], wrongAccept: [], wrongReject: [] };
  const messageMismatches = new Map();
  for (let i = 0; i < cases.length; i++) {
    if (outcomes[i].crash) continue;
    await ask(i, cases[i].src);
    const cpy = answers.get(i);
    const mine = outcomes[i].result;
    let key;
    if (!cpy.ok && (cpy.type === 'MemoryError' || cpy.type === 'RecursionError')) key = 'cpythonGaveUp';
    else if (cpy.ok && mine.module) key = cpy.hash === null || mine.hash === null || cpy.hash === mine.hash ? 'sameAst' : 'differentAst';
    else if (!cpy.ok && !mine.module) key = cpy.lineno === mine.diagnostics[0].lineno || cpy.lineno === 0 ? 'sameLine' : 'differentLine'; // (0: CPython gave no line)
    else key = cpy.ok ? 'wrongReject' : 'wrongAccept';
    stats[key]++;
    if (key === 'sameLine') {
      const mineMsg = mine.diagnostics[0].message;
      if (mineMsg === cpy.msg) stats.sameMessage = (stats.sameMessage ?? 0) + 1;
      else {
        const k = `${cpy.msg} | ${mineMsg}`;
        const n = (messageMismatches.get(k) ?? 0) + 1;
        messageMismatches.set(k, n);
        if (SAVE && n <= 3) {
          mkdirSync(SAVE, { recursive: true });
          writeFileSync(join(SAVE, `message-${mineMsg.replace(/[^A-Za-z]+/g, '_').slice(0, 40)}-${n}.py`), cases[i].src);
        }
      }
    }
    if (examples[key] && examples[key].length < SHOW) {
      examples[key].push({ c: cases[i], cpy, mine: mine.module ? 'accepted' : `${mine.diagnostics[0].lineno}: ${mine.diagnostics[0].message}` });
      if (SAVE) {
        mkdirSync(SAVE, { recursive: true });
        writeFileSync(join(SAVE, `${key}-${examples[key].length}.py`), cases[i].src);
      }
    }
  }
  py.stdin.end();
  disagreements = stats.wrongAccept + stats.wrongReject + stats.differentAst;
  console.log('compared with CPython:', JSON.stringify(stats));
  if (process.argv.includes('--messages')) {
    for (const [k, v] of [...messageMismatches].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`  ${v}x CPython: ${k.replace(' | ', '  pync: ')}`);
  }
  for (const [key, list] of Object.entries(examples)) {
    for (const e of list) {
      const lines = e.c.src.toString('utf8').split('\n');
      const at = e.cpy.ok ? 0 : Math.max(0, (e.cpy.lineno || 1) - 2);
      console.log(`--- ${key} [${e.c.kind}] CPython: ${e.cpy.ok ? 'accepted' : `${e.cpy.lineno}: ${e.cpy.msg}`} | pync: ${e.mine}`);
      console.log(lines.slice(at, at + 3).map((l) => '    ' + l.slice(0, 160)).join('\n'));
    }
  }
}
process.exitCode = problems.length > 0 || disagreements > 0 ? 1 : 0;
