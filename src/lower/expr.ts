// lower/expr.ts — expressions to pync IR.
//
// Every expression yields an `obj` value; conditions (if/while tests, `and`/`or` operands in a
// test) are lowered by lowerCondition to a `bool` without building True/False objects.
// Operators go through the runtime's generic protocol (pync_binary, pync_compare, ...), which
// takes the small-int fast paths itself; typed fast paths come from inference.

import type * as A from '../frontend/ast.js';
import { PyBytes, PyComplex, PyEllipsis, PyFloat, PyWideStr } from '../frontend/ast.js';
import { Imm, type Operand, type Value } from '../ir/ir.js';
import { Lowerer } from './lowerer.js';
import { loadName, storeName } from './names.js';
import { lowerCall } from './calls.js';
import { reprOf } from './lowerer.js';
import { floatConstant, typedBinop, typedCompare, typedTruth, typedUnary } from './typed-ops.js';
import { lowerTypedCall, typedAttribute, typedSubscript } from './typed-calls.js';
import { checkAttributeName, checkBuiltinName } from './builtin-names.js';
import { lowerFunctionObject } from './functions.js';
import { lowerComprehension } from './comprehensions.js';
import { lowerGeneratorExpression, lowerYield, lowerYieldFrom, lowerAwait } from './generators.js';
import { lowerFusedSum } from './fused-genexpr.js';

export const BINOP_INDEX: Record<A.Operator, number> = {
  Add: 0, Sub: 1, Mult: 2, MatMult: 3, Div: 4, FloorDiv: 5, Mod: 6, Pow: 7, LShift: 8, RShift: 9,
  BitAnd: 10, BitXor: 11, BitOr: 12,
};
const CMP_INDEX: Partial<Record<A.CmpOperator, number>> = { Lt: 0, LtE: 1, Eq: 2, NotEq: 3, Gt: 4, GtE: 5 };
const UNOP_INDEX: Partial<Record<A.UnaryOperator, number>> = { USub: 0, UAdd: 1, Invert: 2 };

/** Ints that are small on every target (31-bit small ints on 32-bit targets). */
const SMALL_LIMIT = 1 << 30;

/** An expression's value as an object (a pv). */
export function lowerExpr(L: Lowerer, e: A.Expr): Operand {
  return L.box(lowerTyped(L, e));
}

/**
 * An expression's value in the representation of its inferred type: a double for a float, an i1
 * for a bool, a pv for everything else. Typed operations come from typed-ops.ts and
 * typed-calls.ts; the rest goes through the runtime's generic protocol.
 */
export function lowerTyped(L: Lowerer, e: A.Expr): Operand {
  return L.at(e, () => {
    const want = reprOf(L.shapeOf(e));
    const v = (e._type === 'Call' ? lowerFusedSum(L, e) : null) ?? lowerTypedFast(L, e) ?? lowerExprAt(L, e);
    return L.coerce(v, want);
  });
}

function lowerTypedFast(L: Lowerer, e: A.Expr): Operand | null {
  if (!L.inst) return null;
  switch (e._type) {
    case 'Constant':
      if (L.shapeOf(e).k === 'bool') return e.value === true ? L.true1() : L.false1();
      if (e.value instanceof PyComplex) return L.call('pync.complex.make', 'c128', [L.f64(0), L.f64(e.value.imag)], ['f64', 'f64'], 'none');
      return floatConstant(L, e.value);
    case 'Name': {
      checkBuiltinName(L, e);
      return loadName(L, e.id, reprOf(L.shapeOf(e)));
    }
    case 'BinOp':
      return typedBinop(L, e);
    case 'UnaryOp':
      if (e.op === 'Not') return L.not(lowerCondition(L, e.operand));
      return typedUnary(L, e);
    case 'Compare':
      return typedCompare(L, e);
    case 'Call':
      return lowerTypedCall(L, e);
    case 'Subscript':
      return typedSubscript(L, e);
    case 'Attribute':
      checkAttributeName(L, e);
      return typedAttribute(L, e);
    case 'IfExp': {
      const ty = reprOf(L.shapeOf(e));
      if (ty === 'obj') return null;
      const tmp = L.fn.slot('.ifexp', ty);
      const then = L.newBlock('ifexp.then');
      const other = L.newBlock('ifexp.else');
      const done = L.newBlock('ifexp.end');
      L.branch(lowerCondition(L, e.test), then, other);
      L.setBlock(then);
      L.localSet(tmp, L.coerce(lowerTyped(L, e.body), ty));
      L.jump(done);
      L.setBlock(other);
      L.localSet(tmp, L.coerce(lowerTyped(L, e.orelse), ty));
      L.jump(done);
      L.setBlock(done);
      return L.localGet(tmp, null);
    }
    default:
      return null;
  }
}

