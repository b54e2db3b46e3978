// lower/lowerer.ts — the state of lowering one function (or module body) to pync IR.
//
// Takes: a scope (semantic/scopes.ts) and its AST. Hands on: an IRFunction. This file owns the
// machinery every construct uses: the current block, exception handlers, loop targets, the
// pending `finally` bodies that `return`/`break`/`continue` must run, emitting runtime calls with
// their failure checks, constants, and the environment that says how each name is reached.
// Statements, expressions, assignments and exception handling are in their own files.

import type * as A from '../frontend/ast.js';
import { Messages, makeDiagnostic, type Diagnostic } from '../frontend/diagnostics.js';
import type { Scope } from '../semantic/scopes.js';
import type { FunctionInstance } from '../types/program-types.js';
import type { Inference } from '../types/infer.js';
import type { ClassInfo, Shape, TypeVar } from '../types/types.js';
import {
  Block, IRFunction, IRModule, Imm, Value, type ConstValue, type Instr, type Operand, type Raises, type Ty,
} from '../ir/ir.js';

/** How the current code reaches a name. */
export type NameAccess =
  /** global: a global of the main module kept in a slot of its body (unbound: NameError/builtin) */
  | { kind: 'slot'; slot: number; name: string; checked: boolean; global?: boolean }
  | { kind: 'cell'; get: () => Operand; name: string; free: boolean }
  | { kind: 'global'; slot: number; name: string }
  | { kind: 'classbody'; ns: Operand; name: string; fallback: NameAccess };

/** The names of one scope as lowered code sees them. */
export class Env {
  readonly slots = new Map<string, number>();
  /** slots holding the cell objects of this scope's cell variables */
  readonly cells = new Map<string, number>();
  /** class bodies: the namespace dict */
  classNs: Operand | null = null;
  /** names the scope deletes somewhere (their reads are always checked) */
  deleted: Set<string> | null = null;
  /** unboxed slots: the slot of the flag saying whether the variable is bound */
  readonly boundFlags = new Map<number, number>();
  constructor(
    readonly scope: Scope,
    /** the enclosing environment, for names a comprehension or class body shares with it */
    readonly parent: Env | null,
    /** inline scopes (comprehensions, class bodies) reach free names through the parent env */
    readonly inline: boolean,
  ) {}
}

interface LoopTarget {
  continueTo: Block;
  breakTo: Block;
  /** finally bodies entered since the loop began */
  finallyDepth: number;
}

/** A `finally` (or `with` exit) that a jump out of its body must run first. */
export interface PendingFinally {
  /** emits the cleanup code in the current block */
  run: (L: Lowerer) => void;
  /** the handler in effect outside the try (cleanup code runs with it) */
  outerHandler: Block | null;
}

export class Lowerer {
  cur: Block;
  handler: Block | null = null;
  readonly loops: LoopTarget[] = [];
  readonly finallies: PendingFinally[] = [];
  /** where a `return` inside the function goes (with its value in retSlot) */
  line = 0;
  env: Env;

  constructor(
    readonly module: ModuleContext,
    readonly fn: IRFunction,
    scope: Scope,
    parentEnv: Env | null,
    /** the inference's instance this code is compiled from (null: everything is obj) */
    inst: FunctionInstance | null = null,
  ) {
    this.env = new Env(scope, parentEnv, false);
    this.cur = fn.block(null, 'entry');
    this.instance = inst;
  }

  private instance: FunctionInstance | null;

  /** the inference's instance the code being lowered is typed by */
  get inst(): FunctionInstance | null {
    return this.instance;
  }

  /** Lowers `body` typed by another instance (a generator expression inlined into this function). */
  withInstance<T>(inst: FunctionInstance | null, body: () => T): T {
    const saved = this.instance;
    this.instance = inst;
    try {
      return body();
    } finally {
      this.instance = saved;
    }
  }

  // ---- types ------------------------------------------------------------------------------------

  /** The inferred type of an expression in this instance ({k:'obj'} when unknown). */
  shapeOf(e: A.Expr): Shape {
    const t = this.inst?.exprs.get(e);
    return t ? t.shape : OBJ;
  }

  typeOf(e: A.Expr): TypeVar | null {
    return this.inst?.exprs.get(e) ?? null;
  }

  /** A value in representation `to`: boxing unboxed values, unboxing what the inference typed. */
  coerce(v: Operand, to: Ty): Operand {
    const from = v.ty;
    if (from === to) return v;
    if (to === 'obj') {
      if (from === 'f64') return this.call('pync.float.box', 'obj', [v], ['f64'], 'null');
      if (from === 'bool') return this.boolToObj(v);
      if (from === 'c128') return this.call('pync.complex.box', 'obj', [v], ['c128'], 'null');
    }
    if (from === 'obj' && to === 'c128') return this.call('pync.complex.unbox', 'c128', [v], ['obj'], 'none');
    if (from === 'f64' && to === 'c128') return this.call('pync.complex.make', 'c128', [v, this.f64(0)], ['f64', 'f64'], 'none');
    if (from === 'obj' && to === 'f64') {
      const r = this.value('f64');
      this.emit({ op: 'convert', kind: 'unbox-float', value: v, result: r });
      return r;
    }
    if (from === 'obj' && to === 'bool') {
      const r = this.value('bool');
      this.emit({ op: 'convert', kind: 'obj-is-true', value: v, result: r });
      return r;
    }
    throw new Error(`internal: cannot convert ${from} to ${to}`);
  }

