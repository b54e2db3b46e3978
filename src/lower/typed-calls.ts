// lower/typed-calls.ts — calls and subscripts the inference typed:
//   - a known function of this module: a direct call of its typed body, arguments unboxed
//     (when the value is one of several functions, the code object picks the body);
//   - a method of an instance of a program class: the same, with the receiver as `self`;
//   - a program class: the instance allocated here and __init__ called directly;
//   - builtins with a typed meaning: len of a list, abs/min/max/float/int of numbers, math.*;
//   - list[i] and tuple[constant].
// Everything returns null when it does not apply; the caller then makes the generic call.

import type * as A from '../frontend/ast.js';
import type { Operand, IRFunction, Ty } from '../ir/ir.js';
import type { FunctionInstance } from '../types/program-types.js';
import type { ClassInfo, FunctionRef, Shape } from '../types/types.js';
import { Lowerer, reprOf } from './lowerer.js';
import { lowerExpr, lowerTyped } from './expr.js';
import { complexParts, toDouble } from './typed-ops.js';
import { rejectNone } from './typed-stmt.js';
import { constantIndex } from '../types/infer.js';

const MATH_1: Record<string, number> = {
  'math.sqrt': 0, 'math.sin': 1, 'math.cos': 2, 'math.tan': 3, 'math.exp': 4, 'math.log': 5, 'math.atan': 6, 'math.asin': 7,
  'math.acos': 8, 'math.fabs': 9, 'math.sinh': 10, 'math.cosh': 11, 'math.tanh': 12, 'math.log10': 13, 'math.log2': 14,
};

export function lowerTypedCall(L: Lowerer, e: A.CallNode): Operand | null {
  if (e.args.some((a) => a._type === 'Starred') || e.keywords.some((k) => k.arg === null)) return null;
  const callee = L.shapeOf(e.func);
  switch (callee.k) {
    case 'funcs':
      return callFunctions(L, e, callee.fns);
    case 'class':
      return construct(L, e, callee.cls);
    case 'method':
      return callMethod(L, e, callee);
    case 'builtin':
      return callBuiltin(L, e, callee.name);
    default:
      return null;
  }
}

// ---- functions of the program ----------------------------------------------------------------

interface Target {
  readonly ref: FunctionRef;
  readonly main: FunctionInstance;
  readonly fn: IRFunction;
}

/** The typed bodies a call may reach, or null when one is not in this module. */
function targets(L: Lowerer, fns: readonly FunctionRef[]): Target[] | null {
  const types = L.module.types;
  if (!types) return null;
  const out: Target[] = [];
  for (const ref of fns) {
    const e = types.instancesOf(ref.node, ref.outer as FunctionInstance);
    if (!e || e.main.module.name !== L.module.moduleName) return null;
    out.push({ ref, main: e.main, fn: L.module.irFunctionOf(e.main) });
  }
  return out;
}

/**
 * The arguments of a call bound to a def's parameters: expressions by parameter, defaults by
 * their index in the defaults tuple. Null when the call needs the generic binding (a keyword-only
 * default, *args, **kwargs, or an error the runtime must report).
 */
function bindStatically(node: FunctionRef['node'], args: readonly A.Expr[], keywords: readonly A.KeywordNode[], self: boolean):
  ({ expr: A.Expr } | { self: true } | { default: number })[] | null {
  if (node._type === 'Lambda' || node._type === 'FunctionDef' || node._type === 'AsyncFunctionDef') {
    const a = node.args;
    if (a.vararg || a.kwarg) return null;
    const positional = [...a.posonlyargs, ...a.args];
    const nparams = positional.length + a.kwonlyargs.length;
    const bound: ({ expr: A.Expr } | { self: true } | { default: number } | null)[] = Array.from({ length: nparams }, () => null);
    let i = 0;
    if (self) {
      if (positional.length === 0) return null;
      bound[0] = { self: true };
      i = 1;
    }
    for (const x of args) {
      if (i >= positional.length) return null;
      bound[i++] = { expr: x };
    }
    for (const k of keywords) {
      let idx = positional.findIndex((p, j) => p.arg === k.arg && j >= a.posonlyargs.length);
      if (idx < 0) {
        const j = a.kwonlyargs.findIndex((p) => p.arg === k.arg);
        if (j < 0) return null;
        idx = positional.length + j;
      }
      if (bound[idx]) return null;
      bound[idx] = { expr: k.value };
    }
    const ndef = a.defaults.length;
    for (let j = 0; j < positional.length; j++) {
      if (bound[j]) continue;
      const d = j - (positional.length - ndef);
      if (d < 0) return null;
      bound[j] = { default: d };
    }
    for (let j = 0; j < a.kwonlyargs.length; j++) if (!bound[positional.length + j]) return null;
    return bound as ({ expr: A.Expr } | { self: true } | { default: number })[];
  }
  return null;
}