/** An expression as a Value (materialising immediates is not needed: operands are fine). */
function lowerExprAt(L: Lowerer, e: A.Expr): Operand {
  switch (e._type) {
    case 'Constant':
      return lowerConstant(L, e.value);
    case 'Name':
      checkBuiltinName(L, e);
      return loadName(L, e.id);
    case 'BinOp': {
      const a = lowerExpr(L, e.left);
      const b = lowerExpr(L, e.right);
      L.line = e.lineno;
      return L.call('pync_binary', 'obj', [a, b, L.i32(BINOP_INDEX[e.op])], ['obj', 'obj', 'i32'], 'null');
    }
    case 'UnaryOp': {
      if (e.op === 'Not') return L.boolToObj(L.not(lowerCondition(L, e.operand)));
      const v = lowerExpr(L, e.operand);
      return L.call('pync_unary', 'obj', [v, L.i32(UNOP_INDEX[e.op]!)], ['obj', 'i32'], 'null');
    }
    case 'BoolOp':
      return lowerBoolOp(L, e);
    case 'Compare':
      return lowerCompare(L, e);
    case 'IfExp': {
      const tmp = L.fn.slot('.ifexp');
      const then = L.newBlock('ifexp.then');
      const other = L.newBlock('ifexp.else');
      const done = L.newBlock('ifexp.end');
      L.branch(lowerCondition(L, e.test), then, other);
      L.setBlock(then);
      L.localSet(tmp, lowerExpr(L, e.body));
      L.jump(done);
      L.setBlock(other);
      L.localSet(tmp, lowerExpr(L, e.orelse));
      L.jump(done);
      L.setBlock(done);
      return L.localGet(tmp, null);
    }
    case 'NamedExpr': {
      const v = lowerExpr(L, e.value);
      storeName(L, (e.target as A.NameNode).id, v);
      return v;
    }
    case 'Lambda':
      return lowerFunctionObject(L, e, e.args, [{ _type: 'Return', value: e.body, lineno: e.lineno, col_offset: e.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset }], '<lambda>');
    case 'List': case 'Tuple':
      return lowerSequence(L, e.elts, e._type === 'List' ? 'list' : 'tuple');
    case 'Set': {
      const s = L.callObj('pync_set_new');
      for (const elt of e.elts) {
        if (elt._type === 'Starred') L.callStatus('pync_set_update', [s, lowerExpr(L, elt.value)], ['obj', 'obj']);
        else L.callStatus('pync_set_add', [s, lowerExpr(L, elt)], ['obj', 'obj']);
      }
      return s;
    }
    case 'Dict': {
      const d = L.callObj('pync_dict_new');
      e.keys.forEach((k, i) => {
        if (k === null) {
          L.callStatus('pync_dict_update_mapping', [d, lowerExpr(L, e.values[i])], ['obj', 'obj']);
        } else {
          const key = lowerExpr(L, k);
          const value = lowerExpr(L, e.values[i]);
          L.callStatus('pync_dict_setitem', [d, key, value], ['obj', 'obj', 'obj']);
        }
      });
      return d;
    }
    case 'ListComp': case 'SetComp': case 'DictComp':
      return lowerComprehension(L, e);
    case 'GeneratorExp':
      return lowerGeneratorExpression(L, e);
    case 'Await':
      return lowerAwait(L, e);
    case 'Yield':
      return lowerYield(L, e);
    case 'YieldFrom':
      return lowerYieldFrom(L, e);
    case 'Call':
      return lowerCall(L, e);
    case 'FormattedValue':
      return lowerFormattedValue(L, e);
    case 'JoinedStr': {
      const parts = e.values.map((v) => (v._type === 'Constant' ? lowerConstant(L, v.value) : lowerFormattedValue(L, v as A.FormattedValueNode)));
      if (parts.length === 0) return L.str('', false);
      if (parts.length === 1 && e.values[0]._type === 'FormattedValue') return parts[0];
      return L.call('pync_str_join_n', 'obj', [L.argv(parts), L.size(parts.length)], ['ptr', 'size'], 'null');
    }
    case 'Attribute': {
      checkAttributeName(L, e);
      const obj = lowerExpr(L, e.value);
      L.line = e.lineno;
      return L.callObj('pync_getattr', obj, L.str(e.attr));
    }
    case 'Subscript': {
      const obj = lowerExpr(L, e.value);
      const key = lowerExpr(L, e.slice);
      L.line = e.lineno;
      return L.callObj('pync_getitem', obj, key);
    }
    case 'Slice':
      return L.callObj('pync_slice_new', e.lower ? lowerExpr(L, e.lower) : L.null(), e.upper ? lowerExpr(L, e.upper) : L.null(),
        e.step ? lowerExpr(L, e.step) : L.null());
    case 'Starred':
      return L.unsupported(e, 'a starred expression here', 'use it in a call, a list, tuple or set display, or an assignment target');
  }
}

