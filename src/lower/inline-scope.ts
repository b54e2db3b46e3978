// lower/inline-scope.ts — starting a scope lowered inline (a comprehension): its cell variables
// (captured by lambdas inside it) get fresh cells.

import { Env, Lowerer } from './lowerer.js';

export function enterInlineScope(L: Lowerer, env: Env): void {
  for (const c of env.scope.cellNames()) {
    const slot = L.fn.slot(`cell:${c}`);
    env.cells.set(c, slot);
    L.localSet(slot, L.callObj('pync_cell_new', L.null()));
  }
}
