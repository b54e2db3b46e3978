// lower/typed-ops.ts — operators on values whose types the inference proved: floats as doubles
// (LLVM's fadd/fmul/fcmp; division, modulo and ** through runtime functions that raise CPython's
// errors), ints as tagged words through the inline fast paths of codegen/inline-ops.ts (which
// fall back to the runtime for big ints), bools as i1. Anything else returns null: the caller
// lowers it through the runtime's generic protocol.

import type * as A from '../frontend/ast.js';
import { PyFloat } from '../frontend/ast.js';
import type { Operand, Value } from '../ir/ir.js';
import type { Shape } from '../types/types.js';
import { Lowerer } from './lowerer.js';
import { lowerTyped } from './expr.js';

const FLOAT_ARITH: Partial<Record<A.Operator, string>> = { Add: 'fadd', Sub: 'fsub', Mult: 'fmul' };
const FLOAT_RT: Partial<Record<A.Operator, string>> = { Div: 'pync.float.div', FloorDiv: 'pync_f_floordiv', Mod: 'pync_f_mod', Pow: 'pync_f_pow' };
const INT_OPS: Partial<Record<A.Operator, string>> = {
  Add: 'add', Sub: 'sub', Mult: 'mul', FloorDiv: 'floordiv', Mod: 'mod', BitAnd: 'and', BitOr: 'or', BitXor: 'xor',
  LShift: 'lshift', RShift: 'rshift',
};
const FCMP: Partial<Record<A.CmpOperator, string>> = { Lt: 'olt', LtE: 'ole', Gt: 'ogt', GtE: 'oge', Eq: 'oeq', NotEq: 'une' };
const ICMP: Partial<Record<A.CmpOperator, string>> = { Lt: 'lt', LtE: 'le', Gt: 'gt', GtE: 'ge', Eq: 'eq', NotEq: 'ne' };

const isInt = (s: Shape): boolean => s.k === 'int';
const isNum = (s: Shape): boolean => s.k === 'int' || s.k === 'float';

/** A float operand as a double: a float as it is, an int converted (exactly when small). */
export function toDouble(L: Lowerer, e: A.Expr): Operand {
  const s = L.shapeOf(e);
  // an int literal that a double holds exactly
  if (e._type === 'Constant' && typeof e.value === 'number' && Math.abs(e.value) < 2 ** 53) return L.f64(e.value);
  const v = lowerTyped(L, e);
  if (s.k === 'float') return v;
  return L.call('pync.int.tofloat', 'f64', [v], ['obj'], 'exc');
}

/** A complex operand as a pair of doubles (floats and ints get a 0.0 imaginary part). */
export function toComplex(L: Lowerer, e: A.Expr): Operand {
  if (L.shapeOf(e).k === 'complex') return lowerTyped(L, e);
  return L.call('pync.complex.make', 'c128', [toDouble(L, e), L.f64(0)], ['f64', 'f64'], 'none');
}

/** The two doubles of a complex value. */
export function complexParts(L: Lowerer, c: Operand): [Operand, Operand] {
  return [L.call('pync.complex.re', 'f64', [c], ['c128'], 'none'), L.call('pync.complex.im', 'f64', [c], ['c128'], 'none')];
}

function complexOp(L: Lowerer, op: A.Operator, a: Operand, b: Operand): Operand | null {
  if (op === 'Add' || op === 'Sub' || op === 'Mult') {
    const name = op === 'Add' ? 'add' : op === 'Sub' ? 'sub' : 'mul';
    return L.call(`pync.complex.${name}`, 'c128', [a, b], ['c128', 'c128'], 'none');
  }
  if (op === 'Div' || op === 'Pow') {
    const [ar, ai] = complexParts(L, a);
    const [br, bi] = complexParts(L, b);
    const re = L.call(op === 'Div' ? 'pync_c_quot_d' : 'pync_c_pow_d', 'f64', [ar, ai, br, bi], ['f64', 'f64', 'f64', 'f64'], 'exc');
    return L.call('pync.complex.out', 'c128', [re], ['f64'], 'none');
  }
  return null;
}