export function lowerConstant(L: Lowerer, v: A.ConstantValue): Operand {
  if (v === null) return L.none();
  if (v === true) return L.true_();
  if (v === false) return L.false_();
  if (v === PyEllipsis) return new Imm('obj', '@pync_Ellipsis_object');
  if (typeof v === 'number') {
    if (v > -SMALL_LIMIT && v < SMALL_LIMIT) return L.smallInt(v);
    return L.constant({ kind: 'int', value: BigInt(v) });
  }
  if (typeof v === 'bigint') return L.constant({ kind: 'int', value: v });
  if (typeof v === 'string') return L.str(v, isIdentifierLike(v));
  if (v instanceof PyFloat) return L.constant({ kind: 'float', value: v.value });
  if (v instanceof PyComplex) return L.constant({ kind: 'complex', imag: v.imag });
  if (v instanceof PyBytes) return L.constant({ kind: 'bytes', value: v.bytes });
  if (v instanceof PyWideStr) return L.constant({ kind: 'str', value: String.fromCodePoint(...v.codePoints), intern: false });
  throw new Error('unknown constant');
}

/** CPython interns string constants that look like identifiers. */
function isIdentifierLike(s: string): boolean {
  return s.length <= 40 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(s);
}

/** [a, *b, c] / (a, *b, c): built directly when there is no starred item. */
export function lowerSequence(L: Lowerer, elts: readonly A.Expr[], kind: 'list' | 'tuple'): Operand {
  if (!elts.some((e) => e._type === 'Starred')) {
    const items = elts.map((e) => lowerExpr(L, e));
    if (kind === 'tuple' && items.length === 0) return L.call('pync_tuple_new', 'obj', [L.size(0)], ['size'], 'null');
    return L.call(kind === 'list' ? 'pync_list_from_array' : 'pync_tuple_from_array', 'obj', [L.argv(items), L.size(items.length)],
      ['ptr', 'size'], 'null');
  }
  const list = L.call('pync_list_new', 'obj', [L.size(0)], ['size'], 'null');
  for (const e of elts) {
    if (e._type === 'Starred') L.callStatus('pync_list_extend', [list, lowerExpr(L, e.value)], ['obj', 'obj']);
    else L.callStatus('pync_list_append', [list, lowerExpr(L, e)], ['obj', 'obj']);
  }
  return kind === 'list' ? list : L.callObj('pync_list_as_tuple', list);
}

function lowerFormattedValue(L: Lowerer, e: A.FormattedValueNode): Operand {
  const v = lowerExpr(L, e.value);
  const spec = e.format_spec ? lowerExpr(L, e.format_spec) : L.null();
  return L.call('pync_format_fstring_value', 'obj', [v, L.i32(e.conversion), spec], ['obj', 'i32', 'obj'], 'null');
}

/** a and b / a or b: the value of the operand that decided. */
function lowerBoolOp(L: Lowerer, e: A.BoolOpNode): Operand {
  const tmp = L.fn.slot('.boolop');
  const done = L.newBlock('boolop.end');
  e.values.forEach((v, i) => {
    const value = lowerExpr(L, v);
    L.localSet(tmp, value);
    if (i === e.values.length - 1) {
      L.jump(done);
      return;
    }
    const t = L.truth(value);
    const next = L.newBlock('boolop.next');
    if (e.op === 'And') L.branch(t, next, done);
    else L.branch(t, done, next);
    L.setBlock(next);
  });
  L.setBlock(done);
  return L.localGet(tmp, null);
}

