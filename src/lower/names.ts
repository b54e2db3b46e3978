// lower/names.ts — loading, storing and deleting names, by the scope rules of semantic/scopes.ts.
//
//   local            a slot of the function (checked for "referenced before assignment")
//   cell             a slot holding a cell, because an inner function captures the variable
//   free             a cell of an enclosing function, from the function object's closure
//   global           a slot of the module's globals array (0 until assigned: NameError / builtin)
//   class body       the class namespace dict, then globals and builtins (CPython's LOAD_NAME)
// Comprehensions and class bodies are lowered inline in their enclosing function, so their free
// names resolve through the enclosing environment.

import type { Operand, Ty, Value } from '../ir/ir.js';
import { Env, Lowerer, reprOf, type NameAccess } from './lowerer.js';

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
    case 'global-implicit': {
      if (L.module.promotedGlobals.has(name)) {
        let root = env;
        while (root.parent) root = root.parent;
        return { kind: 'slot', slot: slotFor(L, root, name), name, checked: true, global: true };
      }
      return { kind: 'global', slot: L.ir.global(name), name };
    }
  }
}

function slotFor(L: Lowerer, env: Env, name: string): number {
  let slot = env.slots.get(name);
  if (slot === undefined) {
    // a local the inference typed as float or bool is held unboxed
    const t = env.scope.kind === 'module'
      ? L.module.types?.modules.get(L.module.moduleName)?.globals.get(name)
      : L.inst?.vars.get(env.scope)?.get(name);
    const ty = reprOf(t);
    slot = L.fn.slot(name, ty);
    env.slots.set(name, slot);
    if (ty !== 'obj') env.boundFlags.set(slot, L.fn.slot(`bound:${name}`, 'bool'));
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

/** The value of a name, in representation `want` (default: as the name is held). */
export function loadName(L: Lowerer, name: string, want?: Ty): Operand {
  const v = loadAccess(L, nameAccess(L, name));
  return want ? L.coerce(v, want) : v;
}

function loadAccess(L: Lowerer, a: NameAccess): Value {
  switch (a.kind) {
    case 'slot': {
      const flag = L.env.boundFlags.get(a.slot) ?? findFlag(L, a.slot);
      if (a.global) return loadPromotedGlobal(L, a.slot, flag, a.name);
      if (flag !== undefined && a.checked) {
        // an unboxed local: its bound flag says whether it was assigned
        const bound = L.localGet(flag, null);
        const raise = L.newBlock('unbound');
        const ok = L.newBlock();
        L.branch(bound, ok, raise);
        L.setBlock(raise);
        L.call('pync_raise_unbound_local', 'obj', [L.cstr(a.name)], ['ptr'], 'null');
        L.cur.term = { op: 'unreachable' };
        L.setBlock(ok);
        return L.localGet(a.slot, null);
      }
      return L.localGet(a.slot, a.checked ? a.name : null);
    }
    case 'cell':
      return L.call('pync_cell_get', 'obj', [a.get(), L.cstr(a.name), L.i32(a.free ? 1 : 0)], ['obj', 'ptr', 'i32'], 'null');
    case 'global': {
      if (!L.module.boundGlobals.has(a.name)) {
        // never bound by the module: its builtin (looked up once), or NameError
        const value = L.value('obj');
        L.emit({ op: 'bget', index: L.ir.builtin(a.name), result: value });
        const missing = L.value('bool');
        L.emit({ op: 'convert', kind: 'is-null', value, result: missing });
        const slow = L.newBlock('builtin.missing');
        const done = L.newBlock();
        L.branch(missing, slow, done);
        L.setBlock(slow);
        L.raiseVia('pync_raise_name_error', [L.cstr(a.name)], ['ptr']);
        L.setBlock(done);
        return value;
      }
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
  let a = nameAccess(L, name);
  // `nonlocal x` in a class body: x = ... assigns the enclosing function's variable
  if (a.kind === 'classbody' && L.env.scope.isNonlocal(name)) a = a.fallback;
  switch (a.kind) {
    case 'slot': {
      L.localSet(a.slot, L.coerce(value, L.fn.slotTys[a.slot]));
      const flag = L.env.boundFlags.get(a.slot) ?? findFlag(L, a.slot);
      if (flag !== undefined) L.localSet(flag, L.true1());
      return;
    }
    case 'cell':
      L.callVoid('pync_cell_set', [a.get(), L.box(value)], ['obj', 'obj']);
      return;
    case 'global':
      L.emit({ op: 'gset', slot: a.slot, value: L.box(value) });
      return;
    case 'classbody':
      L.callStatus('pync_dict_setitem', [a.ns, L.str(name), L.box(value)], ['obj', 'obj', 'obj']);
      return;
  }
}

/** A promoted global: unbound, it is the builtin of that name or a NameError, as globals are. */
function loadPromotedGlobal(L: Lowerer, slot: number, flag: number | undefined, name: string): Value {
  const ty = L.fn.slotTys[slot];
  const missing = flag !== undefined ? L.not(L.localGet(flag, null)) : (() => {
    const m = L.value('bool');
    L.emit({ op: 'convert', kind: 'is-null', value: L.localGet(slot, null), result: m });
    return m;
  })();
  const slow = L.newBlock('global.missing');
  const done = L.newBlock();
  L.branch(missing, slow, done);
  L.setBlock(slow);
  if (ty === 'obj') {
    L.localSet(slot, L.call('pync_global_missing', 'obj', [L.cstr(name)], ['ptr'], 'null'));
    L.jump(done);
  } else {
    // a typed global is read only where the inference saw it bound
    L.raiseVia('pync_raise_name_error', [L.cstr(name)], ['ptr']);
  }
  L.setBlock(done);
  const v = L.localGet(slot, null);
  // the builtin found is not kept in the slot: later reads look again
  return v;
}

/** The bound flag of an unboxed slot, whichever environment made it. */
function findFlag(L: Lowerer, slot: number): number | undefined {
  for (let e: Env | null = L.env; e; e = e.parent) {
    const f = e.boundFlags.get(slot);
    if (f !== undefined) return f;
  }
  return undefined;
}

export function deleteName(L: Lowerer, name: string): void {
  const a = nameAccess(L, name);
  switch (a.kind) {
    case 'slot': {
      loadAccess(L, a); // UnboundLocalError if unbound
      const flag = L.env.boundFlags.get(a.slot) ?? findFlag(L, a.slot);
      if (flag !== undefined) L.localSet(flag, L.false1());
      else L.localSet(a.slot, L.null());
      return;
    }
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
