// lower/imports.ts — `import m`, `import m as n`, `from m import a, b as c`.
//
// Modules are the program's own (compiled with it) or pync's built-in ones (math, random, sys,
// time); anything else is a compile-time error naming what is available.

import type * as A from '../frontend/ast.js';
import { Messages, makeDiagnostic } from '../frontend/diagnostics.js';
import { Lowerer, UnsupportedError } from './lowerer.js';
import { storeName } from './names.js';
import { starImportNames } from '../semantic/scopes.js';

function checkImportable(L: Lowerer, name: string, node: A.AnyNode & { lineno: number; col_offset: number }): void {
  if (L.module.importable(name)) return;
  throw new UnsupportedError(makeDiagnostic(Messages.moduleNotFound, [name, 'math, random, sys, time, cmath, gc, array, struct, io, collections, itertools, functools, operator, contextlib, asyncio, types'], L.module.file, node.lineno, node.col_offset));
}

export function lowerImport(L: Lowerer, s: A.ImportNode): void {
  for (const a of s.names) {
    L.line = s.lineno;
    checkImportable(L, a.name, a);
    const parts = a.name.split('.');
    let m = L.call('pync_import', 'obj', [L.cstr(a.name)], ['ptr'], 'null');
    if (a.asname) {
      storeName(L, a.asname, m);
    } else {
      if (parts.length > 1) m = L.call('pync_import', 'obj', [L.cstr(parts[0])], ['ptr'], 'null');
      storeName(L, parts[0], m);
    }
  }
}

export function lowerImportFrom(L: Lowerer, s: A.ImportFromNode): void {
  if (s.level > 0) L.unsupported(s, 'a relative import', 'import the module by its name');
  const name = s.module!;
  L.line = s.lineno;
  checkImportable(L, name, s);
  const m = L.call('pync_import', 'obj', [L.cstr(name)], ['ptr'], 'null');
  for (const a of s.names) {
    if (a.name === '*') {
      const star = starImportNames.get(s);
      if (!star) L.unsupported(a, "'from ... import *'", 'import the names you use');
      for (const n of star!.names) {
        if (star!.fromAll) {
          // every name of __all__ must exist: AttributeError otherwise, as in CPython
          storeName(L, n, L.callObj('pync_getattr', m, L.str(n)));
          continue;
        }
        // each public name the module has (one bound only on some paths may be missing)
        const v = L.call('pync_import_star_name', 'obj', [m, L.str(n)], ['obj', 'obj'], 'exc');
        const bind = L.newBlock('import.star');
        const next = L.newBlock();
        L.branch(L.is(v, L.null()), next, bind);
        L.setBlock(bind);
        storeName(L, n, v);
        L.jump(next);
        L.setBlock(next);
      }
      continue;
    }
    const v = L.callObj('pync_import_from', m, L.str(a.name));
    storeName(L, a.asname ?? a.name, v);
  }
}
