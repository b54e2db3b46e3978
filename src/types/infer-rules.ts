// types/infer-rules.ts — what operators, calls, attributes, subscripts and iteration produce,
// given the types of their operands: the constraints of the inference (infer.ts).
//
// Each rule waits until its inputs are known (or the solver's final pass forces them to obj),
// then unifies its result. When a value goes where the inference cannot follow it (a dynamic
// call, an operator on an object of unknown type), containers inside it become obj: the other
// side could store anything into them.

import type * as A from '../frontend/ast.js';
import { escapeFunctions, makeObj, objType, tv, unify, TypeVar, VALUE_KINDS, type ClassInfo, type Shape } from './types.js';
import type { Inference } from './infer.js';
import type { FunctionInstance } from './program-types.js';
import { BUILTIN_CALLS, BUILTIN_MODULE_VALUES, METHOD_RULES, type CallCtx } from './builtin-rules.js';
import { runtimeBuiltinNames } from './builtin-names.js';

export interface KeywordType {
  readonly name: string;
  readonly type: TypeVar;
}

const PRIMITIVES = new Set(['int', 'float', 'bool', 'none', 'str', 'bytes', 'complex', 'range']);

/** Containers handed to code the inference cannot see become obj. */
export function escape(t: TypeVar): void {
  const k = t.kind;
  if (k === 'funcs') escapeFunctions(t);
  if (k === 'list' || k === 'dict' || k === 'set' || k === 'tuple' || k === 'iter' || k === 'method') makeObj(t);
}

/**
 * r is one of several values (d.get(k, default), x or y): their common primitive type, else obj
 * (without changing the operands' own types).
 */
export function joinInto(r: TypeVar, parts: TypeVar[]): void {
  const kinds = new Set(parts.map((p) => p.kind));
  if (kinds.size === 1) {
    const k = [...kinds][0];
    if (PRIMITIVES.has(k)) {
      unify(r, tv({ k } as Shape));
      return;
    }
    if (parts.every((p) => p.find() === parts[0].find())) {
      unify(r, parts[0]);
      return;
    }
  }
  parts.forEach(escape);
  makeObj(r);
}

export class Rules {
  /** constraints created from inside other constraints, which run on every pass: made once */
  private readonly made = new Set<string>();

  constructor(private readonly inf: Inference) {}

  /** Runs `make` the first time `key` is seen. */
  once(key: string, make: () => void): void {
    if (this.made.has(key)) return;
    this.made.add(key);
    make();
  }

  private push(c: (final: boolean) => void): void {
    this.inf.constraints.push(c);
    c(false);
  }

  /** Waits for `ts` to be known: false until then (final: unknown ones become obj). */
  private ready(ts: readonly TypeVar[], final: boolean): boolean {
    let ok = true;
    for (const t of ts) {
      if (t.kind === 'unknown') {
        if (final) makeObj(t);
        else ok = false;
      }
    }
    return ok;
  }

  /**
   * A value copied into a place (assignment, argument, return, element store): the place's type
   * must hold the value's. Plain values are copied (the source keeps its type when the place is
   * wider); containers are shared, so their types are unified.
   */
  flow(src: TypeVar, dst: TypeVar): void {
    this.push((final) => {
      if (!this.ready([src], final)) return;
      const s = src.shape;
      if (VALUE_KINDS.has(s.k)) unify(dst, tv({ ...s } as Shape));
      else unify(src, dst);
    });
  }

  // ---- names -----------------------------------------------------------------------------------

  builtinShapeOf(name: string): Shape | null {
    return runtimeBuiltinNames.has(name) ? { k: 'builtin', name } : null;
  }

  builtinType(name: string): TypeVar {
    const s = this.builtinShapeOf(name);
    return s ? tv(s) : objType();
  }

  /** `from module import name` */
  importedName(module: string, name: string): TypeVar {
    const m = this.inf.modules.get(module);
    if (m) return m.global(name);
    return this.moduleAttr(module, name);
  }

  private moduleAttr(module: string, name: string): TypeVar {
    const m = this.inf.modules.get(module);
    if (m) return m.globals.has(name) ? m.global(name) : objType();
    const value = BUILTIN_MODULE_VALUES[`${module}.${name}`];
    if (value) return tv({ k: value } as Shape);
    return tv({ k: 'builtin', name: `${module}.${name}` });
  }

