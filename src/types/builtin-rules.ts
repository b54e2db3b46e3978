// types/builtin-rules.ts — the types of builtin functions, of functions of pync's built-in
// modules (math, random, time, sys) and of methods of built-in types, as inference rules.
//
// A rule sees its argument types (all known: the solver waits) and unifies the result. Anything
// a rule does not recognise falls back to ctx.dynamic(): the arguments' containers escape and
// the result is obj. A rule must only claim a type the runtime function always returns.

import type * as A from '../frontend/ast.js';
import { makeObj, tv, unify, type Shape, type TypeVar } from './types.js';
import { escape, joinInto, type KeywordType, type Rules } from './infer-rules.js';

export interface CallCtx {
  readonly args: TypeVar[];
  readonly kws: readonly KeywordType[];
  readonly r: TypeVar;
  readonly final: boolean;
  readonly node?: A.CallNode;
  readonly rules: Rules;
  /** treat the call as dynamic: arguments escape, result obj */
  dynamic(): void;
}

type CallRule = (c: CallCtx) => void;
type MethodRule = (self: TypeVar, c: CallCtx) => void;

const t = (k: Shape['k']): TypeVar => tv({ k } as Shape);
const kind = (x: TypeVar): string => x.kind;
const intLike = (x: TypeVar): boolean => x.kind === 'int' || x.kind === 'bool';
const num = (x: TypeVar): boolean => intLike(x) || x.kind === 'float';

/**
 * Result `k` for any arguments (the function always returns that type or raises). These
 * builtins only read their arguments (repr and print may run a class's __repr__, whose
 * attribute stores the inference sees), so containers passed to them keep their types.
 */
function returns(k: Shape['k'], nargs?: [number, number]): CallRule {
  return (c) => {
    if (nargs && (c.args.length < nargs[0] || c.args.length > nargs[1] || c.kws.length)) {
      c.dynamic();
      return;
    }
    unify(c.r, t(k));
  };
}

/** The element type of an iterable, or null when it is not a known iterable. */
function elementOf(x: TypeVar): TypeVar | null {
  const s = x.shape;
  switch (s.k) {
    case 'list': case 'set': case 'iter': return s.elem;
    case 'dict': return s.key;
    case 'range': case 'bytes': return t('int');
    case 'str': return t('str');
    case 'tuple': {
      const r = tv();
      joinInto(r, s.items);
      return r;
    }
    default: return null;
  }
}

function iterResult(c: CallCtx, make: (elems: TypeVar[]) => Shape | null): void {
  const elems: TypeVar[] = [];
  for (const a of c.args) {
    const e = elementOf(a);
    if (!e) {
      c.dynamic();
      return;
    }
    elems.push(e);
  }
  const shape = make(elems);
  if (!shape) c.dynamic();
  else unify(c.r, tv(shape));
}

const mathFloat1: CallRule = (c) => {
  if (c.args.length === 1 && !c.kws.length && num(c.args[0])) unify(c.r, t('float'));
  else c.dynamic();
};
const mathFloat2: CallRule = (c) => {
  if (c.args.length === 2 && !c.kws.length && c.args.every(num)) unify(c.r, t('float'));
  else c.dynamic();
};

