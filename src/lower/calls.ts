// lower/calls.ts — calls: f(a, b, k=v), obj.m(...) without a bound-method object, f(*args,
// **kwargs), and zero-argument super().

import type * as A from '../frontend/ast.js';
import type { Operand } from '../ir/ir.js';
import { Lowerer } from './lowerer.js';
import { lowerExpr } from './expr.js';
import { loadName } from './names.js';
import { checkNoArgIntrospection } from './builtin-names.js';

export function lowerCall(L: Lowerer, e: A.CallNode): Operand {
  checkNoArgIntrospection(L, e);
  if (e.func._type === 'Name' && e.func.id === 'super' && e.args.length === 0 && e.keywords.length === 0) {
    const zeroArg = lowerZeroArgSuper(L, e);
    if (zeroArg) return zeroArg;
  }
  const simple = !e.args.some((a) => a._type === 'Starred') && !e.keywords.some((k) => k.arg === null);
  if (!simple) return lowerCallEx(L, e);
  const kwnames = keywordNames(L, e.keywords);
  if (e.func._type === 'Attribute') {
    const obj = lowerExpr(L, e.func.value);
    const args = [...e.args.map((a) => lowerExpr(L, a)), ...e.keywords.map((k) => lowerExpr(L, k.value))];
    L.line = e.lineno;
    return L.call('pync_call_method', 'obj', [obj, L.str(e.func.attr), L.argv(args), L.size(e.args.length), kwnames],
      ['obj', 'obj', 'ptr', 'size', 'obj'], 'null');
  }
  const f = lowerExpr(L, e.func);
  const args = [...e.args.map((a) => lowerExpr(L, a)), ...e.keywords.map((k) => lowerExpr(L, k.value))];
  L.line = e.lineno;
  return L.call('pync_call', 'obj', [f, L.argv(args), L.size(e.args.length), kwnames], ['obj', 'ptr', 'size', 'obj'], 'null');
}

/** The tuple of keyword names of a call, a module constant (0 when there are none). */
function keywordNames(L: Lowerer, keywords: readonly A.KeywordNode[]): Operand {
  if (keywords.length === 0) return L.null();
  const items = keywords.map((k) => L.ir.constant({ kind: 'str', value: k.arg!, intern: true }));
  return L.constant({ kind: 'tuple', items });
}

/** f(*args, **kwargs) and friends: a tuple of positional arguments and a dict of keywords. */
function lowerCallEx(L: Lowerer, e: A.CallNode): Operand {
  const f = lowerExpr(L, e.func);
  const list = L.call('pync_list_new', 'obj', [L.size(0)], ['size'], 'null');
  for (const a of e.args) {
    if (a._type === 'Starred') L.callStatus('pync_call_star_extend', [list, lowerExpr(L, a.value), f], ['obj', 'obj', 'obj']);
    else L.callStatus('pync_list_append', [list, lowerExpr(L, a)], ['obj', 'obj']);
  }
  const args = L.callObj('pync_list_as_tuple', list);
  let kwargs: Operand = L.null();
  if (e.keywords.length > 0) {
    const d = L.callObj('pync_dict_new');
    for (const k of e.keywords) {
      const v = lowerExpr(L, k.value);
      if (k.arg === null) {
        L.callStatus('pync_kwargs_merge', [d, v, f], ['obj', 'obj', 'obj']);
      } else {
        L.callStatus('pync_kwargs_set', [d, L.str(k.arg), v, f], ['obj', 'obj', 'obj', 'obj']);
      }
    }
    kwargs = d;
  }
  L.line = e.lineno;
  return L.callObj('pync_call_ex', f, args, kwargs);
}

/** super() in a method: super(__class__, <first argument>). */
function lowerZeroArgSuper(L: Lowerer, e: A.CallNode): Operand | null {
  const scope = L.env.scope;
  if (!scope.isFunctionLike() || scope.kindOf('__class__') !== 'free') return null;
  const first = scope.params[0];
  if (first === undefined) {
    L.line = e.lineno;
    return L.call('pync_raise_super_no_args', 'obj', [], [], 'null');
  }
  const cls = loadName(L, '__class__');
  const self = loadName(L, first);
  L.line = e.lineno;
  return L.callObj('pync_super_new', cls, self);
}
