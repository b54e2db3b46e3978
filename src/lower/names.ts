// lower/names.ts — loading, storing and deleting names, by the scope rules of semantic/scopes.ts.
//
//   local            a slot of the function (checked for "referenced before assignment")
//   cell             a slot holding a cell, because an inner function captures the variable
//   free             a cell of an enclosing function, from the function object's closure
//   global           a slot of the module's globals array (0 until assigned: NameError / builtin)
//   class body       the class namespace dict, then globals and builtins (CPython's LOAD_NAME)
// Comprehensions and class bodies are lowered inline in their enclosing function, so their free
// names resolve through the enclosing environment.

import type { Operand, Value } from '../ir/ir.js';
import { Env, Lowerer, type NameAccess } from './lowerer.js';

export function nameAccess(L: Lowerer, name: string, env: Env = L.env): NameAccess {
  const scope = env.scope;
  const kind = scope.kindOf(name);
  switch (kind) {
    case 'local':
      return { kind: 'slot', slot: slotFor(L, env, name), name, checked: !isSafeParam(env, name) };
    case 'cell':
      return { kind: 'cell', get: () => cellObject(L, env, name), name, free: false };
    case 'free': {
      if (env.inline && env.parent) {
        const outer = nameAccess(L, name, env.parent);
        if (scope.kind === 'class' && name !== '__class__') {
          return { kind: 'classbody', ns: env.classNs!, name, fallback: outer };
        }
        return outer;
      }
      const index = scope.freeNames().indexOf(name);
      return { kind: 'cell', get: () => freeCell(L, index), name, free: true };
    }
    case 'classbody': {
      const globalAccess: NameAccess = { kind: 'global', slot: L.ir.global(name), name };
      return { kind: 'classbody', ns: env.classNs!, name, fallback: globalAccess };
    }
    case 'global':
    case 'global-implicit':
      return { kind: 'global', slot: L.ir.global(name), name };
  }
}

function slotFor(L: Lowerer, env: Env, name: string): number {
  let slot = env.slots.get(name);
  if (slot === undefined) {
    slot = L.fn.slot(name);
    env.slots.set(name, slot);
  }
  return slot;
}

/** Parameters are always bound unless the function deletes them. */
function isSafeParam(env: Env, name: string): boolean {
  return !env.inline && env.scope.params.includes(name) && !env.deleted?.has(name);
}

/** The cell object of a cell variable of `env` (created at the scope's start). */
export function cellObject(L: Lowerer, env: Env, name: string): Value {
  let slot = env.cells.get(name);
  if (slot === undefined) {
    slot = L.fn.slot(`cell:${name}`);
    env.cells.set(name, slot);
  }
  return L.localGet(slot, null);
}

function freeCell(L: Lowerer, index: number): Value {
  const result = L.value('obj');
  L.emit({ op: 'freecell', index, result });
  return result;
}

export function loadName(L: Lowerer, name: string): Value {
  return loadAccess(L, nameAccess(L, name));
}

function loadAccess(L: Lowerer, a: NameAccess): Value {
  switch (a.kind) {
    case 'slot':
      return L.localGet(a.slot, a.checked ? a.name : null);
    case 'cell':
      return L.call('pync_cell_get', 'obj', [a.get(), L.cstr(a.name), L.i32(a.free ? 1 : 0)], ['obj', 'ptr', 'i32'], 'null');
    case 'global': {
      // 0: not assigned yet — then a builtin of that name, or NameError
      const tmp = L.fn.slot(`.g:${a.name}`);
      const value = L.value('obj');
      L.emit({ op: 'gget', slot: a.slot, result: value });
      L.localSet(tmp, value);
      const missing = L.value('bool');
      L.emit({ op: 'convert', kind: 'is-null', value, result: missing });
      const slow = L.newBlock('global.missing');
      const done = L.newBlock();
      L.branch(missing, slow, done);
      L.setBlock(slow);
      L.localSet(tmp, L.call('pync_global_missing', 'obj', [L.cstr(a.name)], ['ptr'], 'null'));
      L.jump(done);
      L.setBlock(done);
      return L.localGet(tmp, null);
    }
    case 'classbody': {
      const v = L.call('pync_dict_get', 'obj', [a.ns, L.str(a.name)], ['obj', 'obj'], 'exc');
      const missing = L.value('bool');
      L.emit({ op: 'convert', kind: 'is-null', value: v, result: missing });
      const slow = L.newBlock('classbody.missing');
      const done = L.newBlock();
      const tmp = L.fn.slot(`.c:${a.name}`);
      L.localSet(tmp, v);
      L.branch(missing, slow, done);
      L.setBlock(slow);
      L.localSet(tmp, loadAccess(L, a.fallback));
      L.jump(done);
      L.setBlock(done);
      return L.localGet(tmp, null);
    }
  }
}

export function storeName(L: Lowerer, name: string, value: Operand): void {
  const a = nameAccess(L, name);
  switch (a.kind) {
    case 'slot':
      L.localSet(a.slot, value);
      return;
    case 'cell':
      L.callVoid('pync_cell_set', [a.get(), value], ['obj', 'obj']);
      return;
    case 'global':
      L.emit({ op: 'gset', slot: a.slot, value });
      return;
    case 'classbody':
      L.callStatus('pync_dict_setitem', [a.ns, L.str(name), value], ['obj', 'obj', 'obj']);
      return;
  }
}

export function deleteName(L: Lowerer, name: string): void {
  const a = nameAccess(L, name);
  switch (a.kind) {
    case 'slot':
      L.localGet(a.slot, name); // UnboundLocalError if unbound
      L.localSet(a.slot, L.null());
      return;
    case 'cell':
      L.call('pync_cell_delete', 'i32', [a.get(), L.cstr(name), L.i32(a.free ? 1 : 0)], ['obj', 'ptr', 'i32'], 'neg');
      return;
    case 'global': {
      const v = L.value('obj');
      L.emit({ op: 'gget', slot: a.slot, result: v });
      L.call('pync_check_global_bound', 'i32', [v, L.cstr(name)], ['obj', 'ptr'], 'neg');
      L.emit({ op: 'gset', slot: a.slot, value: L.null() });
      return;
    }
    case 'classbody':
      L.call('pync_classbody_delete', 'i32', [a.ns, L.str(name)], ['obj', 'obj'], 'neg');
      return;
  }
}
