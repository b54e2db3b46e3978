// lower/generators.ts — generator functions, generator expressions, yield, yield from, await.
//
// A generator function's body is lowered like any other; the code generator makes it an LLVM
// coroutine (codegen/llvm-function.ts) and the runtime drives it (runtime/generator.c). Here:
//   yield v        pync_generator_yield(gen, v); suspend; pync_generator_resume_value(gen)
//   yield from x   it = pync_yield_from_iter(gen, x); loop { pync_yield_from_step(gen, it):
//                  1 → suspend and step again, 0 → done }; pync_generator_yf_result(gen)
//   await x        the same with pync_await_iter
//   async for      nextItemAsync: await __anext__() until StopAsyncIteration
//   yield v in an async generator: pync_async_gen_yield (see runtime/async_gen.c)
// A generator expression is a generator function of its own taking the first iterator ('.0').

import type * as A from '../frontend/ast.js';
import { IRFunction, type Block, type Operand, type Value } from '../ir/ir.js';
import { Lowerer } from './lowerer.js';
import { lowerCondition, lowerExpr } from './expr.js';
import { lowerBody, nextItem } from './stmt.js';
import { assignTo } from './assign.js';
import { loadName } from './names.js';
import { closureTuple, codeInfoFor, enterScope } from './functions.js';

export function lowerGeneratorBody(L: Lowerer, node: A.AnyNode & { lineno: number; col_offset?: number }, body: readonly A.Stmt[]): void {
  lowerBody(L, body);
  if (L.isOpen()) L.cur.term = { op: 'ret', value: L.none() };
}

function generatorObject(L: Lowerer): Value {
  const result = L.value('obj');
  L.emit({ op: 'genobj', result });
  return result;
}

export function lowerYield(L: Lowerer, e: A.YieldNode): Operand {
  const v = e.value ? lowerExpr(L, e.value) : L.none();
  L.line = e.lineno;
  return yieldValue(L, v);
}

function yieldValue(L: Lowerer, v: Operand): Value {
  // an async generator's own values are marked, to be told from the awaits inside it
  const asyncGen = L.env.scope.isGenerator && L.env.scope.isCoroutine;
  L.callVoid(asyncGen ? 'pync_async_gen_yield' : 'pync_generator_yield', [generatorObject(L), v], ['obj', 'obj']);
  L.emit({ op: 'suspend' });
  return L.call('pync_generator_resume_value', 'obj', [generatorObject(L)], ['obj'], 'null');
}

export function lowerYieldFrom(L: Lowerer, e: A.YieldFromNode): Operand {
  return delegate(L, e, 'pync_yield_from_iter');
}

export function lowerAwait(L: Lowerer, e: A.AwaitNode): Operand {
  const x = lowerExpr(L, e.value);
  L.line = e.lineno;
  return awaitValue(L, x);
}

/** `await x` of a value already computed (async with's __aenter__/__aexit__ results). */
export function awaitValue(L: Lowerer, x: Operand): Operand {
  return delegateTo(L, L.call('pync_await_iter', 'obj', [generatorObject(L), x], ['obj', 'obj'], 'null'));
}

function delegate(L: Lowerer, e: A.YieldFromNode, start: string): Operand {
  const x = lowerExpr(L, e.value);
  L.line = e.lineno;
  return delegateTo(L, L.call(start, 'obj', [generatorObject(L), x], ['obj', 'obj'], 'null'));
}

/** Drives the iterator `it` to its end, passing each of its values out; its result. */
function delegateTo(L: Lowerer, it: Operand): Operand {
  suspendWhileYielding(L, it, 'yieldfrom', 'pync_yield_from_step');
  return L.call('pync_generator_yf_result', 'obj', [generatorObject(L)], ['obj'], 'none');
}

/**
 * The loop of `yield from` and `await`: calls `stepFn(generator, it)` (1: `it` yielded a value to
 * pass out, 0: it finished, -1: error) and suspends the frame after each value; goes on in a new
 * block once `it` finished. `name` names the slot holding `it` and the blocks.
 */
