/* rtsupport.c — operations compiled code calls that are not methods of any one type: closure
 * cells, global and class-body names, unpacking, call argument building, `with`, `assert`,
 * `from m import x`, and re-raising. Each raises what CPython raises, with its message.
 * (The compiler's lowering, src/lower/, is the only caller.) */
#include "pync.h"
#include "internal.h"

/* ---- closure cells ------------------------------------------------------------------------------- */

static pv unbound_cell(const char *name, int is_free) {
    if (is_free) {
        return pync_raise_fmt(&pync_NameError_type,
                              "cannot access free variable '%s' where it is not associated with a value in enclosing scope", name);
    }
    return pync_raise_unbound_local(name);
}

pv pync_cell_get(pv cell, const char *name, int is_free) {
    pv v = ((pync_cell *)cell)->value;
    return v ? v : unbound_cell(name, is_free);
}

void pync_cell_set(pv cell, pv value) { ((pync_cell *)cell)->value = value; }

int pync_cell_delete(pv cell, const char *name, int is_free) {
    pync_cell *c = (pync_cell *)cell;
    if (!c->value) {
        unbound_cell(name, is_free);
        return -1;
    }
    c->value = 0;
    return 0;
}

/* ---- globals and class bodies -------------------------------------------------------------------- */

/* A global slot that holds 0: the builtin of that name, else NameError. */
pv pync_global_missing(const char *name) {
    pv v = pync_builtin(name);
    return v ? v : pync_raise_name_error(name);
}

/* `del name` of a global: NameError when it is not bound. 0 or -1. */
int pync_check_global_bound(pv value, const char *name) {
    if (value) return 0;
    pync_raise_name_error(name);
    return -1;
}

int pync_classbody_delete(pv ns, pv name) {
    if (pync_dict_delitem(ns, name) == 0) return 0;
    if (pync_isinstance_type(pync_current_exc, &pync_KeyError_type)) {
        pync_exc_clear();
        pync_raise_fmt(&pync_NameError_type, "name '%U' is not defined", name);
    }
    return -1;
}

/* The end of `except E as name` in a class body: name is removed if present. */
void pync_classbody_unbind(pv ns, pv name) {
    pv saved = pync_exc_fetch();
    if (pync_dict_delitem(ns, name) < 0) pync_exc_clear();
    pync_current_exc = saved;
}

/* ---- building values ------------------------------------------------------------------------------ */

/* {**m} in a dict display. 0 or -1. */
int pync_dict_update_mapping(pv dict, pv mapping) {
    if (!pync_isinstance_type(mapping, &pync_dict_type)) {
        pv keys = pync_type_lookup_cstr(pv_type(mapping), "keys");
        if (!keys) {
            pync_raise_fmt(&pync_TypeError_type, "'%T' object is not a mapping", mapping);
            return -1;
        }
    }
    return pync_dict_update(dict, mapping);
}

pv pync_list_as_tuple(pv list) {
    const pync_list *l = (const pync_list *)list;
    return pync_tuple_from_array(l->items, l->size);
}

/* How CPython names a callable in argument errors: "mod.qualname()" or "print()". */
static pv function_str(pv f) {
    pv saved = pync_exc_fetch();
    pv result = 0;
    pv qualname = pync_getattr_cstr(f, "__qualname__");
    if (qualname && pv_type(qualname) == &pync_str_type) {
        pv module = pync_getattr_cstr(f, "__module__");
        if (module && pv_type(module) == &pync_str_type && !pync_str_eq_cstr(module, "builtins")) {
            result = pync_str_fmt("%U.%U()", module, qualname);
        } else {
            result = pync_str_fmt("%U()", qualname);
        }
    }
    if (!result) result = pync_str(f);
    pync_current_exc = saved;
    return result;
}

/* f(*x): x's items appended to the positional list, or TypeError naming f. 0 or -1. */
int pync_call_star_extend(pv list, pv iterable, pv f) {
    const pync_type *t = pv_type(iterable);
    if (!t->iter && !pync_type_lookup_cstr(t, "__getitem__")) {
        pv name = function_str(f);
        if (!name) return -1;
        pync_raise_fmt(&pync_TypeError_type, "%U argument after * must be an iterable, not %T", name, iterable);
        return -1;
    }
    return pync_list_extend(list, iterable);
}

static int kwargs_duplicate(pv f, pv key) {
    pv name = function_str(f);
    if (!name) return -1;
    pync_raise_fmt(&pync_TypeError_type, "%U got multiple values for keyword argument '%U'", name, key);
    return -1;
}

/* name=value in a call that also has **kwargs. 0 or -1. */
int pync_kwargs_set(pv dict, pv key, pv value, pv f) {
    pv old = pync_dict_get(dict, key);
    if (old) return kwargs_duplicate(f, key);
    if (pync_current_exc) return -1;
    return pync_dict_setitem(dict, key, value);
}

