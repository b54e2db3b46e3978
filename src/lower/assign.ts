// lower/assign.ts — assigning a value to a target: a name, an attribute, a subscript, or a
// tuple/list pattern with at most one starred target (a, *b, c = value).

import type * as A from '../frontend/ast.js';
import type { Operand } from '../ir/ir.js';
import { Lowerer } from './lowerer.js';
import { lowerExpr, lowerTyped } from './expr.js';
import { storeName } from './names.js';
import { typedUnpack } from './typed-stmt.js';
import { typedAttributeStore } from './typed-calls.js';
import type { Shape } from '../types/types.js';

/** Stores `value` (in any representation; `shape` its type when known) into a target. */
export function assignTo(L: Lowerer, t: A.Expr, value: Operand, shape?: Shape): void {
  switch (t._type) {
    case 'Name':
      storeName(L, t.id, value);
      return;
    case 'Attribute': {
      if (typedAttributeStore(L, t, value)) return;
      const obj = lowerExpr(L, t.value);
      L.line = t.lineno;
      L.callStatus('pync_setattr', [obj, L.str(t.attr), L.box(value)], ['obj', 'obj', 'obj']);
      return;
    }
    case 'Subscript': {
      const objShape = L.shapeOf(t.value);
      const obj = lowerExpr(L, t.value);
      if (objShape.k === 'list' && !objShape.nullable && t.slice._type !== 'Slice' && L.shapeOf(t.slice).k === 'int') {
        const key = lowerTyped(L, t.slice);
        L.line = t.lineno;
        L.call('pync.list.set', 'i32', [obj, key, L.box(value)], ['obj', 'obj', 'obj'], 'neg');
        return;
      }
      const key = lowerExpr(L, t.slice);
      L.line = t.lineno;
      L.callStatus('pync_setitem', [obj, key, L.box(value)], ['obj', 'obj', 'obj']);
      return;
    }
    case 'Tuple': case 'List': {
      const s = shape ?? L.typeOf(t)?.shape;
      if (s && typedUnpack(L, t, t.elts, L.box(value), s)) return;
      unpack(L, t, t.elts, L.box(value));
      return;
    }
    case 'Starred':
      L.unsupported(t, 'a starred assignment target outside a list or tuple', 'starred assignment target must be in a list or tuple');
    default:
      L.unsupported(t, 'this assignment target', 'assign to names, attributes, subscripts or tuples of them');
  }
}

/** a, *b, c = value: the runtime checks the length and builds the starred list. */
function unpack(L: Lowerer, node: A.Expr, elts: readonly A.Expr[], value: Operand): void {
  const star = elts.findIndex((e) => e._type === 'Starred');
  if (elts.filter((e) => e._type === 'Starred').length > 1) {
    L.unsupported(node, 'several starred targets', 'multiple starred expressions in assignment');
  }
  L.line = node.lineno;
  const before = star < 0 ? elts.length : star;
  const after = star < 0 ? 0 : elts.length - star - 1;
  const items = L.call('pync_unpack', 'obj', [value, L.size(before), L.i32(star < 0 ? 0 : 1), L.size(after)],
    ['obj', 'size', 'i32', 'size'], 'null');
  elts.forEach((e, i) => {
    const result = L.value('obj');
    L.emit({ op: 'tupleitem', tuple: items, index: i, result });
    assignTo(L, e._type === 'Starred' ? e.value : e, result);
  });
}