function suspendWhileYielding(L: Lowerer, it: Operand, name: string, stepFn: string): void {
  const itSlot = L.fn.slot(`.${name}`);
  L.localSet(itSlot, it);
  const step = L.newBlock(`${name}.step`);
  const suspend = L.newBlock(`${name}.suspend`);
  const done = L.newBlock(`${name}.done`);
  L.jump(step);
  L.setBlock(step);
  const k = L.call(stepFn, 'i32', [generatorObject(L), L.localGet(itSlot, null)], ['obj', 'obj'], 'neg');
  const yielded = L.value('bool');
  L.emit({ op: 'convert', kind: 'i32-to-bool', value: k, result: yielded });
  L.branch(yielded, suspend, done);
  L.setBlock(suspend);
  L.emit({ op: 'suspend' });
  L.jump(step);
  L.setBlock(done);
}

/**
 * `async for`'s next item: await type(it).__anext__(it); continues in `more` with the item, or
 * in `exhausted` when it raised StopAsyncIteration.
 */
export function nextItemAsync(L: Lowerer, it: Operand, more: Block, exhausted: Block): Operand {
  const awaitable = L.callObj('pync_anext_awaitable', it);
  const yf = L.call('pync_await_iter', 'obj', [generatorObject(L), awaitable], ['obj', 'obj'], 'null');
  suspendWhileYielding(L, yf, 'anext', 'pync_async_for_step');
  const item = L.call('pync_async_for_item', 'obj', [generatorObject(L)], ['obj'], 'none');
  const end = L.value('bool');
  L.emit({ op: 'convert', kind: 'is-null', value: item, result: end });
  const got = L.newBlock('anext.item');
  L.branch(end, exhausted, got);
  L.setBlock(got);
  L.jump(more);
  L.setBlock(more);
  return item;
}

// ---- generator expressions ---------------------------------------------------------------------

export function lowerGeneratorExpression(L: Lowerer, e: A.GeneratorExpNode): Operand {
  const scope = L.module.scopes.get(e)!;
  // the first iterable is evaluated where the expression is
  const first = lowerExpr(L, e.generators[0].iter);
  L.line = e.lineno;
  const firstIter = L.callObj(e.generators[0].is_async ? 'pync_aiter' : 'pync_iter', first);

  const entries = L.module.types?.instancesOf(e, L.inst) ?? null;
  let irfn: IRFunction;
  if (entries) {
    irfn = L.module.irFunctionOf(entries.main);
  } else {
    irfn = new IRFunction(L.module.symbol(scope.qualname), codeInfoFor(e, scope), 1, 'body');
    L.module.ir.functions.push(irfn);
  }
  irfn.lowered = true;
  const G = new Lowerer(L.module, irfn, scope, null, entries?.main ?? null);
  G.line = e.lineno;
  enterScope(G, G.env);
  const done = G.newBlock('genexpr.end');
  genexprLevel(G, e, 0, done);
  G.setBlock(done);
  G.cur.term = { op: 'ret', value: G.none() };

  const closure = closureTuple(L, scope);
  L.line = e.lineno;
  const fn = L.call('pync_function_new', 'obj', [L.codeRef(irfn), L.null(), L.null(), closure], ['ptr', 'obj', 'obj', 'obj'], 'null');
  const result = L.value('obj');
  L.emit({ op: 'direct', fn: irfn, args: [fn, firstIter], result, line: e.lineno });
  return result;
}

/** One `for ... in ... if ...` level of a generator expression; the innermost yields. */
function genexprLevel(G: Lowerer, e: A.GeneratorExpNode, level: number, exit: Block): void {
  const g = e.generators[level];
  const it = level === 0 ? loadName(G, '.0') : G.callObj(g.is_async ? 'pync_aiter' : 'pync_iter', lowerExpr(G, g.iter));
  const itSlot = G.fn.slot('.iter');
  G.localSet(itSlot, it);
  const head = G.newBlock('genexpr.head');
  const body = G.newBlock('genexpr.body');
  G.jump(head);
  G.setBlock(head);
  G.line = e.lineno;
  const item = (g.is_async ? nextItemAsync : nextItem)(G, G.localGet(itSlot, null), body, exit);
  G.setBlock(body);
  assignTo(G, g.target, item);
  for (const cond of g.ifs) {
    const pass = G.newBlock('genexpr.if');
    G.branch(lowerCondition(G, cond), pass, head);
    G.setBlock(pass);
  }
  if (level + 1 < e.generators.length) {
    genexprLevel(G, e, level + 1, head);
    return;
  }
  const v = lowerExpr(G, e.elt);
  G.line = e.lineno;
  yieldValue(G, v);
  G.jump(head);
}
