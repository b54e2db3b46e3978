// lower/exceptions.ts — raise, try/except/else/finally and with, as explicit control flow.
//
// A failing operation jumps to its block's handler with the exception set. An except clause
// takes the exception (pync_exc_fetch), marks it as being handled (so exceptions raised inside
// get it as __context__, and bare `raise` finds it), and unmarks it on every way out. A
// `finally` body is lowered once for the exceptional path and once more for each way the
// protected code can end normally (falling through, return, break, continue), as CPython does.

import type * as A from '../frontend/ast.js';
import type { Block, Operand, Value } from '../ir/ir.js';
import { Lowerer } from './lowerer.js';
import { lowerExpr } from './expr.js';
import { lowerBody } from './stmt.js';
import { assignTo } from './assign.js';
import { awaitValue } from './generators.js';
import { nameAccess, storeName } from './names.js';

export function lowerRaise(L: Lowerer, s: A.RaiseNode): void {
  if (!s.exc) {
    // bare `raise`: the handled exception again, with the traceback it already has
    L.call('pync_reraise', 'obj', [], [], 'rethrow');
    if (L.isOpen()) L.cur.term = { op: 'unreachable' };
    return;
  }
  const exc = lowerExpr(L, s.exc);
  if (s.cause) {
    const cause = lowerExpr(L, s.cause);
    L.line = s.lineno;
    L.raiseVia('pync_raise_from', [exc, cause], ['obj', 'obj']);
  } else {
    L.line = s.lineno;
    L.raiseVia('pync_raise', [exc], ['obj']);
  }
}

/** Leaves with the exception currently set, to the handler, adding no traceback entry. */
export function rethrow(L: Lowerer): void {
  L.call('pync_exc_rethrow', 'obj', [], [], 'rethrow');
  if (L.isOpen()) L.cur.term = { op: 'unreachable' };
}

/** Takes the current exception into a slot and marks it handled. */
function takeException(L: Lowerer): number {
  const exc = L.call('pync_exc_fetch', 'obj', [], [], 'none');
  const slot = L.fn.slot('.exc');
  L.localSet(slot, exc);
  L.callVoid('pync_exc_push_handled', [exc], ['obj']);
  return slot;
}

function popHandled(L: Lowerer): void {
  L.callVoid('pync_exc_pop_handled', [], []);
}

/** A handler block that unmarks the handled exception, then propagates the new one. */
function popThenPropagate(L: Lowerer, outer: Block | null): Block {
  const b = L.fn.block(outer, 'handled.cleanup');
  const saved = L.cur;
  L.setBlock(b);
  popHandled(L);
  rethrow(L);
  L.setBlock(saved);
  return b;
}

export function lowerTry(L: Lowerer, s: A.TryNode): void {
  const outer = L.handler;
  const after = L.fn.block(outer, 'try.end');
  if (s.finalbody.length === 0) {
    lowerTryExcept(L, s, outer, after);
    L.setBlock(after);
    return;
  }
  // try: ... finally: — the exceptional path of the finally body first
  const finallyExc = L.fn.block(outer, 'finally.exc');
  L.finallies.push({ run: (L2) => lowerBody(L2, s.finalbody), outerHandler: outer });
  const normal = L.fn.block(finallyExc, 'finally.normal');
  L.withHandler(finallyExc, () => {
    lowerTryExcept(L, s, finallyExc, normal);
  });
  L.finallies.pop();
  // normal completion: the finally body, then on
  L.setBlock(normal);
  L.handler = outer;
  const normalRun = L.fn.block(outer, 'finally.body');
  L.jump(normalRun);
  L.setBlock(normalRun);
  lowerBody(L, s.finalbody);
  L.jump(after);
  // exceptional completion: take the exception, run the body, re-raise it
  L.setBlock(finallyExc);
  const slot = takeException(L);
  const cleanup = popThenPropagate(L, outer);
  L.handler = cleanup;
  L.finallies.push({ run: (L2) => popHandled(L2), outerHandler: outer });
  const excRun = L.fn.block(cleanup, 'finally.exc.body');
  L.jump(excRun);
  L.setBlock(excRun);
  lowerBody(L, s.finalbody);
  L.finallies.pop();
  L.handler = outer;
  if (L.isOpen()) {
    popHandled(L);
    L.callVoid('pync_exc_restore', [L.localGet(slot, null)], ['obj']);
    rethrow(L);
  }
  L.setBlock(after);
}