/** Evaluates the bound arguments (in the call's order) and converts them for the callee. */
function argumentValues(L: Lowerer, e: A.CallNode, func: Operand | null, binding: ReturnType<typeof bindStatically>, self: Operand | null,
  fn: IRFunction): Operand[] | null {
  if (!binding) return null;
  // source order: positional arguments, then keywords
  const values = new Map<A.Expr, Operand>();
  for (const x of [...e.args, ...e.keywords.map((k) => k.value)]) values.set(x, lowerTyped(L, x));
  let defaults: Operand | null = null;
  return binding.map((b, i) => {
    const ty = fn.paramTys[i];
    if ('self' in b) return L.coerce(self!, ty);
    if ('expr' in b) return L.coerce(values.get(b.expr)!, ty);
    if (!defaults) defaults = L.call('pync.func.defaults', 'obj', [func!], ['obj'], 'none');
    const item = L.value('obj');
    L.emit({ op: 'tupleitem', tuple: defaults, index: b.default, result: item });
    return L.coerce(item, ty);
  });
}

function callFunctions(L: Lowerer, e: A.CallNode, fns: readonly FunctionRef[]): Operand | null {
  const ts = targets(L, fns);
  if (!ts) return null;
  const bindings = ts.map((t) => bindStatically(t.ref.node, e.args, e.keywords, false));
  if (bindings.some((b) => b === null)) return null;
  const want = reprOf(L.shapeOf(e));
  const func = lowerExpr(L, e.func);
  if (ts.length === 1) {
    const args = argumentValues(L, e, func, bindings[0], null, ts[0].fn)!;
    L.line = e.lineno;
    return L.coerce(direct(L, ts[0].fn, [func, ...args], e.lineno), want);
  }
  // several functions: the code object says which body
  const slot = L.fn.slot('.call', want);
  const done = L.newBlock('call.end');
  const code = L.call('pync.func.code', 'ptr', [func], ['obj'], 'none');
  // arguments are evaluated once, before dispatching
  const values = [...e.args, ...e.keywords.map((k) => k.value)].map((x) => lowerTyped(L, x));
  const valueOf = new Map<A.Expr, Operand>();
  [...e.args, ...e.keywords.map((k) => k.value)].forEach((x, i) => valueOf.set(x, values[i]));
  ts.forEach((t, i) => {
    const here = L.newBlock('call.candidate');
    const next = L.newBlock('call.next');
    const same = L.value('bool');
    L.emit({ op: 'arith', kind: 'icmp eq', args: [code, L.codeRef(t.fn)], result: same });
    L.branch(same, here, next);
    L.setBlock(here);
    let defaults: Operand | null = null;
    const args = bindings[i]!.map((b, k) => {
      const ty = t.fn.paramTys[k];
      if ('expr' in b) return L.coerce(valueOf.get(b.expr)!, ty);
      if ('self' in b) throw new Error('internal: self in a function call');
      if (!defaults) defaults = L.call('pync.func.defaults', 'obj', [func], ['obj'], 'none');
      const item = L.value('obj');
      L.emit({ op: 'tupleitem', tuple: defaults, index: b.default, result: item });
      return L.coerce(item, ty);
    });
    L.line = e.lineno;
    L.localSet(slot, L.coerce(direct(L, t.fn, [func, ...args], e.lineno), want));
    L.jump(done);
    L.setBlock(next);
  });
  // not one of them (cannot happen when the inference is right): the generic call
  L.line = e.lineno;
  const boxed = values.map((v) => L.box(v));
  const kwnames = e.keywords.length
    ? L.constant({ kind: 'tuple', items: e.keywords.map((k) => L.ir.constant({ kind: 'str', value: k.arg!, intern: true })) })
    : L.null();
  const r = L.call('pync_call', 'obj', [func, L.argv(boxed), L.size(e.args.length), kwnames], ['obj', 'ptr', 'size', 'obj'], 'null');
  L.localSet(slot, L.coerce(r, want));
  L.jump(done);
  L.setBlock(done);
  return L.localGet(slot, null);
}

