#!/usr/bin/env python3
"""Records CPython 3.11's behaviour for the runtime's containers (tests/runtime/containers.test.ts).

    python3 scripts/gen-containers-cases.py     # writes tests/runtime/data/containers_cases.txt.gz

Each case is a small Python program written below in plain Python. This script runs it under
CPython (the oracle; never part of pync) and translates it into the prefix form that the C test
driver (tests/runtime/containers_driver.c) interprets by calling the runtime directly, since the
compiler cannot build programs yet. One line per case in the data file:

    <name> TAB <program in prefix form> TAB <expected output, with \\ and newlines escaped>

Every top-level statement runs on its own: if it raises, the output gets a line
"!ExceptionName: message" and the next statement runs. Inside a program, E(e) formats an
exception the same way, for try/except in loops.

The prefix form: (op arg ...), with atoms i<decimal int>, f<16 hex digits of a double's bits>,
s<hex of UTF-8 bytes> (a str), y<hex> (bytes), v<name> (a variable), b<name> (a builtin), N/T/F/E (None, True,
False, Ellipsis) and bare words for operators and attribute names.

Only a subset of Python is translated: the statements and expressions the cases use (assignment,
augmented assignment, del, for, while, if, try/except Exception as e, break, continue, print,
def/return and simple classes; calls of builtins, methods, functions and lambdas, displays,
comprehensions, subscripts, slices, operators). Functions see one namespace: their parameters
and assigned names are saved and restored around each call, so they may not close over another
function's locals.
"""
import ast
import gzip
import io
import math
import os
import random
import struct
import sys
import textwrap
from contextlib import redirect_stdout

assert sys.version_info[:2] == (3, 11), "the oracle must be CPython 3.11"
# str hashes are randomised per process; the cases keep strings out of every order that depends
# on hashing, and a fixed seed keeps the recorded file reproducible all the same
if os.environ.get('PYTHONHASHSEED') != '0':
    os.environ['PYTHONHASHSEED'] = '0'
    os.execv(sys.executable, [sys.executable] + sys.argv)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'tests', 'runtime', 'data', 'containers_cases.txt.gz')
R = random.Random(20241126)

# Builtins the driver provides (everything else must be a variable of the case).
BUILTINS = {
    'len', 'repr', 'str', 'hash', 'iter', 'next', 'list', 'tuple', 'set', 'frozenset', 'dict', 'range',
    'slice', 'sorted', 'min', 'max', 'sum', 'any', 'all', 'enumerate', 'zip', 'map', 'filter', 'reversed',
    'type', 'int', 'float', 'bool', 'isinstance', 'E', 'abs', 'ValueError', 'IndexError', 'KeyError', 'TypeError',
    'RuntimeError', 'StopIteration',
}

BINOPS = {
    ast.Add: 'add', ast.Sub: 'sub', ast.Mult: 'mul', ast.MatMult: 'matmul', ast.Div: 'truediv',
    ast.FloorDiv: 'floordiv', ast.Mod: 'mod', ast.Pow: 'pow', ast.LShift: 'lshift', ast.RShift: 'rshift',
    ast.BitAnd: 'and', ast.BitXor: 'xor', ast.BitOr: 'or',
}
CMPOPS = {
    ast.Lt: 'lt', ast.LtE: 'le', ast.Eq: 'eq', ast.NotEq: 'ne', ast.Gt: 'gt', ast.GtE: 'ge',
    ast.In: 'in', ast.NotIn: 'notin', ast.Is: 'is', ast.IsNot: 'isnot',
}


def E(e):
    return f'{type(e).__name__}: {e}'


