# Generic aliases of tuple and enumerate, tuple iterators' length hint, range's __bool__.
print(tuple[int], enumerate[int], list[str], dict[str, int])
it = iter((1, 2, 3))
next(it)
print(it.__length_hint__(), range(0).__bool__(), range(2).__bool__())
print(hasattr((), '__class_getitem__'), hasattr(iter(()), '__length_hint__'), hasattr([], '__bool__'))
