# Imported by star_import.py: a module with __all__ (and names it leaves out).
__all__ = ['greet', 'VALUE']
VALUE = 42
_private = 1
def greet(n):
    return f"hello {n}"
def not_exported():
    return 0
