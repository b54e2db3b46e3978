// The AST of every construct of the grammar, compared byte for byte with CPython's ast.dump
// (recorded in cases/*.ast by scripts/record-frontend-cases.py).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpAst, parseBytes } from '../../src/frontend/index.js';

const dir = join(import.meta.dirname, 'cases');
const cases = readdirSync(dir).filter((f) => f.endsWith('.py')).sort();

describe('AST matches CPython 3.11 ast.dump(include_attributes=True)', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThan(10));
  for (const name of cases) {
    it(name, () => {
      const result = parseBytes(readFileSync(join(dir, name)), name);
      expect(result.diagnostics).toEqual([]);
      const expected = readFileSync(join(dir, name.replace(/\.py$/, '.ast')), 'utf8');
      expect(dumpAst(result.module!) + '\n').toBe(expected);
    });
  }
});
