// types/infer.ts — whole-program type inference: walks every module body and function
// instance, records a type variable for each variable and expression, and solves the
// constraints that wait for types (operators, calls, attributes, iteration) to a fixpoint.
//
// Takes: the parsed modules with their scopes. Hands on: ProgramTypes (program-types.ts) for
// the lowering, which compiles typed values unboxed and everything `obj` through the runtime.
// The walk of statements and expressions is here; what calls, attributes and builtins mean is
// in infer-rules.ts.

import type * as A from '../frontend/ast.js';
import { PyBytes, PyComplex, PyEllipsis, PyFloat, PyWideStr } from '../frontend/ast.js';
import type { Scope, ScopeTree } from '../semantic/scopes.js';
import { boundGlobals, starImportNames } from '../semantic/scopes.js';
import {
  makeObj, objType, setEscapeHook, showType, tv, unify, TypeVar, type ClassInfo, type FunctionRef, type Shape,
} from './types.js';
import { FunctionInstance, ModuleTypes, type FunctionNode, type ProgramTypes } from './program-types.js';
import { Rules } from './infer-rules.js';

export interface SourceModuleForTypes {
  readonly name: string;
  readonly file: string;
  readonly ast: A.ModuleNode;
  readonly scopes: ScopeTree;
}

/** A constraint re-applied until nothing changes; `final` forces unknown inputs to obj. */
export type Constraint = (final: boolean) => void;

export class Inference implements ProgramTypes {
  readonly modules = new Map<string, ModuleTypes>();
  readonly constraints: Constraint[] = [];
  readonly classes = new Map<A.ClassDefNode, ClassInfo>();
  readonly maybeUnbound = new Set<A.NameNode>();
  /** instances by "node id @ outer key" */
  private readonly instances = new Map<string, { main: FunctionInstance; generic: FunctionInstance | null }>();
  private readonly nodeIds = new Map<A.AnyNode, number>();
  readonly scopeOf = new Map<A.AnyNode, Scope>();
  private readonly bound = new Map<string, Set<string>>();
  /** values stored into attributes through receivers of unknown type, by attribute name */
  readonly dynamicAttrStores = new Map<string, TypeVar>();
  /** setattr(), vars() or __dict__ seen: attributes can hold anything */
  anyAttributes = false;
  /** functions whose value reached dynamic code (they get a generic fallback) */
  readonly escapedFunctions = new Set<string>();
  /** attribute names loaded from values of unknown type (methods of that name may be called so) */
  readonly dynamicAttrNames = new Set<string>();
  /** getattr() seen: any method may be called dynamically */
  anyMethodEscapes = false;
  readonly rules: Rules;
  private readonly pendingAnalysis: FunctionInstance[] = [];

  constructor(readonly sources: readonly SourceModuleForTypes[]) {
    this.rules = new Rules(this);
    for (const s of sources) {
      for (const [node, scope] of s.scopes.scopeOf) this.scopeOf.set(node, scope);
      this.modules.set(s.name, new ModuleTypes(s.name, s.file));
      this.bound.set(s.name, new Set([...boundGlobals(s.scopes), '__name__', '__doc__', '__file__']));
    }
  }

  // ---- driving ---------------------------------------------------------------------------------

  run(): this {
    setEscapeHook((f) => this.escapedFunctions.add(f.key));
    try {
      return this.runSources();
    } finally {
      setEscapeHook(null);
    }
  }

  private runSources(): this {
    for (const s of this.sources) {
      const m = this.modules.get(s.name)!;
      const init = new FunctionInstance(`${s.name}.<module>`, s.ast, s.scopes.module, m, null, 'module', null);
      m.init = init;
      this.pendingAnalysis.push(init);
    }
    this.solve();
    return this;
  }

  /** Applies the constraints until no type changes, forcing what stays unknown to obj. */
  private solve(): void {
    let last = '';
    for (let round = 0; round < 200; round++) {
      this.drainAnalysis();
      for (let pass = 0; pass < 200; pass++) {
        for (let i = 0; i < this.constraints.length; i++) this.constraints[i](false);
        this.drainAnalysis();
        const sig = this.signature();
        if (process.env.PYNC_DEBUG_TYPES) console.error(`round ${round} pass ${pass}: ${this.constraints.length} constraints`);
        if (sig === last) break;
        last = sig;
      }
      // generic fallbacks for instances with typed parameters
      for (const entry of [...this.instances.values()]) this.ensureGeneric(entry);
      this.drainAnalysis();
      for (let i = 0; i < this.constraints.length; i++) this.constraints[i](true);
      this.applyAttributePolicy();
      const sig = this.signature();
      if (sig === last) break;
      last = sig;
    }
    // everything still unknown is dynamic
    for (const inst of this.allInstances()) {
      for (const t of inst.exprs.values()) if (t.kind === 'unknown') makeObj(t);
      for (const vars of inst.vars.values()) for (const t of vars.values()) if (t.kind === 'unknown') makeObj(t);
      for (const t of inst.params) if (t.kind === 'unknown') makeObj(t);
      if (inst.ret.kind === 'unknown') unify(inst.ret, tv({ k: 'none' }));
      if (inst.yields.kind === 'unknown') makeObj(inst.yields);
    }
    for (const m of this.modules.values()) for (const t of m.globals.values()) if (t.kind === 'unknown') makeObj(t);
    for (const c of this.classes.values()) {
      for (const t of c.attrs.values()) if (t.kind === 'unknown') makeObj(t);
      for (const t of c.classAttrs.values()) if (t.kind === 'unknown') makeObj(t);
    }
  }

