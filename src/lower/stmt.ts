// lower/stmt.ts — statements to pync IR: assignments, control flow, loops, return/break/continue
// through pending `finally` bodies, imports, assert, del. try/except/finally and with are in
// exceptions.ts, classes in classes.ts, match in match.ts.

import type * as A from '../frontend/ast.js';
import type { Block, Operand } from '../ir/ir.js';
import { Lowerer } from './lowerer.js';
import { BINOP_INDEX, lowerCondition, lowerExpr, lowerTyped } from './expr.js';
import { typedAugAssign, typedFor } from './typed-stmt.js';
import type { Shape } from '../types/types.js';
import { deleteName, loadName, storeName } from './names.js';
import { assignTo } from './assign.js';
import { lowerFunctionDef } from './functions.js';
import { lowerClassDef } from './classes.js';
import { lowerRaise, lowerTry, lowerWith, rethrow } from './exceptions.js';
import { iteratesFreshGenerator } from './fresh-generators.js';
import { lowerMatch } from './match.js';
import { lowerImport, lowerImportFrom } from './imports.js';
import { lowerReturn, runCleanupsDownTo } from './returns.js';
import { nextItemAsync } from './generators.js';

export function lowerBody(L: Lowerer, body: readonly A.Stmt[]): void {
  for (const s of body) {
    if (!L.isOpen()) L.deadBlock();
    L.at(s, () => lowerStmt(L, s));
  }
}

function lowerStmt(L: Lowerer, s: A.Stmt): void {
  switch (s._type) {
    case 'Expr':
      lowerExpr(L, s.value);
      return;
    case 'Assign': {
      if (lowerParallelAssign(L, s)) return;
      const v = lowerTyped(L, s.value);
      for (const t of s.targets) assignTo(L, t, v, L.shapeOf(s.value));
      return;
    }
    case 'AugAssign':
      if (typedAugAssign(L, s)) return;
      lowerAugAssign(L, s);
      return;
    case 'AnnAssign':
      if (s.value) assignTo(L, s.target, lowerExpr(L, s.value));
      else if (s.target._type !== 'Name') lowerExpr(L, s.target._type === 'Attribute' ? s.target.value : s.target);
      return;
    case 'Delete':
      for (const t of s.targets) lowerDelete(L, t);
      return;
    case 'Pass':
      return;
    case 'If':
      lowerIf(L, s);
      return;
    case 'While':
      lowerWhile(L, s);
      return;
    case 'For':
      lowerFor(L, s);
      return;
    case 'AsyncFor':
      lowerIteratorLoop(L, s, 'async');
      return;
    case 'Break':
    case 'Continue':
      lowerLoopJump(L, s);
      return;
    case 'Return':
      lowerReturn(L, s.value ? lowerTyped(L, s.value) : L.none());
      return;
    case 'FunctionDef': case 'AsyncFunctionDef':
      lowerFunctionDef(L, s);
      return;
    case 'ClassDef':
      lowerClassDef(L, s);
      return;
    case 'Raise':
      lowerRaise(L, s);
      return;
    case 'Try':
      lowerTry(L, s);
      return;
    case 'TryStar':
      L.unsupported(s, "'except*'", 'exception groups are not supported yet; use except');
    case 'With':
      lowerWith(L, s);
      return;
    case 'AsyncWith':
      lowerWith(L, s);
      return;
    case 'Assert':
      lowerAssert(L, s);
      return;
    case 'Import':
      lowerImport(L, s);
      return;
    case 'ImportFrom':
      lowerImportFrom(L, s);
      return;
    case 'Global': case 'Nonlocal':
      return;
    case 'Match':
      lowerMatch(L, s);
      return;
  }
}

function lowerAugAssign(L: Lowerer, s: A.AugAssignNode): void {
  const op = L.i32(BINOP_INDEX[s.op]);
  const t = s.target;
  if (t._type === 'Name') {
    const cur = loadName(L, t.id);
    const v = lowerExpr(L, s.value);
    L.line = s.lineno;
    storeName(L, t.id, L.call('pync_inplace', 'obj', [cur, v, op], ['obj', 'obj', 'i32'], 'null'));
  } else if (t._type === 'Attribute') {
    const obj = lowerExpr(L, t.value);
    const name = L.str(t.attr);
    const cur = L.callObj('pync_getattr', obj, name);
    const v = lowerExpr(L, s.value);
    L.line = s.lineno;
    const r = L.call('pync_inplace', 'obj', [cur, v, op], ['obj', 'obj', 'i32'], 'null');
    L.callStatus('pync_setattr', [obj, name, r], ['obj', 'obj', 'obj']);
  } else if (t._type === 'Subscript') {
    const obj = lowerExpr(L, t.value);
    const key = lowerExpr(L, t.slice);
    const cur = L.callObj('pync_getitem', obj, key);
    const v = lowerExpr(L, s.value);
    L.line = s.lineno;
    const r = L.call('pync_inplace', 'obj', [cur, v, op], ['obj', 'obj', 'i32'], 'null');
    L.callStatus('pync_setitem', [obj, key, r], ['obj', 'obj', 'obj']);
  }
}