/** `left op right` on typed operands, or null. */
export function typedBinop(L: Lowerer, e: A.BinOpNode): Operand | null {
  const ls = L.shapeOf(e.left);
  const rs = L.shapeOf(e.right);
  const res = L.shapeOf(e);
  const numOrComplex = (s: Shape): boolean => isNum(s) || s.k === 'complex';
  if (res.k === 'complex' && numOrComplex(ls) && numOrComplex(rs) && ['Add', 'Sub', 'Mult', 'Div', 'Pow'].includes(e.op)) {
    const a = toComplex(L, e.left);
    const b = toComplex(L, e.right);
    L.line = e.lineno;
    return complexOp(L, e.op, a, b);
  }
  if (res.k === 'float' && isNum(ls) && isNum(rs)) {
    if (isInt(ls) && isInt(rs)) {
      if (e.op !== 'Div') return null;
      const a = lowerTyped(L, e.left);
      const b = lowerTyped(L, e.right);
      L.line = e.lineno;
      return L.call('pync_int_truediv', 'f64', [a, b], ['obj', 'obj'], 'exc');
    }
    const a = toDouble(L, e.left);
    const b = toDouble(L, e.right);
    L.line = e.lineno;
    return floatOp(L, e.op, a, b);
  }
  if (res.k === 'int' && isInt(ls) && isInt(rs)) {
    const op = INT_OPS[e.op];
    if (!op) return null;
    const a = lowerTyped(L, e.left);
    const b = lowerTyped(L, e.right);
    L.line = e.lineno;
    return L.call(`pync.int.${op}`, 'obj', [a, b], ['obj', 'obj'], 'null');
  }
  if (res.k === 'bool' && ls.k === 'bool' && rs.k === 'bool') {
    const kind = e.op === 'BitAnd' ? 'and' : e.op === 'BitOr' ? 'or' : e.op === 'BitXor' ? 'xor' : null;
    if (!kind) return null;
    const a = lowerTyped(L, e.left);
    const b = lowerTyped(L, e.right);
    return L.arith(kind, [a, b], 'bool');
  }
  return null;
}

/** A float operation on two doubles. */
export function floatOp(L: Lowerer, op: A.Operator, a: Operand, b: Operand): Operand | null {
  const inline = FLOAT_ARITH[op];
  if (inline) return L.arith(inline, [a, b], 'f64');
  const rt = FLOAT_RT[op];
  if (rt) return L.call(rt, 'f64', [a, b], ['f64', 'f64'], 'exc');
  return null;
}

/** `x op= v` for a local or global of float or int type: the new value, or null. */
export function typedAugmented(L: Lowerer, op: A.Operator, cur: Operand, curShape: Shape, value: A.Expr): Operand | null {
  const vs = L.shapeOf(value);
  if (curShape.k === 'float' && isNum(vs)) {
    const b = toDouble(L, value);
    return floatOp(L, op, cur, b);
  }
  if (curShape.k === 'int' && isInt(vs)) {
    const name = INT_OPS[op];
    if (!name) return null;
    const b = lowerTyped(L, value);
    return L.call(`pync.int.${name}`, 'obj', [cur, b], ['obj', 'obj'], 'null');
  }
  return null;
}

export function typedUnary(L: Lowerer, e: A.UnaryOpNode): Operand | null {
  const s = L.shapeOf(e.operand);
  if (e.op === 'USub' && s.k === 'float') return L.arith('fneg', [lowerTyped(L, e.operand)], 'f64');
  if (e.op === 'UAdd' && s.k === 'float') return lowerTyped(L, e.operand);
  if (e.op === 'USub' && s.k === 'int') return L.call('pync.int.neg', 'obj', [lowerTyped(L, e.operand)], ['obj'], 'null');
  return null;
}