  /** The resolved types of everything the program holds: the solver stops when it is stable. */
  private signature(): string {
    const parts: string[] = [String(this.constraints.length), String(this.instances.size)];
    const add = (t: TypeVar): void => {
      parts.push(showType(t, 0));
    };
    for (const inst of this.allInstances()) {
      inst.exprs.forEach(add);
      for (const vars of inst.vars.values()) vars.forEach(add);
      inst.params.forEach(add);
      add(inst.ret);
      add(inst.yields);
    }
    for (const m of this.modules.values()) m.globals.forEach(add);
    for (const c of this.classes.values()) {
      c.attrs.forEach(add);
      c.classAttrs.forEach(add);
      parts.push(c.bases === null ? 'dyn' : String(c.bases.length));
    }
    this.dynamicAttrStores.forEach(add);
    return parts.join('|');
  }

  private drainAnalysis(): void {
    while (this.pendingAnalysis.length > 0) this.walkInstance(this.pendingAnalysis.shift()!);
  }

  private applyAttributePolicy(): void {
    for (const c of this.classes.values()) {
      if (this.anyAttributes || c.dynamicAttrs) for (const t of c.attrs.values()) makeObj(t);
      for (const [key, stored] of this.dynamicAttrStores) {
        // "name\0Class": stored through `self` in a fallback of Class's method: not into Class
        const [name, except] = key.split('\u0000');
        if (except !== undefined && except === c.qualname) continue;
        const t = c.attrs.get(name);
        if (t) unify(t, stored);
      }
    }
  }

  *allInstances(): Iterable<FunctionInstance> {
    for (const m of this.modules.values()) if (m.init) yield m.init;
    for (const e of this.instances.values()) {
      yield e.main;
      if (e.generic) yield e.generic;
    }
  }

  // ---- ProgramTypes ----------------------------------------------------------------------------

  instancesOf(node: A.AnyNode, outer: FunctionInstance | null): { main: FunctionInstance; generic: FunctionInstance | null } | null {
    return this.instances.get(this.instanceKey(node, outer)) ?? null;
  }

  classOf(node: A.ClassDefNode): ClassInfo | null {
    return this.classes.get(node) ?? null;
  }

  private readonly slotCache = new Map<ClassInfo, string[] | null>();

  /**
   * The instance attributes of a class that can live at fixed offsets (class_slots.c), sorted;
   * null when the class must keep them all in its instances' __dict__: something may reach
   * attributes by name the inference cannot see, the class has bases or subclasses, or it
   * customises attribute access.
   */
  slotsOf(cls: ClassInfo): string[] | null {
    if (this.slotCache.has(cls)) return this.slotCache.get(cls)!;
    let out: string[] | null = null;
    const hooks = ['__slots__', '__getattr__', '__getattribute__', '__setattr__', '__delattr__', '__dict__', '__class__'];
    const subclassed = [...this.classes.values()].some((c) => c.bases?.includes(cls));
    if (!this.anyAttributes && !cls.dynamicAttrs && cls.bases !== null && cls.bases.length === 0 && !subclassed
      && !hooks.some((h) => cls.classAttrs.has(h))) {
      out = [...cls.attrs.keys()].filter((n) => !cls.classAttrs.has(n) && !n.startsWith('__')).sort();
      if (out.length === 0) out = null;
    }
    this.slotCache.set(cls, out);
    return out;
  }

  // ---- instances -------------------------------------------------------------------------------

  private nodeId(node: A.AnyNode): number {
    let id = this.nodeIds.get(node);
    if (id === undefined) {
      id = this.nodeIds.size;
      this.nodeIds.set(node, id);
    }
    return id;
  }

  private instanceKey(node: A.AnyNode, outer: FunctionInstance | null): string {
    return `${this.nodeId(node)}@${outer ? outer.key : ''}`;
  }

  /** The function value a def/lambda/genexpr evaluates to in `outer`. */
  functionRef(node: FunctionNode, outer: FunctionInstance): FunctionRef {
    let ref = outer.inner.get(node);
    if (!ref) {
      ref = { node, outer, key: this.instanceKey(node, outer) };
      outer.inner.set(node, ref);
    }
    return ref;
  }

  /** The main instance of a def (created and queued for analysis on first use). */
  mainInstance(ref: FunctionRef): FunctionInstance {
    return this.entry(ref.node, ref.outer as FunctionInstance, null).main;
  }

