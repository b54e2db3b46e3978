// types/program-types.ts — what the inference knows about the whole program: module globals,
// classes, function instances, and the deferred constraints still to solve.
//
// A function instance is one compiled version of a def/lambda (or a module body): its
// variables, parameters, return value and every expression have a type variable. Each def has
// a main instance, whose parameters are unified with every call site that calls it directly
// (and with `obj` when it may be called dynamically), and — when the main instance has typed
// parameters and could be called dynamically — a generic instance with `obj` parameters that
// the function object's entry falls back to when the arguments do not fit.

import type * as A from '../frontend/ast.js';
import type { Scope } from '../semantic/scopes.js';
import { TypeVar, tv, type ClassInfo, type FunctionRef } from './types.js';

export type FunctionNode = A.FunctionDefNode | A.AsyncFunctionDefNode | A.LambdaNode;

export class FunctionInstance {
  /** variables by scope (the function's own, and inline scopes: comprehensions, class bodies) */
  readonly vars = new Map<Scope, Map<string, TypeVar>>();
  readonly params: TypeVar[] = [];
  readonly ret = tv();
  /** generators: the type of the values yielded */
  readonly yields = tv();
  /** the type of every expression evaluated in this instance */
  readonly exprs = new Map<A.Expr, TypeVar>();
  /** nested defs/lambdas/genexprs in this instance, by node */
  readonly inner = new Map<A.AnyNode, FunctionRef>();
  /** the instance of the generic fallback (obj parameters), when there is one */
  generic: FunctionInstance | null = null;
  /** module-level globals whose reads here may find them unbound (builtin fallback) */
  analysed = false;

  constructor(
    readonly key: string,
    readonly node: FunctionNode | A.ModuleNode | A.GeneratorExpNode,
    readonly scope: Scope,
    readonly module: ModuleTypes,
    /** the instance the def runs in (closures reach its variables) */
    readonly outer: FunctionInstance | null,
    readonly kind: 'main' | 'generic' | 'module',
    /** methods: the class whose method this is (the main instance types `self` as it) */
    readonly methodOf: ClassInfo | null,
  ) {}

  varsOf(scope: Scope): Map<string, TypeVar> {
    let m = this.vars.get(scope);
    if (!m) {
      m = new Map();
      this.vars.set(scope, m);
    }
    return m;
  }

  typeOf(e: A.Expr): TypeVar | undefined {
    return this.exprs.get(e);
  }
}

export class ModuleTypes {
  readonly globals = new Map<string, TypeVar>();
  init: FunctionInstance | null = null;
  constructor(readonly name: string, readonly file: string) {}

  global(name: string): TypeVar {
    let t = this.globals.get(name);
    if (!t) {
      t = tv();
      this.globals.set(name, t);
    }
    return t;
  }
}

/** The inference's result for the compiler: types by module, class, and function instance. */
export interface ProgramTypes {
  readonly modules: ReadonlyMap<string, ModuleTypes>;
  /** the instances of each def/lambda/genexpr node, by the instance it is defined in */
  instancesOf(node: A.AnyNode, outer: FunctionInstance | null): { main: FunctionInstance; generic: FunctionInstance | null } | null;
  classOf(node: A.ClassDefNode): ClassInfo | null;
  /** reads of a global that may find it unbound (its builtin, or NameError) */
  readonly maybeUnbound: ReadonlySet<A.NameNode>;
}