  // ---- operators -------------------------------------------------------------------------------

  binop(op: A.Operator, a: TypeVar, b: TypeVar, r: TypeVar, inplace: boolean, nonNegativeBase = false): void {
    let extended = false;
    this.push((final) => {
      if (!this.ready([a, b], final)) return;
      const sa = a.shape;
      if (inplace && op === 'Add' && sa.k === 'list') {
        // list += iterable extends the list in place
        if (!extended) {
          extended = true;
          this.iterate(b, sa.elem);
        }
        unify(r, a);
        return;
      }
      const res = binopResult(op, a.shape, b.shape, inplace, nonNegativeBase);
      if (res === 'obj') {
        escape(a);
        escape(b);
        makeObj(r);
      } else if (res instanceof TypeVar) {
        unify(r, res);
      } else {
        unify(r, tv(res));
      }
    });
  }

  unaryop(op: A.UnaryOperator, a: TypeVar, r: TypeVar): void {
    this.push((final) => {
      if (op === 'Not') {
        unify(r, tv({ k: 'bool' }));
        return;
      }
      if (!this.ready([a], final)) return;
      const k = a.kind;
      if (op === 'Invert') {
        if (k === 'int' || k === 'bool') unify(r, tv({ k: 'int' }));
        else makeObj(r);
        return;
      }
      if (k === 'int' || k === 'bool') unify(r, tv({ k: 'int' }));
      else if (k === 'float' || k === 'complex') unify(r, tv({ k }));
      else {
        escape(a);
        makeObj(r);
      }
    });
  }

  compare(ops: readonly A.CmpOperator[], operands: TypeVar[], r: TypeVar): void {
    this.push((final) => {
      if (!this.ready(operands, final)) return;
      for (let i = 0; i < ops.length; i++) {
        const op = ops[i];
        if (op === 'Is' || op === 'IsNot' || op === 'In' || op === 'NotIn') continue;
        const x = operands[i].kind;
        const y = operands[i + 1].kind;
        // comparisons of built-in values give bools (lists and tuples compare their items
        // with == and turn the answer into a bool)
        const plain = (k: string): boolean => PRIMITIVES.has(k) || k === 'list' || k === 'tuple' || k === 'set' || k === 'dict';
        if (!plain(x) || !plain(y)) {
          makeObj(r);
          return;
        }
      }
      unify(r, tv({ k: 'bool' }));
    });
  }

  // ---- iteration and unpacking -------------------------------------------------------------------

  /** `item` is what iterating `it` produces. */
  iterate(it: TypeVar, item: TypeVar): void {
    this.push((final) => {
      if (!this.ready([it], final)) return;
      const s = it.shape;
      switch (s.k) {
        case 'list': case 'set': case 'iter':
          unify(item, s.elem);
          return;
        case 'dict':
          unify(item, s.key);
          return;
        case 'range':
          unify(item, tv({ k: 'int' }));
          return;
        case 'str':
          unify(item, tv({ k: 'str' }));
          return;
        case 'bytes':
          unify(item, tv({ k: 'int' }));
          return;
        case 'tuple':
          joinInto(item, s.items);
          return;
        default:
          escape(it);
          makeObj(item);
      }
    });
  }

  /** a, *b, c = v */
  unpack(v: TypeVar, items: TypeVar[], star: number): void {
    this.push((final) => {
      if (!this.ready([v], final)) return;
      const s = v.shape;
      if (s.k === 'tuple' && star < 0) {
        if (s.items.length === items.length) items.forEach((t, i) => unify(t, s.items[i]));
        else items.forEach(makeObj);
        return;
      }
      const elem = tv();
      if (s.k === 'list' || s.k === 'set' || s.k === 'iter') unify(elem, s.elem);
      else if (s.k === 'range' || s.k === 'bytes') unify(elem, tv({ k: 'int' }));
      else if (s.k === 'str') unify(elem, tv({ k: 'str' }));
      else if (s.k === 'tuple') joinInto(elem, s.items);
      else if (s.k === 'dict') unify(elem, s.key);
      else {
        escape(v);
        makeObj(elem);
      }
      items.forEach((t, i) => unify(t, i === star ? tv({ k: 'list', elem }) : elem));
    });
  }

