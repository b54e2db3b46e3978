// lower/typed-stmt.ts — statements the inference lets pync compile without the runtime's
// generic protocol:
//   for i in range(a, b[, constant step])   an int counter, no range object or iterator
//   for x in list / enumerate(list) / zip(list, list)
//                                           an index loop that re-reads the length each step,
//                                           as list iterators do
//   x op= v, l[i] op= v, o.a op= v         on floats and ints
//   a, b = <tuple of known length> / <list>  items taken directly (a list's length is checked
//                                           with CPython's ValueError messages)
// Each returns false when it does not apply, and the caller lowers the statement generically.

import type * as A from '../frontend/ast.js';
import type { Block, Operand } from '../ir/ir.js';
import type { Shape } from '../types/types.js';
import { Lowerer, reprOf } from './lowerer.js';
import { lowerExpr, lowerTyped } from './expr.js';
import { assignTo } from './assign.js';
import { loadName, storeName } from './names.js';
import { floatOp, typedAugmented } from './typed-ops.js';
import { constantIndex } from '../types/infer.js';
import { slotGet, slotOf, slotSet } from './typed-calls.js';

export interface LoopBody {
  /** lowers the loop body; break/continue targets are set by the caller's loop() */
  (head: Block, done: Block): void;
}

/** for-loops over ranges and lists; false when the loop needs the iterator protocol. */
export function typedFor(L: Lowerer, s: A.ForNode, body: (continueTo: Block, breakTo: Block) => void): boolean {
  if (!L.inst || s.orelse.length) return false;
  const it = s.iter;
  if (it._type === 'Call' && it.keywords.length === 0 && !it.args.some((a) => a._type === 'Starred')) {
    const callee = L.shapeOf(it.func);
    if (callee.k === 'builtin' && callee.name === 'range' && L.shapeOf(it).k === 'range') return rangeLoop(L, s, it, body);
    if (callee.k === 'builtin' && callee.name === 'enumerate' && it.args.length === 1 && isList(L.shapeOf(it.args[0]))
      && s.target._type === 'Tuple' && s.target.elts.length === 2) {
      return listLoop(L, s, [it.args[0]], body, 'enumerate', it.func);
    }
    if (callee.k === 'builtin' && callee.name === 'zip' && it.args.length >= 1 && it.args.every((a) => isList(L.shapeOf(a)))
      && (s.target._type === 'Tuple' || s.target._type === 'List') && s.target.elts.length === it.args.length
      && !s.target.elts.some((t) => t._type === 'Starred')) {
      return listLoop(L, s, it.args, body, 'zip', it.func);
    }
  }
  if (isList(L.shapeOf(it))) return listLoop(L, s, [it], body, 'list', null);
  return false;
}

/** A list (or None, which the loop rejects first as iter(None) does). */
function isList(s: Shape): boolean {
  return s.k === 'list';
}

/** range(start, stop, step) of ints with a constant step: its bounds evaluated (callee first, as
 *  Python does) into slots, the counter and the stop; null (nothing evaluated) for another step. */
export interface RangeBounds {
  readonly start: number;
  readonly stop: number;
  readonly step: number;
}

export function rangeBounds(L: Lowerer, call: A.CallNode): RangeBounds | null {
  const args = call.args;
  let step = 1;
  if (args.length === 3) {
    const c = constantIndex(args[2]);
    if (c === null || c === 0) return null;
    step = c;
  }
  lowerExpr(L, call.func);
  const start = L.fn.slot('.range', 'obj');
  const stop = L.fn.slot('.range.stop', 'obj');
  L.localSet(start, args.length >= 2 ? lowerExpr(L, args[0]) : L.smallInt(0));
  L.localSet(stop, lowerExpr(L, args.length >= 2 ? args[1] : args[0]));
  if (args.length === 3) lowerExpr(L, args[2]);
  return { start, stop, step };
}