/** One comparison of typed operands as a bool, or null. */
function compareOnce(L: Lowerer, op: A.CmpOperator, left: A.Expr, a: Operand | null, right: A.Expr, lineno: number): { result: Value; right: Operand } | null {
  const ls = L.shapeOf(left);
  const rs = L.shapeOf(right);
  const fl = FCMP[op];
  if (fl && isNum(ls) && isNum(rs) && (ls.k === 'float' || rs.k === 'float')) {
    // an int compared with a float must be exact: only literals that doubles hold exactly
    const exactInt = (e: A.Expr, s: Shape): boolean => s.k === 'float' || (e._type === 'Constant' && typeof e.value === 'number' && Math.abs(e.value) < 2 ** 53);
    if (!exactInt(left, ls) || !exactInt(right, rs)) return null;
    const x = a ?? toDouble(L, left);
    const y = toDouble(L, right);
    return { result: L.arith(`fcmp ${fl}`, [x, y], 'bool'), right: y };
  }
  const il = ICMP[op];
  if (il && isInt(ls) && isInt(rs)) {
    const x = a ?? lowerTyped(L, left);
    const y = lowerTyped(L, right);
    L.line = lineno;
    const r = L.call(`pync.int.cmp_${il}`, 'i32', [x, y], ['obj', 'obj'], 'neg');
    const b = L.value('bool');
    L.emit({ op: 'convert', kind: 'i32-to-bool', value: r, result: b });
    return { result: b, right: y };
  }
  if ((op === 'Eq' || op === 'NotEq') && ls.k === 'bool' && rs.k === 'bool') {
    const x = a ?? lowerTyped(L, left);
    const y = lowerTyped(L, right);
    return { result: L.arith(op === 'Eq' ? 'icmp eq' : 'icmp ne', [x, y], 'bool'), right: y };
  }
  return null;
}

/** A comparison chain of typed operands as a bool (a < b < c stops at the first false), or null. */
export function typedCompare(L: Lowerer, e: A.CompareNode): Operand | null {
  const operands = [e.left, ...e.comparators];
  // every link must be typed: check before emitting anything
  for (let i = 0; i < e.ops.length; i++) {
    if (!canCompare(L, e.ops[i], operands[i], operands[i + 1])) return null;
  }
  if (e.ops.length === 1) return compareOnce(L, e.ops[0], e.left, null, e.comparators[0], e.lineno)!.result;
  const slot = L.fn.slot('.cmp', 'bool');
  const done = L.newBlock('cmp.end');
  let left: Operand | null = null;
  for (let i = 0; i < e.ops.length; i++) {
    const r: { result: Value; right: Operand } = compareOnce(L, e.ops[i], operands[i], left, operands[i + 1], e.lineno)!;
    L.localSet(slot, r.result);
    if (i === e.ops.length - 1) {
      L.jump(done);
      break;
    }
    const next = L.newBlock('cmp.next');
    L.branch(r.result, next, done);
    L.setBlock(next);
    left = r.right;
  }
  L.setBlock(done);
  return L.localGet(slot, null);
}

function canCompare(L: Lowerer, op: A.CmpOperator, left: A.Expr, right: A.Expr): boolean {
  const ls = L.shapeOf(left);
  const rs = L.shapeOf(right);
  if (FCMP[op] && isNum(ls) && isNum(rs) && (ls.k === 'float' || rs.k === 'float')) {
    const exact = (e: A.Expr, s: Shape): boolean => s.k === 'float' || (e._type === 'Constant' && typeof e.value === 'number' && Math.abs(e.value) < 2 ** 53);
    return exact(left, ls) && exact(right, rs);
  }
  if (ICMP[op] && isInt(ls) && isInt(rs)) return true;
  return (op === 'Eq' || op === 'NotEq') && ls.k === 'bool' && rs.k === 'bool';
}

/** The truth of a typed value as a bool, or null when it needs the generic bool(). */
export function typedTruth(L: Lowerer, e: A.Expr): Operand | null {
  const s = L.shapeOf(e);
  if (s.k === 'bool') return lowerTyped(L, e);
  if (s.k === 'float') return L.arith('fcmp une', [lowerTyped(L, e), L.f64(0)], 'bool');
  if (s.k === 'int') {
    const r = L.call('pync.int.truth', 'i32', [lowerTyped(L, e)], ['obj'], 'neg');
    const b = L.value('bool');
    L.emit({ op: 'convert', kind: 'i32-to-bool', value: r, result: b });
    return b;
  }
  if (s.k === 'none') {
    lowerTyped(L, e);
    return L.false1();
  }
  return null;
}

/** A float literal as a double immediate. */
export function floatConstant(L: Lowerer, v: A.ConstantValue): Operand | null {
  if (v instanceof PyFloat) return L.f64(v.value);
  return null;
}