  entry(node: FunctionNode | A.GeneratorExpNode, outer: FunctionInstance, methodOf: ClassInfo | null):
    { main: FunctionInstance; generic: FunctionInstance | null } {
    const key = this.instanceKey(node, outer);
    let e = this.instances.get(key);
    if (!e) {
      const scope = this.scopeOf.get(node)!;
      const main = new FunctionInstance(key, node, scope, outer.module, outer, 'main', methodOf);
      for (let i = 0; i < scope.params.length; i++) main.params.push(main.varsOf(scope).get(scope.params[i]) ?? this.param(main, scope, i));
      e = { main, generic: null };
      this.instances.set(key, e);
      if (methodOf && main.params.length > 0) unify(main.params[0], tv({ k: 'inst', cls: methodOf, nullable: false }));
      this.pendingAnalysis.push(main);
    }
    return e;
  }

  private param(inst: FunctionInstance, scope: Scope, i: number): TypeVar {
    const t = tv();
    inst.varsOf(scope).set(scope.params[i], t);
    // *args is a tuple of any length, **kwargs a dict: dynamic
    const node = inst.node;
    if (node._type !== 'GeneratorExp' && node._type !== 'Module') {
      const a = node.args;
      const varargIndex = a.vararg ? a.posonlyargs.length + a.args.length : -1;
      if (i === varargIndex || (a.kwarg && i === scope.params.length - 1)) makeObj(t);
    }
    return t;
  }

  /** A generic fallback (obj parameters) for an instance that has typed parameters. */
  private ensureGeneric(e: { main: FunctionInstance; generic: FunctionInstance | null }): void {
    if (e.generic || e.main.node._type === 'GeneratorExp') return;
    if (e.main.params.every((p) => p.kind === 'obj')) return;
    const m = e.main;
    // only functions that can be called with arguments the inference did not see need one
    const name = m.node._type === 'Lambda' ? '<lambda>' : (m.node as A.FunctionDefNode).name;
    // methods always: the runtime calls them with instances of subclasses, or unbound
    const dynamicallyCalled = this.escapedFunctions.has(m.key) || m.methodOf !== null;
    void name;
    if (!dynamicallyCalled) return;
    const g = new FunctionInstance(`${m.key}#generic`, m.node, m.scope, m.module, m.outer, 'generic', m.methodOf);
    for (let i = 0; i < m.scope.params.length; i++) {
      const t = objType();
      g.varsOf(m.scope).set(m.scope.params[i], t);
      g.params.push(t);
    }
    e.generic = g;
    m.generic = g;
    this.pendingAnalysis.push(g);
  }

  private walkInstance(inst: FunctionInstance): void {
    if (inst.analysed) return;
    inst.analysed = true;
    const node = inst.node;
    if (node._type === 'Module') {
      this.body(inst, inst.scope, node.body, true);
      return;
    }
    if (node._type === 'GeneratorExp') {
      this.genexprBody(inst, node);
      return;
    }
    // defaults are evaluated where the def is: the outer instance unified them with the params
    if (node._type === 'Lambda') {
      this.rules.flow(this.expr(inst, inst.scope, node.body), inst.ret);
    } else {
      this.body(inst, inst.scope, node.body, false);
      // falling off the end returns None
      const last = node.body[node.body.length - 1];
      if (!endsControl(last)) this.rules.flow(tv({ k: 'none' }), inst.ret);
    }
    if (inst.scope.isGenerator || inst.scope.isCoroutine) {
      // calling it makes a generator: the body's return value is not what the call returns
      makeObj(inst.ret);
    }
  }

  // ---- names -----------------------------------------------------------------------------------

  /** The type of `name` as seen in `scope` of instance `inst`. */
  nameType(inst: FunctionInstance, scope: Scope, name: string): TypeVar {
    const kind = scope.kindOf(name);
    switch (kind) {
      case 'local': case 'cell':
        if (scope.kind === 'class') return this.classAttr(scope, name);
        return this.localVar(inst, scope, name);
      case 'free':
        return this.freeVar(inst, scope, name);
      case 'global': case 'global-implicit':
        return this.globalType(inst.module, name);
      case 'classbody':
        // read from the class namespace or the globals, depending on the order: dynamic
        return objType();
    }
  }

  private localVar(inst: FunctionInstance, scope: Scope, name: string): TypeVar {
    const vars = inst.varsOf(scope);
    let t = vars.get(name);
    if (!t) {
      t = tv();
      vars.set(name, t);
    }
    return t;
  }

  private freeVar(inst: FunctionInstance, scope: Scope, name: string): TypeVar {
    if (name === '__class__') return objType();
    // the scope that defines it
    let def: Scope | null = scope.parent;
    while (def && !(def.kind !== 'class' && (def.kindOf(name) === 'local' || def.kindOf(name) === 'cell'))) def = def.parent;
    if (!def) return objType();
    const owner = functionScopeOf(def);
    let i: FunctionInstance | null = inst;
    while (i && i.scope !== owner) i = i.outer;
    if (!i) return objType();
    return this.localVar(i, def, name);
  }

