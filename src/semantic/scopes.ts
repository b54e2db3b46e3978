// semantic/scopes.ts — which scope every name belongs to (CPython's symtable).
//
// Takes: a Module AST. Hands on: a ScopeTree: one Scope per module, class, function, lambda and
// comprehension, each mapping its names to how code reaches them — a local slot, a cell (a local
// captured by an inner function), a free variable (a cell of an enclosing function), a module
// global, or a class-body name. Errors CPython raises while building its symbol table ("nonlocal
// declaration not allowed at module level", "name 'x' is parameter and global", ...) are
// reported as compile-time diagnostics, as CPython reports them before running anything.

import type * as A from '../frontend/ast.js';
import { Messages as M, makeDiagnostic, type Diagnostic, type MessageTemplate } from '../frontend/diagnostics.js';

export type ScopeKind = 'module' | 'class' | 'function' | 'lambda' | 'comprehension';

/** How a name is reached from the scope that uses it. */
export type NameKind = 'local' | 'cell' | 'free' | 'global' | 'global-implicit' | 'classbody';

const DEF_LOCAL = 1;
const DEF_PARAM = 2;
const DEF_GLOBAL = 4;
const DEF_NONLOCAL = 8;
const USE = 16;
const DEF_IMPORT = 32;
const DEF_ANNOT = 64;

export interface ScopeNode {
  readonly lineno: number;
  readonly col_offset: number;
}

export class Scope {
  readonly children: Scope[] = [];
  /** flags per name, then the resolved kind */
  readonly flags = new Map<string, number>();
  readonly kinds = new Map<string, NameKind>();
  /** parameters in order (positional, *args, keyword-only, **kwargs) */
  readonly params: string[] = [];
  isGenerator = false;
  isCoroutine = false;
  /** the scope uses super() or __class__: it needs the __class__ cell of its class */
  needsClassCell = false;
  /** a class whose methods need the __class__ cell */
  hasClassCell = false;
  /** comprehension scopes: assignment expressions bind in this enclosing scope */
  constructor(
    readonly kind: ScopeKind,
    readonly name: string,
    readonly parent: Scope | null,
    readonly node: A.AnyNode,
    readonly qualname: string,
  ) {
    parent?.children.push(this);
  }

  /** The resolved kind of a name used in this scope. */
  kindOf(name: string): NameKind {
    const k = this.kinds.get(name);
    if (k) return k;
    return this.kind === 'module' ? 'global-implicit' : this.kind === 'class' ? 'classbody' : 'global-implicit';
  }

  /** names that are cells in this scope, in a stable order */
  cellNames(): string[] {
    return [...this.kinds].filter(([, k]) => k === 'cell').map(([n]) => n).sort();
  }

  /** names that are free in this scope (cells of enclosing scopes), in a stable order */
  freeNames(): string[] {
    return [...this.kinds].filter(([, k]) => k === 'free').map(([n]) => n).sort();
  }

  /** names with local slots (locals and cells) */
  localNames(): string[] {
    return [...this.kinds].filter(([, k]) => k === 'local' || k === 'cell').map(([n]) => n);
  }

  /** declared `nonlocal` in this scope (a class body's stores then go to the enclosing cell) */
  isNonlocal(name: string): boolean {
    return ((this.flags.get(name) ?? 0) & DEF_NONLOCAL) !== 0;
  }

  isFunctionLike(): boolean {
    return this.kind === 'function' || this.kind === 'lambda' || this.kind === 'comprehension';
  }
}