export const BUILTIN_CALLS: Record<string, CallRule> = {
  len: returns('int', [1, 1]),
  hash: returns('int', [1, 1]),
  id: returns('int', [1, 1]),
  ord: returns('int', [1, 1]),
  repr: returns('str', [1, 1]),
  ascii: returns('str', [1, 1]),
  chr: returns('str', [1, 1]),
  hex: returns('str', [1, 1]),
  oct: returns('str', [1, 1]),
  bin: returns('str', [1, 1]),
  format: returns('str', [1, 2]),
  input: returns('str', [0, 1]),
  isinstance: returns('bool', [2, 2]),
  issubclass: returns('bool', [2, 2]),
  callable: returns('bool', [1, 1]),
  hasattr: returns('bool', [2, 2]),
  print: (c) => unify(c.r, t('none')),
  range: (c) => {
    if (c.args.length >= 1 && c.args.length <= 3 && !c.kws.length && c.args.every(intLike)) unify(c.r, t('range'));
    else c.dynamic();
  },
  int: (c) => {
    if (c.args.length <= 2 && !c.kws.length && c.args.every((a) => num(a) || a.kind === 'str' || a.kind === 'bytes')) unify(c.r, t('int'));
    else c.dynamic();
  },
  float: (c) => {
    if (c.args.length <= 1 && !c.kws.length && c.args.every((a) => num(a) || a.kind === 'str')) unify(c.r, t('float'));
    else c.dynamic();
  },
  complex: (c) => {
    if (c.args.length <= 2 && !c.kws.length && c.args.every((a) => num(a) || a.kind === 'complex')) unify(c.r, t('complex'));
    else c.dynamic();
  },
  str: (c) => {
    if (c.args.length <= 1 && !c.kws.length) unify(c.r, t('str'));
    else c.dynamic();
  },
  bool: (c) => {
    if (c.args.length <= 1 && !c.kws.length) unify(c.r, t('bool'));
    else c.dynamic();
  },
  abs: (c) => {
    if (c.args.length !== 1 || c.kws.length) return c.dynamic();
    const k = kind(c.args[0]);
    if (k === 'int' || k === 'bool') unify(c.r, t('int'));
    else if (k === 'float' || k === 'complex') unify(c.r, t('float'));
    else c.dynamic();
  },
  min: (c) => minMax(c),
  max: (c) => minMax(c),
  sum: (c) => {
    if (c.kws.length || c.args.length < 1 || c.args.length > 2) return c.dynamic();
    const e = elementOf(c.args[0]);
    const start = c.args[1];
    if (!e) return c.dynamic();
    // sum starts from int 0: the total is an int only when every item is
    if (intLike(e) && (!start || intLike(start))) unify(c.r, t('int'));
    else if (start && start.kind === 'float' && num(e)) unify(c.r, t('float'));
    else c.dynamic();
  },
  list: (c) => {
    if (c.kws.length || c.args.length > 1) return c.dynamic();
    if (c.args.length === 0) {
      unify(c.r, tv({ k: 'list', elem: tv() }));
      return;
    }
    iterResult(c, ([e]) => ({ k: 'list', elem: e }));
  },
  set: (c) => {
    if (c.kws.length || c.args.length > 1) return c.dynamic();
    if (c.args.length === 0) {
      unify(c.r, tv({ k: 'set', elem: tv() }));
      return;
    }
    iterResult(c, ([e]) => ({ k: 'set', elem: e }));
  },
  dict: (c) => {
    if (c.args.length === 0 && c.kws.length === 0) unify(c.r, tv({ k: 'dict', key: tv(), value: tv() }));
    else c.dynamic();
  },
  sorted: (c) => {
    if (c.args.length !== 1) return c.dynamic();
    for (const k of c.kws) {
      if (k.name === 'reverse') continue;
      if (k.name === 'key') {
        const e = elementOf(c.args[0]);
        if (!e) return c.dynamic();
        c.rules.once(`sortedkey:${c.r.id}`, () => c.rules.call(k.type, [e], [], tv(), false));
        continue;
      }
      return c.dynamic();
    }
    iterResult(c, ([e]) => ({ k: 'list', elem: e }));
  },
  reversed: (c) => {
    if (c.args.length !== 1 || c.kws.length) return c.dynamic();
    const k = kind(c.args[0]);
    if (k !== 'list' && k !== 'range' && k !== 'str' && k !== 'tuple') return c.dynamic();
    iterResult(c, ([e]) => ({ k: 'iter', elem: e }));
  },
  enumerate: (c) => {
    if (c.args.length < 1 || c.args.length > 2 || c.kws.length) return c.dynamic();
    if (c.args.length === 2 && !intLike(c.args[1])) return c.dynamic();
    const e = elementOf(c.args[0]);
    if (!e) return c.dynamic();
    unify(c.r, tv({ k: 'iter', elem: tv({ k: 'tuple', items: [t('int'), e] }) }));
  },
  zip: (c) => {
    if (c.kws.length || c.args.length === 0) return c.dynamic();
    iterResult(c, (elems) => ({ k: 'iter', elem: tv({ k: 'tuple', items: elems }) }));
  },
  iter: (c) => {
    if (c.args.length !== 1 || c.kws.length) return c.dynamic();
    iterResult(c, ([e]) => ({ k: 'iter', elem: e }));
  },
  next: (c) => {
    if (c.kws.length || c.args.length < 1 || c.args.length > 2 || c.args[0].kind !== 'iter') return c.dynamic();
    const e = elementOf(c.args[0])!;
    if (c.args.length === 2) joinInto(c.r, [e, c.args[1]]);
    else unify(c.r, e);
  },
  divmod: (c) => {
    if (c.args.length !== 2 || c.kws.length) return c.dynamic();
    const [a, b] = c.args;
    if (intLike(a) && intLike(b)) unify(c.r, tv({ k: 'tuple', items: [t('int'), t('int')] }));
    else if (num(a) && num(b)) unify(c.r, tv({ k: 'tuple', items: [t('float'), t('float')] }));
    else c.dynamic();
  },
  round: (c) => {
    if (c.kws.length || c.args.length < 1 || c.args.length > 2) return c.dynamic();
    const x = c.args[0];
    if (c.args.length === 1 && num(x)) unify(c.r, t('int'));
    else if (c.args.length === 2 && intLike(x) && intLike(c.args[1])) unify(c.r, t('int'));
    else if (c.args.length === 2 && x.kind === 'float' && intLike(c.args[1])) unify(c.r, t('float'));
    else c.dynamic();
  },
  pow: (c) => {
    if (c.kws.length || c.args.length < 2 || c.args.length > 3) return c.dynamic();
    if (c.args.length === 3 && c.args.every(intLike)) unify(c.r, t('int'));
    else c.dynamic();
  },
  // math
  'math.sqrt': mathFloat1, 'math.sin': mathFloat1, 'math.cos': mathFloat1, 'math.tan': mathFloat1,
  'math.asin': mathFloat1, 'math.acos': mathFloat1, 'math.atan': mathFloat1, 'math.exp': mathFloat1,
  'math.sinh': mathFloat1, 'math.cosh': mathFloat1, 'math.tanh': mathFloat1, 'math.fabs': mathFloat1,
  'math.log10': mathFloat1, 'math.log2': mathFloat1, 'math.expm1': mathFloat1, 'math.log1p': mathFloat1,
  'math.degrees': mathFloat1, 'math.radians': mathFloat1, 'math.erf': mathFloat1, 'math.erfc': mathFloat1,
  'math.gamma': mathFloat1, 'math.lgamma': mathFloat1,
  'math.atan2': mathFloat2, 'math.hypot': mathFloat2, 'math.pow': mathFloat2, 'math.fmod': mathFloat2,
  'math.copysign': mathFloat2,
  'math.log': (c) => {
    if (c.kws.length || c.args.length < 1 || c.args.length > 2 || !c.args.every(num)) return c.dynamic();
    unify(c.r, t('float'));
  },
  'math.floor': (c) => intOfNumber(c),
  'math.ceil': (c) => intOfNumber(c),
  'math.trunc': (c) => intOfNumber(c),
  'math.factorial': (c) => {
    if (c.args.length === 1 && !c.kws.length && intLike(c.args[0])) unify(c.r, t('int'));
    else c.dynamic();
  },
  'math.gcd': (c) => {
    if (!c.kws.length && c.args.every(intLike)) unify(c.r, t('int'));
    else c.dynamic();
  },
  'math.isnan': returns('bool', [1, 1]), 'math.isinf': returns('bool', [1, 1]), 'math.isfinite': returns('bool', [1, 1]),
  'math.fsum': (c) => {
    if (c.args.length === 1 && !c.kws.length && elementOf(c.args[0])) unify(c.r, t('float'));
    else c.dynamic();
  },
  // random
  'random.random': returns('float', [0, 0]),
  'random.uniform': returns('float', [2, 2]),
  'random.gauss': returns('float', [0, 2]),
  'random.randint': (c) => {
    if (c.args.length === 2 && !c.kws.length && c.args.every(intLike)) unify(c.r, t('int'));
    else c.dynamic();
  },
  'random.randrange': (c) => {
    if (c.args.length >= 1 && c.args.length <= 3 && !c.kws.length && c.args.every(intLike)) unify(c.r, t('int'));
    else c.dynamic();
  },
  'random.seed': returns('none', [0, 2]),
  'random.choice': (c) => {
    if (c.args.length !== 1 || c.kws.length) return c.dynamic();
    const k = kind(c.args[0]);
    if (k !== 'list' && k !== 'tuple' && k !== 'str' && k !== 'range') return c.dynamic();
    unify(c.r, elementOf(c.args[0])!);
  },
  'random.shuffle': (c) => {
    if (c.args.length !== 1 || c.kws.length || c.args[0].kind !== 'list') return c.dynamic();
    unify(c.r, t('none'));
  },
  // time
  'time.time': returns('float', [0, 0]),
  'time.perf_counter': returns('float', [0, 0]),
  'time.monotonic': returns('float', [0, 0]),
  'time.process_time': returns('float', [0, 0]),
};