  globalType(m: ModuleTypes, name: string): TypeVar {
    if (!this.bound.get(m.name)?.has(name)) return this.rules.builtinType(name);
    return m.global(name);
  }

  private classAttr(scope: Scope, name: string): TypeVar {
    const cls = this.classes.get(scope.node as A.ClassDefNode);
    if (!cls) return objType();
    let t = cls.classAttrs.get(name);
    if (!t) {
      t = tv();
      cls.classAttrs.set(name, t);
    }
    return t;
  }

  // ---- statements ------------------------------------------------------------------------------

  /** `topLevel`: a module body's own statement list (globals assigned here are bound after). */
  private body(inst: FunctionInstance, scope: Scope, stmts: readonly A.Stmt[], topLevel: boolean): void {
    for (const s of stmts) this.stmt(inst, scope, s, topLevel);
  }

  private stmt(inst: FunctionInstance, scope: Scope, s: A.Stmt, topLevel: boolean): void {
    switch (s._type) {
      case 'Expr':
        this.expr(inst, scope, s.value);
        return;
      case 'Assign': {
        const v = this.expr(inst, scope, s.value);
        for (const t of s.targets) this.assign(inst, scope, t, v);
        if (topLevel) for (const t of s.targets) this.noteBound(inst, t);
        return;
      }
      case 'AugAssign': {
        const cur = this.expr(inst, scope, s.target);
        const v = this.expr(inst, scope, s.value);
        const r = tv();
        this.rules.binop(s.op, cur, v, r, true);
        this.assign(inst, scope, s.target, r, true);
        return;
      }
      case 'AnnAssign':
        if (s.value) {
          this.assign(inst, scope, s.target, this.expr(inst, scope, s.value));
          if (topLevel) this.noteBound(inst, s.target);
        }
        return;
      case 'Delete':
        for (const t of s.targets) if (t._type !== 'Name') this.expr(inst, scope, t);
        return;
      case 'If':
        this.expr(inst, scope, s.test);
        this.body(inst, scope, s.body, false);
        this.body(inst, scope, s.orelse, false);
        return;
      case 'While':
        this.expr(inst, scope, s.test);
        this.body(inst, scope, s.body, false);
        this.body(inst, scope, s.orelse, false);
        return;
      case 'For': case 'AsyncFor': {
        const it = this.expr(inst, scope, s.iter);
        const item = tv();
        if (s._type === 'AsyncFor') makeObj(item);
        else this.rules.iterate(it, item);
        this.assign(inst, scope, s.target, item);
        this.body(inst, scope, s.body, false);
        this.body(inst, scope, s.orelse, false);
        return;
      }
      case 'Return':
        this.rules.flow(s.value ? this.expr(inst, scope, s.value) : tv({ k: 'none' }), inst.ret);
        return;
      case 'FunctionDef': case 'AsyncFunctionDef':
        this.functionDef(inst, scope, s);
        if (topLevel) this.noteBoundName(inst, s.name);
        return;
      case 'ClassDef':
        this.classDef(inst, scope, s);
        if (topLevel) this.noteBoundName(inst, s.name);
        return;
      case 'Raise':
        if (s.exc) this.expr(inst, scope, s.exc);
        if (s.cause) this.expr(inst, scope, s.cause);
        return;
      case 'Try': case 'TryStar':
        this.body(inst, scope, s.body, false);
        for (const h of s.handlers) {
          if (h.type) this.expr(inst, scope, h.type);
          if (h.name) makeObj(this.nameType(inst, scope, h.name));
          this.body(inst, scope, h.body, false);
        }
        this.body(inst, scope, s.orelse, false);
        this.body(inst, scope, s.finalbody, false);
        return;
      case 'With': case 'AsyncWith':
        for (const item of s.items) {
          this.expr(inst, scope, item.context_expr);
          if (item.optional_vars) this.assign(inst, scope, item.optional_vars, objType());
        }
        this.body(inst, scope, s.body, false);
        return;
      case 'Assert':
        this.expr(inst, scope, s.test);
        if (s.msg) this.expr(inst, scope, s.msg);
        return;
      case 'Import':
        for (const a of s.names) {
          const top = a.asname ? a.name : a.name.split('.')[0];
          const shape: Shape = { k: 'module', name: a.asname ? a.name : top };
          this.assign(inst, scope, { _type: 'Name', id: a.asname ?? top, ctx: 'Store', lineno: s.lineno, col_offset: s.col_offset, end_lineno: s.end_lineno, end_col_offset: s.end_col_offset } as A.NameNode, tv(shape));
          if (topLevel) this.noteBoundName(inst, a.asname ?? top);
        }
        return;
      case 'ImportFrom':
        for (const a of s.names) {
          if (a.name === '*') {
            // bound when the module has them: not surely bound (see lower/imports.ts)
            for (const n of starImportNames.get(s)?.names ?? []) {
              this.assign(inst, scope, { _type: 'Name', id: n, ctx: 'Store', lineno: s.lineno, col_offset: s.col_offset, end_lineno: s.end_lineno, end_col_offset: s.end_col_offset } as A.NameNode, this.rules.importedName(s.module ?? '', n));
            }
            continue;
          }
          const t = this.rules.importedName(s.module ?? '', a.name);
          this.assign(inst, scope, { _type: 'Name', id: a.asname ?? a.name, ctx: 'Store', lineno: s.lineno, col_offset: s.col_offset, end_lineno: s.end_lineno, end_col_offset: s.end_col_offset } as A.NameNode, t);
          if (topLevel) this.noteBoundName(inst, a.asname ?? a.name);
        }
        return;
      case 'Match':
        this.expr(inst, scope, s.subject);
        for (const c of s.cases) {
          if (c.guard) this.expr(inst, scope, c.guard);
          this.patternNames(inst, scope, c.pattern);
          this.body(inst, scope, c.body, false);
        }
        return;
      case 'Global': case 'Nonlocal': case 'Pass': case 'Break': case 'Continue':
        return;
    }
  }

