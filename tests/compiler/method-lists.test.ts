// The program's method lists (codegen/llvm-program.ts): each core type's list holds the methods
// whose names the program can use (and the list of built-in types, the types it names), a program
// computing attribute names keeps all of them, and the
// generated catalogue (scripts/gen-method-lists.mjs) matches the runtime's PYNC_METHOD records.
// Whether the kept methods are enough is what the differential tests check: every program of the
// corpus runs with its own lists.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveTarget } from '../../targets/index.js';
import { compileProgramSync } from '../../src/compiler/program.js';
import { BUILTIN_TYPES, METHOD_LISTS } from '../../src/codegen/method-lists.js';
import { repoRoot } from '../toolchain/support.js';

const work = mkdtempSync(join(tmpdir(), 'pync-method-lists-'));

/** list name → the methods the program's IR keeps in it */
function lists(source: string): Map<string, string[]> {
  const file = join(work, `p${Math.random().toString(36).slice(2)}.py`);
  writeFileSync(file, source);
  const r = compileProgramSync(file, resolveTarget('thumbv7m-none-eabi'), { optLevel: 2, debug: false });
  expect(r.diagnostics).toEqual([]);
  const out = new Map<string, string[]>();
  const types = /^@pync_builtin_types = constant \[\d+ x ptr\] \[(.*)\]$/m.exec(r.program)!;
  out.set('<types>', [...types[1].matchAll(/@pync_(\w+)_type/g)].map((x) => x[1]));
  for (const m of r.program.matchAll(/^@pync_methods__(\w+) = constant \[\d+ x ptr\] \[(.*)\]$/gm)) {
    out.set(m[1], [...m[2].matchAll(/@pync_md__\w+?__(\w+)/g)].map((x) => x[1].replace(new RegExp(`^${m[1]}__`), '')));
  }
  return out;
}

const all = (list: string) => METHOD_LISTS.find(([l]) => l === list)![1];

describe('method lists', () => {
  it('the generated catalogue is up to date with the runtime', () => {
    execFileSync('node', [join(repoRoot, 'scripts', 'gen-method-lists.mjs'), '--check'], { stdio: 'pipe' });
  });

  it('defines every list, each keeping the dunders', () => {
    const l = lists('print("hello")\n');
    expect([...l.keys()].filter((k) => k !== '<types>').sort()).toEqual(METHOD_LISTS.map(([n]) => n).sort());
    expect(l.get('str')).toContain('__format__');
    expect(l.get('builtins')).toContain('print');
  });

  it('leaves out the methods a program cannot name', () => {
    const l = lists('print("hello")\n');
    expect(l.get('str')).not.toContain('upper');
    expect(l.get('list')).not.toContain('sort');
    expect(l.get('builtins')).not.toContain('sorted');
    expect(l.get('<types>')).toEqual([]);
  });

  it('keeps a method named as an attribute, a builtin, or a str constant', () => {
    const l = lists('s = "a b"\nprint(s.upper(), sorted([2, 1]), "swapcase")\n');
    expect(l.get('str')).toContain('upper');
    expect(l.get('str')).toContain('swapcase');
    expect(l.get('str')).not.toContain('lower');
    expect(l.get('bytes')).toContain('upper');
    expect(l.get('builtins')).toContain('sorted');
  });

  it('lists the built-in and exception types a program names', () => {
    const l = lists('try:\n    print(int("x"))\nexcept ValueError as e:\n    print(isinstance(e, Exception), e)\n');
    expect(l.get('<types>')).toEqual(['int', 'Exception', 'ValueError']);
  });

  it('keeps every method when attribute names can be computed', () => {
    for (const source of ['n = input()\nprint(getattr("x", n)())\n', 'print(dir(1))\n', 'print(len(str.__dict__))\n', 'import operator\nprint(operator.methodcaller("up" + "per")("a"))\n']) {
      const l = lists(source);
      expect(l.get('str')).toEqual(all('str'));
      expect(l.get('builtins')).toEqual(all('builtins'));
      expect(l.get('<types>')).toEqual(BUILTIN_TYPES);
    }
  });
});