function direct(L: Lowerer, fn: IRFunction, args: Operand[], line: number): Operand {
  const result = L.value(fn.retTy);
  L.emit({ op: 'direct', fn, args, result, line });
  return result;
}

// ---- methods and classes -----------------------------------------------------------------------

/** The single def a class attribute holds (a plain method), or null. */
function methodOf(L: Lowerer, cls: ClassInfo, name: string): FunctionRef | null {
  const t = L.module.types?.rules.classAttrLookup(cls, name);
  if (!t) return null;
  const s = t.shape;
  return s.k === 'funcs' && s.fns.length === 1 ? s.fns[0] : null;
}

/** A method body that needs nothing from its function object (no closure, no defaults used). */
function freeOfFunctionObject(ref: FunctionRef, binding: NonNullable<ReturnType<typeof bindStatically>>, L: Lowerer): boolean {
  const scope = L.module.scopes.get(ref.node);
  return !!scope && scope.freeNames().length === 0 && binding.every((b) => !('default' in b));
}

function callMethod(L: Lowerer, e: A.CallNode, callee: Extract<Shape, { k: 'method' }>): Operand | null {
  const self = callee.self.shape;
  const attr = e.func as A.AttributeNode;
  if (self.k === 'list' && attr.attr === 'append' && e.args.length === 1 && e.keywords.length === 0) {
    const list = lowerExpr(L, attr.value);
    const item = lowerExpr(L, e.args[0]);
    L.line = e.lineno;
    L.callStatus('pync_list_append', [list, item], ['obj', 'obj']);
    return L.none();
  }
  if (self.k !== 'inst') return null;
  const ref = methodOf(L, self.cls, attr.attr);
  if (!ref) return null;
  const ts = targets(L, [ref]);
  if (!ts) return null;
  const binding = bindStatically(ref.node, e.args, e.keywords, true);
  if (!binding || !freeOfFunctionObject(ref, binding, L)) return null;
  const receiver = lowerExpr(L, attr.value);
  if (self.nullable) noneCheck(L, receiver, attr.attr, e.lineno);
  const args = argumentValues(L, e, null, binding, receiver, ts[0].fn)!;
  L.line = e.lineno;
  return L.coerce(direct(L, ts[0].fn, [L.null(), ...args], e.lineno), reprOf(L.shapeOf(e)));
}

/** A method called on a value that may be None: AttributeError as getattr raises it. */
function noneCheck(L: Lowerer, v: Operand, attr: string, line: number): void {
  const isNone = L.is(v, L.none());
  const bad = L.newBlock('none.attr');
  const ok = L.newBlock();
  L.branch(isNone, bad, ok);
  L.setBlock(bad);
  L.line = line;
  L.raiseVia('pync_getattr', [v, L.str(attr)], ['obj', 'obj']);
  L.setBlock(ok);
}

function construct(L: Lowerer, e: A.CallNode, cls: ClassInfo): Operand | null {
  const types = L.module.types;
  if (!types || cls.bases === null || cls.dynamicAttrs) return null;
  if (L.shapeOf(e).k !== 'inst') return null;
  if (types.rules.classAttrLookup(cls, '__new__')) return null;
  const init = methodOf(L, cls, '__init__');
  if (!init) return null;
  const ts = targets(L, [init]);
  if (!ts) return null;
  const binding = bindStatically(init.node, e.args, e.keywords, true);
  if (!binding || !freeOfFunctionObject(init, binding, L)) return null;
  const clsValue = lowerExpr(L, e.func);
  L.line = e.lineno;
  const obj = L.callObj('pync_instance_new', clsValue);
  const args = argumentValues(L, e, null, binding, obj, ts[0].fn)!;
  L.line = e.lineno;
  const r = direct(L, ts[0].fn, [L.null(), ...args], e.lineno);
  if (ts[0].main.ret.kind !== 'none') L.callStatus('pync_check_init_result', [L.box(r)], ['obj']);
  return obj;
}

// ---- builtins ----------------------------------------------------------------------------------

