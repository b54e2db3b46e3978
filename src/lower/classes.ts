// lower/classes.ts — `class Name(bases, **kw): body`.
//
// The body runs inline, in a fresh namespace dict (names it binds go into the dict; names it
// reads look there first, then globals and builtins). Then pync_class_new makes the class, the
// __class__ cell (for super() and __class__ in methods) is filled, and decorators are applied.

import { rawFloatSlots } from './typed-calls.js';
import type * as A from '../frontend/ast.js';
import type { Operand } from '../ir/ir.js';
import { Env, Lowerer } from './lowerer.js';
import { lowerExpr, lowerSequence } from './expr.js';
import { storeName } from './names.js';
import { lowerBody } from './stmt.js';
import { docstringOf } from './docstrings.js';

export function lowerClassDef(L: Lowerer, s: A.ClassDefNode): void {
  const scope = L.module.scopes.get(s)!;
  const decorators = s.decorator_list.map((d) => lowerExpr(L, d));
  const bases = lowerSequence(L, s.bases, 'tuple');
  let kwargs: Operand = L.null();
  if (s.keywords.length) {
    const d = L.callObj('pync_dict_new');
    for (const k of s.keywords) {
      const v = lowerExpr(L, k.value);
      if (k.arg === null) L.callStatus('pync_dict_update_mapping', [d, v], ['obj', 'obj']);
      else L.callStatus('pync_dict_setitem', [d, L.str(k.arg), v], ['obj', 'obj', 'obj']);
    }
    kwargs = d;
  }
  L.line = s.lineno;
  const ns = L.callObj('pync_dict_new');
  L.callStatus('pync_dict_setitem', [ns, L.str('__module__'), L.str(L.module.moduleName)], ['obj', 'obj', 'obj']);
  L.callStatus('pync_dict_setitem', [ns, L.str('__qualname__'), L.str(scope.qualname, false)], ['obj', 'obj', 'obj']);
  const doc = docstringOf(s.body);
  if (doc !== null) L.callStatus('pync_dict_setitem', [ns, L.str('__doc__'), L.str(doc, false)], ['obj', 'obj', 'obj']);

  // the body, in the class's own environment
  const env = new Env(scope, L.env, true);
  env.classNs = ns;
  const outerEnv = L.env;
  const savedLoops = L.loops.splice(0);
  const savedFinallies = L.finallies.splice(0);
  L.env = env;
  let classCell: Operand | null = null;
  if (scope.kindOf('__class__') === 'cell') {
    const slot = L.fn.slot('cell:__class__');
    env.cells.set('__class__', slot);
    L.localSet(slot, L.callObj('pync_cell_new', L.null()));
    classCell = L.localGet(slot, null);
  }
  lowerBody(L, s.body);
  L.env = outerEnv;
  L.loops.push(...savedLoops);
  L.finallies.push(...savedFinallies);

  L.line = s.lineno;
  let cls: Operand = L.callObj('pync_class_new', L.str(s.name), L.str(scope.qualname, false), bases, ns, kwargs);
  if (s.body.some((st) => st._type === 'Assign' && st.targets.some((t) => t._type === 'Name' && t.id === '__slots__'))) {
    // instances hold exactly the listed attributes
    L.callStatus('pync_class_set_user_slots', [cls], ['obj']);
  }
  const info = L.module.types?.classOf(s) ?? null;
  if (info) {
    // instance attributes at fixed offsets, and the class where entry checks find it
    const slots = L.module.types!.slotsOf(info);
    if (slots) {
      const names = L.constant({ kind: 'tuple', items: slots.map((n) => L.ir.constant({ kind: 'str', value: n, intern: true })) });
      L.callStatus('pync_class_add_slots', [cls, names], ['obj', 'obj']);
      const raw = rawFloatSlots(info, slots);
      if (raw !== 0) L.callStatus('pync_class_set_raw_slots', [cls, L.i32(raw)], ['obj', 'i32']);
    }
    L.emit({ op: 'classreg', index: L.module.classSlot(info), value: cls });
  }
  if (classCell) L.callVoid('pync_cell_set', [classCell, cls], ['obj', 'obj']);
  for (let i = decorators.length - 1; i >= 0; i--) {
    cls = L.call('pync_call', 'obj', [decorators[i], L.argv([cls]), L.size(1), L.null()], ['obj', 'ptr', 'size', 'obj'], 'null');
  }
  storeName(L, s.name, cls);
}
