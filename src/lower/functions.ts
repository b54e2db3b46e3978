// lower/functions.ts — `def` and `lambda`: a function body becomes an IRFunction of its own; the
// definition site evaluates decorators and defaults, builds the closure from the cells the body
// needs, and creates the function object (pync_function_new).

import type * as A from '../frontend/ast.js';
import { IRFunction, type CodeInfo, type Operand, type ParamCheck } from '../ir/ir.js';
import type { FunctionInstance } from '../types/program-types.js';
import type { Scope } from '../semantic/scopes.js';
import { Env, Lowerer, type ModuleContext } from './lowerer.js';
import { lowerReturnValue } from './returns.js';
import { lowerExpr } from './expr.js';
import { cellObject, nameAccess, storeName } from './names.js';
import { lowerBody } from './stmt.js';
import { docstringOf } from './docstrings.js';
import { lowerGeneratorBody } from './generators.js';

/** `def name(...)`: decorators, function object, decorators applied bottom-up, name bound. */
export function lowerFunctionDef(L: Lowerer, s: A.FunctionDefNode | A.AsyncFunctionDefNode): void {
  const decorators = s.decorator_list.map((d) => lowerExpr(L, d));
  let fn = lowerFunctionObject(L, s, s.args, s.body, s.name);
  L.line = s.lineno;
  for (let i = decorators.length - 1; i >= 0; i--) {
    fn = L.call('pync_call', 'obj', [decorators[i], L.argv([fn]), L.size(1), L.null()], ['obj', 'ptr', 'size', 'obj'], 'null');
  }
  storeName(L, s.name, fn);
}

export function lowerFunctionObject(
  L: Lowerer,
  node: A.FunctionDefNode | A.AsyncFunctionDefNode | A.LambdaNode,
  args: A.ArgumentsNode,
  body: readonly A.Stmt[],
  name: string,
): Operand {
  const scope = L.module.scopes.get(node)!;
  const defaults = args.defaults.length
    ? L.call('pync_tuple_from_array', 'obj', [L.argv(args.defaults.map((d) => lowerExpr(L, d))), L.size(args.defaults.length)],
      ['ptr', 'size'], 'null')
    : L.null();
  let kwdefaults: Operand = L.null();
  if (args.kw_defaults.some((d) => d !== null)) {
    const d = L.callObj('pync_dict_new');
    args.kw_defaults.forEach((v, i) => {
      if (v) L.callStatus('pync_dict_setitem', [d, L.str(args.kwonlyargs[i].arg), lowerExpr(L, v)], ['obj', 'obj', 'obj']);
    });
    kwdefaults = d;
  }
  const irfn = lowerFunctionInstances(L, node, scope, args, body, name);
  const closure = closureTuple(L, scope);
  L.line = node.lineno;
  const fn = L.call('pync_function_new', 'obj', [L.codeRef(irfn), defaults, kwdefaults, closure],
    ['ptr', 'obj', 'obj', 'obj'], 'null');
  const doc = node._type === 'Lambda' ? null : docstringOf(body);
  if (doc !== null) L.callVoid('pync_function_set_doc', [fn, L.str(doc, false)], ['obj', 'obj']);
  L.callVoid('pync_function_set_module', [fn, L.str(L.module.moduleName)], ['obj', 'obj']);
  return fn;
}

/**
 * The compiled bodies of a def: with types, the main instance (typed parameters) and its generic
 * fallback, and the checks the function object's entry makes; without, one dynamic body.
 */
function lowerFunctionInstances(L: Lowerer, node: A.FunctionDefNode | A.AsyncFunctionDefNode | A.LambdaNode, scope: Scope,
  args: A.ArgumentsNode, body: readonly A.Stmt[], name: string): IRFunction {
  const entries = L.module.types?.instancesOf(node, L.inst) ?? null;
  if (!entries) return lowerFunctionBody(L.module, scope, node, args, body, name);
  const main = L.module.irFunctionOf(entries.main);
  if (!main.lowered) lowerInstanceBody(L.module, entries.main, main, node, body);
  let generic: IRFunction | null = null;
  if (entries.generic) {
    generic = L.module.irFunctionOf(entries.generic);
    if (!generic.lowered) lowerInstanceBody(L.module, entries.generic, generic, node, body);
  }
  main.entry = { checks: entryChecks(L, entries.main, generic !== null), generic };
  return main;
}

/**
 * What the entry must check of each argument before the typed body may run. Types no check can
 * confirm (container element types, which functions a value is) send dynamic calls to the
 * generic body when there is one; without one, only calls the inference saw reach the entry.
 */
function entryChecks(L: Lowerer, inst: FunctionInstance, hasGeneric: boolean): ParamCheck[] {
  return inst.params.map((p) => {
    const s = p.shape;
    if (s.k === 'float') return 'float';
    if (s.k === 'bool') return 'bool';
    if (s.k === 'inst') return { cls: L.module.classSlot(s.cls), nullable: s.nullable };
    // values typed code handles through the runtime anyway (an int is a pv with fallbacks)
    const checkable = s.k === 'obj' || s.k === 'int' || s.k === 'str' || s.k === 'bytes' || s.k === 'range' || s.k === 'module';
    return checkable || !hasGeneric ? 'none' : 'never';
  });
}

function lowerInstanceBody(module: ModuleContext, inst: FunctionInstance, irfn: IRFunction,
  node: A.FunctionDefNode | A.AsyncFunctionDefNode | A.LambdaNode, body: readonly A.Stmt[]): void {
  irfn.lowered = true;
  const scope = inst.scope;
  const L = new Lowerer(module, irfn, scope, null, inst);
  L.env.deleted = deletedNames(body);
  L.line = node.lineno;
  enterScope(L, L.env);
  if (scope.isGenerator || scope.isCoroutine) {
    lowerGeneratorBody(L, node, body);
    return;
  }
  lowerBody(L, body);
  if (L.isOpen()) lowerReturnValue(L, L.none());
}

