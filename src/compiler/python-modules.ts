// compiler/python-modules.ts — the standard modules pync provides as Python source.
//
// Some of pync's standard library is written in Python (src/runtime/python/NAME.py: contextlib,
// asyncio): what it does is mostly calling and class plumbing, which compiled Python does
// as fast as C would, and its semantics come out as CPython's by construction. Such a module is
// compiled with the program that imports it, like the program's own modules, and is found after
// them (a program's own contextlib.py wins, as sys.path[0] does in CPython).
// Hands on: the list of names, and the file of one.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultRuntimeDir } from '../toolchain/runtime-sources.js';

/** Modules in src/runtime/python/ (keep in step with the folder). */
export const PYTHON_MODULES: readonly string[] = ['contextlib', 'asyncio'];

/** The source file of a standard module written in Python, or null. */
export function pythonModuleFile(name: string): string | null {
  if (!PYTHON_MODULES.includes(name)) return null;
  const file = join(defaultRuntimeDir(), 'python', `${name}.py`);
  return existsSync(file) ? file : null;
}