/** try/except/else without finally; control continues in `after`. */
function lowerTryExcept(L: Lowerer, s: A.TryNode, outer: Block | null, after: Block): void {
  if (s.handlers.length === 0) {
    L.withHandler(L.handler, () => lowerBody(L, s.body));
    lowerBody(L, s.orelse);
    L.jump(after);
    return;
  }
  const dispatch = L.fn.block(outer, 'except.dispatch');
  L.withHandler(dispatch, () => lowerBody(L, s.body));
  // the body completed: else clause, under the outer handler
  L.withHandler(outer, () => lowerBody(L, s.orelse));
  L.jump(after);

  L.setBlock(dispatch);
  L.handler = outer;
  const excSlot = takeException(L);
  const cleanup = popThenPropagate(L, outer);
  for (const h of s.handlers) {
    const next = L.fn.block(outer, 'except.next');
    if (h.type) {
      L.handler = cleanup;
      const type = lowerExpr(L, h.type);
      L.line = h.lineno;
      const m = L.call('pync_exc_matches', 'i32', [L.localGet(excSlot, null), type], ['obj', 'obj'], 'neg');
      const matched = L.value('bool');
      L.emit({ op: 'convert', kind: 'i32-to-bool', value: m, result: matched });
      const body = L.fn.block(cleanup, 'except.body');
      L.branch(matched, body, next);
      L.setBlock(body);
    }
    lowerHandlerBody(L, h, excSlot, outer, after);
    L.setBlock(next);
  }
  // no clause matched: propagate the same exception (its traceback already has this frame)
  L.handler = outer;
  popHandled(L);
  L.callVoid('pync_exc_restore', [L.localGet(excSlot, null)], ['obj']);
  rethrow(L);
}

function lowerHandlerBody(L: Lowerer, h: A.ExceptHandlerNode, excSlot: number, outer: Block | null, after: Block): void {
  const name = h.name;
  const unbind = (L2: Lowerer): void => {
    if (name) unbindName(L2, name);
  };
  // an exception inside the clause: unmark, unbind, propagate
  const cleanup = L.fn.block(outer, 'except.cleanup');
  const saved = L.cur;
  L.setBlock(cleanup);
  popHandled(L);
  unbind(L);
  rethrow(L);
  L.setBlock(saved);
  L.handler = cleanup;
  if (name) storeName(L, name, L.localGet(excSlot, null));
  L.finallies.push({
    run: (L2) => {
      popHandled(L2);
      unbind(L2);
    },
    outerHandler: outer,
  });
  const body = L.fn.block(cleanup, 'except.run');
  L.jump(body);
  L.setBlock(body);
  lowerBody(L, h.body);
  L.finallies.pop();
  L.handler = outer;
  if (L.isOpen()) {
    popHandled(L);
    unbind(L);
    L.jump(after);
  }
}

/** `except E as name` unbinds name at the end of the clause (without checking it is bound). */
function unbindName(L: Lowerer, name: string): void {
  const a = nameAccess(L, name);
  switch (a.kind) {
    case 'slot':
      L.localSet(a.slot, L.null());
      return;
    case 'global':
      L.emit({ op: 'gset', slot: a.slot, value: L.null() });
      return;
    case 'cell':
      L.callVoid('pync_cell_set', [a.get(), L.null()], ['obj', 'obj']);
      return;
    case 'classbody':
      L.callVoid('pync_classbody_unbind', [a.ns, L.str(name)], ['obj', 'obj']);
      return;
  }
}

