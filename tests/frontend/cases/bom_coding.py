# vim: set fileencoding=utf-8 :
x = "é"
