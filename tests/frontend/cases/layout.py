# -*- coding: utf-8 -*-
"""Indentation with tabs, form feeds, continuation lines, blank lines and comments."""
if x:
	y = 1
	if z:
		w = 2

def f():
    # comment only line
        # deeper comment

    return (1 +
            2 -
        3)
x = 1 + \
    2
y = [
    1,
    2,
]
z = {  # comment inside brackets
    'a': 1,  # trailing
}
class K:

    pass
if a: b; c
while b: pass
for x in y: z; w;
