// ir/ir.ts — pync IR: the program as typed operations in basic blocks, between the AST and LLVM.
//
// Lowering (src/lower) builds it from the AST; the code generator (src/codegen) prints LLVM IR
// from it; `pync emit ir` prints it with `printModule`. Its shape:
//  - values are typed: `obj` is a boxed Python value (a pv word); `bool`, `i64`, `f64`, `i32` are
//    unboxed machine values; `ptr` an address;
//  - Python locals live in numbered slots (LLVM turns them into SSA registers);
//  - every operation that can raise names the test that detects failure (`raises`), and every
//    block names where control goes when such an operation fails (`handler`): exception edges
//    are explicit, and a failure records a traceback entry with the operation's line.

/** `size` is C's size_t: 64 or 32 bits, by target */
/** `c128` is an unboxed complex number: a pair of doubles (real, imaginary). */
export type Ty = 'obj' | 'bool' | 'i64' | 'f64' | 'c128' | 'i32' | 'size' | 'ptr' | 'void';

export class Value {
  constructor(readonly id: number, readonly ty: Ty) {}
  toString(): string {
    return `%${this.id}`;
  }
}

/** An immediate operand: a literal of a type (LLVM syntax: 1, 0.5, null, @name). */
export class Imm {
  constructor(readonly ty: Ty, readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type Operand = Value | Imm;

/**
 * How a failing operation shows itself: a 0 result, a negative i32, a 0 result with an exception
 * set ('exc'), or always ('rethrow': re-raising an exception that already has its traceback
 * entry for this frame, so none is added).
 */
export type Raises = 'none' | 'null' | 'neg' | 'exc' | 'rethrow';

/** A call into the C runtime (pync.h). */
export interface RuntimeCall {
  op: 'rt';
  fn: string;
  args: Operand[];
  /** the C types of the arguments, for the call signature */
  argTys: Ty[];
  result: Value | null;
  raises: Raises;
  line: number;
}

/** A direct call of a compiled function body (the callee is known). */
export interface DirectCall {
  op: 'direct';
  fn: IRFunction;
  args: Operand[];
  result: Value;
  line: number;
}

export interface LoadConst {
  op: 'const';
  index: number;
  result: Value;
}

export interface GlobalGet {
  op: 'gget';
  slot: number;
  result: Value;
}
export interface GlobalSet {
  op: 'gset';
  slot: number;
  value: Operand;
}

export interface LocalGet {
  op: 'lget';
  slot: number;
  result: Value;
}
export interface LocalSet {
  op: 'lset';
  slot: number;
  value: Operand;
}

/** Pointer equality of two objects (`is`). */
export interface Identity {
  op: 'is';
  a: Operand;
  b: Operand;
  result: Value;
}

/**
 * Conversions between representations: i32 truth → bool, bool → True/False object, the double
 * inside an object known to be a float, True → bool, a machine integer → small int ...
 */
export interface Convert {
  op: 'convert';
  kind: 'i32-to-bool' | 'bool-to-obj' | 'not' | 'is-null' | 'small-int' | 'unbox-float' | 'obj-is-true';
  value: Operand;
  result: Value;
}

/**
 * An operation on unboxed values, spelled as the LLVM instruction it is: 'fadd', 'fsub', 'fmul',
 * 'fdiv', 'fneg', 'fcmp olt' (any predicate), 'and' / 'or' / 'xor' on bools, 'select'.
 */
export interface Arith {
  op: 'arith';
  kind: string;
  args: Operand[];
  result: Value;
}

/** Loads the closure cell `index` of the running function (a `obj`). */
export interface FreeCell {
  op: 'freecell';
  index: number;
  result: Value;
}

/** Loads the function object or an entry of an argument vector. */
export interface Param {
  op: 'param';
  index: number;
  result: Value;
}

/** A C array of operands on the stack (argument vectors for pync_call). */
export interface ArgVector {
  op: 'argv';
  items: Operand[];
  result: Value;
}

/** Item `index` of a tuple known to have more than `index` items (unpacking). */
export interface TupleItem {
  op: 'tupleitem';
  tuple: Operand;
  index: number;
  result: Value;
}

/**
 * A generator's suspend point: control returns to whoever resumed the generator, and continues
 * here on the next resume (what passes in and out goes through the generator object).
 */
export interface Suspend {
  op: 'suspend';
}

/** The generator object of the running generator function. */
export interface GeneratorObject {
  op: 'genobj';
  result: Value;
}

/** A builtin the module reads (it never binds the name): looked up once when the module starts. */
export interface BuiltinGet {
  op: 'bget';
  index: number;
  result: Value;
}

/** Records a class object the module created (entry checks compare instance types with it). */
export interface ClassRegister {
  op: 'classreg';
  index: number;
  value: Operand;
}

export type Instr =
  | BuiltinGet | ClassRegister | RuntimeCall | DirectCall | LoadConst | GlobalGet | GlobalSet | LocalGet | LocalSet | Identity
  | Convert | FreeCell | Param | ArgVector | TupleItem | Suspend | GeneratorObject | Arith;

export type Terminator =
  | { op: 'jump'; target: Block }
  | { op: 'branch'; cond: Operand; then: Block; else: Block }
  | { op: 'ret'; value: Operand }
  | { op: 'unreachable' };

export class Block {
  readonly instrs: Instr[] = [];
  term: Terminator | null = null;
  constructor(
    readonly id: number,
    /** where a failing operation in this block goes: a handler block, or out of the function */
    readonly handler: Block | null,
    readonly label = '',
  ) {}
}

/** A constant of a module, created once when the module starts. */
export type ConstValue =
  | { kind: 'str'; value: string; intern: boolean }
  | { kind: 'bytes'; value: Uint8Array }
  | { kind: 'int'; value: bigint }
  | { kind: 'float'; value: number }
  | { kind: 'complex'; imag: number }
  | { kind: 'tuple'; items: number[] }
  | { kind: 'code'; fn: IRFunction };

export interface CodeInfo {
  name: string;
  qualname: string;
  firstLine: number;
  argcount: number;
  posonlyargcount: number;
  kwonlyargcount: number;
  varargs: boolean;
  varkw: boolean;
  generator: boolean;
  coroutine: boolean;
  /** parameter names in bound-vector order */
  varnames: string[];
}

/** What the entry of a function object checks before it runs the typed body (see codegen). */
/**
 * 'none': any argument will do; 'never': the typed body cannot be entered dynamically (a type
 * no check can confirm, like a list's element type); a class: exactly an instance of it.
 */
export type ParamCheck = 'none' | 'never' | 'float' | 'bool' | { cls: number; nullable: boolean };

export interface EntryInfo {
  /** per parameter: what a dynamic caller's argument must be for the typed body */
  readonly checks: ParamCheck[];
  /** the body with obj parameters, run when a check fails (null: a TypeError) */
  readonly generic: IRFunction | null;
}

export class IRFunction {
  readonly blocks: Block[] = [];
  /** local slot names (for emit ir and debugging) */
  readonly slots: string[] = [];
  /** the representation each slot holds */
  readonly slotTys: Ty[] = [];
  /** the representation of each parameter and of the result ('obj' unless typed) */
  paramTys: Ty[] = [];
  retTy: Ty = 'obj';
  /** body functions reached through a function object: how its entry checks arguments */
  entry: EntryInfo | null = null;
  /** whether lowering has filled the blocks (direct calls may refer to it before) */
  lowered = false;
  /** a generic fallback, reached only through the main body's entry: no entry of its own */
  isGeneric = false;
  private nextValue = 0;
  private nextBlock = 0;
  constructor(
    /** the LLVM symbol, unique in the module */
    readonly symbol: string,
    readonly code: CodeInfo,
    /** the number of parameters of the body (the bound vector's length) */
    readonly nparams: number,
    /** 'body' functions take (func, params...) and return obj; 'init' is a module's init */
    readonly kind: 'body' | 'init',
  ) {
    this.paramTys = Array.from({ length: nparams }, () => 'obj' as Ty);
  }

  value(ty: Ty): Value {
    return new Value(this.nextValue++, ty);
  }

  block(handler: Block | null, label = ''): Block {
    const b = new Block(this.nextBlock++, handler, label);
    this.blocks.push(b);
    return b;
  }

  slot(name: string, ty: Ty = 'obj'): number {
    this.slots.push(name);
    this.slotTys.push(ty);
    return this.slots.length - 1;
  }
}

export class IRModule {
  readonly functions: IRFunction[] = [];
  readonly consts: ConstValue[] = [];
  readonly globals: string[] = [];
  /** classes whose objects entry checks need (qualname per registry slot) */
  readonly classRegistry: string[] = [];
  /** builtins the module reads, looked up once at its start */
  readonly builtins: string[] = [];
  private readonly builtinIndex = new Map<string, number>();

  builtin(name: string): number {
    let i = this.builtinIndex.get(name);
    if (i === undefined) {
      i = this.builtins.length;
      this.builtins.push(name);
      this.builtinIndex.set(name, i);
    }
    return i;
  }
  private readonly globalIndex = new Map<string, number>();
  private readonly constIndex = new Map<string, number>();
  init: IRFunction | null = null;

  constructor(readonly name: string, readonly file: string) {}

  global(name: string): number {
    let i = this.globalIndex.get(name);
    if (i === undefined) {
      i = this.globals.length;
      this.globals.push(name);
      this.globalIndex.set(name, i);
    }
    return i;
  }

  hasGlobal(name: string): boolean {
    return this.globalIndex.has(name);
  }

  /** The index of a constant, shared between equal constants. */
  constant(c: ConstValue): number {
    const key = constKey(c);
    if (key !== null) {
      const found = this.constIndex.get(key);
      if (found !== undefined) return found;
    }
    this.consts.push(c);
    const i = this.consts.length - 1;
    if (key !== null) this.constIndex.set(key, i);
    return i;
  }
}

function constKey(c: ConstValue): string | null {
  switch (c.kind) {
    case 'str': return `s${c.intern ? 'i' : ''}:${c.value}`;
    case 'bytes': return `b:${Buffer.from(c.value).toString('hex')}`;
    case 'int': return `i:${c.value}`;
    case 'float': return Object.is(c.value, -0) ? 'f:-0' : `f:${c.value}`;
    case 'complex': return Object.is(c.imag, -0) ? 'c:-0' : `c:${c.imag}`;
    case 'tuple': return `t:${c.items.join(',')}`;
    case 'code': return null;
  }
}

// ---- printing (pync emit ir) ----------------------------------------------------------------

export function printModule(m: IRModule): string {
  const out: string[] = [`module ${m.name}  (${m.file})`, ''];
  out.push('globals:');
  m.globals.forEach((g, i) => out.push(`  g${i} ${g}`));
  out.push('constants:');
  m.consts.forEach((c, i) => out.push(`  c${i} ${printConst(c)}`));
  for (const f of m.functions) out.push('', ...printFunction(f));
  return out.join('\n') + '\n';
}

function printConst(c: ConstValue): string {
  switch (c.kind) {
    case 'str': return `str ${JSON.stringify(c.value)}${c.intern ? ' interned' : ''}`;
    case 'bytes': return `bytes ${Buffer.from(c.value).toString('hex')}`;
    case 'int': return `int ${c.value}`;
    case 'float': return `float ${c.value}`;
    case 'complex': return `complex ${c.imag}j`;
    case 'tuple': return `tuple (${c.items.map((i) => `c${i}`).join(', ')})`;
    case 'code': return `code ${c.fn.code.qualname}`;
  }
}

function printFunction(f: IRFunction): string[] {
  const out = [`function ${f.symbol} ${f.code.qualname} (${f.paramTys.join(', ')}) -> ${f.retTy}  [${f.kind}]`];
  if (f.slots.length) out.push(`  slots: ${f.slots.map((s, i) => `${i}:${s}${f.slotTys[i] === 'obj' ? '' : `:${f.slotTys[i]}`}`).join(' ')}`);
  for (const b of f.blocks) {
    out.push(`  b${b.id}${b.label ? ` ${b.label}` : ''}:${b.handler ? `   ; on error -> b${b.handler.id}` : ''}`);
    for (const i of b.instrs) out.push(`    ${printInstr(i)}`);
    out.push(`    ${printTerm(b.term)}`);
  }
  return out;
}

function res(v: Value | null): string {
  return v ? `${v}: ${v.ty} = ` : '';
}

function printInstr(i: Instr): string {
  switch (i.op) {
    case 'rt': return `${res(i.result)}${i.fn}(${i.args.join(', ')})${i.raises !== 'none' ? ` raises:${i.raises} line ${i.line}` : ''}`;
    case 'direct': return `${res(i.result)}call ${i.fn.symbol}(${i.args.join(', ')}) line ${i.line}`;
    case 'const': return `${res(i.result)}const c${i.index}`;
    case 'gget': return `${res(i.result)}global g${i.slot}`;
    case 'gset': return `global g${i.slot} = ${i.value}`;
    case 'lget': return `${res(i.result)}local ${i.slot}`;
    case 'lset': return `local ${i.slot} = ${i.value}`;
    case 'is': return `${res(i.result)}${i.a} is ${i.b}`;
    case 'convert': return `${res(i.result)}${i.kind} ${i.value}`;
    case 'freecell': return `${res(i.result)}freecell ${i.index}`;
    case 'param': return `${res(i.result)}param ${i.index}`;
    case 'argv': return `${res(i.result)}argv [${i.items.join(', ')}]`;
    case 'tupleitem': return `${res(i.result)}${i.tuple}[${i.index}]`;
    case 'suspend': return 'suspend';
    case 'genobj': return `${res(i.result)}generator object`;
    case 'arith': return `${res(i.result)}${i.kind} ${i.args.join(', ')}`;
    case 'classreg': return `class k${i.index} = ${i.value}`;
    case 'bget': return `${res(i.result)}builtin ${i.index}`;
  }
}

function printTerm(t: Terminator | null): string {
  if (!t) return '<no terminator>';
  switch (t.op) {
    case 'jump': return `jump b${t.target.id}`;
    case 'branch': return `branch ${t.cond} ? b${t.then.id} : b${t.else.id}`;
    case 'ret': return `ret ${t.value}`;
    case 'unreachable': return 'unreachable';
  }
}
