// types/types.ts — the type terms of pync's inference: type variables joined by unification.
//
// A TypeVar starts unknown and is bound to a shape by unification. Two different shapes joined
// make `obj`: a dynamic value whose type is only known at run time (boxed, dispatched by the
// runtime). Values that reach dynamic code become `obj` together with everything inside them
// (the dynamic code could store anything into a list it received), so a typed container's
// element type holds for every value the program can put in it. Instances are the exception:
// what dynamic code stores into their attributes is seen by the inference at the store itself
// (attributes are typed per class and name; see infer.ts).

import type * as A from '../frontend/ast.js';

export type Shape =
  | { k: 'unknown' }
  | { k: 'obj' }
  | { k: 'int' }
  | { k: 'float' }
  | { k: 'bool' }
  | { k: 'none' }
  | { k: 'str'; nullable?: boolean }
  | { k: 'bytes' }
  | { k: 'complex' }
  | { k: 'range' }
  | { k: 'list'; elem: TypeVar; nullable?: boolean }
  | { k: 'tuple'; items: TypeVar[]; nullable?: boolean }
  | { k: 'dict'; key: TypeVar; value: TypeVar; nullable?: boolean }
  | { k: 'set'; elem: TypeVar; nullable?: boolean }
  /** an iterator (enumerate, zip, iter(list), reversed, map ...) producing elem */
  | { k: 'iter'; elem: TypeVar }
  /** one of a few known functions (calls dispatch on the code object) */
  | { k: 'funcs'; fns: FunctionRef[] }
  /** an instance of exactly this class (or None, when nullable) */
  | { k: 'inst'; cls: ClassInfo; nullable: boolean }
  /** the class object */
  | { k: 'class'; cls: ClassInfo }
  /** a builtin function or type of the runtime (len, range, int, math.sqrt ...) */
  | { k: 'builtin'; name: string }
  | { k: 'module'; name: string }
  /** obj.method before the call (list.append, str.join, inst.method) */
  | { k: 'method'; self: TypeVar; name: string };

/** A function definition of the program as a value (a def or lambda in some enclosing instance). */
export interface FunctionRef {
  readonly node: A.FunctionDefNode | A.AsyncFunctionDefNode | A.LambdaNode;
  /** the function instance the def runs in (null: module level) */
  readonly outer: unknown;
  readonly key: string;
}

export interface ClassInfo {
  readonly node: A.ClassDefNode;
  readonly name: string;
  readonly qualname: string;
  /** the instance attributes, by name */
  readonly attrs: Map<string, TypeVar>;
  /** the class attributes (methods, constants) bound in the class body */
  readonly classAttrs: Map<string, TypeVar>;
  /** classes listed as bases (null when a base is not a class of the program) */
  bases: ClassInfo[] | null;
  /** true when instances may get attributes the inference cannot see (setattr, __dict__) */
  dynamicAttrs: boolean;
}

let nextId = 0;
/** incremented on every change of any type variable: the solver's progress measure */
export let changes = 0;

export class TypeVar {
  readonly id = nextId++;
  private parent: TypeVar | null = null;
  private shape_: Shape = { k: 'unknown' };

  constructor(shape?: Shape) {
    if (shape) this.shape_ = shape;
  }

  find(): TypeVar {
    let r: TypeVar = this;
    while (r.parent) r = r.parent;
    // path compression
    let n: TypeVar = this;
    while (n.parent && n.parent !== r) {
      const next = n.parent;
      n.parent = r;
      n = next;
    }
    return r;
  }

  get shape(): Shape {
    return this.find().shape_;
  }

  get kind(): Shape['k'] {
    return this.find().shape_.k;
  }

  /** @internal unification only: a change of shape counts as progress unless it is the same */
  setShape(s: Shape): void {
    const r = this.find();
    if (!sameShape(r.shape_, s)) changes++;
    r.shape_ = s;
  }

  /** @internal unification only: an unknown variable taking a known type is progress */
  linkTo(other: TypeVar): void {
    const r = this.find();
    const o = other.find();
    if (r !== o) {
      if (r.shape_.k === 'unknown' && o.shape_.k !== 'unknown') changes++;
      r.parent = o;
    }
  }
}

