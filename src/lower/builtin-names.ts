// lower/builtin-names.ts — CPython builtins a compiled program cannot have.
//
// A read of one of these names, where the module never binds it itself, is a compile-time error
// at the use: running on would raise NameError where CPython gives an answer. The runtime's
// builtins (src/runtime/builtins.c) provide every other CPython 3.11 builtin; a test
// (tests/compiler/builtins.test.ts) checks that the two lists stay in step.

import type * as A from '../frontend/ast.js';
import { Messages, makeDiagnostic } from '../frontend/diagnostics.js';
import { Lowerer, UnsupportedError } from './lowerer.js';
import { nameAccess } from './names.js';

/** Builtins that need an interpreter or the caller's namespace at run time. */
const DYNAMIC: Record<string, string> = {
  eval: 'write the expression in the program',
  exec: 'write the statements in the program',
  compile: 'there is no compiler at run time',
  globals: 'use the module\'s names directly',
  locals: 'use the names directly',
  __import__: 'use an import statement',
  breakpoint: 'debug the program with a native debugger',
  help: 'there is no interactive help at run time',
};

/** Builtins pync does not provide (yet). */
const MISSING: Record<string, string> = {
  memoryview: 'memoryview is not supported; use bytes or bytearray slices',
  BaseExceptionGroup: 'exception groups are not supported yet',
  ExceptionGroup: 'exception groups are not supported yet',
  __build_class__: 'use a class statement',
  copyright: 'it only exists in the interactive interpreter',
  credits: 'it only exists in the interactive interpreter',
  license: 'it only exists in the interactive interpreter',
};

export const UNAVAILABLE_BUILTINS: readonly string[] = [...Object.keys(DYNAMIC), ...Object.keys(MISSING)];

/** Whether a Name refers to the builtin of that name (not to a binding of the program). */
function isBuiltinReference(L: Lowerer, name: string): boolean {
  if (L.module.boundGlobals.has(name)) return false;
  const a = nameAccess(L, name);
  return a.kind === 'global' || (a.kind === 'classbody' && a.fallback.kind === 'global');
}

export function checkBuiltinName(L: Lowerer, e: A.NameNode): void {
  const name = e.id;
  if (!(name in DYNAMIC) && !(name in MISSING)) return;
  if (!isBuiltinReference(L, name)) return;
  if (name in DYNAMIC) {
    throw new UnsupportedError(makeDiagnostic(Messages.dynamicFeature, [name, DYNAMIC[name]], L.module.file, e.lineno, e.col_offset,
      e.end_lineno, e.end_col_offset));
  }
  L.unsupported(e, `the builtin '${name}'`, MISSING[name]);
}

/** dir() and vars() without an argument read the caller's local names. */
export function checkNoArgIntrospection(L: Lowerer, call: A.CallNode): void {
  if (call.func._type !== 'Name' || call.args.length > 0 || call.keywords.length > 0) return;
  const name = call.func.id;
  if ((name === 'dir' || name === 'vars') && isBuiltinReference(L, name)) {
    throw new UnsupportedError(makeDiagnostic(Messages.dynamicFeature, [`${name}()`, 'give it the object to look into'],
      L.module.file, call.lineno, call.col_offset, call.end_lineno, call.end_col_offset));
  }
}

/** Attributes that only an interpreter has: reading one is refused rather than failing at run time. */
const INTERPRETER_ATTRIBUTES: Record<string, string> = {
  __code__: 'functions have no code objects; call the function instead',
};

export function checkAttributeName(L: Lowerer, e: A.AttributeNode): void {
  const why = INTERPRETER_ATTRIBUTES[e.attr];
  if (why === undefined) return;
  throw new UnsupportedError(makeDiagnostic(Messages.dynamicFeature, [`.${e.attr}`, why], L.module.file, e.lineno, e.col_offset,
    e.end_lineno, e.end_col_offset));
}