/* f(**m): every key a str, none given twice. 0 or -1. */
int pync_kwargs_merge(pv dict, pv mapping, pv f) {
    pv keys;
    if (pync_isinstance_type(mapping, &pync_dict_type)) {
        keys = mapping;
    } else {
        if (!pync_type_lookup_cstr(pv_type(mapping), "keys")) {
            pv name = function_str(f);
            if (!name) return -1;
            pync_raise_fmt(&pync_TypeError_type, "%U argument after ** must be a mapping, not %T", name, mapping);
            return -1;
        }
        keys = pync_call_method(mapping, pync_str_from_cstr("keys"), NULL, 0, 0);
        if (!keys) return -1;
    }
    pv it = pync_iter(keys);
    if (!it) return -1;
    pv key;
    while ((key = pync_next(it))) {
        if (!pync_isinstance_type(key, &pync_str_type)) {
            pync_raise_fmt(&pync_TypeError_type, "keywords must be strings");
            return -1;
        }
        pv value = pync_getitem(mapping, key);
        if (!value) return -1;
        if (pync_kwargs_set(dict, key, value, f) < 0) return -1;
    }
    return pync_current_exc ? -1 : 0;
}

/* ---- unpacking ------------------------------------------------------------------------------------ */

/*
 * a, b = v / a, *b, c = v: a tuple of before + after items, with the starred ones as a list in
 * between when `star` is set. CPython's ValueErrors for a wrong count.
 */
pv pync_unpack(pv value, size_t before, int star, size_t after) {
    size_t fixed = before + after;
    const pync_type *t = pv_type(value);
    if (!star && (t == &pync_tuple_type || t == &pync_list_type)) {
        const pv *items = t == &pync_tuple_type ? ((const pync_tuple *)value)->items : ((const pync_list *)value)->items;
        size_t n = t == &pync_tuple_type ? ((const pync_tuple *)value)->size : ((const pync_list *)value)->size;
        if (n == fixed) return pync_tuple_from_array(items, n);
        if (n < fixed) {
            return pync_raise_fmt(&pync_ValueError_type, "not enough values to unpack (expected %zd, got %zd)", (ptrdiff_t)fixed, (ptrdiff_t)n);
        }
        return pync_raise_fmt(&pync_ValueError_type, "too many values to unpack (expected %zd)", (ptrdiff_t)fixed);
    }
    if (!t->iter && !pync_type_lookup_cstr(t, "__getitem__")) {
        return pync_raise_fmt(&pync_TypeError_type, "cannot unpack non-iterable %T object", value);
    }
    pv it = pync_iter(value);
    if (!it) return 0;
    pv out = pync_tuple_new(fixed + (star ? 1 : 0));
    if (!out) return 0;
    pv *items = ((pync_tuple *)out)->items;
    for (size_t i = 0; i < before; i++) {
        pv v = pync_next(it);
        if (!v) {
            if (pync_current_exc) return 0;
            if (star) {
                return pync_raise_fmt(&pync_ValueError_type, "not enough values to unpack (expected at least %zd, got %zd)",
                                      (ptrdiff_t)fixed, (ptrdiff_t)i);
            }
            return pync_raise_fmt(&pync_ValueError_type, "not enough values to unpack (expected %zd, got %zd)", (ptrdiff_t)fixed, (ptrdiff_t)i);
        }
        items[i] = v;
    }
    if (!star) {
        pv extra = pync_next(it);
        if (extra) return pync_raise_fmt(&pync_ValueError_type, "too many values to unpack (expected %zd)", (ptrdiff_t)fixed);
        return pync_current_exc ? 0 : out;
    }
    pv rest = pync_list_new(0);
    if (!rest) return 0;
    items[before] = rest;
    if (pync_list_extend(rest, it) < 0) return 0;
    pync_list *l = (pync_list *)rest;
    if (l->size < after) {
        return pync_raise_fmt(&pync_ValueError_type, "not enough values to unpack (expected at least %zd, got %zd)",
                              (ptrdiff_t)fixed, (ptrdiff_t)(before + l->size));
    }
    for (size_t i = 0; i < after; i++) items[before + 1 + i] = l->items[l->size - after + i];
    l->size -= after;
    return out;
}

/* ---- imports --------------------------------------------------------------------------------------- */

/* `from module import name`: the attribute, or ImportError as CPython words it. */
pv pync_import_from(pv module, pv name) {
    pv v = pync_getattr(module, name);
    if (v || !pync_isinstance_type(pync_current_exc, &pync_AttributeError_type)) return v;
    pync_exc_clear();
    pv modname = pync_getattr_cstr(module, "__name__");
    if (!modname) return 0;
    pv file = pync_getattr_cstr(module, "__file__");
    if (file && pv_type(file) == &pync_str_type) {
        return pync_raise_fmt(&pync_ImportError_type, "cannot import name '%U' from '%U' (%U)", name, modname, file);
    }
    pync_exc_clear();
    return pync_raise_fmt(&pync_ImportError_type, "cannot import name '%U' from '%U' (unknown location)", name, modname);
}