  // ---- subscripts --------------------------------------------------------------------------------

  getItem(obj: TypeVar, key: TypeVar, r: TypeVar, isSlice: boolean, constIndex: number | null = null): void {
    this.push((final) => {
      if (!this.ready([obj], final)) return;
      const s = obj.shape;
      const intKey = (): boolean => key.kind === 'int' || key.kind === 'bool';
      switch (s.k) {
        case 'list':
          if (isSlice) unify(r, tv({ k: 'list', elem: s.elem }));
          else if (this.ready([key], final) && intKey()) unify(r, s.elem);
          else if (key.kind !== 'unknown') makeObj(r);
          return;
        case 'tuple':
          if (isSlice) {
            joinInto(tv(), s.items);
            makeObj(r);
          } else if (constIndex !== null && constIndex >= -s.items.length && constIndex < s.items.length) {
            unify(r, s.items[constIndex < 0 ? constIndex + s.items.length : constIndex]);
          } else {
            joinInto(r, s.items);
          }
          return;
        case 'str':
          unify(r, tv({ k: 'str' }));
          return;
        case 'bytes':
          unify(r, tv(isSlice ? { k: 'bytes' } : { k: 'int' }));
          return;
        case 'range':
          if (isSlice) makeObj(r);
          else unify(r, tv({ k: 'int' }));
          return;
        case 'dict':
          unify(r, s.value);
          return;
        default:
          escape(key);
          escape(obj);
          makeObj(r);
      }
    });
  }

  setItem(obj: TypeVar, key: TypeVar, v: TypeVar): void {
    this.push((final) => {
      if (!this.ready([obj], final)) return;
      const s = obj.shape;
      if (s.k === 'list') {
        if (key.kind === 'unknown' && !final) return;
        if (key.kind === 'int' || key.kind === 'bool') this.once(`setitem:${obj.id}:${v.id}`, () => this.flow(v, s.elem));
        else {
          // slice assignment: the items of v
          this.once(`setslice:${obj.id}:${v.id}`, () => this.iterate(v, s.elem));
        }
        return;
      }
      if (s.k === 'dict') {
        this.once(`setdict:${obj.id}:${key.id}:${v.id}`, () => {
          this.flow(key, s.key);
          this.flow(v, s.value);
        });
        return;
      }
      escape(key);
      escape(v);
    });
  }

  // ---- attributes --------------------------------------------------------------------------------

  /** The instance attribute `name` of cls (created on first use). */
  attr(cls: ClassInfo, name: string): TypeVar {
    let t = cls.attrs.get(name);
    if (!t) {
      t = tv();
      cls.attrs.set(name, t);
      const cattr = this.classAttrLookup(cls, name);
      // before an instance assignment, reads find the class attribute
      if (cattr && cattr.kind !== 'funcs') unify(t, cattr);
    }
    return t;
  }

  /** A class attribute along the bases (classes of the program only). */
  classAttrLookup(cls: ClassInfo, name: string): TypeVar | null {
    const seen = new Set<ClassInfo>();
    const visit = (c: ClassInfo): TypeVar | null => {
      if (seen.has(c)) return null;
      seen.add(c);
      const t = c.classAttrs.get(name);
      if (t) return t;
      for (const b of c.bases ?? []) {
        const r = visit(b);
        if (r) return r;
      }
      return null;
    };
    return visit(cls);
  }