export function tv(shape?: Shape): TypeVar {
  return new TypeVar(shape);
}

/** Whether two shapes are the same at the top (components are type variables of their own). */
function sameShape(a: Shape, b: Shape): boolean {
  if (a.k !== b.k) return false;
  if (isNullable(a) !== isNullable(b)) return false;
  if (a.k === 'inst' && b.k === 'inst') return a.cls === b.cls;
  if (a.k === 'funcs' && b.k === 'funcs') return a.fns.length === b.fns.length;
  if (a.k === 'tuple' && b.k === 'tuple') return a.items.length === b.items.length;
  return true;
}

const MAX_FUNCS = 8;

/** Makes a and b the same type: equal shapes merge, different ones become obj. */
export function unify(a: TypeVar, b: TypeVar): void {
  const ra = a.find();
  const rb = b.find();
  if (ra === rb) return;
  const sa = ra.shape;
  const sb = rb.shape;
  if (sa.k === 'unknown') {
    ra.linkTo(rb);
    return;
  }
  if (sb.k === 'unknown') {
    rb.linkTo(ra);
    return;
  }
  if (sa.k === 'obj') {
    makeObj(rb);
    rb.linkTo(ra);
    return;
  }
  if (sb.k === 'obj') {
    makeObj(ra);
    ra.linkTo(rb);
    return;
  }
  const merged = merge(sa, sb);
  if (merged === null) {
    // different types: dynamic
    makeObj(ra);
    makeObj(rb);
    rb.linkTo(ra);
    return;
  }
  // link first (the components unify next and may come back to these variables)
  rb.linkTo(ra);
  ra.setShape(merged.shape);
  for (const [x, y] of merged.pairs) unify(x, y);
}

/** Two concrete shapes as one, with the component pairs still to unify; null if they differ. */
function merge(a: Shape, b: Shape): { shape: Shape; pairs: [TypeVar, TypeVar][] } | null {
  // None joins a reference type as its nullable form (Optional[...])
  if (a.k === 'none' && NULLABLE.has(b.k)) return { shape: { ...b, nullable: true } as Shape, pairs: [] };
  if (b.k === 'none' && NULLABLE.has(a.k)) return { shape: { ...a, nullable: true } as Shape, pairs: [] };
  if (a.k !== b.k) return null;
  const nullable = isNullable(a) || isNullable(b);
  switch (a.k) {
    case 'int': case 'float': case 'bool': case 'none': case 'bytes': case 'complex': case 'range':
      return { shape: a, pairs: [] };
    case 'str':
      return { shape: nullable ? { k: 'str', nullable } : a, pairs: [] };
    case 'inst':
      return b.k === 'inst' && b.cls === a.cls ? { shape: { ...a, nullable }, pairs: [] } : null;
    case 'list':
      return b.k === 'list' ? { shape: { ...a, nullable }, pairs: [[a.elem, b.elem]] } : null;
    case 'set':
      return b.k === 'set' ? { shape: { ...a, nullable }, pairs: [[a.elem, b.elem]] } : null;
    case 'iter':
      return b.k === 'iter' ? { shape: a, pairs: [[a.elem, b.elem]] } : null;
    case 'dict':
      return b.k === 'dict' ? { shape: { ...a, nullable }, pairs: [[a.key, b.key], [a.value, b.value]] } : null;
    case 'tuple':
      if (b.k !== 'tuple' || b.items.length !== a.items.length) return null;
      return { shape: { ...a, nullable }, pairs: a.items.map((t, i) => [t, b.items[i]] as [TypeVar, TypeVar]) };
    case 'funcs': {
      if (b.k !== 'funcs') return null;
      const fns = [...a.fns];
      for (const f of b.fns) if (!fns.some((g) => g.key === f.key)) fns.push(f);
      return fns.length <= MAX_FUNCS ? { shape: { k: 'funcs', fns }, pairs: [] } : null;
    }
    case 'class':
      return b.k === 'class' && b.cls === a.cls ? { shape: a, pairs: [] } : null;
    case 'builtin':
      return b.k === 'builtin' && b.name === a.name ? { shape: a, pairs: [] } : null;
    case 'module':
      return b.k === 'module' && b.name === a.name ? { shape: a, pairs: [] } : null;
    case 'method':
      return b.k === 'method' && b.name === a.name ? { shape: a, pairs: [[a.self, b.self]] } : null;
    default:
      return null;
  }
}