  private patternNames(inst: FunctionInstance, scope: Scope, p: A.Pattern): void {
    const visit = (n: unknown): void => {
      if (Array.isArray(n)) {
        n.forEach(visit);
        return;
      }
      if (!n || typeof n !== 'object') return;
      const node = n as Record<string, unknown>;
      for (const key of ['name', 'rest']) {
        const v = node[key];
        if (typeof v === 'string') makeObj(this.nameType(inst, scope, v));
      }
      for (const [k, v] of Object.entries(node)) if (k !== '_type' && typeof v === 'object') visit(v);
    };
    visit(p);
  }

  // module-level definite binding: a global read before it is surely assigned may find the
  // builtin of the same name, so its type must allow that
  private readonly boundSoFar = new Map<ModuleTypes, Set<string>>();

  private noteBound(inst: FunctionInstance, t: A.Expr): void {
    if (t._type === 'Name') this.noteBoundName(inst, t.id);
    else if (t._type === 'Tuple' || t._type === 'List') t.elts.forEach((e) => this.noteBound(inst, e._type === 'Starred' ? e.value : e));
  }

  private noteBoundName(inst: FunctionInstance, name: string): void {
    if (inst.kind !== 'module') return;
    let s = this.boundSoFar.get(inst.module);
    if (!s) {
      s = new Set();
      this.boundSoFar.set(inst.module, s);
    }
    s.add(name);
  }

  private functionDef(inst: FunctionInstance, scope: Scope, s: A.FunctionDefNode | A.AsyncFunctionDefNode): void {
    const decorators = s.decorator_list.map((d) => this.expr(inst, scope, d));
    const fnType = this.functionValue(inst, scope, s, s.args);
    let value = fnType;
    for (let i = decorators.length - 1; i >= 0; i--) {
      const r = tv();
      this.rules.call(decorators[i], [value], [], r, false);
      value = r;
    }
    this.assign(inst, scope, { _type: 'Name', id: s.name, ctx: 'Store', lineno: s.lineno, col_offset: s.col_offset, end_lineno: s.end_lineno, end_col_offset: s.end_col_offset } as A.NameNode, value);
  }

  /** A def or lambda evaluated in `inst`: its defaults, and a function value. */
  private functionValue(inst: FunctionInstance, scope: Scope, node: FunctionNode, args: A.ArgumentsNode): TypeVar {
    const methodOf = scope.kind === 'class' ? this.classes.get(scope.node as A.ClassDefNode) ?? null : null;
    const isPlainMethod = methodOf !== null && node._type !== 'Lambda' && !(node as A.FunctionDefNode).decorator_list.length;
    const e = this.entry(node, inst, isPlainMethod ? methodOf : null);
    const main = e.main;
    // defaults flow into their parameters
    const npos = args.posonlyargs.length + args.args.length;
    args.defaults.forEach((d, i) => this.rules.flow(this.expr(inst, scope, d), main.params[npos - args.defaults.length + i]));
    const kwStart = npos + (args.vararg ? 1 : 0);
    args.kw_defaults.forEach((d, i) => {
      if (d) this.rules.flow(this.expr(inst, scope, d), main.params[kwStart + i]);
    });
    return tv({ k: 'funcs', fns: [this.functionRef(node, inst)] });
  }

