# Imported by star_import.py: __all__ names an attribute the module does not have.
__all__ = ['present', 'absent']
present = 1
