a = 'single' "double" '''triple''' """triple double"""
b = 'escapes \\ \' \" \a \b \f \n \r \t \v \x41 \101 \u00e9 \U0001F600 \N{BULLET} \N{latin small letter a} \q'
c = r'raw \n \d' R"raw"
c2 = rb'raw bytes \n' Rb"x" bR'y' BR"z"
d = b'bytes \x00 \xff \n' B"upper"
e = u'unicode' U'upper u'
f = 'concatenated' 'strings' u'with u' "kinds"
g = 'é ü 中文 😀 \u200b \ufeff'
h = '\ud83d\ude00' '\ud800' '\udc00'
i = """multi
line
string with 'quotes' and "quotes"
"""
j = 'line \
continuation'
k = '' "" r''
k2 = b'' B""
l = "it's"
m = 'say "hi"'
n = 'both \' and "'