  private classDef(inst: FunctionInstance, scope: Scope, s: A.ClassDefNode): void {
    const decorators = s.decorator_list.map((d) => this.expr(inst, scope, d));
    const bases = s.bases.map((b) => this.expr(inst, scope, b));
    for (const k of s.keywords) this.expr(inst, scope, k.value);
    const classScope = this.scopeOf.get(s)!;
    let cls = this.classes.get(s);
    if (!cls) {
      cls = {
        node: s, name: s.name, qualname: classScope.qualname, attrs: new Map(), classAttrs: new Map(), bases: [],
        dynamicAttrs: s.keywords.length > 0 || s.decorator_list.length > 0,
      };
      this.classes.set(s, cls);
    }
    const info = cls;
    // bases: classes of the program (or object); anything else makes the class dynamic
    this.constraints.push((final) => {
      const out: ClassInfo[] = [];
      for (const b of bases) {
        const sh = b.shape;
        // a base that is not a plain class of the program (an exception, a built-in type)
        // makes this one dynamic too
        if (sh.k === 'class' && sh.cls.bases !== null && !sh.cls.dynamicAttrs) out.push(sh.cls);
        else if (sh.k === 'builtin' && sh.name === 'object') continue;
        else if (sh.k === 'unknown' && !final) return;
        else {
          info.bases = null;
          info.dynamicAttrs = true;
          return;
        }
      }
      if (info.bases !== null) info.bases = out;
    });
    this.body(inst, classScope, s.body, false);
    let value = tv({ k: 'class', cls: info });
    for (let i = decorators.length - 1; i >= 0; i--) {
      const r = tv();
      this.rules.call(decorators[i], [value], [], r, false);
      value = r;
    }
    this.assign(inst, scope, { _type: 'Name', id: s.name, ctx: 'Store', lineno: s.lineno, col_offset: s.col_offset, end_lineno: s.end_lineno, end_col_offset: s.end_col_offset } as A.NameNode, value);
  }

  // ---- assignment ------------------------------------------------------------------------------

  assign(inst: FunctionInstance, scope: Scope, t: A.Expr, v: TypeVar, augmented = false): void {
    switch (t._type) {
      case 'Name': {
        // names bound in a class body are class attributes
        const kind = scope.kindOf(t.id);
        const target = scope.kind === 'class' && kind !== 'global' && kind !== 'free' ? this.classAttr(scope, t.id) : this.nameType(inst, scope, t.id);
        this.rules.flow(v, target);
        if (!augmented) inst.exprs.set(t, v);
        return;
      }
      case 'Attribute': {
        const obj = augmented ? inst.exprs.get(t.value)! : this.expr(inst, scope, t.value);
        this.rules.setAttr(inst, t, obj, t.attr, v);
        return;
      }
      case 'Subscript': {
        const obj = augmented ? inst.exprs.get(t.value)! : this.expr(inst, scope, t.value);
        const key = augmented ? inst.exprs.get(t.slice)! : this.expr(inst, scope, t.slice);
        this.rules.setItem(obj, key, v);
        return;
      }
      case 'Tuple': case 'List': {
        const star = t.elts.findIndex((e) => e._type === 'Starred');
        const items = t.elts.map(() => tv());
        this.rules.unpack(v, items, star);
        t.elts.forEach((e, i) => this.assign(inst, scope, e._type === 'Starred' ? e.value : e, items[i]));
        inst.exprs.set(t, v);
        return;
      }
      case 'Starred':
        this.assign(inst, scope, t.value, v);
        return;
      default:
        return;
    }
  }

  // ---- expressions -----------------------------------------------------------------------------

  expr(inst: FunctionInstance, scope: Scope, e: A.Expr): TypeVar {
    const t = this.exprAt(inst, scope, e);
    inst.exprs.set(e, t);
    return t;
  }