  getAttr(obj: TypeVar, name: string, r: TypeVar): void {
    if (name === '__dict__') this.inf.anyAttributes = true;
    this.push((final) => {
      if (!this.ready([obj], final)) return;
      const s = obj.shape;
      switch (s.k) {
        case 'inst': {
          const cls = s.cls;
          if (cls.bases === null) {
            makeObj(r);
            return;
          }
          if (cls.attrs.has(name)) {
            unify(r, this.attr(cls, name));
            return;
          }
          const c = this.classAttrLookup(cls, name);
          if (c && c.kind === 'funcs') unify(r, tv({ k: 'method', self: obj, name }));
          else if (c && c.kind !== 'unknown') unify(r, c);
          // the attribute may be created by code not analysed yet (an __init__ called later)
          else if (!final) return;
          else makeObj(r);
          return;
        }
        case 'class': {
          const c = s.cls.bases === null ? null : this.classAttrLookup(s.cls, name);
          if (c) unify(r, c);
          else makeObj(r);
          return;
        }
        case 'module':
          unify(r, this.moduleAttr(s.name, name));
          return;
        case 'complex':
          if (name === 'real' || name === 'imag') unify(r, tv({ k: 'float' }));
          else unify(r, tv({ k: 'method', self: obj, name }));
          return;
        case 'list': case 'dict': case 'set': case 'str': case 'bytes': case 'tuple': case 'int': case 'float':
          unify(r, tv({ k: 'method', self: obj, name }));
          return;
        default:
          this.inf.dynamicAttrNames.add(name);
          escape(obj);
          makeObj(r);
      }
    });
  }

  setAttr(inst: FunctionInstance, node: A.AttributeNode, obj: TypeVar, name: string, v: TypeVar): void {
    // in a method's generic fallback, `self` is not an instance of the method's own class
    if (name === '__class__' || name === '__dict__') this.inf.anyAttributes = true;
    const selfOfOtherClass = inst.kind === 'generic' && inst.methodOf !== null && node.value._type === 'Name'
      && node.value.id === inst.scope.params[0];
    this.push((final) => {
      if (!this.ready([obj], final)) return;
      const s = obj.shape;
      switch (s.k) {
        case 'inst':
          if (s.cls.bases === null) return;
          this.once(`setattr:${s.cls.qualname}:${name}:${v.id}`, () => this.flow(v, this.attr(s.cls, name)));
          return;
        case 'class': {
          let t = s.cls.classAttrs.get(name);
          if (!t) {
            t = tv();
            s.cls.classAttrs.set(name, t);
          }
          unify(t, v);
          return;
        }
        case 'module': {
          const m = this.inf.modules.get(s.name);
          if (m) unify(m.global(name), v);
          else escape(v);
          return;
        }
        default: {
          // any instance with this attribute may receive v
          escape(v);
          const key = selfOfOtherClass ? `${name}\u0000${inst.methodOf!.qualname}` : name;
          let stored = this.inf.dynamicAttrStores.get(key);
          if (!stored) {
            stored = tv();
            this.inf.dynamicAttrStores.set(key, stored);
          }
          unify(stored, v);
        }
      }
    });
  }

  // ---- calls -------------------------------------------------------------------------------------

  /**
   * callee(args). From a generic fallback (`fromGeneric`), calls of the program's functions go
   * through their checked entry, so the fallback's obj arguments do not widen the parameters
   * of the callee's main instance.
   */
  call(callee: TypeVar, args: TypeVar[], kws: readonly KeywordType[], r: TypeVar, dynamic: boolean, node?: A.CallNode,
    fromGeneric = false): void {
    this.push((final) => {
      if (dynamic) {
        this.dynamicCall(callee, args, kws, r);
        return;
      }
      if (!this.ready([callee], final)) return;
      const s = callee.shape;
      switch (s.k) {
        case 'funcs':
          if (fromGeneric) {
            for (const fn of s.fns) this.inf.escapedFunctions.add(fn.key);
            this.dynamicCall(callee, args, kws, r);
            return;
          }
          for (const fn of s.fns) {
            const main = this.inf.mainInstance(fn);
            if (!this.bindCall(main, args, kws, final)) {
              // this one is called through its checked entry (the others may still fit)
              this.inf.escapedFunctions.add(fn.key);
              args.forEach(escape);
              kws.forEach((k) => escape(k.type));
              makeObj(r);
              continue;
            }
            unify(r, main.ret);
          }
          return;
        case 'class':
          this.construct(s.cls, args, kws, r, final, fromGeneric);
          return;
        case 'builtin': {
          if (s.name === 'getattr') this.inf.anyMethodEscapes = true;
          const rule = BUILTIN_CALLS[s.name];
          if (!rule) {
            this.dynamicCall(callee, args, kws, r);
            return;
          }
          if (!this.ready(args, final)) return;
          rule(this.ctx(args, kws, r, final, node));
          return;
        }
        case 'method':
          if (fromGeneric && s.self.kind === 'inst') {
            this.dynamicCall(objType(), args, kws, r);
            return;
          }
          this.methodCall(s.self, s.name, args, kws, r, final, node);
          return;
        default:
          this.dynamicCall(callee, args, kws, r);
      }
    });
  }