/* `from module import *`, one name: the attribute, or 0 with no exception when the module does
   not have it (a name its source binds only on some paths) */
pv pync_import_star_name(pv module, pv name) {
    pv v = pync_getattr(module, name);
    if (v || !pync_isinstance_type(pync_current_exc, &pync_AttributeError_type)) return v;
    pync_exc_clear();
    return 0;
}

/* ---- with ------------------------------------------------------------------------------------------ */

/*
 * (type(mgr).<exit> bound to mgr, type(mgr).<enter>(mgr)): `with` (__enter__/__exit__) and
 * `async with` (__aenter__/__aexit__, whose enter result is then awaited). `protocol` names the
 * protocol in CPython's errors: "context manager" or "asynchronous context manager".
 */
pv pync_enter_context(pv mgr, const char *enter_name, const char *exit_name, const char *protocol) {
    const pync_type *t = pv_type(mgr);
    pv enter = pync_type_lookup_cstr(t, enter_name);
    if (!enter) {
        if (pync_current_exc) return 0;
        return pync_raise_fmt(&pync_TypeError_type, "'%s' object does not support the %s protocol", t->name, protocol);
    }
    pv exit = pync_type_lookup_cstr(t, exit_name);
    if (!exit) {
        if (pync_current_exc) return 0;
        return pync_raise_fmt(&pync_TypeError_type, "'%s' object does not support the %s protocol (missed %s method)", t->name, protocol,
                              exit_name);
    }
    pv bound_exit = pync_descr_get(exit, mgr, t);
    if (!bound_exit) return 0;
    pv bound_enter = pync_descr_get(enter, mgr, t);
    if (!bound_enter) return 0;
    pv entered = pync_call0(bound_enter);
    if (!entered) return 0;
    return pync_tuple_pack(2, bound_exit, entered);
}

/* `with mgr`: (type(mgr).__exit__ bound to mgr, type(mgr).__enter__(mgr)). */
pv pync_with_enter(pv mgr) { return pync_enter_context(mgr, "__enter__", "__exit__", "context manager"); }

/* exit(None, None, None), or exit(type, exc, tb) for a body that raised `exc`: what a `with` and
   an `async with` call when they leave their body. Its result, or 0 on error. */
pv pync_call_exit(pv exit, pv exc) {
    pv args[3];
    if (!exc) {
        args[0] = args[1] = args[2] = pync_None;
    } else {
        args[0] = (pv)pv_type(exc);
        args[1] = exc;
        args[2] = pync_getattr_cstr(exc, "__traceback__");
        if (!args[2]) return 0;
    }
    return pync_call(exit, args, 3, 0);
}

/* Leaving a `with` body: 1 if the exception is to be suppressed, 0 if not, -1 if __exit__ raised. */
int pync_with_exit(pv exit, pv exc) {
    pv r = pync_call_exit(exit, exc);
    if (!r) return -1;
    return exc ? pync_truth(r) : 0;
}

/* ---- raising ---------------------------------------------------------------------------------------- */

pv pync_raise_assertion(pv message) {
    pv exc = message ? pync_call1((pv)&pync_AssertionError_type, message) : pync_call0((pv)&pync_AssertionError_type);
    if (!exc) return 0;
    return pync_raise(exc);
}

pv pync_raise_super_no_args(void) {
    return pync_raise_fmt(&pync_RuntimeError_type, "super(): no arguments");
}

/* After next() returned 0: -1 if that was an error, 0 if the iterator is exhausted. */
int pync_check_exc(void) { return pync_current_exc ? -1 : 0; }

/* Makes `exc` (taken by pync_exc_fetch) the current exception again, traceback unchanged. */
void pync_exc_restore(pv exc) { pync_current_exc = exc; }

/* Leaves a handler with the current exception: compiled code jumps on without adding a
   traceback entry (the frame has one already). */
pv pync_exc_rethrow(void) { return 0; }

/* ---- function attributes ------------------------------------------------------------------------------ */

void pync_function_set_doc(pv func, pv doc) { ((pync_function *)func)->doc = doc; }
void pync_function_set_module(pv func, pv module) { ((pync_function *)func)->module = module; }

/* a, b, c = some_list: the length must be exactly n (CPython's messages otherwise). 0 or -1. */
int pync_unpack_list_check(pv list, size_t n) {
    size_t size = ((const pync_list *)list)->size;
    if (size == n) return 0;
    if (size < n) {
        pync_raise_fmt(&pync_ValueError_type, "not enough values to unpack (expected %zd, got %zd)", (ptrdiff_t)n, (ptrdiff_t)size);
    } else {
        pync_raise_fmt(&pync_ValueError_type, "too many values to unpack (expected %zd)", (ptrdiff_t)n);
    }
    return -1;
}