export interface ScopeTree {
  readonly module: Scope;
  /** the scope each function, lambda, class and comprehension node opens */
  readonly scopeOf: ReadonlyMap<A.AnyNode, Scope>;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The names each `from m import *` binds, as analyzeScopes found them (m's public names): the
 * inference and the lowering bind the same ones. A node missing here could not be resolved.
 */
export const starImportNames = new WeakMap<A.ImportFromNode, StarNames>();

/** What `from m import *` binds: m's __all__ (each must exist: AttributeError otherwise, as in
 * CPython), or its public names (those it has when the import runs). */
export interface StarNames {
  readonly names: readonly string[];
  readonly fromAll: boolean;
}

/** The public names of module `name` for `from name import *`, or null when they are not known. */
export type StarExports = (name: string) => StarNames | null;

export function analyzeScopes(module: A.ModuleNode, file: string, starExports: StarExports = () => null): ScopeTree {
  const builder = new ScopeBuilder(file, starExports);
  const top = new Scope('module', '<module>', null, module, '');
  builder.scopeOf.set(module, top);
  builder.visitBody(top, module.body);
  resolve(top, new Set(), builder);
  return { module: top, scopeOf: builder.scopeOf, diagnostics: builder.diagnostics };
}

class ScopeBuilder {
  readonly scopeOf = new Map<A.AnyNode, Scope>();
  readonly diagnostics: Diagnostic[] = [];
  constructor(readonly file: string, readonly starExports: StarExports = () => null) {}

  error(template: MessageTemplate, args: (string | number)[], node: ScopeNode): void {
    this.diagnostics.push(makeDiagnostic(template, args, this.file, node.lineno, node.col_offset));
  }

  add(scope: Scope, name: string, flag: number, node: ScopeNode): void {
    const old = scope.flags.get(name) ?? 0;
    if (flag & DEF_PARAM && old & DEF_PARAM) this.error(M.duplicateArgument, [name], node);
    if (flag & (DEF_LOCAL | DEF_PARAM) && old & DEF_GLOBAL && scope.kind !== 'module') {
      // a use before the global statement is an error reported at the statement
    }
    scope.flags.set(name, old | flag);
  }

  /** `global x` / `nonlocal x`: checks CPython's ordering rules. */
  declare(scope: Scope, stmt: A.GlobalNode | A.NonlocalNode): void {
    const isGlobal = stmt._type === 'Global';
    for (const name of stmt.names) {
      const old = scope.flags.get(name) ?? 0;
      if (old & DEF_PARAM) {
        this.error(isGlobal ? M.paramAndGlobal : M.paramAndNonlocal, [name], stmt);
        continue;
      }
      if (!isGlobal && old & DEF_GLOBAL) this.error(M.globalAndNonlocal, [name], stmt);
      if (isGlobal && old & DEF_NONLOCAL) this.error(M.nonlocalAndGlobal, [name], stmt);
      if (old & (USE | DEF_LOCAL | DEF_ANNOT)) {
        const what = old & DEF_ANNOT ? 'annotated' : old & DEF_LOCAL ? 'assigned to' : 'used';
        const kw = isGlobal ? 'global' : 'nonlocal';
        this.error(M.usedBeforeDeclaration, [name, what, kw], stmt);
      }
      if (!isGlobal && scope.kind === 'module') this.error(M.nonlocalAtModuleLevel, [], stmt);
      scope.flags.set(name, old | (isGlobal ? DEF_GLOBAL : DEF_NONLOCAL));
    }
  }

  visitBody(scope: Scope, body: readonly A.Stmt[]): void {
    for (const s of body) this.visitStmt(scope, s);
  }

  visitStmt(scope: Scope, s: A.Stmt): void {
    switch (s._type) {
      case 'FunctionDef': case 'AsyncFunctionDef': {
        this.add(scope, s.name, DEF_LOCAL, s);
        for (const d of s.decorator_list) this.visitExpr(scope, d);
        this.visitDefaults(scope, s.args);
        this.visitAnnotations(scope, s.args, s.returns);
        const fn = new Scope('function', s.name, scope, s, qualnameFor(scope, s.name));
        fn.isCoroutine = s._type === 'AsyncFunctionDef';
        this.scopeOf.set(s, fn);
        this.visitParams(fn, s.args);
        this.visitBody(fn, s.body);
        return;
      }
      case 'ClassDef': {
        this.add(scope, s.name, DEF_LOCAL, s);
        for (const d of s.decorator_list) this.visitExpr(scope, d);
        for (const b of s.bases) this.visitExpr(scope, b);
        for (const k of s.keywords) this.visitExpr(scope, k.value);
        const cls = new Scope('class', s.name, scope, s, qualnameFor(scope, s.name));
        this.scopeOf.set(s, cls);
        this.visitBody(cls, s.body);
        return;
      }
      case 'Return':
        if (!scope.isFunctionLike()) this.error(M.returnOutsideFunction, [], s);
        if (s.value) this.visitExpr(scope, s.value);
        return;
      case 'Delete':
        for (const t of s.targets) this.visitTarget(scope, t);
        return;
      case 'Assign':
        this.visitExpr(scope, s.value);
        for (const t of s.targets) this.visitTarget(scope, t);
        return;
      case 'AugAssign':
        this.visitExpr(scope, s.value);
        this.visitTarget(scope, s.target);
        if (s.target._type === 'Name') this.add(scope, s.target.id, USE, s.target);
        else this.visitExpr(scope, s.target);
        return;
      case 'AnnAssign':
        if (s.target._type === 'Name') {
          const old = scope.flags.get(s.target.id) ?? 0;
          if (old & (DEF_GLOBAL | DEF_NONLOCAL) && s.simple) {
            this.error(M.annotatedGlobal, [s.target.id, old & DEF_GLOBAL ? 'global' : 'nonlocal'], s);
          }
          this.add(scope, s.target.id, s.value ? DEF_LOCAL | DEF_ANNOT : DEF_ANNOT, s.target);
        } else {
          this.visitExpr(scope, s.target);
        }
        if (scope.kind !== 'function' && scope.kind !== 'lambda') this.visitExpr(scope, s.annotation);
        if (s.value) this.visitExpr(scope, s.value);
        return;
      case 'For': case 'AsyncFor':
        if (s._type === 'AsyncFor' && !scope.isCoroutine) this.error(M.asyncForOutsideAsync, [], s);
        this.visitExpr(scope, s.iter);
        this.visitTarget(scope, s.target);
        this.visitBody(scope, s.body);
        this.visitBody(scope, s.orelse);
        return;
      case 'While': case 'If':
        this.visitExpr(scope, s.test);
        this.visitBody(scope, s.body);
        this.visitBody(scope, s.orelse);
        return;
      case 'With': case 'AsyncWith':
        if (s._type === 'AsyncWith' && !scope.isCoroutine) this.error(M.asyncWithOutsideAsync, [], s);
        for (const item of s.items) {
          this.visitExpr(scope, item.context_expr);
          if (item.optional_vars) this.visitTarget(scope, item.optional_vars);
        }
        this.visitBody(scope, s.body);
        return;
      case 'Match':
        this.visitExpr(scope, s.subject);
        for (const c of s.cases) {
          this.visitPattern(scope, c.pattern);
          if (c.guard) this.visitExpr(scope, c.guard);
          this.visitBody(scope, c.body);
        }
        return;
      case 'Raise':
        if (s.exc) this.visitExpr(scope, s.exc);
        if (s.cause) this.visitExpr(scope, s.cause);
        return;
      case 'Try': case 'TryStar':
        this.visitBody(scope, s.body);
        for (const h of s.handlers) {
          if (h.type) this.visitExpr(scope, h.type);
          if (h.name) this.add(scope, h.name, DEF_LOCAL, h);
          this.visitBody(scope, h.body);
        }
        this.visitBody(scope, s.orelse);
        this.visitBody(scope, s.finalbody);
        return;
      case 'Assert':
        this.visitExpr(scope, s.test);
        if (s.msg) this.visitExpr(scope, s.msg);
        return;
      case 'Import': case 'ImportFrom':
        for (const a of s.names) {
          if (a.name === '*') {
            if (scope.kind !== 'module') this.error(M.importStarNotAtModuleLevel, [], s);
            const star = s._type === 'ImportFrom' && s.level === 0 && s.module ? this.starExports(s.module) : null;
            if (scope.kind === 'module' && star && s._type === 'ImportFrom') {
              for (const n of star.names) this.add(scope, n, DEF_LOCAL | DEF_IMPORT, a);
              starImportNames.set(s, star);
            }
            continue;
          }
          const bound = a.asname ?? (s._type === 'Import' ? a.name.split('.')[0] : a.name);
          this.add(scope, bound, DEF_LOCAL | DEF_IMPORT, a);
        }
        return;
      case 'Global': case 'Nonlocal':
        this.declare(scope, s);
        return;
      case 'Expr':
        this.visitExpr(scope, s.value);
        return;
      case 'Pass': case 'Break': case 'Continue':
        return;
    }
  }

  visitDefaults(scope: Scope, args: A.ArgumentsNode): void {
    for (const d of args.defaults) this.visitExpr(scope, d);
    for (const d of args.kw_defaults) if (d) this.visitExpr(scope, d);
  }

  visitAnnotations(scope: Scope, args: A.ArgumentsNode, returns: A.Expr | null): void {
    const all = [...args.posonlyargs, ...args.args, ...args.kwonlyargs];
    if (args.vararg) all.push(args.vararg);
    if (args.kwarg) all.push(args.kwarg);
    for (const a of all) if (a.annotation) this.visitExpr(scope, a.annotation);
    if (returns) this.visitExpr(scope, returns);
  }

  visitParams(fn: Scope, args: A.ArgumentsNode): void {
    const ordered = [...args.posonlyargs, ...args.args];
    if (args.vararg) ordered.push(args.vararg);
    ordered.push(...args.kwonlyargs);
    if (args.kwarg) ordered.push(args.kwarg);
    for (const a of ordered) {
      this.add(fn, a.arg, DEF_PARAM, a);
      fn.params.push(a.arg);
    }
  }

  visitTarget(scope: Scope, t: A.Expr): void {
    switch (t._type) {
      case 'Name':
        this.add(scope, t.id, DEF_LOCAL, t);
        return;
      case 'Tuple': case 'List':
        for (const e of t.elts) this.visitTarget(scope, e);
        return;
      case 'Starred':
        this.visitTarget(scope, t.value);
        return;
      default:
        this.visitExpr(scope, t);
    }
  }

  visitPattern(scope: Scope, p: A.Pattern): void {
    switch (p._type) {
      case 'MatchValue': this.visitExpr(scope, p.value); return;
      case 'MatchSingleton': return;
      case 'MatchSequence': for (const q of p.patterns) this.visitPattern(scope, q); return;
      case 'MatchMapping':
        for (const k of p.keys) this.visitExpr(scope, k);
        for (const q of p.patterns) this.visitPattern(scope, q);
        if (p.rest) this.add(scope, p.rest, DEF_LOCAL, p);
        return;
      case 'MatchClass':
        this.visitExpr(scope, p.cls);
        for (const q of p.patterns) this.visitPattern(scope, q);
        for (const q of p.kwd_patterns) this.visitPattern(scope, q);
        return;
      case 'MatchStar': if (p.name) this.add(scope, p.name, DEF_LOCAL, p); return;
      case 'MatchAs':
        if (p.pattern) this.visitPattern(scope, p.pattern);
        if (p.name) this.add(scope, p.name, DEF_LOCAL, p);
        return;
      case 'MatchOr': for (const q of p.patterns) this.visitPattern(scope, q); return;
    }
  }

  visitExpr(scope: Scope, e: A.Expr): void {
    switch (e._type) {
      case 'Name':
        this.add(scope, e.id, e.ctx === 'Load' ? USE : DEF_LOCAL, e);
        if (e.id === 'super' && e.ctx === 'Load') scope.needsClassCell = true;
        if (e.id === '__class__') scope.needsClassCell = true;
        return;
      case 'BoolOp': for (const v of e.values) this.visitExpr(scope, v); return;
      case 'NamedExpr': {
        this.visitExpr(scope, e.value);
        const target = e.target as A.NameNode;
        // in a comprehension, the target binds in the nearest enclosing function or module
        let s: Scope = scope;
        while (s.kind === 'comprehension') {
          if ((s.flags.get(target.id) ?? 0) & DEF_LOCAL && s.kinds.get(target.id) !== 'global') {
            this.error(M.walrusRebindsIterationVariable, [target.id], e);
          }
          s = s.parent!;
        }
        if (s !== scope && s.kind === 'class') {
          this.error(M.walrusInClassComprehension, [], e);
          return;
        }
        this.add(s, target.id, DEF_LOCAL, target);
        if (s !== scope) {
          // each comprehension level refers to it as a free name, or a global one when it binds
          // in the module or the function declares it global (as CPython's symtable does)
          const asGlobal = s.kind === 'module' || ((s.flags.get(target.id) ?? 0) & DEF_GLOBAL) !== 0;
          for (let c: Scope = scope; c !== s; c = c.parent!) {
            c.flags.set(target.id, (c.flags.get(target.id) ?? 0) | (asGlobal ? DEF_GLOBAL : DEF_NONLOCAL));
          }
        }
        return;
      }
      case 'BinOp': this.visitExpr(scope, e.left); this.visitExpr(scope, e.right); return;
      case 'UnaryOp': this.visitExpr(scope, e.operand); return;
      case 'Lambda': {
        this.visitDefaults(scope, e.args);
        const fn = new Scope('lambda', '<lambda>', scope, e, qualnameFor(scope, '<lambda>'));
        this.scopeOf.set(e, fn);
        this.visitParams(fn, e.args);
        this.visitExpr(fn, e.body);
        return;
      }
      case 'IfExp': this.visitExpr(scope, e.test); this.visitExpr(scope, e.body); this.visitExpr(scope, e.orelse); return;
      case 'Dict':
        for (const k of e.keys) if (k) this.visitExpr(scope, k);
        for (const v of e.values) this.visitExpr(scope, v);
        return;
      case 'Set': for (const v of e.elts) this.visitExpr(scope, v); return;
      case 'ListComp': case 'SetComp': case 'GeneratorExp':
        this.visitComprehension(scope, e, e.generators, [e.elt]);
        return;
      case 'DictComp':
        this.visitComprehension(scope, e, e.generators, [e.key, e.value]);
        return;
      case 'Await':
        // an await makes a comprehension asynchronous (checked against its function below)
        if (scope.kind === 'comprehension') scope.isCoroutine = true;
        else if (!scope.isCoroutine) this.error(M.awaitOutsideAsync, [], e);
        this.visitExpr(scope, e.value);
        return;
      case 'Yield': case 'YieldFrom':
        if (!scope.isFunctionLike() || scope.kind === 'comprehension') {
          this.error(scope.kind === 'comprehension' ? M.yieldInComprehension : M.yieldOutsideFunction, [], e);
        } else {
          scope.isGenerator = true;
          if (e._type === 'YieldFrom' && scope.isCoroutine) this.error(M.yieldFromInAsync, [], e);
        }
        if (e.value) this.visitExpr(scope, e.value);
        return;
      case 'Compare':
        this.visitExpr(scope, e.left);
        for (const c of e.comparators) this.visitExpr(scope, c);
        return;
      case 'Call':
        this.visitExpr(scope, e.func);
        for (const a of e.args) this.visitExpr(scope, a);
        for (const k of e.keywords) this.visitExpr(scope, k.value);
        return;
      case 'FormattedValue':
        this.visitExpr(scope, e.value);
        if (e.format_spec) this.visitExpr(scope, e.format_spec);
        return;
      case 'JoinedStr': for (const v of e.values) this.visitExpr(scope, v); return;
      case 'Constant': return;
      case 'Attribute': this.visitExpr(scope, e.value); return;
      case 'Subscript': this.visitExpr(scope, e.value); this.visitExpr(scope, e.slice); return;
      case 'Starred': this.visitExpr(scope, e.value); return;
      case 'List': case 'Tuple': for (const v of e.elts) this.visitExpr(scope, v); return;
      case 'Slice':
        if (e.lower) this.visitExpr(scope, e.lower);
        if (e.upper) this.visitExpr(scope, e.upper);
        if (e.step) this.visitExpr(scope, e.step);
        return;
    }
  }

  /** A comprehension is a function of its own; its first iterable is evaluated outside it. */
  visitComprehension(scope: Scope, node: A.Expr, gens: readonly A.ComprehensionNode[], elts: readonly A.Expr[]): void {
    const kind = node._type === 'ListComp' ? '<listcomp>' : node._type === 'SetComp' ? '<setcomp>'
      : node._type === 'DictComp' ? '<dictcomp>' : '<genexpr>';
    this.visitExpr(scope, gens[0].iter);
    const comp = new Scope('comprehension', kind, scope, node, qualnameFor(scope, kind));
    // asynchronous when it has `async for` or await (a comprehension inside a coroutine is not)
    comp.isCoroutine = gens.some((g) => g.is_async === 1);
    if (node._type === 'GeneratorExp') comp.isGenerator = true;
    this.scopeOf.set(node, comp);
    comp.params.push('.0');
    comp.flags.set('.0', DEF_PARAM);
    gens.forEach((g, i) => {
      if (i > 0) this.visitExpr(comp, g.iter);
      this.visitTarget(comp, g.target);
      for (const c of g.ifs) this.visitExpr(comp, c);
    });
    for (const e of elts) this.visitExpr(comp, e);
    // a list/set/dict comprehension runs inside its function, which must then be a coroutine;
    // an asynchronous generator expression is an async generator anywhere
    if (comp.isCoroutine && node._type !== 'GeneratorExp') {
      if (scope.kind === 'comprehension') scope.isCoroutine = true;
      else if (!scope.isCoroutine) this.error(M.asyncComprehensionOutside, [], node);
    }
  }
}

function qualnameFor(parent: Scope, name: string): string {
  if (parent.kind === 'module') return name;
  if (parent.kind === 'class') return `${parent.qualname}.${name}`;
  return `${parent.qualname}.<locals>.${name}`;
}

/**
 * Resolves every scope's names (CPython's analyze_block): `bound` is the set of names bound in
 * enclosing function scopes, which free variables may refer to.
 */
function resolve(scope: Scope, bound: ReadonlySet<string>, builder: ScopeBuilder): Set<string> {
  const local = new Set<string>();
  for (const [name, f] of scope.flags) {
    if (f & DEF_GLOBAL) scope.kinds.set(name, 'global');
    else if (f & DEF_NONLOCAL) {
      if (!bound.has(name)) {
        builder.error(M.noBindingForNonlocal, [name], scope.node as unknown as ScopeNode);
      }
      scope.kinds.set(name, 'free');
    } else if (f & (DEF_LOCAL | DEF_PARAM | DEF_IMPORT)) {
      if (scope.kind === 'module') scope.kinds.set(name, 'global');
      else if (scope.kind === 'class') scope.kinds.set(name, 'classbody');
      else {
        scope.kinds.set(name, 'local');
        local.add(name);
      }
    }
  }
  // names visible to nested scopes
  const childBound = new Set(bound);
  if (scope.isFunctionLike()) for (const n of local) childBound.add(n);
  if (scope.kind === 'class') {
    // a class body does not bind names for its methods, except the implicit __class__ cell
    childBound.add('__class__');
  }
  const freeInChildren = new Set<string>();
  for (const child of scope.children) {
    const free = resolve(child, childBound, builder);
    for (const n of free) freeInChildren.add(n);
    if (child.needsClassCell && scope.kind === 'class') scope.hasClassCell = true;
    if (child.needsClassCell && scope.kind !== 'class' && child.kind !== 'class') scope.needsClassCell = true;
  }
  // a name used but not bound here: free if an enclosing function binds it, else global
  for (const [name, f] of scope.flags) {
    if (scope.kinds.has(name)) continue;
    if (f & USE || f & DEF_ANNOT) {
      if (scope.kind !== 'module' && bound.has(name)) scope.kinds.set(name, 'free');
      else scope.kinds.set(name, 'global-implicit');
    }
  }
  for (const name of freeInChildren) {
    const k = scope.kinds.get(name);
    if (k === 'local') scope.kinds.set(name, 'cell');
    else if (k === undefined && scope.kind !== 'module' && scope.kind !== 'class' && bound.has(name)) {
      scope.kinds.set(name, 'free'); // passed through to the child
    } else if (k === undefined && scope.kind === 'class' && bound.has(name)) {
      scope.kinds.set(name, 'free');
    }
  }
  // only inside a class is there a __class__ cell to use (super(A, x) elsewhere needs none)
  if (scope.needsClassCell && scope.isFunctionLike() && bound.has('__class__')) scope.kinds.set('__class__', 'free');
  if (scope.hasClassCell) scope.kinds.set('__class__', 'cell');
  // what this scope needs from outside
  const free = new Set<string>();
  for (const [name, k] of scope.kinds) if (k === 'free') free.add(name);
  return free;
}

/**
 * Names the program may bind as globals of the module: assigned, imported or defined at module
 * level, or assigned in a function that declares them `global`. A global read of any other name
 * can only find a builtin (or raise NameError).
 */
export function boundGlobals(tree: ScopeTree): Set<string> {
  const out = new Set<string>();
  const binds = DEF_LOCAL | DEF_IMPORT | DEF_PARAM;
  const visit = (s: Scope): void => {
    for (const [name, f] of s.flags) {
      if (!(f & binds)) continue;
      if (s.kind === 'module' || s.kinds.get(name) === 'global') out.add(name);
    }
    s.children.forEach(visit);
  };
  visit(tree.module);
  return out;
}