  ctx(args: TypeVar[], kws: readonly KeywordType[], r: TypeVar, final: boolean, node?: A.CallNode): CallCtx {
    return {
      args, kws, r, final, node,
      rules: this,
      dynamic: () => this.dynamicCall(objType(), args, kws, r),
    };
  }

  dynamicCall(callee: TypeVar, args: TypeVar[], kws: readonly KeywordType[], r: TypeVar): void {
    escape(callee);
    args.forEach(escape);
    kws.forEach((k) => escape(k.type));
    makeObj(r);
  }

  /** Binds a call's arguments to an instance's parameters; false when they do not fit. */
  bindCall(main: FunctionInstance, args: readonly TypeVar[], kws: readonly KeywordType[], final: boolean, selfArg: TypeVar | null = null): boolean {
    const node = main.node;
    if (node._type === 'Module') return false;
    const all = selfArg ? [selfArg, ...args] : [...args];
    if (node._type === 'GeneratorExp') {
      if (all.length !== 1 || kws.length) return false;
      this.once(`arg:${main.key}:0:${all[0].id}`, () => this.flow(all[0], main.params[0]));
      return true;
    }
    const a = node.args;
    const positional = [...a.posonlyargs, ...a.args];
    const bound: (TypeVar | null)[] = main.params.map(() => null);
    for (let i = 0; i < all.length; i++) {
      if (i < positional.length) bound[i] = all[i];
      else if (a.vararg) escape(all[i]);
      else return false;
    }
    const kwStart = positional.length + (a.vararg ? 1 : 0);
    for (const k of kws) {
      let idx = positional.findIndex((p, i) => p.arg === k.name && i >= a.posonlyargs.length);
      if (idx < 0) {
        const j = a.kwonlyargs.findIndex((p) => p.arg === k.name);
        if (j >= 0) idx = kwStart + j;
      }
      if (idx < 0) {
        if (a.kwarg) {
          escape(k.type);
          continue;
        }
        return false;
      }
      if (bound[idx]) return false;
      bound[idx] = k.type;
    }
    // parameters without an argument need a default
    const ndef = a.defaults.length;
    for (let i = 0; i < positional.length; i++) {
      if (!bound[i] && i < positional.length - ndef) return false;
    }
    for (let j = 0; j < a.kwonlyargs.length; j++) {
      if (!bound[kwStart + j] && !a.kw_defaults[j]) return false;
    }
    bound.forEach((t, i) => {
      if (t) this.once(`arg:${main.key}:${i}:${t.id}`, () => this.flow(t, main.params[i]));
    });
    void final;
    return true;
  }

  private construct(cls: ClassInfo, args: TypeVar[], kws: readonly KeywordType[], r: TypeVar, final: boolean, fromGeneric: boolean): void {
    if (cls.bases === null || this.classAttrLookup(cls, '__new__')) {
      this.dynamicCall(objType(), args, kws, r);
      return;
    }
    unify(r, tv({ k: 'inst', cls, nullable: false }));
    const self = r;
    if (fromGeneric) {
      // __init__ through its checked entry
      args.forEach(escape);
      kws.forEach((k) => escape(k.type));
      return;
    }
    const init = this.classAttrLookup(cls, '__init__');
    if (!init) {
      if (args.length || kws.length) args.forEach(escape);
      return;
    }
    if (init.kind === 'unknown' && !final) return;
    const s = init.shape;
    if (s.k !== 'funcs') {
      this.dynamicCall(init, args, kws, tv());
      return;
    }
    for (const fn of s.fns) {
      const main = this.inf.mainInstance(fn);
      if (!this.bindCall(main, args, kws, final, self)) this.dynamicCall(objType(), args, kws, tv());
    }
  }