/** a < b < c: each comparison's value; the chain stops at the first false one. */
function lowerCompare(L: Lowerer, e: A.CompareNode): Operand {
  if (e.ops.length === 1) return compareOnce(L, lowerExpr(L, e.left), e.ops[0], lowerExpr(L, e.comparators[0]), e);
  const tmp = L.fn.slot('.cmp');
  const done = L.newBlock('cmp.end');
  let left = lowerExpr(L, e.left);
  e.ops.forEach((op, i) => {
    const right = lowerExpr(L, e.comparators[i]);
    const r = compareOnce(L, left, op, right, e);
    L.localSet(tmp, r);
    if (i === e.ops.length - 1) {
      L.jump(done);
      return;
    }
    const next = L.newBlock('cmp.next');
    L.branch(L.truth(r), next, done);
    L.setBlock(next);
    left = right;
  });
  L.setBlock(done);
  return L.localGet(tmp, null);
}

function compareOnce(L: Lowerer, a: Operand, op: A.CmpOperator, b: Operand, node: A.Expr): Operand {
  L.line = node.lineno;
  switch (op) {
    case 'Is': return L.boolToObj(L.is(a, b));
    case 'IsNot': return L.boolToObj(L.not(L.is(a, b)));
    case 'In': case 'NotIn': {
      const r = L.call('pync_contains', 'i32', [b, a], ['obj', 'obj'], 'neg');
      const yes = L.value('bool');
      L.emit({ op: 'convert', kind: 'i32-to-bool', value: r, result: yes });
      return L.boolToObj(op === 'In' ? yes : L.not(yes));
    }
    default:
      return L.call('pync_compare', 'obj', [a, b, L.i32(CMP_INDEX[op]!)], ['obj', 'obj', 'i32'], 'null');
  }
}

/** An expression used as a condition, as a bool (no True/False object is built). */
export function lowerCondition(L: Lowerer, e: A.Expr): Operand {
  return L.at(e, () => {
    if (L.inst && e._type !== 'BoolOp' && !(e._type === 'UnaryOp' && e.op === 'Not')) {
      const t = typedTruth(L, e);
      if (t) return t;
    }
    switch (e._type) {
      case 'UnaryOp':
        if (e.op === 'Not') return L.not(lowerCondition(L, e.operand));
        break;
      case 'Compare':
        if (e.ops.length === 1) {
          const a = lowerExpr(L, e.left);
          const b = lowerExpr(L, e.comparators[0]);
          const op = e.ops[0];
          L.line = e.lineno;
          if (op === 'Is') return L.is(a, b);
          if (op === 'IsNot') return L.not(L.is(a, b));
          const r = op === 'In' || op === 'NotIn'
            ? L.call('pync_contains', 'i32', [b, a], ['obj', 'obj'], 'neg')
            : L.call('pync_compare_bool', 'i32', [a, b, L.i32(CMP_INDEX[op]!)], ['obj', 'obj', 'i32'], 'neg');
          const t = L.value('bool');
          L.emit({ op: 'convert', kind: 'i32-to-bool', value: r, result: t });
          return op === 'NotIn' ? L.not(t) : t;
        }
        break;
      case 'BoolOp': {
        const tmp = L.fn.slot('.cond');
        const done = L.newBlock('cond.end');
        e.values.forEach((v, i) => {
          const c = lowerCondition(L, v);
          const asObj = L.boolToObj(c);
          L.localSet(tmp, asObj);
          if (i === e.values.length - 1) {
            L.jump(done);
            return;
          }
          const next = L.newBlock('cond.next');
          if (e.op === 'And') L.branch(c, next, done);
          else L.branch(c, done, next);
          L.setBlock(next);
        });
        L.setBlock(done);
        const r = L.localGet(tmp, null);
        return L.is(r, L.true_());
      }
      case 'Constant':
        if (e.value === true) return L.is(L.true_(), L.true_());
        break;
    }
    return L.truth(lowerExpr(L, e));
  });
}

/** Stores a value where a target expression names (Name, Attribute, Subscript, unpacking). */
export { storeName };
