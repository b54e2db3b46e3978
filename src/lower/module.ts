// lower/module.ts — a module's body to the IRModule's init function, and the entry point of
// lowering: AST + scopes in, IRModule (or diagnostics) out.

import type * as A from '../frontend/ast.js';
import type { Diagnostic } from '../frontend/diagnostics.js';
import { IRFunction, IRModule } from '../ir/ir.js';
import { boundGlobals, type ScopeTree } from '../semantic/scopes.js';
import { Lowerer, UnsupportedError, type ModuleContext } from './lowerer.js';
import { lowerBody } from './stmt.js';
import { storeName } from './names.js';
import { docstringOf } from './docstrings.js';

export interface LowerResult {
  ir: IRModule | null;
  diagnostics: Diagnostic[];
}

export function lowerModule(
  module: A.ModuleNode,
  scopes: ScopeTree,
  moduleName: string,
  file: string,
  importable: (name: string) => boolean,
): LowerResult {
  const ir = new IRModule(moduleName, file);
  const used = new Set<string>();
  const ctx: ModuleContext = {
    ir,
    file,
    moduleName,
    scopes: scopes.scopeOf,
    diagnostics: [],
    boundGlobals: boundGlobals(scopes),
    importable,
    symbol(qualname: string): string {
      let s = `${moduleName}.${qualname}`;
      let n = 1;
      while (used.has(s)) s = `${moduleName}.${qualname}#${++n}`;
      used.add(s);
      return s;
    },
  };
  const init = new IRFunction(ctx.symbol('<module>'), {
    name: '<module>', qualname: '<module>', firstLine: 1, argcount: 0, posonlyargcount: 0, kwonlyargcount: 0,
    varargs: false, varkw: false, generator: false, coroutine: false, varnames: [],
  }, 0, 'init');
  ir.init = init;
  ir.functions.push(init);
  const L = new Lowerer(ctx, init, scopes.module, null);
  try {
    storeName(L, '__name__', L.str(moduleName));
    const doc = docstringOf(module.body);
    storeName(L, '__doc__', doc === null ? L.none() : L.str(doc, false));
    storeName(L, '__file__', L.str(file, false));
    lowerBody(L, module.body);
    if (L.isOpen()) L.cur.term = { op: 'ret', value: L.none() };
  } catch (e) {
    if (e instanceof UnsupportedError) return { ir: null, diagnostics: [e.diagnostic] };
    throw e;
  }
  return { ir, diagnostics: ctx.diagnostics };
}
