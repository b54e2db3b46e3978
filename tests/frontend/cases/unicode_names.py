café = 1
ñ = 2
ℌ = 3
ﬁ = 4
変数 = café + ñ
def 関数(引数): return 引数
class Ünïcödé: pass
x = 'é' if ﬁ else "中"