function intOfNumber(c: CallCtx): void {
  if (c.args.length === 1 && !c.kws.length && num(c.args[0])) unify(c.r, t('int'));
  else c.dynamic();
}

/** min/max of two or more plain values, or of an iterable (no key=, no default=). */
function minMax(c: CallCtx): void {
  if (c.kws.length || c.args.length === 0) return c.dynamic();
  if (c.args.length === 1) {
    const e = elementOf(c.args[0]);
    if (!e) return c.dynamic();
    joinInto(c.r, [e]);
    return;
  }
  const k = kind(c.args[0]);
  if ((k === 'int' || k === 'float' || k === 'str') && c.args.every((a) => a.kind === k)) unify(c.r, t(k as Shape['k']));
  else c.dynamic();
}

/** Values of built-in modules that are not functions. */
export const BUILTIN_MODULE_VALUES: Record<string, Shape['k']> = {
  'math.pi': 'float', 'math.e': 'float', 'math.tau': 'float', 'math.inf': 'float', 'math.nan': 'float',
  'sys.maxsize': 'int', 'sys.byteorder': 'str', 'sys.version': 'str', 'sys.platform': 'str',
};

// ---- methods of built-in types ---------------------------------------------------------------------

function elemOf(self: TypeVar): TypeVar {
  const s = self.shape;
  if (s.k === 'list' || s.k === 'set' || s.k === 'iter') return s.elem;
  return tv({ k: 'obj' });
}

