// Syntax errors: the line, message and exception class CPython 3.11 reports, for ~200 invalid
// snippets (syntax-errors.cpython.json, recorded with python3's ast.parse).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../src/frontend/index.js';

interface Case {
  src: string;
  ok: boolean;
  type?: string;
  lineno?: number;
  msg?: string;
}

const cases: Case[] = JSON.parse(readFileSync(join(import.meta.dirname, 'syntax-errors.cpython.json'), 'utf8'));

/** Known differences, each with its reason. */
const EXPECTED_DIFFERENCES = new Map<string, string>([
  [
    'a, *b c = 1\n',
    "CPython reaches its '=' suggestion through a PEG path (star_named_expressions* matching twice " +
      'without a comma) that pync does not reproduce; pync says "invalid syntax" on the same line',
  ],
]);

describe('syntax errors match CPython', () => {
  for (const c of cases) {
    const label = JSON.stringify(c.src).slice(0, 60);
    it(label, () => {
      const r = parseBytes(Buffer.from(c.src, 'utf8'), 'case.py');
      if (c.ok) {
        expect(r.diagnostics).toEqual([]);
        return;
      }
      expect(r.module).toBeNull();
      const d = r.diagnostics[0];
      expect(d.lineno).toBe(c.lineno);
      if (EXPECTED_DIFFERENCES.has(c.src)) return;
      expect(d.message).toBe(c.msg);
      expect(d.pyClass).toBe(c.type);
    });
  }
});
