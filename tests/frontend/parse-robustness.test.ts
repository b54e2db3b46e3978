// Parser robustness and exactness on real code: the CPython standard library comparison and a
// bounded fuzz run with CPython as the oracle (the full runs are `npm run ast-compare` and
// `npm run fuzz -- --cases 100000 --compare`).

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

function run(script: string, args: string[]): { status: number; out: string } {
  try {
    const out = execFileSync(process.execPath, [join(root, script), ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
    return { status: 0, out };
  } catch (e) {
    const err = e as { status: number; stdout: string };
    return { status: err.status, out: err.stdout };
  }
}

describe('parser on real code', () => {
  it('matches CPython on every file of the standard library and the corpus', () => {
    const { status, out } = run('scripts/ast-compare.mjs', []);
    const summary = out.trim().split('\n').pop()!;
    expect(summary).toMatch(/different 0, rejected-as-cpython \d+, wrong-accept\/reject 0$/);
    expect(status, out.slice(0, 4000)).toBe(0);
  }, 300_000);

  it('survives mutated and deeply nested input, agreeing with CPython', () => {
    const { status, out } = run('scripts/fuzz-parser.mjs', ['--cases', '3000', '--seed', '11', '--compare', '--show', '5']);
    expect(out).toMatch(/0 problems/);
    expect(out).toMatch(/"differentAst":0/);
    expect(out).toMatch(/"wrongAccept":0,"wrongReject":0/);
    expect(status, out.slice(0, 4000)).toBe(0);
  }, 300_000);
});