// ---- with --------------------------------------------------------------------------------------

export function lowerWith(L: Lowerer, s: A.WithNode | A.AsyncWithNode): void {
  lowerWithItems(L, s.items, 0, s.body, s._type === 'AsyncWith');
}

/**
 * One item of `with` (then the next ones, then the body). `async with` is the same with
 * __aenter__/__aexit__, whose results are awaited.
 */
function lowerWithItems(L: Lowerer, items: readonly A.WithItemNode[], i: number, body: readonly A.Stmt[], isAsync: boolean): void {
  if (i === items.length) {
    lowerBody(L, body);
    return;
  }
  const item = items[i];
  const outer = L.handler;
  const mgr = lowerExpr(L, item.context_expr);
  L.line = item.context_expr.lineno;
  // (exit, value) = type(mgr).__exit__ bound to mgr, type(mgr).__enter__(mgr)
  const pair = L.callObj(isAsync ? 'pync_async_with_enter' : 'pync_with_enter', mgr);
  const exitSlot = L.fn.slot('.exit');
  const exitFn = L.value('obj');
  L.emit({ op: 'tupleitem', tuple: pair, index: 0, result: exitFn });
  L.localSet(exitSlot, exitFn);
  let entered: Operand = L.value('obj');
  L.emit({ op: 'tupleitem', tuple: pair, index: 1, result: entered as Value });
  if (isAsync) entered = awaitValue(L, entered);
  const line = L.line;
  const exitNormally = (L2: Lowerer): void => {
    L2.line = line;
    if (isAsync) {
      awaitValue(L2, L2.call('pync_async_with_exit', 'obj', [L2.localGet(exitSlot, null), L2.null()], ['obj', 'obj'], 'null'));
      return;
    }
    L2.call('pync_with_exit', 'i32', [L2.localGet(exitSlot, null), L2.null()], ['obj', 'obj'], 'neg');
  };
  const excPath = L.fn.block(outer, 'with.exc');
  const after = L.fn.block(outer, 'with.end');
  L.finallies.push({ run: exitNormally, outerHandler: outer });
  L.withHandler(excPath, () => {
    if (item.optional_vars) assignTo(L, item.optional_vars, entered);
    lowerWithItems(L, items, i + 1, body, isAsync);
  });
  L.finallies.pop();
  if (L.isOpen()) {
    L.handler = outer;
    exitNormally(L);
    L.jump(after);
  }
  // the body raised: __exit__(type, value, tb); a true result suppresses the exception
  L.setBlock(excPath);
  L.handler = outer;
  const excSlot = takeException(L);
  L.handler = popThenPropagate(L, outer);
  L.line = line;
  let r: Operand;
  if (isAsync) {
    const aw = L.call('pync_async_with_exit', 'obj', [L.localGet(exitSlot, null), L.localGet(excSlot, null)], ['obj', 'obj'], 'null');
    r = L.call('pync_truth', 'i32', [awaitValue(L, aw)], ['obj'], 'neg');
  } else {
    r = L.call('pync_with_exit', 'i32', [L.localGet(exitSlot, null), L.localGet(excSlot, null)], ['obj', 'obj'], 'neg');
  }
  const suppress = L.value('bool');
  L.emit({ op: 'convert', kind: 'i32-to-bool', value: r, result: suppress });
  const swallow = L.fn.block(outer, 'with.suppress');
  const reraise = L.fn.block(outer, 'with.reraise');
  L.branch(suppress, swallow, reraise);
  L.handler = outer;
  L.setBlock(swallow);
  popHandled(L);
  L.jump(after);
  L.setBlock(reraise);
  popHandled(L);
  L.callVoid('pync_exc_restore', [L.localGet(excSlot, null)], ['obj']);
  rethrow(L);
  L.setBlock(after);
}