function rangeLoop(L: Lowerer, s: A.ForNode, call: A.CallNode, body: (c: Block, b: Block) => void): boolean {
  const bounds = rangeBounds(L, call);
  if (!bounds) return false;
  const { start: counter, stop: stopSlot, step: stepValue } = bounds;
  const head = L.newBlock('range.head');
  const bodyBlock = L.newBlock('range.body');
  const step = L.newBlock('range.step');
  const done = L.newBlock('range.end');
  L.jump(head);
  L.setBlock(head);
  L.line = s.lineno;
  const more = L.call(stepValue > 0 ? 'pync.int.cmp_lt' : 'pync.int.cmp_gt', 'i32', [L.localGet(counter, null), L.localGet(stopSlot, null)],
    ['obj', 'obj'], 'neg');
  const go = L.value('bool');
  L.emit({ op: 'convert', kind: 'i32-to-bool', value: more, result: go });
  L.branch(go, bodyBlock, done);
  L.setBlock(bodyBlock);
  assignTo(L, s.target, L.localGet(counter, null));
  body(step, done);
  L.jump(step);
  L.setBlock(step);
  L.line = s.lineno;
  L.localSet(counter, L.call('pync.int.add', 'obj', [L.localGet(counter, null), L.smallInt(stepValue)], ['obj', 'obj'], 'null'));
  L.jump(head);
  L.setBlock(done);
  return true;
}

/** for x in l / for i, x in enumerate(l) / for a, b in zip(l1, l2): an index over the lists. */
function listLoop(L: Lowerer, s: A.ForNode, lists: readonly A.Expr[], body: (c: Block, b: Block) => void,
  kind: 'list' | 'enumerate' | 'zip', func: A.Expr | null): boolean {
  if (func) lowerExpr(L, func);
  const listSlots = lists.map((e) => {
    const slot = L.fn.slot('.list', 'obj');
    const v = lowerExpr(L, e);
    const s = L.shapeOf(e);
    if (s.k === 'list' && s.nullable) rejectNone(L, v, 'pync_iter', s.k);
    L.localSet(slot, v);
    return slot;
  });
  const index = L.fn.slot('.index', 'size');
  L.localSet(index, L.size(0));
  const head = L.newBlock('list.head');
  const bodyBlock = L.newBlock('list.body');
  const step = L.newBlock('list.step');
  const done = L.newBlock('list.end');
  L.jump(head);
  L.setBlock(head);
  const items: Operand[] = [];
  for (const slot of listSlots) {
    const list = L.localGet(slot, null);
    const size = L.call('pync.seq.size', 'size', [list], ['obj'], 'none');
    const i = L.localGet(index, null);
    const more = L.arith('icmp ult', [i, size], 'bool');
    const next = L.newBlock('list.item');
    L.branch(more, next, done);
    L.setBlock(next);
    items.push(L.call('pync.list.item', 'obj', [list, i], ['obj', 'size'], 'none'));
  }
  L.jump(bodyBlock);
  L.setBlock(bodyBlock);
  if (kind === 'list') {
    assignTo(L, s.target, items[0]);
  } else {
    const targets = (s.target as A.TupleNode).elts;
    if (kind === 'enumerate') {
      const counter = L.call('pync.size.to_int', 'obj', [L.localGet(index, null)], ['size'], 'none');
      assignTo(L, targets[0], counter);
      assignTo(L, targets[1], items[0]);
    } else {
      targets.forEach((t, k) => assignTo(L, t, items[k]));
    }
  }
  body(step, done);
  L.jump(step);
  L.setBlock(step);
  L.localSet(index, L.arith('add', [L.localGet(index, null), L.size(1)], 'size'));
  L.jump(head);
  L.setBlock(done);
  return true;
}

// ---- augmented assignment ------------------------------------------------------------------------