function lowerDelete(L: Lowerer, t: A.Expr): void {
  L.line = t.lineno;
  switch (t._type) {
    case 'Name':
      deleteName(L, t.id);
      return;
    case 'Attribute':
      L.callStatus('pync_setattr', [lowerExpr(L, t.value), L.str(t.attr), L.null()], ['obj', 'obj', 'obj']);
      return;
    case 'Subscript': {
      const obj = lowerExpr(L, t.value);
      const key = lowerExpr(L, t.slice);
      L.line = t.lineno;
      L.callStatus('pync_setitem', [obj, key, L.null()], ['obj', 'obj', 'obj']);
      return;
    }
    case 'Tuple': case 'List':
      for (const e of t.elts) lowerDelete(L, e);
      return;
    default:
      L.unsupported(t, 'this del target', 'delete names, attributes or subscripts');
  }
}

function lowerIf(L: Lowerer, s: A.IfNode): void {
  const then = L.newBlock('if.then');
  const done = L.newBlock('if.end');
  const other = s.orelse.length ? L.newBlock('if.else') : done;
  L.branch(lowerCondition(L, s.test), then, other);
  L.setBlock(then);
  lowerBody(L, s.body);
  L.jump(done);
  if (s.orelse.length) {
    L.setBlock(other);
    lowerBody(L, s.orelse);
    L.jump(done);
  }
  L.setBlock(done);
}

function lowerWhile(L: Lowerer, s: A.WhileNode): void {
  const head = L.newBlock('while.head');
  const body = L.newBlock('while.body');
  const done = L.newBlock('while.end');
  const orelse = s.orelse.length ? L.newBlock('while.else') : done;
  L.jump(head);
  L.setBlock(head);
  L.branch(lowerCondition(L, s.test), body, orelse);
  L.setBlock(body);
  loop(L, head, done, () => lowerBody(L, s.body));
  L.jump(head);
  if (s.orelse.length) {
    L.setBlock(orelse);
    lowerBody(L, s.orelse);
    L.jump(done);
  }
  L.setBlock(done);
}

function lowerFor(L: Lowerer, s: A.ForNode): void {
  if (typedFor(L, s, (continueTo, breakTo) => loop(L, continueTo, breakTo, () => lowerBody(L, s.body)))) return;
  lowerIteratorLoop(L, s, 'sync');
}

/** What differs between a for loop and an async for loop over an iterator. */
const ITERATOR_LOOPS = {
  sync: { iter: 'pync_iter', slot: '.iter', label: 'for', next: nextItem, release: 'pync_generator_release' },
  async: { iter: 'pync_aiter', slot: '.aiter', label: 'afor', next: nextItemAsync, release: 'pync_async_generator_release' },
} as const;

/** `for` over iter(x), or `async for` over aiter(x) with each item awaited from __anext__(). */
function lowerIteratorLoop(L: Lowerer, s: A.ForNode | A.AsyncForNode, kind: 'sync' | 'async'): void {
  const k = ITERATOR_LOOPS[kind];
  const iterable = lowerExpr(L, s.iter);
  L.line = s.iter.lineno;
  const it = L.callObj(k.iter, iterable);
  const itSlot = L.fn.slot(k.slot);
  L.localSet(itSlot, it);
  const head = L.newBlock(`${k.label}.head`);
  const body = L.newBlock(`${k.label}.body`);
  const done = L.newBlock(`${k.label}.end`);
  const orelse = s.orelse.length ? L.newBlock(`${k.label}.else`) : done;
  const loopParts = (breakTo: Block): void => {
    L.jump(head);
    L.setBlock(head);
    L.line = s.lineno;
    const item = k.next(L, L.localGet(itSlot, null), body, orelse);
    assignTo(L, s.target, item, kind === 'sync' ? iterElementShape(L, s.iter) : undefined);
    loop(L, head, breakTo, () => lowerBody(L, s.body));
    L.jump(head);
    if (s.orelse.length) {
      L.setBlock(orelse);
      lowerBody(L, s.orelse);
      L.jump(done);
    }
  };
  if (iteratesFreshGenerator(s.iter, L.module.freshGeneratorFunctions, kind)) {
    closingFreshGenerator(L, k.release, itSlot, done, loopParts);
  } else {
    loopParts(done);
  }
  L.setBlock(done);
}