  box(v: Operand): Operand {
    return this.coerce(v, 'obj');
  }

  arith(kind: string, args: Operand[], ty: Ty): Value {
    const result = this.value(ty);
    this.emit({ op: 'arith', kind, args, result });
    return result;
  }

  f64(x: number): Imm {
    return new Imm('f64', Object.is(x, -0) ? '-0' : String(x));
  }

  get ir(): IRModule {
    return this.module.ir;
  }

  // ---- blocks ---------------------------------------------------------------------------------

  newBlock(label = ''): Block {
    return this.fn.block(this.handler, label);
  }

  /** Continues emitting into `b`. */
  setBlock(b: Block): void {
    this.cur = b;
  }

  /** Whether the current block is still open (not ended by return/raise/jump). */
  isOpen(): boolean {
    return this.cur.term === null;
  }

  jump(target: Block): void {
    if (this.cur.term === null) this.cur.term = { op: 'jump', target };
  }

  branch(cond: Operand, then: Block, otherwise: Block): void {
    if (this.cur.term === null) this.cur.term = { op: 'branch', cond, then, else: otherwise };
  }

  /**
   * Runs `body` with `handler` catching the exceptions its operations raise: new blocks made
   * inside get that handler; the current block is replaced by a fresh one that has it.
   */
  withHandler<T>(handler: Block | null, body: () => T): T {
    const saved = this.handler;
    this.handler = handler;
    if (this.isOpen()) {
      const b = this.newBlock();
      this.jump(b);
      this.setBlock(b);
    }
    try {
      return body();
    } finally {
      this.handler = saved;
      if (this.isOpen()) {
        const b = this.newBlock();
        this.jump(b);
        this.setBlock(b);
      }
    }
  }

  /** A fresh block (with the current handler) after code that ended the current one. */
  deadBlock(): void {
    if (!this.isOpen()) this.setBlock(this.newBlock('dead'));
  }

  // ---- instructions -------------------------------------------------------------------------------

  emit(i: Instr): void {
    if (!this.isOpen()) this.deadBlock();
    this.cur.instrs.push(i);
  }

  value(ty: Ty): Value {
    return this.fn.value(ty);
  }

  /** A runtime call returning `ret` (or nothing), failing as `raises` says. */
  call(fn: string, ret: Ty, args: Operand[], argTys: Ty[], raises: Raises): Value {
    const result = ret === 'void' ? null : this.value(ret);
    this.emit({ op: 'rt', fn, args, argTys, result, raises, line: this.line });
    return result ?? (null as unknown as Value);
  }

  /** A runtime call taking and returning objects, failing with a 0 result. */
  callObj(fn: string, ...args: Operand[]): Value {
    return this.call(fn, 'obj', args, args.map((a) => a.ty), 'null');
  }

  /** A runtime call returning an i32 status (-1 on failure). */
  callStatus(fn: string, args: Operand[], argTys: Ty[]): Value {
    return this.call(fn, 'i32', args, argTys, 'neg');
  }

  callVoid(fn: string, args: Operand[], argTys: Ty[]): void {
    this.call(fn, 'void', args, argTys, 'none');
  }

  i32(n: number): Imm {
    return new Imm('i32', String(n));
  }

  i64(n: number): Imm {
    return new Imm('i64', String(n));
  }

  size(n: number): Imm {
    return new Imm('size', String(n));
  }

  /** An object constant that needs no module slot: None, True, False, small ints. */
  none(): Operand {
    return new Imm('obj', '@pync_None_object');
  }
  true_(): Operand {
    return new Imm('obj', '@pync_True_object');
  }
  false_(): Operand {
    return new Imm('obj', '@pync_False_object');
  }
  smallInt(n: number): Operand {
    return new Imm('obj', `small:${n}`);
  }
  null(): Operand {
    return new Imm('obj', 'null');
  }
  true1(): Imm {
    return new Imm('bool', 'true');
  }
  false1(): Imm {
    return new Imm('bool', 'false');
  }

  /** A module constant (str, big int, float, bytes, tuple of constants). */
  constant(c: ConstValue): Value {
    const index = this.ir.constant(c);
    const result = this.value('obj');
    this.emit({ op: 'const', index, result });
    return result;
  }

  str(s: string, intern = true): Value {
    return this.constant({ kind: 'str', value: s, intern });
  }

  /** A C string literal (for runtime functions taking const char *). */
  cstr(s: string): Imm {
    return new Imm('ptr', `cstr:${s}`);
  }