  private exprAt(inst: FunctionInstance, scope: Scope, e: A.Expr): TypeVar {
    switch (e._type) {
      case 'Constant':
        return tv(constantShape(e.value));
      case 'Name': {
        const kind = scope.kindOf(e.id);
        if ((kind === 'global' || kind === 'global-implicit') && this.bound.get(inst.module.name)?.has(e.id)) {
          const surely = inst.kind === 'module' && this.boundSoFar.get(inst.module)?.has(e.id);
          if (!surely) {
            this.maybeUnbound.add(e);
            // unbound, it is the builtin of that name
            const b = this.rules.builtinShapeOf(e.id);
            if (b) unify(inst.module.global(e.id), tv(b));
          }
        }
        return this.nameType(inst, scope, e.id);
      }
      case 'BinOp': {
        const a = this.expr(inst, scope, e.left);
        const b = this.expr(inst, scope, e.right);
        const r = tv();
        this.rules.binop(e.op, a, b, r, false, e.op === 'Pow' && isNonNegative(e.left));
        return r;
      }
      case 'UnaryOp': {
        const a = this.expr(inst, scope, e.operand);
        const r = tv();
        this.rules.unaryop(e.op, a, r);
        return r;
      }
      case 'BoolOp': {
        const r = tv();
        for (const v of e.values) this.rules.flow(this.expr(inst, scope, v), r);
        return r;
      }
      case 'Compare': {
        const operands = [e.left, ...e.comparators].map((x) => this.expr(inst, scope, x));
        const r = tv();
        this.rules.compare(e.ops, operands, r);
        return r;
      }
      case 'IfExp': {
        this.expr(inst, scope, e.test);
        const r = tv();
        this.rules.flow(this.expr(inst, scope, e.body), r);
        this.rules.flow(this.expr(inst, scope, e.orelse), r);
        return r;
      }
      case 'NamedExpr': {
        const v = this.expr(inst, scope, e.value);
        this.rules.flow(v, this.nameType(inst, scope, (e.target as A.NameNode).id));
        return v;
      }
      case 'Lambda':
        return this.functionValue(inst, scope, e, e.args);
      case 'List': case 'Set': {
        const elem = tv();
        for (const x of e.elts) {
          if (x._type === 'Starred') {
            const item = tv();
            this.rules.iterate(this.expr(inst, scope, x.value), item);
            this.rules.flow(item, elem);
          } else this.rules.flow(this.expr(inst, scope, x), elem);
        }
        return tv(e._type === 'List' ? { k: 'list', elem } : { k: 'set', elem });
      }
      case 'Tuple': {
        if (e.elts.some((x) => x._type === 'Starred')) {
          for (const x of e.elts) makeObj(this.expr(inst, scope, x._type === 'Starred' ? x.value : x));
          return objType();
        }
        return tv({
          k: 'tuple',
          items: e.elts.map((x) => {
            const item = tv();
            this.rules.flow(this.expr(inst, scope, x), item);
            return item;
          }),
        });
      }
      case 'Dict': {
        const key = tv();
        const value = tv();
        e.keys.forEach((k, i) => {
          const v = this.expr(inst, scope, e.values[i]);
          if (k === null) {
            makeObj(v);
            makeObj(key);
            makeObj(value);
          } else {
            this.rules.flow(this.expr(inst, scope, k), key);
            this.rules.flow(v, value);
          }
        });
        return tv({ k: 'dict', key, value });
      }
      case 'ListComp': case 'SetComp': case 'DictComp':
        return this.comprehension(inst, scope, e);
      case 'GeneratorExp': {
        const first = this.expr(inst, scope, e.generators[0].iter);
        const entry = this.entry(e, inst, null);
        const it = tv();
        this.rules.iterate(first, it);
        // '.0' is the iterator of the first iterable
        this.rules.flow(tv({ k: 'iter', elem: it }), entry.main.params[0]);
        return tv({ k: 'iter', elem: entry.main.yields });
      }
      case 'Await':
        this.expr(inst, scope, e.value);
        return objType();
      case 'Yield':
        this.rules.flow(e.value ? this.expr(inst, scope, e.value) : tv({ k: 'none' }), inst.yields);
        return objType();
      case 'YieldFrom':
        makeObj(this.expr(inst, scope, e.value));
        makeObj(inst.yields);
        return objType();
      case 'Call':
        return this.callExpr(inst, scope, e);
      case 'FormattedValue':
        this.expr(inst, scope, e.value);
        if (e.format_spec) this.expr(inst, scope, e.format_spec);
        return tv({ k: 'str' });
      case 'JoinedStr':
        for (const v of e.values) this.expr(inst, scope, v);
        return tv({ k: 'str' });
      case 'Attribute': {
        const obj = this.expr(inst, scope, e.value);
        const r = tv();
        this.rules.getAttr(obj, e.attr, r);
        return r;
      }
      case 'Subscript': {
        const obj = this.expr(inst, scope, e.value);
        const key = this.expr(inst, scope, e.slice);
        const r = tv();
        this.rules.getItem(obj, key, r, e.slice._type === 'Slice', constantIndex(e.slice));
        return r;
      }
      case 'Slice':
        for (const p of [e.lower, e.upper, e.step]) if (p) this.expr(inst, scope, p);
        return objType();
      case 'Starred':
        return makeObjReturn(this.expr(inst, scope, e.value));
    }
  }

  private callExpr(inst: FunctionInstance, scope: Scope, e: A.CallNode): TypeVar {
    const callee = this.expr(inst, scope, e.func);
    const starred = e.args.some((a) => a._type === 'Starred') || e.keywords.some((k) => k.arg === null);
    const args = e.args.map((a) => this.expr(inst, scope, a._type === 'Starred' ? a.value : a));
    const kws = e.keywords.map((k) => ({ name: k.arg, type: this.expr(inst, scope, k.value) }));
    const r = tv();
    if (starred) {
      // f(*a, **k): the arguments go through the dynamic call
      for (const a of args) makeObj(a);
      for (const k of kws) makeObj(k.type);
      this.rules.call(callee, [], [], r, true);
      return r;
    }
    this.rules.call(callee, args, kws.map((k) => ({ name: k.name!, type: k.type })), r, false, e, inst.kind === 'generic');
    return r;
  }

