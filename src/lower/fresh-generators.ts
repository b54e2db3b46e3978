// lower/fresh-generators.ts — which `for` loops iterate over a generator nothing else holds.
//
// CPython closes such a generator as soon as the loop lets go of it (break, return, an
// exception): its reference count drops to zero, so its `finally` blocks and `with` exits run
// right there (an async generator goes to the event loop's finalizer, which schedules its
// aclose()). pync's collector has no such moment, so the compiler closes it explicitly
// (stmt.ts) — only where the generator provably is the loop's alone: a generator expression,
// or a call of a module-level generator function that the module binds once and nowhere
// rebinds (no decorator, no other assignment, parameter, global statement or attribute store
// of that name). The same syntactic test serves the typed and the untyped compilation, so both print
// the same.

import type * as A from '../frontend/ast.js';
import type { Scope } from '../semantic/scopes.js';

/** How many times each name is bound anywhere in the module (any scope, attributes included). */
export function moduleBindings(module: A.ModuleNode): Map<string, number> {
  const bindings = new Map<string, number>();
  const bind = (name: string | null | undefined): void => {
    if (name) bindings.set(name, (bindings.get(name) ?? 0) + 1);
  };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    if (node === null || typeof node !== 'object' || !('_type' in node)) return;
    const n = node as A.AnyNode & Record<string, unknown>;
    switch (n._type) {
      case 'FunctionDef': case 'AsyncFunctionDef': case 'ClassDef':
        bind(n.name as string);
        break;
      case 'alias':
        bind(((n.asname as string | null) ?? (n.name as string)).split('.')[0]);
        break;
      case 'arg':
        bind(n.arg as string);
        break;
      case 'ExceptHandler': case 'MatchAs': case 'MatchStar':
        bind(n.name as string | null);
        break;
      case 'MatchMapping':
        bind(n.rest as string | null);
        break;
      case 'Global': case 'Nonlocal':
        for (const name of n.names as string[]) bind(name);
        break;
      case 'Name':
        if (n.ctx !== 'Load') bind(n.id as string);
        break;
      case 'Attribute':
        if (n.ctx !== 'Load') bind(n.attr as string);
        break;
      default:
        break;
    }
    for (const key of Object.keys(n)) {
      if (key !== '_type') visit(n[key]);
    }
  };
  visit(module.body);
  return bindings;
}

/** Module-level generator functions (sync or async) whose name is bound once in the whole module. */
export function singleBindingGenerators(module: A.ModuleNode, scopes: ReadonlyMap<A.AnyNode, Scope>,
  bindings: ReadonlyMap<string, number>): Map<string, 'sync' | 'async'> {
  const fresh = new Map<string, 'sync' | 'async'>();
  for (const s of module.body) {
    if ((s._type !== 'FunctionDef' && s._type !== 'AsyncFunctionDef') || s.decorator_list.length > 0 || bindings.get(s.name) !== 1) continue;
    const scope = scopes.get(s);
    if (scope?.isGenerator) fresh.set(s.name, scope.isCoroutine ? 'async' : 'sync');
  }
  return fresh;
}

/** Whether `for ... in iter` (`async for`: kind 'async') creates the generator it iterates. */
export function iteratesFreshGenerator(iter: A.Expr, freshFunctions: ReadonlyMap<string, 'sync' | 'async'>, kind: 'sync' | 'async'): boolean {
  if (iter._type === 'GeneratorExp') return true;
  // the name is bound nowhere else, parameters included: every use of it is that function
  return iter._type === 'Call' && iter.func._type === 'Name' && freshFunctions.get(iter.func.id) === kind;
}