class Translator:
    """Python AST -> the driver's prefix form."""

    def __init__(self, tree):
        self.method = None
        self.variables = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
                self.variables.add(node.id)
            elif isinstance(node, ast.arg):
                self.variables.add(node.arg)
            elif isinstance(node, ast.ExceptHandler) and node.name:
                self.variables.add(node.name)
            elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                self.variables.add(node.name)

    def block(self, stmts):
        return '(seq ' + ' '.join(self.stmt(s) for s in stmts) + ')'

    def target(self, t):
        """An assignment target: a name, a subscript, or a tuple of names."""
        if isinstance(t, ast.Name):
            return 'v' + t.id
        if isinstance(t, (ast.Tuple, ast.List)):
            return '(unpack ' + ' '.join(self.target(e) for e in t.elts) + ')'
        if isinstance(t, ast.Subscript):
            return f'(item {self.expr(t.value)} {self.expr(t.slice)})'
        if isinstance(t, ast.Attribute):
            return f'(attrt {self.expr(t.value)} {t.attr})'
        raise ValueError(f'unsupported target {ast.dump(t)}')

    def stmt(self, s):
        if isinstance(s, ast.Expr):
            v = s.value
            if isinstance(v, ast.Call) and isinstance(v.func, ast.Name) and v.func.id == 'print':
                assert not v.keywords
                return '(print ' + ' '.join(self.expr(a) for a in v.args) + ')'
            return f'(expr {self.expr(v)})'
        if isinstance(s, ast.Assign):
            value = self.expr(s.value)
            out = [f'(assign {self.target(t)} vTMP)' for t in s.targets]
            if len(s.targets) == 1:
                return f'(assign {self.target(s.targets[0])} {value})'
            self.variables.add('TMP')
            return f'(seq (assign vTMP {value}) ' + ' '.join(out) + ')'
        if isinstance(s, ast.AugAssign):
            op = BINOPS[type(s.op)]
            t = s.target
            if isinstance(t, ast.Name):
                return f'(augname v{t.id} {op} {self.expr(s.value)})'
            if isinstance(t, ast.Subscript):
                return f'(augitem {self.expr(t.value)} {self.expr(t.slice)} {op} {self.expr(s.value)})'
            raise ValueError('unsupported augmented target')
        if isinstance(s, ast.Delete):
            parts = []
            for t in s.targets:
                if isinstance(t, ast.Subscript):
                    parts.append(f'(delitem {self.expr(t.value)} {self.expr(t.slice)})')
                elif isinstance(t, ast.Name):
                    parts.append(f'(delname v{t.id})')
                else:
                    raise ValueError('unsupported del target')
            return '(seq ' + ' '.join(parts) + ')'
        if isinstance(s, ast.For):
            assert not s.orelse
            return f'(for {self.target(s.target)} {self.expr(s.iter)} {self.block(s.body)})'
        if isinstance(s, ast.While):
            assert not s.orelse
            return f'(while {self.expr(s.test)} {self.block(s.body)})'
        if isinstance(s, ast.If):
            return f'(if {self.expr(s.test)} {self.block(s.body)} {self.block(s.orelse)})'
        if isinstance(s, ast.Try):
            assert len(s.handlers) == 1 and not s.orelse and not s.finalbody
            h = s.handlers[0]
            assert isinstance(h.type, ast.Name) and h.type.id == 'Exception'
            name = 'v' + h.name if h.name else 'N'
            return f'(try {self.block(s.body)} {name} {self.block(h.body)})'
        if isinstance(s, ast.FunctionDef):
            return '(def v' + s.name + ' ' + self.function(s) + ')'
        if isinstance(s, ast.Return):
            return '(return ' + (self.expr(s.value) if s.value else 'N') + ')'
        if isinstance(s, ast.ClassDef):
            assert not s.keywords and not s.decorator_list
            members = []
            for m in s.body:
                if isinstance(m, ast.FunctionDef):
                    members.append(f'(nsdef {m.name} {self.function(m, s.name)})')
                elif isinstance(m, ast.Assign) and len(m.targets) == 1 and isinstance(m.targets[0], ast.Name):
                    members.append(f'(nsassign {m.targets[0].id} {self.expr(m.value)})')
                elif isinstance(m, ast.Pass) or (isinstance(m, ast.Expr) and isinstance(m.value, ast.Constant)):
                    continue
                else:
                    raise ValueError('unsupported class member')
            bases = '(' + ' '.join(self.expr(b) for b in s.bases) + ')'
            return f'(class v{s.name} {bases} ' + ' '.join(members) + ')'
        if isinstance(s, ast.Raise):
            assert s.exc is not None and s.cause is None
            return f'(raise {self.expr(s.exc)})'
        if isinstance(s, ast.Break):
            return '(break)'
        if isinstance(s, ast.Continue):
            return '(continue)'
        if isinstance(s, ast.Pass):
            return '(seq)'
        raise ValueError(f'unsupported statement {ast.dump(s)}')

    def function(self, f, owner=None):
        """(params) (locals) body: the driver saves and restores the locals around each call
        (functions may not close over other functions' locals)."""
        a = f.args
        assert not a.vararg and not a.kwarg and not a.kwonlyargs and not a.defaults and not a.posonlyargs
        assert not f.decorator_list
        params = [p.arg for p in a.args]
        self.method = (owner, params[0]) if owner and params else None
        local = set()
        for node in ast.walk(ast.Module(body=f.body, type_ignores=[])):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                local.add(node.id)
            assert not isinstance(node, (ast.Global, ast.Nonlocal))
        local -= set(params)
        qual = f'{owner}.{f.name}' if owner else f.name
        body = self.block(f.body)
        self.method = None
        return f'{qual} (' + ' '.join('v' + p for p in params) + ') (' + ' '.join('v' + l for l in sorted(local)) + ') ' + body

    def const(self, v):
        if v is None:
            return 'N'
        if v is True:
            return 'T'
        if v is False:
            return 'F'
        if v is Ellipsis:
            return 'E'
        if isinstance(v, int):
            return f'i{v}'
        if isinstance(v, float):
            return 'f' + struct.pack('>d', v).hex()
        if isinstance(v, str):
            return 's' + v.encode('utf-8', 'surrogatepass').hex()
        if isinstance(v, bytes):
            return 'y' + v.hex()
        raise ValueError(f'unsupported constant {v!r}')

    def expr(self, e):
        if isinstance(e, ast.Constant):
            return self.const(e.value)
        if isinstance(e, ast.Name):
            if e.id in self.variables:
                return 'v' + e.id
            if e.id in BUILTINS:
                return 'b' + e.id
            raise ValueError(f'unknown name {e.id}')
        if isinstance(e, ast.UnaryOp):
            if isinstance(e.op, ast.USub) and isinstance(e.operand, ast.Constant) and \
                    isinstance(e.operand.value, (int, float)) and not isinstance(e.operand.value, bool):
                return self.const(-e.operand.value)
            op = {ast.USub: 'neg', ast.UAdd: 'pos', ast.Invert: 'invert', ast.Not: 'not'}[type(e.op)]
            return f'(unop {op} {self.expr(e.operand)})'
        if isinstance(e, ast.BinOp):
            return f'(binop {BINOPS[type(e.op)]} {self.expr(e.left)} {self.expr(e.right)})'
        if isinstance(e, ast.BoolOp):
            op = 'and' if isinstance(e.op, ast.And) else 'or'
            out = self.expr(e.values[-1])
            for v in reversed(e.values[:-1]):
                out = f'({op} {self.expr(v)} {out})'
            return out
        if isinstance(e, ast.Compare):
            assert len(e.ops) == 1, 'chained comparisons are not translated'
            return f'(cmp {CMPOPS[type(e.ops[0])]} {self.expr(e.left)} {self.expr(e.comparators[0])})'
        if isinstance(e, ast.IfExp):
            return f'(ifexp {self.expr(e.test)} {self.expr(e.body)} {self.expr(e.orelse)})'
        if isinstance(e, ast.Call) and isinstance(e.func, ast.Name) and e.func.id == 'super':
            assert not e.args and self.method, 'super() only in methods'
            return f'(super v{self.method[0]} v{self.method[1]})'
        if isinstance(e, ast.Call):
            args = ' '.join(self.expr(a) for a in e.args)
            for a in e.args:
                assert not isinstance(a, ast.Starred)
            kws = ''
            if e.keywords:
                assert all(k.arg for k in e.keywords)
                kws = ' (kw ' + ' '.join(f'{k.arg} {self.expr(k.value)}' for k in e.keywords) + ')'
            if isinstance(e.func, ast.Attribute):
                return f'(method {self.expr(e.func.value)} {e.func.attr} {args}{kws})'
            return f'(call {self.expr(e.func)} {args}{kws})'
        if isinstance(e, ast.Attribute):
            return f'(attr {self.expr(e.value)} {e.attr})'
        if isinstance(e, ast.Subscript):
            return f'(getitem {self.expr(e.value)} {self.expr(e.slice)})'
        if isinstance(e, ast.Slice):
            parts = [self.expr(p) if p is not None else 'N' for p in (e.lower, e.upper, e.step)]
            return '(slice ' + ' '.join(parts) + ')'
        if isinstance(e, ast.List):
            return '(list ' + ' '.join(self.expr(x) for x in e.elts) + ')'
        if isinstance(e, ast.Tuple):
            return '(tuple ' + ' '.join(self.expr(x) for x in e.elts) + ')'
        if isinstance(e, ast.Set):
            # CPython 3.11 builds a display of three or more constants as set().update(frozenset
            # constant), which can leave a different table (and order) than adding one by one
            kind = 'setconst' if len(e.elts) > 2 and all(isinstance(x, ast.Constant) for x in e.elts) else 'set'
            return f'({kind} ' + ' '.join(self.expr(x) for x in e.elts) + ')'
        if isinstance(e, ast.Dict):
            assert all(k is not None for k in e.keys)
            return '(dict ' + ' '.join(f'{self.expr(k)} {self.expr(v)}' for k, v in zip(e.keys, e.values)) + ')'
        if isinstance(e, ast.Lambda):
            a = e.args
            assert not a.vararg and not a.kwarg and not a.kwonlyargs and not a.defaults and not a.posonlyargs
            params = ' '.join('v' + p.arg for p in a.args)
            return f'(lambda ({params}) {self.expr(e.body)})'
        if isinstance(e, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
            assert len(e.generators) == 1
            g = e.generators[0]
            assert not g.is_async
            cond = self.expr(g.ifs[0]) if g.ifs else 'T'
            assert len(g.ifs) <= 1
            kind = {ast.ListComp: 'listcomp', ast.SetComp: 'setcomp', ast.GeneratorExp: 'genexp',
                    ast.DictComp: 'dictcomp'}[type(e)]
            body = f'{self.expr(e.key)} {self.expr(e.value)}' if isinstance(e, ast.DictComp) else self.expr(e.elt)
            return f'({kind} {self.target(g.target)} {self.expr(g.iter)} {cond} {body})'
        raise ValueError(f'unsupported expression {ast.dump(e)}')


def escape(text):
    return text.replace('\\', '\\\\').replace('\n', '\\n').replace('\t', '\\t')


CASES = []


def case(name, source):
    """Runs `source` under CPython statement by statement and records it with its output."""
    source = source.strip('\n')
    lines = source.split('\n')
    indent = min(len(l) - len(l.lstrip()) for l in lines if l.strip())
    source = '\n'.join(l[indent:] for l in lines)
    tree = ast.parse(source)
    tr = Translator(tree)
    program = '(prog ' + ' '.join(tr.stmt(s) for s in tree.body) + ')'
    env = {'E': E, '__name__': '__main__'}
    buf = io.StringIO()
    with redirect_stdout(buf):
        for s in tree.body:
            code = compile(ast.Module(body=[s], type_ignores=[]), '<case>', 'exec')
            try:
                exec(code, env)
            except Exception as e:
                print('!' + E(e))
    out = buf.getvalue()
    assert '\t' not in program and '\n' not in program
    CASES.append(f'{name}\t{program}\t{escape(out)}')


def lit(values):
    """Python source for a list literal."""
    return '[' + ', '.join(repr(v) for v in values) + ']'


# ==== sets: iteration order ======================================================================

def rand_ints(n, lo, hi):
    return [R.randint(lo, hi) for _ in range(n)]


def set_order_cases():
    sizes = list(range(0, 21)) + [25, 31, 32, 33, 40, 50, 64, 100, 150, 200, 333, 500, 700, 1000]
    for n in sizes:
        for kind, lo, hi in (('small', 0, 2 * n + 3), ('wide', -10**12, 10**12), ('neg', -3 * n - 5, 0),
                             ('huge', -2**70, 2**70)):
            if n > 200 and kind in ('neg', 'huge'):
                continue
            data = rand_ints(n, lo, hi)
            case(f'set-order-{kind}-{n}', f'''
                s = set({lit(data)})
                print(len(s), list(s))
                t = set()
                for x in {lit(data)}:
                    t.add(x)
                print(list(t))
                print(s == t, hash(frozenset(s)))
            ''')
    # inserting and removing in various orders (dummies, freeslot reuse, resizes)
    for n in [3, 5, 8, 13, 20, 50, 100, 300, 1000]:
        for pattern in range(4):
            a = rand_ints(n, 0, 3 * n)
            b = R.sample(a, len(a) // 2) if a else []
            c = rand_ints(n // 2 + 1, 0, 3 * n)
            if pattern == 0:
                src = f'''
                    s = set()
                    for x in {lit(a)}:
                        s.add(x)
                    for x in {lit(b)}:
                        s.discard(x)
                    print(list(s))
                    for x in {lit(c)}:
                        s.add(x)
                    print(list(s), len(s))
                '''
            elif pattern == 1:
                src = f'''
                    s = set({lit(a)})
                    for x in {lit(b)}:
                        s.remove(x) if x in s else None
                    print(list(s))
                    s.update({lit(c)})
                    print(list(s))
                    print(list(s.copy()), list(set(s)), list(frozenset(s)))
                '''
            elif pattern == 2:
                src = f'''
                    s = set({lit(a)})
                    out = []
                    while s:
                        out.append(s.pop())
                        if len(out) % 3 == 0:
                            s.add(len(out) * 7)
                        if len(out) > {2 * n + 10}:
                            break
                    print(out)
                '''
            else:
                src = f'''
                    s = set(range({n}))
                    for x in {lit(b)}:
                        s.discard(x)
                    s.difference_update({lit(c)})
                    print(list(s))
                    s.symmetric_difference_update({lit(a[: n // 3])})
                    print(list(s))
                '''
            case(f'set-mutate-{n}-{pattern}', src)
    # tuples (CPython's tuple hash), floats, bools, mixed numbers, strings-free
    for n in [1, 2, 5, 10, 30, 100, 400]:
        tuples = [tuple(R.randint(-50, 50) for _ in range(R.randint(0, 3))) for _ in range(n)]
        case(f'set-tuples-{n}', f'''
            s = set({lit(tuples)})
            print(list(s))
            print(hash(frozenset(s)))
            print(sorted(s) == sorted(set({lit(tuples)})))
        ''')
        nested = [(R.randint(0, 9), (R.randint(0, 9), R.randint(-3, 3))) for _ in range(n)]
        case(f'set-nested-tuples-{n}', f'print(list(set({lit(nested)})))')
        floats = [R.choice([R.randint(-100, 100) / 4, R.random() * 1e6, R.randint(0, 50) * 1.0, -0.0, 1e300])
                  for _ in range(n)]
        case(f'set-floats-{n}', f'print(list(set({lit(floats)})))')
        mixed = [R.choice([R.randint(-20, 20), R.randint(-20, 20) / 2, True, False, (1, 2)]) for _ in range(n)]
        case(f'set-mixed-{n}', f'''
            s = set({lit(mixed)})
            print(list(s), len(s))
        ''')
    # hash collisions: ints equal modulo 2**61 - 1, -1 and -2
    M = 2**61 - 1
    for k in range(6):
        vals = [R.randint(0, 20) + R.randint(-3, 3) * M for _ in range(15)] + [-1, -2, M, M - 1, 2 * M, -M]
        R.shuffle(vals)
        case(f'set-collide-{k}', f'''
            s = set({lit(vals)})
            print(list(s))
            print({lit(vals)}[3] in s, 12345 in s, len(s))
            for x in {lit(vals[:8])}:
                s.discard(x)
            print(list(s))
        ''')
    # set displays: one by one for variables, from a frozenset constant for constants
    case('set-display', '''
        a = 8
        b = 16
        c = 1
        print({a, b, c, 3, 5})
        print({8, 16, 1, 3, 5})
        print({5, 1, 9, 3}, {9, 17, 1})
        print({a, b}, {b, a})
        x = {33, 1, 65, 97, 129, 161, 193}
        print(x, {c for c in [33, 1, 65, 97, 129, 161, 193]})
    ''')


# ==== sets: operations ==========================================================================

def set_ops_cases():
    for k in range(40):
        na, nb = R.randint(0, 40), R.randint(0, 40)
        hi = R.choice([10, 50, 200, 10**9])
        a = rand_ints(na, -hi, hi)
        b = rand_ints(nb, -hi, hi)
        case(f'set-ops-{k}', f'''
            a = set({lit(a)})
            b = set({lit(b)})
            print(list(a | b), list(b | a))
            print(list(a & b), list(b & a))
            print(list(a - b), list(b - a))
            print(list(a ^ b), list(b ^ a))
            print(list(a.union({lit(b)})), list(a.intersection({lit(b)})))
            print(list(a.difference({lit(b)})), list(a.symmetric_difference({lit(b)})))
            print(a <= b, a < b, a >= b, a > b, a == b, a != b)
            print(a.issubset(b), a.issuperset(b), a.isdisjoint(b), a.isdisjoint({lit(b)}))
            print(a.issubset({lit(b)}), a.issuperset({lit(b)}))
            c = a.copy()
            c |= b
            print(list(c))
            c = a.copy()
            c &= b
            print(list(c))
            c = a.copy()
            c -= b
            print(list(c))
            c = a.copy()
            c ^= b
            print(list(c))
            c = a.copy()
            c.intersection_update({lit(b)}, {lit(a[: na // 2])})
            print(list(c))
            print(list(a.union(b, {lit(a[:3])}, range(3))), list(a.difference(b, {lit(b[:2])})))
            print(frozenset(a) | b, type(frozenset(a) | b).__name__, type(b | frozenset(a)).__name__)
            print(hash(frozenset(a)) == hash(frozenset(list(a)[::-1])))
            d = dict.fromkeys({lit(b)}, 1)
            print(list(a.difference(d)), list(a.symmetric_difference(d)), list(set(d)))
        ''')
    case('set-methods', '''
        s = {3, 1, 2}
        print(s, len(s), 3 in s, 4 in s, 4 not in s)
        s.add(4)
        s.remove(1)
        s.discard(10)
        print(s)
        s.remove(10)
        s.add([])
        s.remove([])
        s.discard([])
        print({} in s)
        print(set() in {frozenset()}, {1} in {frozenset({1})})
        s2 = {frozenset({1, 2})}
        s2.remove({1, 2})
        print(s2)
        s.pop()
        print(s)
        s.clear()
        print(s, s == set(), s.pop())
        print(set('abc') == set('cba'), len(set('hello')))
        print(set(), frozenset(), set([]), frozenset(()))
        print(frozenset({1, 2}), frozenset([5]))
        print(repr(set([1])), str(frozenset([2])))
        f = frozenset([1, 2, 3])
        print(f.copy() is f, frozenset(f) is f, set(f) is f)
        print(f | {4}, f & {1, 9}, f - {1}, f ^ {1, 7})
        print({1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {1, 2} > {1}, {1} >= {1, 2})
        print({1, 2} == frozenset([1, 2]), frozenset([1, 2]) == {2, 1})
        print({1} < [1])
        print({1} | [1])
        print({1} & (1,))
        print({1} - [1])
        print({1} ^ [1])
        print(set(1))
        print(set(1, 2))
        print(set(x=1))
        print(frozenset(x=1))
        print(s.add())
        print(s.add(1, 2))
        print(s.union(5))
        print(s.issubset(5))
        print(s.issuperset(5))
        print({1}.intersection([1, []]), {1}.issuperset([2, []]), {1}.isdisjoint([1, []]))
        print({1}.issubset([2, []]))
        print({1}.difference([[]]))
        print({1, 2, 3}.symmetric_difference([[]]))
        print(hash(set()))
        print(hash(frozenset()), hash(frozenset([1])), hash(frozenset([frozenset()])))
        print(hash(frozenset(range(100))), hash(frozenset([(1, 2), (3, 4)])))
        u = {1, 2}
        u.update([3], (4, 5), {6: 7}, range(8, 10))
        print(u)
        u.difference_update([1], {2}, {3: 0})
        print(u)
        u.intersection_update()
        print(u, u.intersection(), u.union(), u.difference())
        u.symmetric_difference_update({5: 1, 100: 2})
        print(u)
        print(u.__contains__(6), frozenset([1]).__contains__(1), len(u), u.__len__())
    ''')
    case('set-iteration-errors', '''
        s = {1, 2, 3}
        for x in s:
            s.add(x * 10)
        print(s)
        t = {1, 2, 3}
        for x in t:
            t.discard(x)
        it = iter({1, 2})
        print(next(it))
        s = {1, 2, 3}
        it = iter(s)
        next(it)
        s.add(99)
        try:
            next(it)
        except Exception as e:
            print(E(e))
        try:
            next(it)
        except Exception as e:
            print(E(e))
        s = {1, 2, 3}
        it = iter(s)
        s.pop()
        s.add(1000)
        print(list(it))
    ''')
    case('set-repr-recursion', '''
        print(repr({(1, 2), (3,)}), {frozenset({1}), frozenset()})
        print({None} if False else {1.5, -0.0})
    ''')
    case('set-big-copy', '''
        s = set(range(0, 5000, 3))
        for x in range(0, 5000, 9):
            s.discard(x)
        t = s.copy()
        print(list(t) == list(s), len(t))
        u = set()
        u.update(s)
        print(list(u) == list(s))
        print(list(t)[:20], list(set(list(s)))[:20])
        f = frozenset(s)
        print(list(f)[:20], hash(f))
        print(list(s | {1})[:10], list({1} | s)[:10])
        print(list(s & set(range(100)))[:10], list(set(range(100)) & s)[:10])
        print(list(s - set(range(100, 10000)))[:10], list(s ^ set(range(50)))[:10])
    ''')


# ==== lists ======================================================================================

def list_cases():
    idx = '[None, -9, -6, -5, -3, -1, 0, 1, 2, 4, 5, 6, 9, -2**70, 2**70]'
    steps = '[None, -9, -3, -2, -1, 1, 2, 3, 9, 2**65, -2**65]'
    for n in [0, 1, 2, 5, 6]:
        case(f'list-slice-get-{n}', f'''
            a = list(range(10, 10 + {n}))
            out = []
            for i in {idx}:
                for j in {idx}:
                    for k in {steps}:
                        out.append(a[i:j:k])
            print(out)
            print(a[::0] if False else 0)
            print(a[::0])
            print(a[1:2:'x'])
            print(a['x':])
            print(a[:1.5])
        ''')
    for n in [0, 1, 3, 6]:
        case(f'list-slice-set-{n}', f'''
            out = []
            for i in [None, -7, -3, -1, 0, 1, 3, 5, 8]:
                for j in [None, -7, -2, 0, 2, 4, 8]:
                    for k in [None, -3, -2, -1, 1, 2, 4]:
                        for v in [[], [100], [100, 101], [100, 101, 102]]:
                            a = list(range({n}))
                            try:
                                a[i:j:k] = v
                                out.append(a)
                            except Exception as e:
                                out.append(E(e))
            print(out)
        ''')
        case(f'list-slice-del-{n}', f'''
            out = []
            for i in [None, -7, -3, -1, 0, 1, 3, 5, 8]:
                for j in [None, -7, -2, 0, 2, 4, 8]:
                    for k in [None, -3, -2, -1, 1, 2, 4]:
                        a = list(range({n}))
                        del a[i:j:k]
                        out.append(a)
            print(out)
        ''')
    case('list-slice-misc', '''
        a = [1, 2, 3, 4, 5]
        a[1:3] = 'xyz'
        print(a)
        a[::2] = (7, 8, 9, 10)
        print(a)
        a[:] = a
        print(a)
        a[::-1] = a
        print(a)
        a[1:1] = a
        print(a)
        a[::2] = [0, 0]
        a[5:2] = [66]
        print(a)
        a[2:5:-1] = []
        print(a)
        a[1:3] = 5
        a[::2] = 5
        b = list(range(20))
        del b[::3]
        print(b)
        del b[::-2]
        print(b)
        del b[-1:-10:-3]
        print(b)
        b[2:4] = range(5)
        print(b)
        b[:] = []
        print(b, len(b))
        b[:] = {1: 2, 3: 4}
        print(b)
        c = [0] * 10
        c[1::3] = iter([1, 2, 3])
        print(c)
        c[1::3] = iter([1, 2])
    ''')
    case('list-index', '''
        a = [10, 20, 30]
        print(a[0], a[-1], a[2], a[-3], a[True], a[False])
        print(a[3])
        print(a[-4])
        print(a[2**70])
        print(a[-2**70])
        print(a['x'])
        print(a[1.0])
        print(a[None])
        a[0] = 5
        a[-1] = 6
        print(a)
        a[3] = 1
        a[-4] = 1
        a[2**64] = 1
        del a[1]
        print(a)
        del a[5]
        del a[-3]
        a['x'] = 1
        del a[1.5]
        print([][0])
        print(a.__getitem__(0), a.__getitem__(slice(None, None, -1)))
    ''')
    case('list-methods', '''
        a = []
        a.append(1)
        a.append(a)
        print(a, repr(a), str(a))
        a.pop()
        a.extend([2, 3])
        a.extend((4,))
        a.extend(range(5, 8))
        a.extend(x * x for x in range(3))
        a.extend({9: 1})
        a.extend('ab')
        a.extend(a)
        print(a, len(a))
        a.insert(0, 'first')
        a.insert(-1, 'beforelast')
        a.insert(100, 'end')
        a.insert(-100, 'start')
        a.insert(2**70, 'x')
        print(a)
        print(a.pop(), a.pop(0), a.pop(-2), a.pop(3))
        print(a.pop(100))
        print(a.pop(-100))
        print([].pop())
        print([].pop(0))
        print(a.pop('x'))
        print(a.pop(1, 2))
        print(a.index(4), a.index(4, 5), a.index(4, -10), a.index(3, 0, 100), a.index(9, -100, -1))
        print(a.index(4, 5, 6))
        print(a.index(1000))
        print(a.index((1, 2)))
        print(a.index(4, 'x'))
        print(a.index(4, 0, 2**100), a.index(4, -2**100))
        print(a.count(4), a.count('a'), a.count(99), [1, 1.0, True, 2].count(1))
        a.remove('a')
        print(a)
        a.remove('zzz')
        a.reverse()
        print(a)
        b = a.copy()
        b.clear()
        print(a, b)
        print(a.append())
        print(a.append(1, 2))
        print(a.append(x=1))
        print(a.insert(1))
        print(a.insert('a', 1))
        print(a.index())
        print(a.count())
        print(a.remove())
        print(a.reverse(1))
        print(a.copy(1))
        print(a.clear(1))
        print(a.sort(1))
        print(a.sort(x=1))
        print([1, 2] + [3], [1] * 3, 3 * [1, 2], [1] * 0, [1] * -5, [] * 10, [1, 2] * True)
        print([1] + (1,))
        print([1] + 'a')
        print([1] * 2.0)
        print([1] * (2**70))
        print('a' * [1])
        x = [1, 2]
        y = x
        x += (3, 4)
        x += 'ab'
        x += range(2)
        print(x, y is x)
        x *= 2
        print(x, len(x))
        x *= 0
        print(x, y)
        x += [5]
        x *= -1
        print(x)
        x = [1]
        x *= 3.5
        x = [[]] * 3
        x[0].append(1)
        print(x)
        print(list(), list([1, 2]), list((1,)), list('abc'), list(range(3)), list({1: 2}), list({4: 5}.items()))
        print(list(1, 2))
        print(list(x=1))
        print(list(1))
        print(list(reversed([1, 2, 3])), list(reversed([])))
        it = iter([1, 2, 3])
        print(next(it), list(it), list(it))
        print(1 in [1, 2], 3 in [1, 2], [] in [[]], float('nan') in [float('nan')])
        z = [1, 2, 3]
        rz = reversed(z)
        print(next(rz))
        z.clear()
        print(list(rz))
        print([1, 2].__len__(), [1, 2].__contains__(2), type([].__reversed__()).__name__)
    ''')
    case('list-compare', '''
        print([1, 2] == [1, 2], [1, 2] != [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9])
        print([] < [1], [1] <= [1], [1, [2]] == [1, [2]], [1, 2] == (1, 2), [1.0] == [1])
        print([1] < [1, 'a'], [1, 'a'] < [2, 'b'])
        print([1, 'a'] < [1, 2])
        print([1] < (1,))
        nan = float('nan')
        print([nan] == [nan], [nan, 1] < [nan, 2])
        n2 = float('nan')
        print([n2] == [nan], [n2] < [nan], [n2] > [nan])
        print([[1, 2], [1]] > [[1, 2], [0, 5]])
    ''')
    case('list-repr-recursion', '''
        a = [1, 2]
        a.append(a)
        b = [a, [a]]
        print(a, b)
        d = {}
        d[1] = d
        d[2] = [d]
        print(d)
        l = [d]
        d[3] = l
        print(l)
        s = set()
        print([s, s])
    ''')


def sort_cases():
    # stability with keys: equal keys keep their order, forwards and reversed
    for n in [0, 1, 2, 5, 10, 31, 32, 33, 63, 64, 65, 100, 200, 500, 1000, 3000]:
        data = [(R.randint(0, max(1, n // 4)), i) for i in range(n)]
        case(f'sort-stable-{n}', f'''
            d = {lit(data)}
            print(sorted(d, key=lambda t: t[0]))
            print(sorted(d, key=lambda t: t[0], reverse=True))
            print(sorted(d, key=lambda t: -t[0]) == sorted(d, key=lambda t: t[0], reverse=True))
            a = list(d)
            a.sort(key=lambda t: t[0] % 3)
            print(a)
            a.sort(reverse=True)
            print(a[:50])
        ''')
    # timsort paths: runs, descending runs, sawtooth, galloping, many duplicates
    shapes = {
        'random': lambda n: rand_ints(n, -n, n),
        'sorted': lambda n: list(range(n)),
        'reversed': lambda n: list(range(n, 0, -1)),
        'sawtooth': lambda n: [i % 17 for i in range(n)],
        'runs': lambda n: sum((sorted(rand_ints(R.randint(1, 80), 0, 1000), reverse=R.random() < 0.5)
                               for _ in range(n // 40 + 1)), [])[:n],
        'dups': lambda n: rand_ints(n, 0, 3),
        'organ': lambda n: list(range(n // 2)) + list(range(n // 2, 0, -1)),
        'gallop': lambda n: sorted(rand_ints(n // 2, 0, 10**6)) + sorted(rand_ints(n - n // 2, 0, 10**6)),
    }
    for name, gen in shapes.items():
        for n in [7, 64, 65, 300, 2000]:
            data = gen(n)
            case(f'sort-{name}-{n}', f'''
                a = {lit(data)}
                b = sorted(a)
                print(b)
                print(sorted(a, reverse=True) == b[::-1], sorted(a, key=lambda x: -x) == sorted(a, reverse=True))
                c = [(x % 7, i) for i, x in enumerate(a)]
                c.sort(key=lambda t: t[0])
                print(c[:40])
            ''')
    # inconsistent comparisons: NaN puts CPython's exact algorithm on display
    for n in [5, 20, 70, 200, 1000]:
        data = [R.choice([R.randint(-50, 50) * 1.0, 'NAN']) for _ in range(n)]
        src = '[' + ', '.join('nan' if x == 'NAN' else repr(x) for x in data) + ']'
        case(f'sort-nan-{n}', f'''
            nan = float('nan')
            a = {src}
            print(sorted(a))
            print(sorted(a, reverse=True))
            print(sorted(a, key=lambda x: -x))
        ''')
    case('sort-misc', '''
        print(sorted([3, 1, 2]), sorted('hello'), sorted({3: 1, 1: 2}), sorted((2, 1)), sorted([]))
        print(sorted(['aaa', 'b', 'cc'], key=len), sorted(['b', 'A', 'a', 'B']))
        print(sorted([[2, 1], [1, 2], [1], []]), sorted([(1, 'b'), (1, 'a'), (0, 'z')]))
        print(sorted([1, 'a']))
        print(sorted([3, 1, 2], key=None), sorted([3, 1, 2], reverse=False), sorted([3, 1, 2], reverse=1))
        print(sorted([1.5, 1, True, 0.5, False]))
        print(sorted())
        print(sorted([], 1))
        print(sorted([], key=1, x=1))
        print(sorted([2, 1], key=1))
        print(sorted([], reverse=None))
        print(sorted([1], reverse=2.0))
        print(sorted([1], reverse=2**100))
        a = [3, 1, 2]
        print(a.sort(), a)
        a.sort(key=lambda x: a.append(x) or x)
        print(a)
        b = [3, 1, 2]
        b.sort(key=lambda x: len(b) * 10 + x)
        print(b)
        c = [5, 3, 1]
        c.sort(key=lambda x: 1 / (x - 3))
        print(c)
        print(sorted([2, 1], key=lambda x: [x]), sorted([[1], [0]], key=lambda x: x[0]))
        print(sorted(range(10), key=lambda x: x % 3, reverse=True))
    ''')


# ==== range and slice ===========================================================================

def range_cases():
    bounds = [0, 1, -1, 5, -5, 10, 2**63 - 1, -2**63, 2**64, -2**64, 10**20]
    steps = [1, -1, 2, -3, 7, 2**62, -2**65]
    for k in range(30):
        a, b, s = R.choice(bounds), R.choice(bounds), R.choice(steps)
        case(f'range-big-{k}', f'''
            r = range({a}, {b}, {s})
            print(r, r.start, r.stop, r.step, bool(r), len(r) if r.stop - r.start < 2**62 else 0)
            print(r[0] if r else None, r[-1] if r else None, list(zip(range(4), r)), list(zip(range(3), reversed(r))))
            print(r[1:3], r[::-1], r[::2**40], r[-2**70:2**70:-1])
            print({a} in r, {b} in r, {a} + {s} in r, 0 in r, r.count({a}), r.index({a}) if {a} in r else -1)
            print(hash(r) == hash(range({a}, {b}, {s})), r == range({a}, {b}, {s}))
            print(type(iter(r)).__name__, type(reversed(r)).__name__)
        ''')
    case('range-basic', '''
        print(range(10), range(1, 10), range(1, 10, 2), range(-5), range(0, 10, -1), range(10, 0, -3))
        print(list(range(5)), list(range(2, 5)), list(range(10, 0, -3)), list(range(0)), list(range(5, 2)))
        print(len(range(10)), len(range(0, 10, 3)), len(range(10, 0, -3)), len(range(-10)), len(range(5, 5)))
        r = range(3, 20, 4)
        print(r[0], r[1], r[-1], r[-5], r[True])
        print(r[5])
        print(r[-6])
        print(r['a'])
        print(r[1.0])
        print(r[2**100])
        print(r[::-1], r[1:3], r[::2], r[-2:], r[:-10], r[10:], r[1:100:3], r[::-2])
        print(r[::0])
        print(list(r[::-1]), list(r[1::2]))
        print(3 in r, 4 in r, 7 in r, 19 in r, 20 in r, 3.0 in r, 4.0 in r, True in range(2), 'a' in r)
        print(r.count(7), r.count(8), r.count(7.0), r.count('x'), r.index(11), r.index(11.0))
        print(r.index(12))
        print(r.index('a'))
        print(r.count())
        print(range())
        print(range(1, 2, 3, 4))
        print(range(1.0))
        print(range(1, 2, 0))
        print(range(x=1))
        print(range('a', 2))
        print(range(1, 2, None))
        print(len(range(2**64)))
        print(range(2**64)[2**63], range(2**64)[-1], len(range(2**62)))
        print(range(0) == range(5, 1), range(0, 3, 2) == range(0, 4, 2), range(1) == range(1, 2, 5), range(2) == [0, 1])
        print(range(0) != range(1), range(3) < range(4))
        print(hash(range(0)) == hash(range(5, 1)), hash(range(1)) == hash(range(0, 1, 9)), hash(range(3)))
        print(bool(range(0)), bool(range(-1, 0)), list(reversed(range(5))), list(reversed(range(1, 10, 3))))
        print(range(5).start, range(5).stop, range(5).step, range(True, 5).start)
        print(sum(range(101)), max(range(7)), min(range(3, 9)), sorted(range(5, 0, -1)))
        it = iter(range(3))
        print(next(it), next(it), next(it), list(it))
        print(list(range(2**63 - 3, 2**63 + 2)), list(reversed(range(-2**63 - 2, -2**63 + 3))))
        print(list(range(2**63 - 2, 2**63 - 10, -3)), list(range(-2**63, -2**63 + 10, 4)))
        print(range(0, 10)[True:], range(10)[slice(2**80)])
        print(range(3).__len__(), range(3).__contains__(2), range(3).__getitem__(1), list(range(3).__reversed__()))
    ''')
    case('slice-basic', '''
        s = slice(1, 10, 2)
        print(s, s.start, s.stop, s.step, slice(5), slice(None), slice(1, None), slice('a', [1], None))
        print(s.indices(5), s.indices(100), slice(None, None, -1).indices(10), slice(-100, 100).indices(10))
        print(slice(2**70, -2**70, -2**65).indices(2**80), slice(-5, None, -1).indices(3), slice(0).indices(0))
        print(slice(1, 2).indices(-1))
        print(slice(1, 2, 0).indices(5))
        print(slice('a').indices(3))
        print(slice(None, None, 'x').indices(3))
        print(slice(1).indices('x'))
        print(slice(True, False, True).indices(10))
        print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(1) != slice(1), slice(1, 2) < slice(1, 3))
        print(slice(1, 2) > slice(0, 5), slice(None) == slice(None, None, None), slice(1) == 1)
        print(slice(1, 'a') < slice(1, 2))
        print(hash(slice(1)))
        print(slice())
        print(slice(1, 2, 3, 4))
        print(slice(x=1))
        print(repr(slice(1.5, -2.5)), str(slice((1, 2))))
        a = list(range(10))
        print(a[slice(2, 8, 3)], a[slice(None, None, -4)], (1, 2, 3)[slice(1, None)])
        print(range(20)[slice(3, None, 5)])
    ''')


# ==== dicts ======================================================================================

def dict_cases():
    case('dict-views', '''
        d = {1: 10, 2: 20, 3: 30}
        k = d.keys()
        v = d.values()
        i = d.items()
        print(k, v, i, len(k), len(v), len(i))
        print(list(k), list(v), list(i), list(reversed(k)), list(reversed(v)), list(reversed(i)))
        print(1 in k, 4 in k, 10 in v, 11 in v, (1, 10) in i, (1, 20) in i, 1 in i, (1,) in i, [] in i)
        print([] in k)
        d[4] = 40
        print(k, v, i)
        print(k == {1, 2, 3, 4}, k == [1, 2, 3, 4], k < {1, 2, 3, 4, 5}, k <= k, k > {1}, k >= {1, 9})
        print(i == {(1, 10), (2, 20), (3, 30), (4, 40)}, k == d.keys(), v == d.values(), v == v)
        print(k & {2, 3, 9}, k | {9, 0}, k - {1}, k ^ {1, 10}, {2, 3, 9} & k, {9} | k, {1, 2} - k, [4, 5] ^ k)
        print(i & {(1, 10), (1, 20)}, i | {(9, 9)}, i - {(1, 10)}, i ^ {(1, 10), (7, 7)})
        e = {3: 30, 5: 50}
        print(k & e.keys(), k | e.keys(), k - e.keys(), k ^ e.keys(), i ^ e.items(), e.items() ^ i)
        print(k & [4, 2, 2], [4, 2] & k, k & range(3), range(3) & k, k.isdisjoint([9]), k.isdisjoint({1}))
        print(i.isdisjoint([(1, 10)]), k.isdisjoint(e.keys()), k.isdisjoint(k))
        print(k | 1)
        print(k & 1)
        print(v | {1})
        print(k.isdisjoint(5))
        print(repr(d.keys()), str(d.items()), {}.keys(), {}.values(), {}.items())
        print(type(k).__name__, type(iter(k)).__name__, type(iter(v)).__name__, type(iter(i)).__name__)
        print(type(reversed(k)).__name__, type(reversed(v)).__name__, type(reversed(i)).__name__, type(reversed(d)).__name__)
        dd = {}
        dd[1] = dd.keys()
        print(dd)
        print(sorted(d.items(), key=lambda t: t[1], reverse=True))
    ''')
    case('dict-iteration-errors', '''
        d = {1: 1, 2: 2, 3: 3}
        for x in d:
            d[x + 10] = 0
        print(d)
        d = {1: 1, 2: 2, 3: 3}
        for x in d:
            del d[x]
        print(d)
        d = {1: 1, 2: 2, 3: 3}
        for x in d:
            del d[x]
            d[x + 100] = 1
        print(d)
        d = {1: 1, 2: 2, 3: 3}
        for x in d.values():
            d.pop(1)
        d = {1: 1, 2: 2, 3: 3}
        for x in reversed(d):
            d[5] = 5
        d = {1: 1, 2: 2}
        it = iter(d.items())
        print(next(it))
        d[3] = 3
        try:
            next(it)
        except Exception as e:
            print(E(e))
        try:
            next(it)
        except Exception as e:
            print(E(e))
        d = {1: 1, 2: 2, 3: 3}
        for k in d:
            d[k] = k * 2
        print(d)
        r = reversed(d)
        print(next(r))
        del d[2]
        d[2] = 0
        print(list(r), d)
    ''')
    case('dict-methods', '''
        d = {'a': 1, 'b': 2}
        print(d.get('a'), d.get('z'), d.get('z', 0), d.setdefault('c', 3), d.setdefault('a', 9), d.setdefault('n'))
        print(d)
        print(d.pop('a'), d.pop('zz', 'default'), d)
        print(d.pop('zz'))
        print(d.pop([]))
        print({}.pop([]))
        print({}.pop([], 5))
        print(d.popitem(), d.popitem(), d)
        d.popitem()
        print(d.popitem())
        print(d.popitem())
        d = dict(a=1, b=2)
        d.update({'c': 3}, d=4)
        d.update([('e', 5), ['f', 6], 'gh'])
        d.update(i=9)
        d.update({'x': 0}.items())
        d.update(dict.fromkeys('yz'))
        print(d)
        print(d.update(1))
        print(d.update([1]))
        print(d.update([(1, 2, 3)]))
        print(d.update({}, {}))
        print(d.get())
        print(d.setdefault())
        print(d.pop())
        print(d.keys(1))
        print(d.popitem(1))
        print(d.get([]))
        c = d.copy()
        c['new'] = 1
        print(len(d), len(c), 'new' in d, c == d)
        c.clear()
        print(c, len(c), c == {})
        c[1] = 2
        print(c)
        print(dict.fromkeys([1, 2, 1]), dict.fromkeys(range(3), []), dict.fromkeys({5: 6}), dict.fromkeys({9, 1, 17}))
        print(dict.fromkeys('ab', 0), {}.fromkeys([1]), dict.fromkeys())
        print(dict.fromkeys(1))
        print(d.__contains__('b'), d.__getitem__('b'), len(d), d.__len__(), list(d.__reversed__()))
        print(d.__getitem__('nope'))
        print({1: 2}['x'])
        print({(1, 2): 3}[(1, 2)], {(1, 2): 3}.get((1, 2)))
        print({(1, 2): 3}[(1, 3)])
        print({}[[]])
        e = {}
        for i in range(100):
            e[i] = i
        while len(e) > 3:
            e.popitem()
        e[1000] = 0
        print(e, list(reversed(e)))
        for i in range(200):
            e[i + 2000] = i
            e.popitem()
        print(e)
    ''')
    case('dict-construct', '''
        print(dict(), dict({1: 2}), dict([(1, 2), (3, 4)]), dict(a=1), dict({1: 2}, a=3), dict([('a', 1)], a=2))
        print(dict(zip('abc', range(3))), dict(enumerate('xy')), dict({1: 2}.items()), dict(['ab', 'cd']))
        print(dict(1))
        print(dict([1]))
        print(dict([(1, 2, 3)]))
        print(dict([(1,)]))
        print(dict(1, 2))
        print(dict([[]]))
        print(dict(dict(a=1).keys()))
        d1 = {1: 'a', 2: 'b'}
        d2 = {2: 'B', 3: 'C'}
        print(d1 | d2, d2 | d1, d1)
        d1 |= d2
        print(d1)
        d1 |= [(9, 9)]
        print(d1)
        d1 |= {10: 10}.items()
        print(d1)
        print(d1 | [(1, 2)])
        print(d1 | 1)
        d1 |= 1
        print({1: 2} == {1: 2}, {1: 2} == {1: 3}, {1: 2} == {2: 1}, {1: 2, 3: 4} == {3: 4, 1: 2}, {} == {})
        print({1: 2} != {1: 2}, {1: [1]} == {1: [1]}, {1: 2} == [(1, 2)], {1: float('nan')} == {1: float('nan')})
        n = float('nan')
        print({1: n} == {1: n}, {1.0: 'a'} == {1: 'a'}, {True: 1} == {1: 1})
        print({1: 2} < {1: 3})
        print(repr({}), {1: {2: {}}}, {(1, 2): [3], None: None, 'k': 'v'}, {1.5: -0.0})
        print(hash({}))
        print(list({3: 0, 1: 0, 2: 0}), len({1: 1, 1.0: 2, True: 3}), {1: 1, 1.0: 2, True: 3})
    ''')


# ==== iterators and consuming builtins ==========================================================

def iterator_cases():
    case('iter-enumerate', '''
        print(list(enumerate('abc')), list(enumerate('abc', 5)), list(enumerate('ab', -2)), list(enumerate([], 3)))
        print(list(enumerate('ab', start=10)), list(enumerate(iterable='ab')), list(enumerate(start=1, iterable='xy')))
        print(list(enumerate('abc', 2**63 - 2)), list(enumerate('ab', 2**100)), list(enumerate('a', True)))
        print(list(enumerate(range(3), -2**64)))
        print(enumerate())
        print(enumerate(1))
        print(enumerate([], 'a'))
        print(enumerate([], 1.0))
        print(enumerate([], x=1))
        print(enumerate(x=1))
        print(enumerate([], 1, 2))
        print(enumerate(iterable=[], begin=2))
        e = enumerate('xyz')
        print(next(e), type(e).__name__, list(e))
    ''')
    case('iter-zip-map-filter', '''
        print(list(zip()), list(zip('ab')), list(zip('abc', range(10), [True, False])), list(zip([], 'abc')))
        print(list(zip('ab', 'cd', strict=True)), list(zip(strict=False)), list(zip('a', 'bc', strict=False)))
        print(list(zip([1], [1, 2], strict=True)))
        print(list(zip([1, 2], [1], strict=True)))
        print(list(zip([1, 2], [1, 2], [1], strict=True)))
        print(list(zip([1], [1, 2], [1, 2], strict=True)))
        print(list(zip([1, 2, 3], [1, 2, 3], [1, 2], [1, 2, 3], strict=True)))
        print(list(zip([1], [2], [3], [4, 5], strict=True)))
        print(zip(1))
        print(zip([], x=1))
        z = zip('ab', 'cd')
        print(type(z).__name__, next(z), list(z), list(z))
        print(list(map(abs, [-1, 2, -3])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(len, [])))
        print(list(map(lambda x, y, z: (x, y, z), 'ab', 'cd', 'ef')))
        print(list(map(lambda a, b, c, d, e, f, g: a + b + c + d + e + f + g, [1], [2], [3], [4], [5], [6], [7])))
        print(map(1))
        print(map())
        print(list(map(None, [1])))
        print(map(abs, 1))
        print(map(abs, [], x=1))
        print(list(filter(None, [0, 1, '', 'a', [], [0], None, 2.5])), list(filter(lambda x: x % 2, range(10))))
        print(list(filter(bool, [0, 1, 2])), list(filter(lambda x: x, [])))
        print(filter())
        print(filter(None))
        print(filter(None, 1))
        print(list(filter(len, [[1], 5])))
        f = filter(None, [1, 0, 2])
        print(type(f).__name__, next(f), next(f))
        print(next(f))
        m = map(abs, [-5])
        print(type(m).__name__, next(m))
        print(next(m))
    ''')
    case('iter-reversed-iter', '''
        print(list(reversed([1, 2, 3])), list(reversed((1, 2, 3))), list(reversed(range(4))), list(reversed('abc')))
        print(list(reversed({1: 2, 3: 4})), list(reversed({1: 2}.values())), list(reversed([])))
        print(reversed(1))
        print(reversed({1}))
        print(reversed())
        print(reversed([], []))
        print(reversed(x=[]))
        r = reversed((1, 2))
        print(type(r).__name__, next(r), next(r))
        print(next(r))
        print(type(reversed([])).__name__, type(iter([])).__name__, type(iter(range(3))).__name__)
        print(type(iter({1})).__name__, type(iter(range(2**64))).__name__, type(reversed(range(2**64))).__name__)
        it = iter([1, 2, 3, 0, 4])
        print(list(iter(lambda: next(it), 0)), list(it))
        it2 = iter([1, 2])
        print(list(iter(lambda: next(it2), 99)))
        c = iter(lambda: 1, 1)
        print(type(c).__name__, list(c))
        print(next(iter([]), 'dflt'))
        print(next(iter([])))
        print(iter(1))
    ''')
    case('iter-min-max', '''
        print(max([1, 5, 3]), min([1, 5, 3]), max(1, 5, 3), min(4, 2, 8), max('abc'), min((9,)))
        print(max([1, 5, 3], key=lambda x: -x), min([], default=None), max([], default=7), min([1], default=7))
        print(max([(1, 'a'), (1, 'b')], key=lambda t: t[0]), min([(1, 'a'), (1, 'b')], key=lambda t: t[0]))
        print(max(1, 2, key=lambda x: -x), max([1, 1.0, True]), min([True, 1, 1.0]), max([2, 1.5, 3.0, 3]))
        print(max([], key=None, default=3), max([3, 4], key=None))
        print(max())
        print(min())
        print(max(1))
        print(max([]))
        print(min(()))
        print(max(1, 2, default=3))
        print(max([], x=1))
        print(min([], key=1, default=2))
        print(min([1, 2], key=1))
        print(max([1, 'a']))
        nan = float('nan')
        print(max([nan, 1, 2]), max([1, nan, 2]), min([2, nan, 1]))
    ''')
    case('iter-sum-any-all', '''
        print(sum([]), sum([1, 2, 3]), sum([1, 2, 3], 10), sum(range(101)), sum([True, True, 1]), sum([], 5))
        print(sum([0.1] * 10), sum([1e100, 1.0, -1e100]), sum([0.1, 0.2, 0.3]), sum([1, 0.5]), sum([0.5, 1]))
        print(sum([2**62, 2**62]), sum([2**63 - 1, 1]), sum([-2**63, -1]), sum([2**64, -2**64, 1]))
        print(sum([1, 2.5, 3]), sum([1.5, 2**70]), sum([1.5, True]), sum([2**70, 1.5]), sum([1, 2], 0.5))
        print(sum([[1], [2]], []), sum([(1,), (2,)], ()), sum([1.5], 2**100))
        print(sum([1e308, 1e308]), sum([1e308, 1e308, -1e308]))
        print(sum([1, 'a']))
        print(sum([], ''))
        print(sum(['a'], 'b'))
        print(sum([b'a'], b''))
        print(sum(1))
        print(sum([1.5, 2**2000]))
        print(sum([], start=7), sum(range(3), start=0.5))
        print(any([]), any([0, None, '']), any([0, 1]), all([]), all([1, 'a']), all([1, 0]), any(range(0)))
        print(any(x > 3 for x in range(5)), all(x < 3 for x in range(5)))
        print(any(1))
        print(all(1))
    ''')


# ==== user classes: comparison counts, collisions, protocols =====================================

KEY_CLASS = '''
    count = [0]
    class K:
        def __init__(self, v):
            self.v = v
        def __lt__(self, other):
            count[0] += 1
            return self.v < other.v
        def __repr__(self):
            return 'K(' + repr(self.v) + ')'
'''


def class_cases():
    # the number of comparisons timsort makes is part of CPython's behaviour
    for name, gen in (('random', lambda n: rand_ints(n, 0, n)), ('dups', lambda n: rand_ints(n, 0, 5)),
                      ('runs', lambda n: sorted(rand_ints(n // 2, 0, n)) + sorted(rand_ints(n - n // 2, 0, n))),
                      ('desc', lambda n: sorted(rand_ints(n, 0, 3 * n), reverse=True))):
        for n in [2, 3, 10, 33, 64, 100, 257, 1000]:
            data = gen(n)
            case(f'class-sort-count-{name}-{n}', textwrap.dedent(KEY_CLASS) + textwrap.dedent(f'''
                a = [K(x) for x in {lit(data)}]
                a.sort()
                print(count[0], [k.v for k in a] == sorted({lit(data)}))
                count[0] = 0
                b = sorted(a, key=lambda k: k, reverse=True)
                print(count[0])
                count[0] = 0
                print(max(a).v, min(a).v, count[0])
            '''))
    # __lt__ raising part-way: the list is left as some permutation, which one is CPython's
    for n in [10, 50, 300]:
        data = rand_ints(n, 0, 1000)
        limit = n * 2
        case(f'class-sort-raise-{n}', f'''
            calls = [0]
            class B:
                def __init__(self, v):
                    self.v = v
                def __lt__(self, other):
                    calls[0] += 1
                    if calls[0] > {limit}:
                        raise ValueError('enough')
                    return self.v < other.v
            a = [B(x) for x in {lit(data)}]
            a.sort()
            print([b.v for b in a], calls[0])
            calls[0] = 0
            k = sorted({lit(data)}, key=lambda x: x if x % 7 else [x])
        ''')
    # equal hashes: the number of __eq__ calls and the order follow setobject.c's probing
    case('class-hash-collisions', '''
        eqs = [0]
        class H:
            def __init__(self, v, h):
                self.v = v
                self.h = h
            def __hash__(self):
                return self.h
            def __eq__(self, other):
                eqs[0] += 1
                return isinstance(other, H) and self.v == other.v
            def __repr__(self):
                return 'H' + repr(self.v)
        s = set()
        for i in range(20):
            s.add(H(i, i % 3))
        print(s, eqs[0])
        eqs[0] = 0
        print(H(5, 2) in s, H(5, 1) in s, H(99, 0) in s, eqs[0])
        s.discard(H(4, 1))
        s.discard(H(7, 1))
        s.add(H(100, 1))
        print(s, eqs[0])
        t = set([H(i, 7) for i in range(12)])
        print(t, len(t))
        print(s & t, s | t, len(s - t), eqs[0] > 0)
        d = {H(1, 0): 'a', H(2, 0): 'b'}
        print(set(d), H(2, 0) in d.keys())
        big = set([H(i, 2**64 + i % 2) for i in range(6)])
        print(big, hash(H(0, 2**64)), hash(H(0, -1)))
    ''')
    case('class-mutating-eq', '''
        victim = set()
        class M:
            def __init__(self, v):
                self.v = v
            def __hash__(self):
                return 1
            def __eq__(self, other):
                if len(victim) < 40:
                    victim.add(len(victim) + 1000)
                return self is other
        victim.add(M(1))
        victim.add(M(2))
        victim.add(M(3))
        print(len(victim), sorted([x for x in victim if isinstance(x, int)])[:5])
        lst = [M(1), M(2)]
        print(M(3) in lst, lst.count(lst[0]))
    ''')
    case('class-protocols', '''
        class Seq:
            def __init__(self, n):
                self.n = n
            def __len__(self):
                return self.n
            def __getitem__(self, i):
                if i >= self.n:
                    raise IndexError('seq index')
                return i * 10
        print(list(Seq(4)), list(reversed(Seq(3))), sorted(Seq(3), reverse=True), 20 in Seq(3), set(Seq(2)))
        print(list(enumerate(Seq(2))), list(zip(Seq(3), 'ab')), sum(Seq(5)), max(Seq(4)), dict.fromkeys(Seq(2)))
        class Rev:
            def __reversed__(self):
                return iter([3, 2, 1])
        print(list(reversed(Rev())))
        class NoRev:
            __reversed__ = None
            def __len__(self):
                return 1
            def __getitem__(self, i):
                return i
        print(reversed(NoRev()))
        class Idx:
            def __init__(self, i):
                self.i = i
            def __index__(self):
                return self.i
        a = list(range(10))
        print(a[Idx(3)], a[Idx(-1)], a[Idx(2):Idx(8):Idx(3)], range(10)[Idx(4)], range(Idx(5)), a[Idx(2**70):])
        print(a[Idx(2**70)])
        print(range(10)[Idx(2**70)])
        a[Idx(0)] = 'zero'
        del a[Idx(1)]
        print(a, [1, 2] * Idx(2), slice(Idx(1), Idx(5)).indices(Idx(3)))
        a.insert(Idx(1), 'ins')
        print(a.pop(Idx(1)), a.index(5, Idx(1), Idx(10)), list(enumerate('ab', Idx(7))))
        class L(list):
            def __init__(self, x):
                super().__init__(x)
                self.extra = 1
        l = L('abc')
        print(l, len(l), l + [1], type(l + [1]).__name__, l[1:], type(l[1:]).__name__, l == ['a', 'b', 'c'])
        l.append('d')
        print(l, l.extra, sorted(l, reverse=True), isinstance(l, list))
        class S(set):
            pass
        class F(frozenset):
            pass
        s = S([3, 1, 2])
        print(s, F([1]), S(), F(), type(s | {9}).__name__, type(s.copy()).__name__, type(F([1]) & {1}).__name__)
        print(s == {1, 2, 3}, F([1, 2]) == frozenset([2, 1]), hash(F([1, 2])) == hash(frozenset([1, 2])))
        print(F(F([1])), type(F(F([1]))).__name__, frozenset(F([1])), type(frozenset(F([1]))).__name__)
        class D(dict):
            pass
        d = D(a=1)
        print(d, D.fromkeys('xy', 0), type(D.fromkeys('x')).__name__, d | {'b': 2}, type(d | {}).__name__)
        class R:
            def __repr__(self):
                return 'R!'
        print([R(), [R()]], {R()}, {1: R()}, (R(),), {1: 2}.keys(), list.__repr__([R()]))
    ''')


def misc_cases():
    case('list-huge-repeat', '''
        print([0] * 2**62)
        print([1, 2] * 2**62)
        print([] * 2**70)
        print(len([] * 2**62), len([1, 2, 3] * 0))
        x = [1]
        x *= 2**62
        y = []
        y *= 2**62
        print(y, x)
        print(list(range(5)) * 2, (2 * list(range(3)))[::-1])
    ''')
    case('generic-alias', '''
        print(list[int], dict[str, int], set[list[int]], list[...], list[()], frozenset[1], dict[int, list[int]])
        print(list[int] == list[int], list[int] != list[str], list[int].__origin__, list[int].__args__)
        print(list[int]([1, 2]), dict[str, int](a=1), type(list[int]).__name__, list[int].__parameters__)
        print(hash(list[int]) == hash(list[int]), repr(list[None]), set[int]('ab') == {'a', 'b'})
        class A:
            pass
        print(list[A], dict[A, 'x'])
    ''')


def main():
    misc_cases()
    class_cases()
    set_order_cases()
    set_ops_cases()
    list_cases()
    sort_cases()
    range_cases()
    dict_cases()
    iterator_cases()
    data = '\n'.join(CASES) + '\n'
    with gzip.GzipFile(OUT, 'wb', mtime=0) as f:
        f.write(data.encode('utf-8'))
    print(f'{len(CASES)} cases, {len(data)} bytes -> {os.path.relpath(OUT, ROOT)}')


if __name__ == '__main__':
    main()