  private comprehension(inst: FunctionInstance, scope: Scope, e: A.ListCompNode | A.SetCompNode | A.DictCompNode): TypeVar {
    const compScope = this.scopeOf.get(e)!;
    e.generators.forEach((g, i) => {
      const it = this.expr(inst, i === 0 ? scope : compScope, g.iter);
      const item = tv();
      this.rules.iterate(it, item);
      this.assign(inst, compScope, g.target, item);
      for (const c of g.ifs) this.expr(inst, compScope, c);
    });
    if (e._type === 'DictComp') {
      const key = tv();
      const value = tv();
      this.rules.flow(this.expr(inst, compScope, e.key), key);
      this.rules.flow(this.expr(inst, compScope, e.value), value);
      return tv({ k: 'dict', key, value });
    }
    const elem = tv();
    this.rules.flow(this.expr(inst, compScope, e.elt), elem);
    return tv(e._type === 'ListComp' ? { k: 'list', elem } : { k: 'set', elem });
  }

  private genexprBody(inst: FunctionInstance, e: A.GeneratorExpNode): void {
    const scope = inst.scope;
    e.generators.forEach((g, i) => {
      let item: TypeVar;
      if (i === 0) {
        item = tv();
        this.rules.iterate(inst.params[0], item);
      } else {
        item = tv();
        this.rules.iterate(this.expr(inst, scope, g.iter), item);
      }
      this.assign(inst, scope, g.target, item);
      for (const c of g.ifs) this.expr(inst, scope, c);
    });
    this.rules.flow(this.expr(inst, scope, e.elt), inst.yields);
  }
}

/** Whether control cannot continue after the statement (return, raise, an endless loop). */
function endsControl(s: A.Stmt | undefined): boolean {
  if (!s) return false;
  switch (s._type) {
    case 'Return': case 'Raise':
      return true;
    case 'If':
      return endsControl(s.body[s.body.length - 1]) && endsControl(s.orelse[s.orelse.length - 1]);
    case 'While':
      return s.test._type === 'Constant' && s.test.value === true && !containsBreak(s.body);
    case 'Try':
      return s.finalbody.length > 0 && endsControl(s.finalbody[s.finalbody.length - 1]);
    default:
      return false;
  }
}

function containsBreak(body: readonly A.Stmt[]): boolean {
  for (const s of body) {
    if (s._type === 'Break') return true;
    if (s._type === 'If' || s._type === 'Try' || s._type === 'With') {
      const parts: A.Stmt[][] = s._type === 'If' ? [s.body, s.orelse] : s._type === 'Try' ? [s.body, s.orelse, s.finalbody, ...s.handlers.map((h) => h.body)] : [s.body];
      if (parts.some(containsBreak)) return true;
    }
  }
  return false;
}

/** An int literal index (t[0], t[-1]), or null. */
export function constantIndex(e: A.Expr): number | null {
  if (e._type === 'Constant' && typeof e.value === 'number') return e.value;
  if (e._type === 'UnaryOp' && e.op === 'USub' && e.operand._type === 'Constant' && typeof e.operand.value === 'number') return -e.operand.value;
  return null;
}

/**
 * Whether an expression is surely a non-negative number or NaN (x*x + y*y, abs(x), a constant
 * >= 0): then `** fractional` on it is a float, never complex.
 */
export function isNonNegative(e: A.Expr): boolean {
  switch (e._type) {
    case 'Constant':
      return (typeof e.value === 'number' && e.value >= 0) || (e.value instanceof PyFloat && !(e.value.value < 0));
    case 'BinOp':
      if (e.op === 'Mult' && sameExpr(e.left, e.right)) return true;
      if (e.op === 'Add' || e.op === 'Mult' || e.op === 'Div') return isNonNegative(e.left) && isNonNegative(e.right);
      return false;
    case 'Call':
      return e.func._type === 'Name' && e.func.id === 'abs';
    default:
      return false;
  }
}

function sameExpr(a: A.Expr, b: A.Expr): boolean {
  if (a._type === 'Name' && b._type === 'Name') return a.id === b.id;
  if (a._type === 'Attribute' && b._type === 'Attribute') return a.attr === b.attr && sameExpr(a.value, b.value);
  return false;
}

function makeObjReturn(t: TypeVar): TypeVar {
  makeObj(t);
  return t;
}

/** The function (or module) scope whose instance holds the variables of `s`. */
export function functionScopeOf(s: Scope): Scope {
  let c: Scope | null = s;
  while (c) {
    if (c.kind === 'function' || c.kind === 'lambda' || c.kind === 'module') return c;
    if (c.kind === 'comprehension' && c.node._type === 'GeneratorExp') return c;
    c = c.parent;
  }
  return s;
}

export function constantShape(v: A.ConstantValue): Shape {
  if (v === null) return { k: 'none' };
  if (v === true || v === false) return { k: 'bool' };
  if (typeof v === 'number' || typeof v === 'bigint') return { k: 'int' };
  if (typeof v === 'string' || v instanceof PyWideStr) return { k: 'str' };
  if (v instanceof PyFloat) return { k: 'float' };
  if (v instanceof PyComplex) return { k: 'complex' };
  if (v instanceof PyBytes) return { k: 'bytes' };
  if (v === PyEllipsis) return { k: 'obj' };
  return { k: 'obj' };
}

export function inferProgram(sources: readonly SourceModuleForTypes[]): Inference {
  return new Inference(sources).run();
}