export function typedAugAssign(L: Lowerer, s: A.AugAssignNode): boolean {
  if (!canTypeAugAssign(L, s)) return false;
  const t = s.target;
  const ts = L.shapeOf(t);
  if (ts.k !== 'float' && ts.k !== 'int') return false;
  if (t._type === 'Name') {
    const cur = loadName(L, t.id, reprOf(ts));
    L.line = s.lineno;
    const r = typedAugmented(L, s.op, cur, ts, s.value);
    if (!r) return false;
    storeName(L, t.id, r);
    return true;
  }
  if (t._type === 'Subscript' && isList(L.shapeOf(t.value)) && L.shapeOf(t.slice).k === 'int') {
    const list = lowerExpr(L, t.value);
    const key = lowerTyped(L, t.slice);
    L.line = s.lineno;
    const cur = L.coerce(L.call('pync.list.get', 'obj', [list, key], ['obj', 'obj'], 'null'), reprOf(ts));
    const r = typedAugmented(L, s.op, cur, ts, s.value);
    if (!r) throw new Error('internal: typed augmented assignment changed its mind');
    L.line = s.lineno;
    L.call('pync.list.set', 'i32', [list, key, L.box(r)], ['obj', 'obj', 'obj'], 'neg');
    return true;
  }
  if (t._type === 'Attribute') {
    const slot = slotOf(L, t.value, t.attr);
    const obj = lowerExpr(L, t.value);
    const name = L.str(t.attr);
    L.line = s.lineno;
    if (slot && !slot.nullable) {
      const cur = L.coerce(slotGet(L, obj, slot, name), reprOf(ts));
      const r = typedAugmented(L, s.op, cur, ts, s.value);
      if (!r) throw new Error('internal: typed augmented assignment changed its mind');
      slotSet(L, obj, slot, r);
      return true;
    }
    const cur = L.coerce(L.callObj('pync_getattr', obj, name), reprOf(ts));
    const r = typedAugmented(L, s.op, cur, ts, s.value);
    if (!r) throw new Error('internal: typed augmented assignment changed its mind');
    L.line = s.lineno;
    L.callStatus('pync_setattr', [obj, name, L.box(r)], ['obj', 'obj', 'obj']);
    return true;
  }
  return false;
}

/** Whether typedAugAssign will take the statement (checked before anything is emitted). */
export function canTypeAugAssign(L: Lowerer, s: A.AugAssignNode): boolean {
  if (!L.inst) return false;
  const ts = L.shapeOf(s.target);
  const vs = L.shapeOf(s.value);
  const num = (x: Shape): boolean => x.k === 'int' || x.k === 'float';
  if (ts.k === 'float' && num(vs)) return s.op !== 'MatMult' && floatOpExists(s.op);
  if (ts.k === 'int' && vs.k === 'int') return ['Add', 'Sub', 'Mult', 'FloorDiv', 'Mod', 'BitAnd', 'BitOr', 'BitXor', 'LShift', 'RShift'].includes(s.op);
  return false;
}

function floatOpExists(op: A.Operator): boolean {
  return ['Add', 'Sub', 'Mult', 'Div', 'FloorDiv', 'Mod', 'Pow'].includes(op);
}

void floatOp;

// ---- unpacking ------------------------------------------------------------------------------------

/**
 * a, b, c = value for a tuple of that length or a list: the items without a temporary tuple.
 * False when the value needs the generic unpacking (another type, a starred target).
 */
export function typedUnpack(L: Lowerer, node: A.Expr, elts: readonly A.Expr[], value: Operand, shape: Shape): boolean {
  if (elts.some((e) => e._type === 'Starred')) return false;
  if (shape.k === 'tuple' && !shape.nullable && shape.items.length === elts.length) {
    elts.forEach((e, i) => {
      const result = L.value('obj');
      L.emit({ op: 'tupleitem', tuple: value, index: i, result });
      assignTo(L, e, result);
    });
    return true;
  }
  if (shape.k === 'list' && !shape.nullable) {
    L.line = node.lineno;
    L.callStatus('pync_unpack_list_check', [value, L.size(elts.length)], ['obj', 'size']);
    const items = elts.map((_, i) => L.call('pync.list.item', 'obj', [value, L.size(i)], ['obj', 'size'], 'none'));
    elts.forEach((e, i) => assignTo(L, e, items[i]));
    return true;
  }
  return false;
}

/** A value typed as "list or None": None goes through the generic operation, which raises. */
export function rejectNone(L: Lowerer, v: Operand, generic: 'pync_iter' | 'pync_len', _kind: string): void {
  const isNone = L.is(v, L.none());
  const bad = L.newBlock('none');
  const ok = L.newBlock();
  L.branch(isNone, bad, ok);
  L.setBlock(bad);
  if (generic === 'pync_len') L.call('pync_len', 'i64', [v], ['obj'], 'neg');
  else L.callObj('pync_iter', v);
  L.cur.term = { op: 'unreachable' };
  L.setBlock(ok);
}