const strResult = (k: Shape['k']): MethodRule => (_self, c) => {
  unify(c.r, t(k));
};

export const METHOD_RULES: Record<string, MethodRule> = {
  'list.append': (self, c) => {
    if (c.args.length !== 1 || c.kws.length) return c.dynamic();
    c.rules.once(`append:${c.r.id}`, () => c.rules.flow(c.args[0], elemOf(self)));
    unify(c.r, t('none'));
  },
  'list.extend': (self, c) => {
    if (c.args.length !== 1 || c.kws.length) return c.dynamic();
    c.rules.once(`extend:${c.r.id}`, () => c.rules.iterate(c.args[0], elemOf(self)));
    unify(c.r, t('none'));
  },
  'list.insert': (self, c) => {
    if (c.args.length !== 2 || c.kws.length) return c.dynamic();
    c.rules.once(`insert:${c.r.id}`, () => c.rules.flow(c.args[1], elemOf(self)));
    unify(c.r, t('none'));
  },
  'list.pop': (self, c) => {
    if (c.args.length > 1 || c.kws.length) return c.dynamic();
    unify(c.r, elemOf(self));
  },
  'list.index': strResult('int'),
  'list.count': strResult('int'),
  'list.remove': strResult('none'),
  'list.reverse': strResult('none'),
  'list.clear': strResult('none'),
  'list.copy': (self, c) => unify(c.r, tv({ k: 'list', elem: elemOf(self) })),
  'list.sort': (self, c) => {
    if (c.args.length) return c.dynamic();
    for (const k of c.kws) {
      if (k.name === 'key') c.rules.once(`sortkey:${c.r.id}`, () => c.rules.call(k.type, [elemOf(self)], [], tv(), false));
      else if (k.name !== 'reverse') return c.dynamic();
    }
    unify(c.r, t('none'));
  },
  'set.add': (self, c) => {
    if (c.args.length !== 1 || c.kws.length) return c.dynamic();
    c.rules.once(`setadd:${c.r.id}`, () => c.rules.flow(c.args[0], elemOf(self)));
    unify(c.r, t('none'));
  },
  'set.discard': strResult('none'),
  'set.remove': strResult('none'),
  'set.clear': strResult('none'),
  'set.pop': (self, c) => unify(c.r, elemOf(self)),
  'dict.get': (self, c) => {
    const s = self.shape;
    if (s.k !== 'dict' || c.kws.length || c.args.length < 1 || c.args.length > 2) return c.dynamic();
    joinInto(c.r, [s.value, c.args[1] ?? t('none')]);
  },
  'dict.keys': (self, c) => {
    const s = self.shape;
    if (s.k !== 'dict' || c.args.length) return c.dynamic();
    unify(c.r, tv({ k: 'iter', elem: s.key }));
  },
  'dict.values': (self, c) => {
    const s = self.shape;
    if (s.k !== 'dict' || c.args.length) return c.dynamic();
    unify(c.r, tv({ k: 'iter', elem: s.value }));
  },
  'dict.items': (self, c) => {
    const s = self.shape;
    if (s.k !== 'dict' || c.args.length) return c.dynamic();
    unify(c.r, tv({ k: 'iter', elem: tv({ k: 'tuple', items: [s.key, s.value] }) }));
  },
  'dict.setdefault': (self, c) => {
    const s = self.shape;
    if (s.k !== 'dict' || c.kws.length || c.args.length !== 2) return c.dynamic();
    c.rules.once(`setdefault:${c.r.id}`, () => {
      c.rules.flow(c.args[0], s.key);
      c.rules.flow(c.args[1], s.value);
    });
    unify(c.r, s.value);
  },
  'dict.pop': (self, c) => {
    const s = self.shape;
    if (s.k !== 'dict' || c.kws.length || c.args.length < 1 || c.args.length > 2) return c.dynamic();
    joinInto(c.r, c.args.length === 2 ? [s.value, c.args[1]] : [s.value]);
  },
  'dict.clear': strResult('none'),
  'str.join': (_self, c) => {
    if (c.args.length !== 1 || c.kws.length) return c.dynamic();
    unify(c.r, t('str'));
  },
  'str.split': (_self, c) => unify(c.r, tv({ k: 'list', elem: t('str') })),
  'str.rsplit': (_self, c) => unify(c.r, tv({ k: 'list', elem: t('str') })),
  'str.splitlines': (_self, c) => unify(c.r, tv({ k: 'list', elem: t('str') })),
  'str.partition': (_self, c) => unify(c.r, tv({ k: 'tuple', items: [t('str'), t('str'), t('str')] })),
  'str.rpartition': (_self, c) => unify(c.r, tv({ k: 'tuple', items: [t('str'), t('str'), t('str')] })),
  'str.encode': strResult('bytes'),
  'bytes.decode': strResult('str'),
  'str.format': strResult('str'),
  'int.bit_length': strResult('int'),
  'float.is_integer': strResult('bool'),
};
for (const m of ['strip', 'lstrip', 'rstrip', 'lower', 'upper', 'title', 'capitalize', 'swapcase', 'casefold', 'replace', 'center',
  'ljust', 'rjust', 'zfill', 'expandtabs', 'removeprefix', 'removesuffix', 'translate']) {
  METHOD_RULES[`str.${m}`] = strResult('str');
}
for (const m of ['find', 'rfind', 'index', 'rindex', 'count']) {
  METHOD_RULES[`str.${m}`] = strResult('int');
  METHOD_RULES[`tuple.${m}`] = strResult('int');
}
for (const m of ['startswith', 'endswith', 'isdigit', 'isalpha', 'isalnum', 'isspace', 'isupper', 'islower', 'istitle',
  'isdecimal', 'isnumeric', 'isidentifier', 'isprintable', 'isascii']) {
  METHOD_RULES[`str.${m}`] = strResult('bool');
}
void makeObj;