/**
 * A loop over a generator only it holds: leaving the loop early (break, return, an exception)
 * closes the generator there, as CPython's reference counting does (fresh-generators.ts).
 */
function closingFreshGenerator(L: Lowerer, releaseFn: string, itSlot: number, done: Block, loopParts: (breakTo: Block) => void): void {
  const outer = L.handler;
  const release = (L2: Lowerer): void => L2.callVoid(releaseFn, [L2.localGet(itSlot, null)], ['obj']);
  const excPath = L.fn.block(outer, 'for.release.exc');
  const breakTo = L.fn.block(outer, 'for.release.break');
  // return runs it as a pending cleanup; break and continue stay inside (loop depth above it)
  L.finallies.push({ run: release, outerHandler: outer });
  L.withHandler(excPath, () => loopParts(breakTo));
  L.finallies.pop();
  L.setBlock(breakTo);
  release(L);
  L.jump(done);
  L.setBlock(excPath);
  release(L);
  rethrow(L);
}

/**
 * The next item of an iterator: continues in `more` with the item, or in `exhausted` when the
 * iterator is done; an error inside next() goes to the handler.
 */
export function nextItem(L: Lowerer, it: Operand, more: Block, exhausted: Block): Operand {
  const item = L.call('pync_next', 'obj', [it], ['obj'], 'none');
  const end = L.value('bool');
  L.emit({ op: 'convert', kind: 'is-null', value: item, result: end });
  const check = L.newBlock('next.end');
  const got = L.newBlock('next.item');
  L.branch(end, check, got);
  L.setBlock(check);
  L.call('pync_check_exc', 'i32', [], [], 'neg');
  L.jump(exhausted);
  L.setBlock(got);
  L.jump(more);
  L.setBlock(more);
  return item;
}

/** Runs `body` as a loop body: break and continue inside it go to these blocks. */
export function loop(L: Lowerer, continueTo: Block, breakTo: Block, body: () => void): void {
  L.loops.push({ continueTo, breakTo, finallyDepth: L.finallies.length });
  try {
    body();
  } finally {
    L.loops.pop();
  }
}

function lowerLoopJump(L: Lowerer, s: A.BreakNode | A.ContinueNode): void {
  const target = L.loops[L.loops.length - 1];
  if (!target) {
    L.unsupported(s, s._type === 'Break' ? "'break' outside loop" : "'continue' not properly in loop", 'CPython rejects it too');
  }
  // leaving try/finally and with blocks: run their cleanup, innermost first
  runCleanupsDownTo(L, target.finallyDepth);
  L.jump(s._type === 'Break' ? target.breakTo : target.continueTo);
}

function lowerAssert(L: Lowerer, s: A.AssertNode): void {
  const ok = L.newBlock('assert.ok');
  const fail = L.newBlock('assert.fail');
  L.branch(lowerCondition(L, s.test), ok, fail);
  L.setBlock(fail);
  const msg = s.msg ? lowerExpr(L, s.msg) : L.null();
  L.line = s.lineno;
  L.raiseVia('pync_raise_assertion', [msg], ['obj']);
  L.setBlock(ok);
}

/** What iterating a value of the iterable's type gives (tuples of known length unpack directly). */
function iterElementShape(L: Lowerer, iterable: A.Expr): Shape | undefined {
  const s = L.shapeOf(iterable);
  if (s.k === 'list' || s.k === 'set' || s.k === 'iter') return s.elem.shape;
  return undefined;
}

/**
 * a, b = b, a (a tuple display assigned to a target list of the same length): the values are
 * computed first, then assigned left to right, without building the tuple.
 */
function lowerParallelAssign(L: Lowerer, s: A.AssignNode): boolean {
  const v = s.value;
  if (s.targets.length !== 1 || v._type !== 'Tuple') return false;
  const t = s.targets[0];
  if ((t._type !== 'Tuple' && t._type !== 'List') || t.elts.length !== v.elts.length) return false;
  if (t.elts.some((e) => e._type === 'Starred') || v.elts.some((e) => e._type === 'Starred')) return false;
  const values = v.elts.map((e) => lowerTyped(L, e));
  t.elts.forEach((e, i) => assignTo(L, e, values[i], L.shapeOf(v.elts[i])));
  return true;
}