/** Reference types that may also be None. */
const NULLABLE = new Set<Shape['k']>(['inst', 'list', 'dict', 'set', 'tuple', 'str']);

export function isNullable(s: Shape): boolean {
  return 'nullable' in s && s.nullable === true;
}

/** Values copied, not shared: assigning one gives the target its own type variable. */
export const VALUE_KINDS = new Set<Shape['k']>([
  'int', 'float', 'bool', 'none', 'str', 'bytes', 'complex', 'range', 'builtin', 'module', 'class',
  // instances are typed per class and attribute, functions per instance: a copy loses nothing
  'inst', 'funcs',
]);

/**
 * The value becomes dynamic: it and every value inside it (elements of containers, the
 * receiver of a bound method) may be anything from now on.
 */
export function makeObj(t: TypeVar): void {
  const r = t.find();
  const s = r.shape;
  if (s.k === 'obj') return;
  r.setShape({ k: 'obj' });
  switch (s.k) {
    case 'funcs':
      // the functions may now be called from anywhere, with anything
      for (const f of s.fns) escapeHook?.(f);
      break;
    case 'list': case 'set': case 'iter':
      makeObj(s.elem);
      break;
    case 'dict':
      makeObj(s.key);
      makeObj(s.value);
      break;
    case 'tuple':
      s.items.forEach(makeObj);
      break;
    case 'method':
      // a bound method reaching dynamic code: its receiver's containers with it (instances are
      // typed per class: nothing to widen)
      if (!VALUE_KINDS.has(s.self.kind)) makeObj(s.self);
      break;
    default:
      break;
  }
}

/** A function value handed to code the inference cannot see (it may be called from there). */
export function escapeFunctions(t: TypeVar): void {
  const s = t.shape;
  if (s.k === 'funcs') for (const f of s.fns) escapeHook?.(f);
}

let escapeHook: ((f: FunctionRef) => void) | null = null;

/** Called for every function value that becomes dynamic (inference sets it). */
export function setEscapeHook(hook: ((f: FunctionRef) => void) | null): void {
  escapeHook = hook;
}

export function objType(): TypeVar {
  return tv({ k: 'obj' });
}

/** A short readable form: int, list[float], tuple[int, str], Point?, obj. */
export function showType(t: TypeVar, depth = 0): string {
  const s = t.shape;
  if (depth > 4) return '...';
  switch (s.k) {
    case 'unknown': return '?';
    case 'list': return `list[${showType(s.elem, depth + 1)}]${s.nullable ? '?' : ''}`;
    case 'set': return `set[${showType(s.elem, depth + 1)}]${s.nullable ? '?' : ''}`;
    case 'iter': return `iter[${showType(s.elem, depth + 1)}]`;
    case 'dict': return `dict[${showType(s.key, depth + 1)}, ${showType(s.value, depth + 1)}]${s.nullable ? '?' : ''}`;
    case 'tuple': return `tuple[${s.items.map((i) => showType(i, depth + 1)).join(', ')}]${s.nullable ? '?' : ''}`;
    case 'funcs': return `function ${s.fns.map((f) => f.key).join(' | ')}`;
    case 'inst': return `${s.cls.qualname}${s.nullable ? '?' : ''}`;
    case 'str': return s.nullable ? 'str?' : 'str';
    case 'class': return `class ${s.cls.qualname}`;
    case 'builtin': return `builtin ${s.name}`;
    case 'module': return `module ${s.name}`;
    case 'method': return `method ${showType(s.self, depth + 1)}.${s.name}`;
    default: return s.k;
  }
}
