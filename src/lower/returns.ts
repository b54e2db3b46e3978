// lower/returns.ts — leaving a block early: `return` (and break/continue via stmt.ts) must run
// the cleanup of every try/finally, with and except block it leaves, innermost first.

import type { Operand } from '../ir/ir.js';
import { Lowerer } from './lowerer.js';

/** Emits the cleanups of pending finally bodies down to (not including) depth `depth`. */
export function runCleanupsDownTo(L: Lowerer, depth: number): void {
  const savedHandler = L.handler;
  for (let i = L.finallies.length - 1; i >= depth && L.isOpen(); i--) {
    const f = L.finallies[i];
    // while a cleanup runs, it and the ones inside it are no longer pending
    const removed = L.finallies.splice(i);
    L.handler = f.outerHandler;
    const b = L.newBlock('cleanup');
    L.jump(b);
    L.setBlock(b);
    f.run(L);
    L.finallies.push(...removed);
  }
  L.handler = savedHandler;
}

export function lowerReturn(L: Lowerer, v: Operand): void {
  // the function's result representation (a typed function returns a double for a float)
  const value = L.fn.kind === 'init' ? v : L.coerce(v, L.fn.retTy);
  if (L.finallies.length === 0) {
    L.cur.term = { op: 'ret', value };
    return;
  }
  const slot = L.fn.slot('.return', value.ty);
  L.localSet(slot, value);
  runCleanupsDownTo(L, 0);
  if (L.isOpen()) L.cur.term = { op: 'ret', value: L.localGet(slot, null) };
}

export const lowerReturnValue = lowerReturn;