/** The code object's description of a def, lambda or generator expression. */
export function codeInfoFor(node: A.FunctionDefNode | A.AsyncFunctionDefNode | A.LambdaNode | A.GeneratorExpNode, scope: Scope): CodeInfo {
  if (node._type === 'GeneratorExp') {
    return {
      name: '<genexpr>', qualname: scope.qualname, firstLine: node.lineno, argcount: 1, posonlyargcount: 0, kwonlyargcount: 0,
      varargs: false, varkw: false, generator: true, coroutine: scope.isCoroutine, varnames: ['.0'],
    };
  }
  const args = node.args;
  return {
    name: node._type === 'Lambda' ? '<lambda>' : node.name,
    qualname: scope.qualname,
    firstLine: node.lineno,
    argcount: args.posonlyargs.length + args.args.length,
    posonlyargcount: args.posonlyargs.length,
    kwonlyargcount: args.kwonlyargs.length,
    varargs: args.vararg !== null,
    varkw: args.kwarg !== null,
    generator: scope.isGenerator,
    coroutine: scope.isCoroutine,
    varnames: [...scope.params],
  };
}

/** The cells a nested function's free variables refer to, in its freeNames() order. */
export function closureTuple(L: Lowerer, child: Scope): Operand {
  const names = child.freeNames();
  if (names.length === 0) return L.null();
  const cells = names.map((n) => cellOf(L, n, L.env));
  return L.call('pync_tuple_from_array', 'obj', [L.argv(cells), L.size(cells.length)], ['ptr', 'size'], 'null');
}

/** The cell object through which `env` reaches `name` (a cell variable or a free one). */
function cellOf(L: Lowerer, name: string, env: Env): Operand {
  const kind = env.scope.kindOf(name);
  if (kind === 'cell') return cellObject(L, env, name);
  if (env.inline && env.parent) return cellOf(L, name, env.parent);
  const a = nameAccess(L, name, env);
  if (a.kind !== 'cell') throw new Error(`internal: ${name} is not a cell in ${env.scope.qualname}`);
  return a.get();
}

export function lowerFunctionBody(
  module: ModuleContext,
  scope: Scope,
  node: A.FunctionDefNode | A.AsyncFunctionDefNode | A.LambdaNode,
  _args: A.ArgumentsNode,
  body: readonly A.Stmt[],
  _name: string,
): IRFunction {
  const code = codeInfoFor(node, scope);
  const irfn = new IRFunction(module.symbol(scope.qualname), code, code.varnames.length, 'body');
  module.ir.functions.push(irfn);
  irfn.lowered = true;
  const L = new Lowerer(module, irfn, scope, null);
  L.env.deleted = deletedNames(body);
  L.line = node.lineno;
  enterScope(L, L.env);
  if (scope.isGenerator || scope.isCoroutine) {
    lowerGeneratorBody(L, node, body);
    return irfn;
  }
  lowerBody(L, body);
  if (L.isOpen()) L.cur.term = { op: 'ret', value: L.none() };
  return irfn;
}

/** Parameters into their slots or cells; the scope's other cells created empty. */
export function enterScope(L: Lowerer, env: Env): void {
  const scope = env.scope;
  scope.params.forEach((p, i) => {
    const v = L.value(L.fn.paramTys[i] ?? 'obj');
    L.emit({ op: 'param', index: i, result: v });
    if (scope.kindOf(p) === 'cell') {
      initCell(L, env, p, v);
    } else {
      const a = nameAccess(L, p, env);
      if (a.kind === 'slot') L.localSet(a.slot, v);
    }
  });
  for (const c of scope.cellNames()) {
    if (!scope.params.includes(c)) initCell(L, env, c, L.null());
  }
}

function initCell(L: Lowerer, env: Env, name: string, value: Operand): void {
  let slot = env.cells.get(name);
  if (slot === undefined) {
    slot = L.fn.slot(`cell:${name}`);
    env.cells.set(name, slot);
  }
  L.localSet(slot, L.callObj('pync_cell_new', L.box(value)));
}

/** Names a body deletes (`del x`): their reads need an unbound check even for parameters. */
function deletedNames(body: readonly A.Stmt[]): Set<string> {
  const out = new Set<string>();
  const visit = (s: A.Stmt): void => {
    switch (s._type) {
      case 'Delete':
        for (const t of s.targets) collectNames(t, out);
        return;
      case 'If': case 'While': case 'For': case 'AsyncFor':
        s.body.forEach(visit);
        s.orelse.forEach(visit);
        return;
      case 'With': case 'AsyncWith':
        s.body.forEach(visit);
        return;
      case 'Try': case 'TryStar':
        s.body.forEach(visit);
        s.handlers.forEach((h) => {
          if (h.name) out.add(h.name); // `except E as e` deletes e at the end
          h.body.forEach(visit);
        });
        s.orelse.forEach(visit);
        s.finalbody.forEach(visit);
        return;
      case 'Match':
        s.cases.forEach((c) => c.body.forEach(visit));
        return;
      default:
        return;
    }
  };
  body.forEach(visit);
  return out;
}

function collectNames(t: A.Expr, out: Set<string>): void {
  if (t._type === 'Name') out.add(t.id);
  else if (t._type === 'Tuple' || t._type === 'List') t.elts.forEach((e) => collectNames(e, out));
}