  /** The address of a function's code object (pync_code). */
  codeRef(fn: IRFunction): Imm {
    return new Imm('ptr', `code:${fn.symbol}`);
  }

  /** An argument vector on the stack. */
  argv(items: Operand[]): Operand {
    if (items.length === 0) return new Imm('ptr', 'null');
    const result = this.value('ptr');
    this.emit({ op: 'argv', items, result });
    return result;
  }

  /** The truth of an object as a bool (raises like bool(x)). */
  truth(v: Operand): Value {
    const t = this.call('pync_truth', 'i32', [v], ['obj'], 'neg');
    const b = this.value('bool');
    this.emit({ op: 'convert', kind: 'i32-to-bool', value: t, result: b });
    return b;
  }

  boolToObj(b: Operand): Value {
    const r = this.value('obj');
    this.emit({ op: 'convert', kind: 'bool-to-obj', value: b, result: r });
    return r;
  }

  is(a: Operand, b: Operand): Value {
    const result = this.value('bool');
    this.emit({ op: 'is', a, b, result });
    return result;
  }

  not(b: Operand): Value {
    const result = this.value('bool');
    this.emit({ op: 'convert', kind: 'not', value: b, result });
    return result;
  }

  // ---- locals -------------------------------------------------------------------------------------

  localGet(slot: number, unboundName: string | null): Value {
    const result = this.value(this.fn.slotTys[slot]);
    this.emit({ op: 'lget', slot, result });
    if (unboundName !== null) {
      // 0 means never assigned (or deleted)
      const missing = this.value('bool');
      this.emit({ op: 'convert', kind: 'is-null', value: result, result: missing });
      const raise = this.newBlock('unbound');
      const ok = this.newBlock();
      this.branch(missing, raise, ok);
      this.setBlock(raise);
      this.call('pync_raise_unbound_local', 'obj', [this.cstr(unboundName)], ['ptr'], 'null');
      this.cur.term = { op: 'unreachable' };
      this.setBlock(ok);
    }
    return result;
  }

  localSet(slot: number, value: Operand): void {
    this.emit({ op: 'lset', slot, value });
  }

  // ---- errors -------------------------------------------------------------------------------------

  /** Raises: the call sets the exception; control goes to the handler. */
  raiseVia(fn: string, args: Operand[], argTys: Ty[]): void {
    this.call(fn, 'obj', args, argTys, 'null');
    if (this.isOpen()) this.cur.term = { op: 'unreachable' };
  }

  unsupported(node: { lineno: number; col_offset: number }, what: string, hint: string): never {
    throw new UnsupportedError(
      makeDiagnostic(Messages.unsupported, [what, hint], this.module.file, node.lineno, node.col_offset),
    );
  }

  at<T>(node: { lineno: number }, f: () => T): T {
    const saved = this.line;
    this.line = node.lineno;
    try {
      return f();
    } finally {
      this.line = saved;
    }
  }
}

const OBJ: Shape = { k: 'obj' };

/** How values of a type are held: floats as doubles, bools as i1, everything else as a pv. */
export function reprOf(s: Shape | TypeVar | null | undefined): Ty {
  if (!s) return 'obj';
  const shape = 'k' in s ? s : s.shape;
  if (shape.k === 'float') return 'f64';
  if (shape.k === 'bool') return 'bool';
  if (shape.k === 'complex') return 'c128';
  return 'obj';
}

/** A construct pync cannot compile: reported as a compile-time error at its position. */
export class UnsupportedError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

/** What every function of a module shares while it is being lowered. */
export interface ModuleContext {
  readonly ir: IRModule;
  readonly file: string;
  readonly moduleName: string;
  readonly scopes: ReadonlyMap<A.AnyNode, Scope>;
  readonly diagnostics: Diagnostic[];
  /** a unique LLVM symbol for a function */
  symbol(qualname: string): string;
  /** the inference's results (null: compile everything dynamically) */
  readonly types: Inference | null;
  /** the IR function of an instance (created on first use: direct calls may come first) */
  irFunctionOf(inst: FunctionInstance): IRFunction;
  /** the class registry slot of a class (entry checks compare instance types with it) */
  classSlot(cls: ClassInfo): number;
  /** globals of the main module that only its body uses: held in slots of the body */
  readonly promotedGlobals: ReadonlySet<string>;
  /** names the module binds as globals somewhere (semantic/scopes.ts boundGlobals) */
  readonly boundGlobals: ReadonlySet<string>;
  /** generator functions whose calls make generators only the caller holds (fresh-generators.ts) */
  readonly freshGeneratorFunctions: ReadonlyMap<string, 'sync' | 'async'>;
  /** names bound anywhere in the module (a name bound nowhere is the builtin) */
  readonly boundAnywhere: ReadonlySet<string>;
  /** modules of the program that `import` may name (compiled ones and runtime built-ins) */
  readonly importable: (name: string) => boolean;
}
