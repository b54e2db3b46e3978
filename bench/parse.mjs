#!/usr/bin/env node
// bench/parse.mjs — parser throughput on the whole CPython standard library, pync next to CPython.
//
// Both sides read every .py file of the installed stdlib (site-packages excluded) into memory
// first, then parse all of them from bytes (decoding included) with no dumping: pync's
// parseBytes in this process, CPython's ast.parse in a python3 child started in the same run.
// Each side does one warm-up pass and then PASSES timed passes; the median pass is reported.
//
//   npm run bench:parse [-- --passes 5]

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBytes } from '../dist/src/frontend/index.js';

const passesArg = process.argv.indexOf('--passes');
const PASSES = passesArg > 0 ? Number(process.argv[passesArg + 1]) : 3;

const stdlib = execFileSync('python3', ['-c', "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], { encoding: 'utf8' }).trim();
function* walk(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (p === join(stdlib, 'site-packages')) continue;
    if (e.isDirectory()) yield* walk(p);
    else if (e.name.endsWith('.py')) yield p;
  }
}
const files = [...walk(stdlib)].sort();
const sources = files.map((f) => [f, readFileSync(f)]);
let lines = 0;
for (const [, b] of sources) for (const c of b) if (c === 10) lines++;
const megabytes = sources.reduce((n, [, b]) => n + b.length, 0) / 1e6;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function pyncPass() {
  const t = process.hrtime.bigint();
  let rejected = 0;
  for (const [f, b] of sources) if (!parseBytes(b, f).module) rejected++;
  return [Number(process.hrtime.bigint() - t) / 1e9, rejected];
}
pyncPass();
const pyncTimes = [];
let pyncRejected = 0;
for (let i = 0; i < PASSES; i++) {
  const [t, r] = pyncPass();
  pyncTimes.push(t);
  pyncRejected = r;
}

const pyScript = `
import ast, sys, time, warnings
warnings.simplefilter('ignore')
files = sys.stdin.read().split('\\n')
srcs = [open(f, 'rb').read() for f in files if f]
def one():
    t = time.perf_counter(); rej = 0
    for s in srcs:
        try: ast.parse(s)
        except (SyntaxError, ValueError): rej += 1
    return time.perf_counter() - t, rej
one()
res = [one() for _ in range(${PASSES})]
print(' '.join(str(t) for t, _ in res), res[0][1])
`;
const out = execFileSync('python3', ['-c', pyScript], { input: files.join('\n'), encoding: 'utf8', maxBuffer: 1 << 20 }).trim().split(' ');
const pyRejected = Number(out.pop());
const pyTimes = out.map(Number);

const pyncT = median(pyncTimes);
const pyT = median(pyTimes);
const fmt = (n) => Math.round(n).toLocaleString('en-US');
console.log(`stdlib: ${files.length} files, ${fmt(lines)} lines, ${megabytes.toFixed(1)} MB (${PASSES} timed passes each, median)`);
console.log(`pync parser     ${pyncT.toFixed(3)} s   ${fmt(lines / pyncT)} lines/s   (rejected ${pyncRejected})`);
console.log(`CPython ast.parse ${pyT.toFixed(3)} s   ${fmt(lines / pyT)} lines/s   (rejected ${pyRejected})`);
console.log(`pync / CPython throughput: ${(pyT / pyncT).toFixed(2)}x`);
