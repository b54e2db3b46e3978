// lower/fused-genexpr.ts — sum(x for x in ...) as a loop in the calling function.
//
// A generator expression handed straight to the builtin sum() is consumed at once and seen by
// nothing else, so its generator object and coroutine frame are pure overhead: the loop is
// lowered in place, like a comprehension, typed by the generator expression's own instance, and
// each value is added to the running total as sum() would (start 0, left to right with +). What
// stays CPython's: the first iterable is evaluated (and iter() taken) before the loop, the loop
// variables do not leak, and a StopIteration raised inside becomes RuntimeError (PEP 479).
// `sum` must be the builtin: the module binds that name nowhere. A first iterable that is a
// typed range(...) becomes an int counter, as in a typed for loop.

import type * as A from '../frontend/ast.js';
import type { Block, Operand } from '../ir/ir.js';
import { Env, Lowerer } from './lowerer.js';
import { lowerCondition, lowerExpr } from './expr.js';
import { assignTo } from './assign.js';
import { nextItem } from './stmt.js';
import { enterInlineScope } from './inline-scope.js';
import { rethrow } from './exceptions.js';
import { rangeBounds, type RangeBounds } from './typed-stmt.js';

/** sum(<generator expression>) lowered as a loop, or null when the call is anything else. */
export function lowerFusedSum(L: Lowerer, e: A.CallNode): Operand | null {
  if (e.func._type !== 'Name' || e.func.id !== 'sum' || L.module.boundAnywhere.has('sum')) return null;
  if (e.args.length !== 1 || e.keywords.length > 0 || e.args[0]._type !== 'GeneratorExp') return null;
  const g = e.args[0];
  const scope = L.module.scopes.get(g)!;
  if (scope.isCoroutine || g.generators.some((c) => c.is_async)) return null;

  // the first iterable, in the caller's scope: a typed range, or iter() of its value
  const range = typedRange(L, g.generators[0].iter);
  const firstIter = range ? null : L.callObj('pync_iter', lowerExpr(L, g.generators[0].iter));
  L.line = g.lineno;
  const total = L.fn.slot('.sum');
  L.localSet(total, L.smallInt(0));

  const inst = L.module.types?.instancesOf(g, L.inst)?.main ?? null;
  const outerEnv = L.env;
  const outerHandler = L.handler;
  const done = L.newBlock('sum.end');
  const raised = L.fn.block(outerHandler, 'sum.raised');
  const savedLoops = L.loops.splice(0);
  L.withInstance(inst, () => {
    L.env = new Env(scope, outerEnv, true);
    enterInlineScope(L, L.env);
    L.withHandler(raised, () => {
      if (range) rangeLevel(L, g, range, done, total);
      else level(L, g, 0, firstIter, done, total);
    });
  });
  L.env = outerEnv;
  L.loops.push(...savedLoops);
  // what the generator would have raised: PEP 479 applies inside it
  L.setBlock(raised);
  L.handler = outerHandler;
  L.callVoid('pync_generator_stop_to_runtime_error', [], []);
  rethrow(L);
  L.setBlock(done);
  return L.localGet(total, null);
}

/** range(...) of ints as the inference sees it: its bounds evaluated into slots, or null. */
function typedRange(L: Lowerer, iter: A.Expr): RangeBounds | null {
  if (!L.inst || iter._type !== 'Call' || iter.keywords.length > 0 || iter.args.some((a) => a._type === 'Starred')) return null;
  const callee = L.shapeOf(iter.func);
  if (callee.k !== 'builtin' || callee.name !== 'range' || L.shapeOf(iter).k !== 'range') return null;
  if (iter.args.length < 1 || iter.args.length > 3) return null;
  return rangeBounds(L, iter);
}

/** The first level over a typed range: an int counter instead of a range iterator. */
function rangeLevel(L: Lowerer, g: A.GeneratorExpNode, r: RangeBounds, exit: Block, total: number): void {
  const c = g.generators[0];
  const head = L.newBlock('sum.range.head');
  const body = L.newBlock('sum.range.body');
  const step = L.newBlock('sum.range.step');
  L.jump(head);
  L.setBlock(head);
  L.line = g.lineno;
  const more = L.call(r.step > 0 ? 'pync.int.cmp_lt' : 'pync.int.cmp_gt', 'i32', [L.localGet(r.start, null), L.localGet(r.stop, null)],
    ['obj', 'obj'], 'neg');
  const go = L.value('bool');
  L.emit({ op: 'convert', kind: 'i32-to-bool', value: more, result: go });
  L.branch(go, body, exit);
  L.setBlock(body);
  assignTo(L, c.target, L.localGet(r.start, null));
  conditionsThenInner(L, g, 0, step, total);
  L.setBlock(step);
  L.line = g.lineno;
  L.localSet(r.start, L.call('pync.int.add', 'obj', [L.localGet(r.start, null), L.smallInt(r.step)], ['obj', 'obj'], 'null'));
  L.jump(head);
}

/** One `for ... in ... if ...` level over an iterator. */
function level(L: Lowerer, g: A.GeneratorExpNode, depth: number, iter: Operand | null, exit: Block, total: number): void {
  const c = g.generators[depth];
  const it = iter ?? L.callObj('pync_iter', lowerExpr(L, c.iter));
  const itSlot = L.fn.slot('.iter');
  L.localSet(itSlot, it);
  const head = L.newBlock('sum.head');
  const body = L.newBlock('sum.body');
  L.jump(head);
  L.setBlock(head);
  L.line = g.lineno;
  const item = nextItem(L, L.localGet(itSlot, null), body, exit);
  assignTo(L, c.target, item);
  conditionsThenInner(L, g, depth, head, total);
}

/** The `if` parts of level `depth` (false: on to `next`), then the next level or the addition. */
function conditionsThenInner(L: Lowerer, g: A.GeneratorExpNode, depth: number, next: Block, total: number): void {
  for (const cond of g.generators[depth].ifs) {
    const pass = L.newBlock('sum.if');
    L.branch(lowerCondition(L, cond), pass, next);
    L.setBlock(pass);
  }
  if (depth + 1 < g.generators.length) {
    level(L, g, depth + 1, null, next, total);
    return;
  }
  // ints (the total starts as the int 0): the inline int addition; anything else: `+`
  const intElement = L.shapeOf(g.elt).k === 'int';
  const v = lowerExpr(L, g.elt);
  L.line = g.lineno;
  const sum = intElement
    ? L.call('pync.int.add', 'obj', [L.localGet(total, null), v], ['obj', 'obj'], 'null')
    : L.call('pync_binary', 'obj', [L.localGet(total, null), v, L.i32(0)], ['obj', 'obj', 'i32'], 'null');
  L.localSet(total, sum);
  L.jump(next);
}
