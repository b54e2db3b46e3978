// lower/module.ts — a module's body to the IRModule's init function, and the entry point of
// lowering: AST + scopes in, IRModule (or diagnostics) out.

import type * as A from '../frontend/ast.js';
import type { Diagnostic } from '../frontend/diagnostics.js';
import { IRFunction, IRModule } from '../ir/ir.js';
import type { Inference } from '../types/infer.js';
import type { FunctionInstance } from '../types/program-types.js';
import type { ClassInfo } from '../types/types.js';
import { codeInfoFor } from './functions.js';
import { boundGlobals, type ScopeTree } from '../semantic/scopes.js';
import { moduleBindings, singleBindingGenerators } from './fresh-generators.js';
import { Lowerer, UnsupportedError, reprOf, type ModuleContext } from './lowerer.js';
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
  types: Inference | null = null,
  runtimeFile: string = file,
): LowerResult {
  const ir = new IRModule(moduleName, runtimeFile);
  const used = new Set<string>();
  const irFunctions = new Map<FunctionInstance, IRFunction>();
  const classSlots = new Map<ClassInfo, number>();
  const bindings = moduleBindings(module);
  const ctx: ModuleContext = {
    ir,
    file,
    moduleName,
    scopes: scopes.scopeOf,
    diagnostics: [],
    // the module's own names are set by its init before the body runs
    boundGlobals: new Set([...boundGlobals(scopes), '__name__', '__doc__', '__file__']),
    freshGeneratorFunctions: singleBindingGenerators(module, scopes.scopeOf, bindings),
    boundAnywhere: new Set(bindings.keys()),
    promotedGlobals: moduleName === '__main__' && types ? promotableGlobals(scopes) : new Set(),
    importable,
    symbol(qualname: string): string {
      let s = `${moduleName}.${qualname}`;
      let n = 1;
      while (used.has(s)) s = `${moduleName}.${qualname}#${++n}`;
      used.add(s);
      return s;
    },
    types,
    irFunctionOf(inst: FunctionInstance): IRFunction {
      let f = irFunctions.get(inst);
      if (!f) {
        const node = inst.node as Parameters<typeof codeInfoFor>[0];
        const code = codeInfoFor(node, inst.scope);
        f = new IRFunction(this.symbol(inst.kind === 'generic' ? `${inst.scope.qualname}.generic` : inst.scope.qualname), code,
          inst.scope.params.length, 'body');
        if (inst.kind === 'generic') f.isGeneric = true;
        else {
          f.paramTys = inst.params.map((p) => reprOf(p));
          f.retTy = code.generator || code.coroutine ? 'obj' : reprOf(inst.ret);
        }
        irFunctions.set(inst, f);
        ir.functions.push(f);
      }
      return f;
    },
    classSlot(cls: ClassInfo): number {
      let i = classSlots.get(cls);
      if (i === undefined) {
        i = ir.classRegistry.length;
        ir.classRegistry.push(cls.qualname);
        classSlots.set(cls, i);
      }
      return i;
    },
  };
  const init = new IRFunction(ctx.symbol('<module>'), {
    name: '<module>', qualname: '<module>', firstLine: 1, argcount: 0, posonlyargcount: 0, kwonlyargcount: 0,
    varargs: false, varkw: false, generator: false, coroutine: false, varnames: [],
  }, 0, 'init');
  ir.init = init;
  ir.functions.push(init);
  const L = new Lowerer(ctx, init, scopes.module, null, types?.modules.get(moduleName)?.init ?? null);
  try {
    storeName(L, '__name__', L.str(moduleName));
    const doc = docstringOf(module.body);
    storeName(L, '__doc__', doc === null ? L.none() : L.str(doc, false));
    storeName(L, '__file__', L.str(runtimeFile, false));
    lowerBody(L, module.body);
    if (L.isOpen()) L.cur.term = { op: 'ret', value: L.none() };
  } catch (e) {
    if (e instanceof UnsupportedError) return { ir: null, diagnostics: [e.diagnostic] };
    throw e;
  }
  return { ir, diagnostics: ctx.diagnostics };
}

/**
 * Globals of the main module that no function, lambda, class body or generator expression
 * refers to: only the module body reads and writes them, so they live in slots of its function
 * (registers, unboxed when typed) instead of the globals table. Nothing else can see them: no
 * module imports __main__, and globals()/vars() are not compiled.
 */
function promotableGlobals(scopes: ScopeTree): Set<string> {
  const used = new Set<string>();
  const inlineInModule = (s: import('../semantic/scopes.js').Scope): boolean => {
    for (let c: import('../semantic/scopes.js').Scope | null = s; c; c = c.parent) {
      if (c.kind === 'module') return true;
      if (c.kind !== 'comprehension' || c.node._type === 'GeneratorExp') return false;
    }
    return false;
  };
  for (const s of scopes.scopeOf.values()) {
    if (s.kind === 'module' || inlineInModule(s)) continue;
    for (const [name, kind] of s.kinds) {
      if (kind === 'global' || kind === 'global-implicit' || kind === 'classbody') used.add(name);
    }
    // names read without a binding in a class body fall back to globals too
    if (s.kind === 'class') for (const name of s.flags.keys()) used.add(name);
  }
  const out = new Set<string>();
  for (const [name, kind] of scopes.module.kinds) {
    if (kind === 'global' && !used.has(name) && !name.startsWith('__')) out.add(name);
  }
  return out;
}