function callBuiltin(L: Lowerer, e: A.CallNode, name: string): Operand | null {
  if (e.keywords.length) return null;
  const args = e.args;
  const shapes = args.map((a) => L.shapeOf(a));
  const want = reprOf(L.shapeOf(e));
  if (name === 'len' && args.length === 1 && (shapes[0].k === 'list' || shapes[0].k === 'tuple')) {
    lowerExpr(L, e.func);
    const v = lowerExpr(L, args[0]);
    L.line = e.lineno;
    if (nullable(shapes[0])) rejectNone(L, v, 'pync_len', shapes[0].k);
    return L.call('pync.seq.len', 'obj', [v], ['obj'], 'none');
  }
  if (name in MATH_1 && args.length === 1 && (shapes[0].k === 'float' || shapes[0].k === 'int')) {
    lowerExpr(L, e.func);
    const x = toDouble(L, args[0]);
    L.line = e.lineno;
    return L.call('pync_math_1', 'f64', [L.i32(MATH_1[name]), x], ['i32', 'f64'], 'exc');
  }
  if (name === 'complex' && (args.length === 1 || args.length === 2) && shapes.every((x) => x.k === 'float' || x.k === 'int')) {
    lowerExpr(L, e.func);
    const re = toDouble(L, args[0]);
    const im = args.length === 2 ? toDouble(L, args[1]) : L.f64(0);
    return L.call('pync.complex.make', 'c128', [re, im], ['f64', 'f64'], 'none');
  }
  if (name === 'abs' && args.length === 1 && shapes[0].k === 'complex') {
    lowerExpr(L, e.func);
    const [re, im] = complexParts(L, lowerTyped(L, args[0]));
    L.line = e.lineno;
    return L.call('pync_c_abs_d', 'f64', [re, im], ['f64', 'f64'], 'exc');
  }
  if (name === 'abs' && args.length === 1 && shapes[0].k === 'float') {
    lowerExpr(L, e.func);
    return L.call('pync.float.abs', 'f64', [lowerTyped(L, args[0])], ['f64'], 'none');
  }
  if (name === 'float' && args.length === 1 && (shapes[0].k === 'float' || shapes[0].k === 'int')) {
    lowerExpr(L, e.func);
    return toDouble(L, args[0]);
  }
  if (name === 'int' && args.length === 1 && shapes[0].k === 'float') {
    lowerExpr(L, e.func);
    const x = lowerTyped(L, args[0]);
    L.line = e.lineno;
    return L.call('pync_typed_float_to_int', 'obj', [x], ['f64'], 'null');
  }
  if ((name === 'min' || name === 'max') && args.length === 2 && shapes[0].k === shapes[1].k && (shapes[0].k === 'float' || shapes[0].k === 'int')) {
    lowerExpr(L, e.func);
    return minMax2(L, e, name === 'max', shapes[0].k === 'float' ? 'f64' : 'obj', want);
  }
  return null;
}

function nullable(s: Shape): boolean {
  return 'nullable' in s && s.nullable === true;
}

/** max(a, b): b if b > a else a (the first of equal values wins, as CPython's loop keeps it). */
function minMax2(L: Lowerer, e: A.CallNode, isMax: boolean, ty: Ty, want: Ty): Operand {
  const a = lowerTyped(L, e.args[0]);
  const b = lowerTyped(L, e.args[1]);
  L.line = e.lineno;
  let better: Operand;
  if (ty === 'f64') {
    better = L.arith(isMax ? 'fcmp ogt' : 'fcmp olt', [b, a], 'bool');
  } else {
    const r = L.call(isMax ? 'pync.int.cmp_gt' : 'pync.int.cmp_lt', 'i32', [b, a], ['obj', 'obj'], 'neg');
    const t = L.value('bool');
    L.emit({ op: 'convert', kind: 'i32-to-bool', value: r, result: t });
    better = t;
  }
  return L.coerce(L.arith('select', [better, b, a], ty), want);
}

// ---- subscripts --------------------------------------------------------------------------------

export function typedSubscript(L: Lowerer, e: A.SubscriptNode): Operand | null {
  const s = L.shapeOf(e.value);
  if (e.slice._type === 'Slice') return null;
  if (s.k === 'list' && (L.shapeOf(e.slice).k === 'int')) {
    const list = lowerExpr(L, e.value);
    const key = lowerTyped(L, e.slice);
    L.line = e.lineno;
    if (s.nullable) {
      // None[i]: the generic subscript raises "'NoneType' object is not subscriptable"
      const isNone = L.is(list, L.none());
      const bad = L.newBlock('none.subscript');
      const ok = L.newBlock();
      L.branch(isNone, bad, ok);
      L.setBlock(bad);
      L.raiseVia('pync_getitem', [list, L.box(key)], ['obj', 'obj']);
      L.setBlock(ok);
    }
    return L.call('pync.list.get', 'obj', [list, key], ['obj', 'obj'], 'null');
  }
  if (s.k === 'tuple' && !s.nullable) {
    const i = constantIndex(e.slice);
    if (i === null || i < -s.items.length || i >= s.items.length) return null;
    const t = lowerExpr(L, e.value);
    const result = L.value('obj');
    L.emit({ op: 'tupleitem', tuple: t, index: i < 0 ? i + s.items.length : i, result });
    return result;
  }
  return null;
}