  /** per call site: the receiver as a non-None instance (a call on None raises first) */
  private readonly receivers = new Map<number, TypeVar>();

  private methodCall(self: TypeVar, name: string, args: TypeVar[], kws: readonly KeywordType[], r: TypeVar, final: boolean, node?: A.CallNode): void {
    const s = self.shape;
    if (s.k === 'inst') {
      let receiver = this.receivers.get(r.id);
      if (!receiver) {
        receiver = tv({ k: 'inst', cls: s.cls, nullable: false });
        this.receivers.set(r.id, receiver);
      }
      self = receiver;
      const c = this.classAttrLookup(s.cls, name);
      if (!c || c.kind !== 'funcs') {
        this.dynamicCall(objType(), args, kws, r);
        return;
      }
      for (const fn of (c.shape as { fns: import('./types.js').FunctionRef[] }).fns) {
        const main = this.inf.mainInstance(fn);
        if (!this.bindCall(main, args, kws, final, self)) {
          this.dynamicCall(objType(), args, kws, r);
          return;
        }
        unify(r, main.ret);
      }
      return;
    }
    const rule = METHOD_RULES[`${s.k}.${name}`];
    if (!rule) {
      escape(self);
      this.dynamicCall(objType(), args, kws, r);
      return;
    }
    if (!this.ready(args, final)) return;
    rule(self, this.ctx(args, kws, r, final, node));
  }
}

/** The type of a binary operation on two known types ('obj' when it is not a built-in case). */
function binopResult(op: A.Operator, a: Shape, b: Shape, inplace: boolean, nonNegativeBase: boolean): Shape | TypeVar | 'obj' {
  const intLike = (s: Shape): boolean => s.k === 'int' || s.k === 'bool';
  const num = (s: Shape): boolean => intLike(s) || s.k === 'float';
  if (intLike(a) && intLike(b)) {
    if (op === 'Div') return { k: 'float' };
    // int ** int is a float for negative exponents
    if (op === 'Pow') return 'obj';
    if (op === 'MatMult') return 'obj';
    if (a.k === 'bool' && b.k === 'bool' && (op === 'BitAnd' || op === 'BitOr' || op === 'BitXor')) return { k: 'bool' };
    return { k: 'int' };
  }
  if (num(a) && num(b)) {
    if (op === 'Add' || op === 'Sub' || op === 'Mult' || op === 'Div' || op === 'FloorDiv' || op === 'Mod') return { k: 'float' };
    // a negative float to a fractional power is complex
    if (op === 'Pow' && (nonNegativeBase || intLike(b))) return { k: 'float' };
    return 'obj';
  }
  if ((a.k === 'complex' && (num(b) || b.k === 'complex')) || (b.k === 'complex' && num(a))) {
    if (op === 'Add' || op === 'Sub' || op === 'Mult' || op === 'Div' || op === 'Pow') return { k: 'complex' };
    return 'obj';
  }
  if (a.k === 'str' && b.k === 'str' && op === 'Add') return { k: 'str' };
  if (op === 'Mult' && ((a.k === 'str' && intLike(b)) || (b.k === 'str' && intLike(a)))) return { k: 'str' };
  if (op === 'Mod' && a.k === 'str') return { k: 'str' };
  if (a.k === 'bytes' && b.k === 'bytes' && op === 'Add') return { k: 'bytes' };
  if (a.k === 'list') {
    if (op === 'Add' && b.k === 'list') {
      unify(a.elem, b.elem);
      return { k: 'list', elem: a.elem };
    }
    if (op === 'Add' && inplace) return 'obj';
    if (op === 'Mult' && intLike(b)) return { k: 'list', elem: a.elem };
  }
  if (b.k === 'list' && op === 'Mult' && intLike(a)) return { k: 'list', elem: b.elem };
  if (a.k === 'tuple' && b.k === 'tuple' && op === 'Add') return { k: 'tuple', items: [...a.items, ...b.items] };
  if (a.k === 'set' && b.k === 'set' && (op === 'BitOr' || op === 'BitAnd' || op === 'Sub' || op === 'BitXor')) {
    unify(a.elem, b.elem);
    return { k: 'set', elem: a.elem };
  }
  return 'obj';
}
