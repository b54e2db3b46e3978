// lower/comprehensions.ts — list, set and dict comprehensions, lowered inline as loops.
//
// A comprehension is a scope of its own (its loop variables do not leak), with the first iterable
// evaluated outside it; here its names get their own slots in the enclosing function. An async
// comprehension (async for, await) is inlined into its coroutine the same way.

import type * as A from '../frontend/ast.js';
import type { Block, Operand } from '../ir/ir.js';
import { Env, Lowerer } from './lowerer.js';
import { lowerCondition, lowerExpr } from './expr.js';
import { assignTo } from './assign.js';
import { nextItem } from './stmt.js';
import { nextItemAsync } from './generators.js';
import { enterInlineScope } from './inline-scope.js';

export function lowerComprehension(L: Lowerer, e: A.ListCompNode | A.SetCompNode | A.DictCompNode): Operand {
  const scope = L.module.scopes.get(e)!;
  const first = lowerExpr(L, e.generators[0].iter);
  L.line = e.lineno;
  const firstIter = L.callObj(e.generators[0].is_async ? 'pync_aiter' : 'pync_iter', first);
  const result = e._type === 'ListComp'
    ? L.call('pync_list_new', 'obj', [L.size(0)], ['size'], 'null')
    : e._type === 'SetComp' ? L.callObj('pync_set_new') : L.callObj('pync_dict_new');
  const resultSlot = L.fn.slot('.comp');
  L.localSet(resultSlot, result);

  const outerEnv = L.env;
  L.env = new Env(scope, outerEnv, true);
  enterInlineScope(L, L.env);
  const done = L.newBlock('comp.end');
  const savedLoops = L.loops.splice(0);
  loopLevel(L, e, 0, firstIter, done, resultSlot);
  L.loops.push(...savedLoops);
  L.env = outerEnv;
  L.setBlock(done);
  return L.localGet(resultSlot, null);
}

/** One `for ... in ... if ...` level; the innermost adds the element. */
function loopLevel(L: Lowerer, e: A.ListCompNode | A.SetCompNode | A.DictCompNode, level: number, iter: Operand | null,
  exit: Block, resultSlot: number): void {
  const g = e.generators[level];
  let it = iter;
  if (it === null) {
    const iterable = lowerExpr(L, g.iter);
    it = L.callObj(g.is_async ? 'pync_aiter' : 'pync_iter', iterable);
  }
  const itSlot = L.fn.slot('.iter');
  L.localSet(itSlot, it);
  const head = L.newBlock('comp.head');
  const body = L.newBlock('comp.body');
  L.jump(head);
  L.setBlock(head);
  // `async for` levels (only inside a coroutine: the comprehension is inlined into it)
  const item = (g.is_async ? nextItemAsync : nextItem)(L, L.localGet(itSlot, null), body, exit);
  L.setBlock(body);
  assignTo(L, g.target, item);
  for (const cond of g.ifs) {
    const pass = L.newBlock('comp.if');
    L.branch(lowerCondition(L, cond), pass, head);
    L.setBlock(pass);
  }
  if (level + 1 < e.generators.length) {
    loopLevel(L, e, level + 1, null, head, resultSlot);
    return;
  }
  const result = L.localGet(resultSlot, null);
  L.line = e.lineno;
  if (e._type === 'ListComp') {
    L.callStatus('pync_list_append', [result, lowerExpr(L, e.elt)], ['obj', 'obj']);
  } else if (e._type === 'SetComp') {
    L.callStatus('pync_set_add', [result, lowerExpr(L, e.elt)], ['obj', 'obj']);
  } else {
    const k = lowerExpr(L, e.key);
    const v = lowerExpr(L, e.value);
    L.callStatus('pync_dict_setitem', [result, k, v], ['obj', 'obj', 'obj']);
  }
  L.jump(head);
}