// ---- attributes at fixed offsets ----------------------------------------------------------------

/**
 * The slot of `obj.attr` when obj is an instance of a class with fixed attribute offsets; `float`
 * when the slot always holds a float, so typed code moves doubles in and out of it unboxed
 * (pync.slot.getf/setf; the class marks it raw, see rawFloatSlots).
 */
export function slotOf(L: Lowerer, obj: A.Expr, attr: string): { index: number; nullable: boolean; float: boolean } | null {
  const s = L.shapeOf(obj);
  if (s.k !== 'inst' || !L.module.types) return null;
  const slots = L.module.types.slotsOf(s.cls);
  const index = slots ? slots.indexOf(attr) : -1;
  return index < 0 ? null : { index, nullable: s.nullable, float: isFloatSlot(s.cls, slots!, index) };
}

/** Slots (at most the first 32: the runtime's mask is 32 bits) whose attribute is always a float. */
function isFloatSlot(cls: ClassInfo, slots: readonly string[], index: number): boolean {
  return index < 32 && cls.attrs.get(slots[index]!)?.shape.k === 'float';
}

/** The mask of a class's float slots, for pync_class_set_raw_slots (bit k: slot k). */
export function rawFloatSlots(cls: ClassInfo, slots: readonly string[]): number {
  let mask = 0;
  for (let k = 0; k < slots.length; k++) if (isFloatSlot(cls, slots, k)) mask |= 1 << k;
  return mask;
}

/** obj.attr from its slot, in the attribute's typed representation. */
export function slotGet(L: Lowerer, obj: Operand, slot: { index: number; float: boolean }, name: Operand): Operand {
  if (slot.float) return L.call('pync.slot.getf', 'f64', [obj, L.i32(slot.index), name], ['obj', 'i32', 'obj'], 'exc');
  return L.call('pync.slot.get', 'obj', [obj, L.i32(slot.index), name], ['obj', 'i32', 'obj'], 'null');
}

/** obj.attr = value into its slot. */
export function slotSet(L: Lowerer, obj: Operand, slot: { index: number; float: boolean }, value: Operand): void {
  if (slot.float) L.call('pync.slot.setf', 'i32', [obj, L.i32(slot.index), L.coerce(value, 'f64')], ['obj', 'i32', 'f64'], 'neg');
  else L.call('pync.slot.set', 'obj', [obj, L.i32(slot.index), L.box(value)], ['obj', 'i32', 'obj'], 'none');
}

/** obj.attr read from its slot (0 there: the runtime raises AttributeError); z.real, z.imag. */
export function typedAttribute(L: Lowerer, e: A.AttributeNode): Operand | null {
  if (L.shapeOf(e.value).k === 'complex' && (e.attr === 'real' || e.attr === 'imag')) {
    const [re, im] = complexParts(L, lowerTyped(L, e.value));
    return e.attr === 'real' ? re : im;
  }
  const slot = slotOf(L, e.value, e.attr);
  if (!slot) return null;
  const obj = lowerExpr(L, e.value);
  L.line = e.lineno;
  if (slot.nullable) noneCheck(L, obj, e.attr, e.lineno);
  return slotGet(L, obj, slot, L.str(e.attr));
}

/** obj.attr = value into its slot; false when the attribute has none. */
export function typedAttributeStore(L: Lowerer, t: A.AttributeNode, value: Operand): boolean {
  const slot = slotOf(L, t.value, t.attr);
  if (!slot) return false;
  const obj = lowerExpr(L, t.value);
  L.line = t.lineno;
  if (slot.nullable) {
    const isNone = L.is(obj, L.none());
    const bad = L.newBlock('none.setattr');
    const ok = L.newBlock();
    L.branch(isNone, bad, ok);
    L.setBlock(bad);
    L.callStatus('pync_setattr', [obj, L.str(t.attr), L.box(value)], ['obj', 'obj', 'obj']);
    L.cur.term = { op: 'unreachable' };
    L.setBlock(ok);
  }
  slotSet(L, obj, slot, value);
  return true;
}
