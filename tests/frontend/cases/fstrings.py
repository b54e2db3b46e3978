name = 'x'
a = f'hello {name}'
b = f"{name!r} {name!s} {name!a}"
c = f'{name:>10} {name:{width}.{precision}}'
d = f'{name=} {name = } {name=!s} {name=:>5}'
e = f'{{literal}} {{{name}}}'
f = f'{a["key"]} {b[1:2]} {c.d} {f(x, y)}'
g = f'{x if y else z} {lambda_ for lambda_ in []} {(lambda: 1)()}'
h = f'''multi
{line}
  {
    nested_expression
  } text {x:
{y}}'''
i = f'{f"{inner}"}' f'{x}' 'plain' F'{y}' rf'raw {z} \n' fR'{w}'
j = (f'first {a}'
     f'second {b}'
     'third')
k = f'{a:%Y-%m-%d} {b:,} {c:_} {d:#x} {e:+.3e}'
l = f'{x!r:^{width}}'
m = f'{ x }' f'{x,y}' f'{*x,}' f'{yield_}'
n = f'é{x}ü{y}'
o = f'{"é"}{x}'
p = f'\N{BULLET} {x}'
