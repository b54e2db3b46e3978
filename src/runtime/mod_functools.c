/* mod_functools.c — the functools module (CPython 3.11's Modules/_functoolsmodule.c and
 * Lib/functools.py semantics): reduce, partial, lru_cache / cache (the _lru_cache_wrapper with
 * cache_info, cache_clear, cache_parameters), update_wrapper / wraps, cmp_to_key and
 * total_ordering.
 *
 * The cache wrapper must bind as a method when it decorates one (`self.method(x)`): pync binds
 * only functions, method descriptors and instances of classes with __get__, so the wrapper's
 * type is a class made at import (functools._lru_cache_wrapper, with __get__ in its namespace)
 * whose instances extend a C struct (the hidden static type lru_base_type). */
#include "stdmods.h"
#include "dict.h"

/* "f() takes from 0 to 2 positional arguments but 3 were given": Python function arity errors */
static pv py_arity_error(const char *qualname, size_t given, size_t min, size_t max) {
    if (min == max) {
        return pync_raise_fmt(&pync_TypeError_type, "%s() takes %zd positional argument%s but %zd %s given", qualname,
                              (ptrdiff_t)min, min == 1 ? "" : "s", (ptrdiff_t)given, given == 1 ? "was" : "were");
    }
    return pync_raise_fmt(&pync_TypeError_type, "%s() takes from %zd to %zd positional arguments but %zd %s given", qualname,
                          (ptrdiff_t)min, (ptrdiff_t)max, (ptrdiff_t)given, given == 1 ? "was" : "were");
}

/* Binds a call to a Python-style signature of positional-or-keyword parameters `names`, the
   first nrequired required: Python's messages for too many / missing / unexpected / duplicate. */
static int py_bind(const char *qualname, pv *args, size_t nargs, pv kwnames, const char *const *names, size_t nrequired,
                   pv *out) {
    size_t n = 0;
    while (names[n]) n++;
    for (size_t i = 0; i < n; i++) out[i] = 0;
    for (size_t i = 0; i < nargs && i < n; i++) out[i] = args[i];
    /* as CPython binds: keyword errors first, then too many positional arguments */
    for (size_t k = 0; k < pync_kwcount(kwnames); k++) {
        size_t slot = n;
        for (size_t i = 0; i < n; i++) {
            if (pync_kwname_is(kwnames, k, names[i])) slot = i;
        }
        if (slot == n) {
            pync_raise_fmt(&pync_TypeError_type, "%s() got an unexpected keyword argument '%U'", qualname, pync_kwname(kwnames, k));
            return -1;
        }
        if (out[slot]) {
            pync_raise_fmt(&pync_TypeError_type, "%s() got multiple values for argument '%s'", qualname, names[slot]);
            return -1;
        }
        out[slot] = args[nargs + k];
    }
    if (nargs > n) {
        py_arity_error(qualname, nargs, nrequired, n);
        return -1;
    }
    size_t missing = 0;
    const char *first = NULL, *second = NULL;
    for (size_t i = 0; i < nrequired; i++) {
        if (out[i]) continue;
        if (missing == 0) first = names[i];
        else if (missing == 1) second = names[i];
        missing++;
    }
    if (missing == 1) {
        pync_raise_fmt(&pync_TypeError_type, "%s() missing 1 required positional argument: '%s'", qualname, first);
        return -1;
    }
    if (missing == 2) {
        pync_raise_fmt(&pync_TypeError_type, "%s() missing 2 required positional arguments: '%s' and '%s'", qualname, first, second);
        return -1;
    }
    return 0;
}

/* ==== reduce ======================================================================================== */

static pv ft_reduce(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_no_kwargs("reduce", kwnames) < 0 || pync_check_positional("reduce", nargs, 0, 2, 3) < 0) return 0;
    pv func = args[0];
    pv it = pync_iter(args[1]);
    if (!it) {
        if (pync_exc_matches(pync_current_exc, (pv)&pync_TypeError_type) > 0) {
            pync_exc_clear();
            pync_raise_fmt(&pync_TypeError_type, "reduce() arg 2 must support iteration");
        }
        return 0;
    }
    pv result = nargs > 2 ? args[2] : 0;
    for (;;) {
        pv item = pync_stdmod_next(it);
        if (!item) {
            if (pync_current_exc) return 0;
            break;
        }
        if (!result) {
            result = item;
        } else {
            result = pync_call2(func, result, item);
            if (!result) return 0;
        }
    }
    if (!result) return pync_raise_fmt(&pync_TypeError_type, "reduce() of empty iterable with no initial value");
    return result;
}

/* ==== partial ======================================================================================== */

typedef struct partialobject {
    pync_object ob;
    pv fn;
    pv args;                 /* tuple */
    pv kw;                   /* dict */
    pv dict;                 /* instance attributes, 0 until set */
} partialobject;

static pync_type partial_type;

static void partial_trace(pync_object *o) {
    partialobject *p = (partialobject *)o;
    pync_gc_visit(p->fn);
    pync_gc_visit(p->args);
    pync_gc_visit(p->kw);
    pync_gc_visit(p->dict);
}

static pv partial_call(pv self, pv *args, size_t nargs, pv kwnames);

static pv partial_new(const pync_type *type, pv func, pv *args, size_t nargs, pv *kwvalues, pv kwnames) {
    pv pargs = 0, pkw = 0;
    /* partial(partial(f, a), b) is partial(f, a, b) when the inner one has no attributes */
    if (pync_isinstance_type(func, &partial_type) && !pync_stdmod_overrides(pv_type(func), "__call__")) {
        partialobject *inner = (partialobject *)func;
        if (!inner->dict || pync_len(inner->dict) == 0) {
            pargs = inner->args;
            pkw = inner->kw;
            func = inner->fn;
        }
    }
    size_t np = pargs ? ((pync_tuple *)pargs)->size : 0;
    pv all = pync_tuple_new(np + nargs);
    if (!all) return 0;
    for (size_t i = 0; i < np; i++) ((pync_tuple *)all)->items[i] = ((pync_tuple *)pargs)->items[i];
    for (size_t i = 0; i < nargs; i++) ((pync_tuple *)all)->items[np + i] = args[i];
    pv kw = pync_dict_new();
    if (!kw || (pkw && pync_dict_update(kw, pkw) < 0)) return 0;
    for (size_t i = 0; i < pync_kwcount(kwnames); i++) {
        if (pync_dict_setitem(kw, pync_kwname(kwnames, i), kwvalues[i]) < 0) return 0;
    }
    if (pync_stdmod_ready((pync_type *)type, "functools") < 0) return 0;
    partialobject *p = pync_gc_alloc(type->basicsize, type);
    if (!p) return 0;
    p->fn = func;
    p->args = all;
    p->kw = kw;
    return (pv)p;
}

static pv partial_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    if (nargs < 1) return pync_raise_fmt(&pync_TypeError_type, "type 'partial' takes at least one argument");
    if (!pv_type(args[0])->call) return pync_raise_fmt(&pync_TypeError_type, "the first argument must be callable");
    return partial_new(type, args[0], args + 1, nargs - 1, args + nargs, kwnames);
}

static pv partial_call(pv self, pv *args, size_t nargs, pv kwnames) {
    partialobject *p = (partialobject *)self;
    const pync_tuple *pa = (const pync_tuple *)p->args;
    size_t np = pa->size, nkw = pync_kwcount(kwnames);
    int64_t npkw = pync_len(p->kw);
    if (npkw < 0) return 0;
    if (npkw == 0) {
        pync_pvarray *buf = pync_pvarray_new(np + nargs + nkw + 1);
        if (!buf) return 0;
        for (size_t i = 0; i < np; i++) buf->items[i] = pa->items[i];
        for (size_t i = 0; i < nargs + nkw; i++) buf->items[np + i] = args[i];
        return pync_call(p->fn, buf->items, np + nargs, kwnames);
    }
    /* the stored keywords, overridden by the call's */
    pv kw = pync_dict_new();
    if (!kw || pync_dict_update(kw, p->kw) < 0) return 0;
    for (size_t i = 0; i < nkw; i++) {
        if (pync_dict_setitem(kw, pync_kwname(kwnames, i), args[nargs + i]) < 0) return 0;
    }
    int64_t total = pync_len(kw);
    pync_pvarray *buf = pync_pvarray_new(np + nargs + (size_t)total + 1);
    pv names = pync_tuple_new((size_t)total);
    if (!buf || !names) return 0;
    for (size_t i = 0; i < np; i++) buf->items[i] = pa->items[i];
    for (size_t i = 0; i < nargs; i++) buf->items[np + i] = args[i];
    size_t pos = 0, k = 0;
    pv key, value;
    while (pync_dict_next(kw, &pos, &key, &value)) {
        ((pync_tuple *)names)->items[k] = key;
        buf->items[np + nargs + k] = value;
        k++;
    }
    return pync_call(p->fn, buf->items, np + nargs, names);
}

static pv partial_repr(pv self) {
    partialobject *p = (partialobject *)self;
    int rc = pync_repr_enter(self);
    if (rc != 0) return rc > 0 ? pync_str_from_cstr("...") : 0;
    pv result = 0;
    pync_strbuf b;
    pv r = pync_repr(p->fn);
    if (!r || pync_strbuf_init(&b, 64) < 0 || pync_strbuf_append_cstr(&b, pv_type(self)->name) < 0 ||
        pync_strbuf_append_cstr(&b, "(") < 0 || pync_strbuf_append_str(&b, r) < 0) goto done;
    const pync_tuple *a = (const pync_tuple *)p->args;
    for (size_t i = 0; i < a->size; i++) {
        r = pync_repr(a->items[i]);
        if (!r || pync_strbuf_append_cstr(&b, ", ") < 0 || pync_strbuf_append_str(&b, r) < 0) goto done;
    }
    size_t pos = 0;
    pv key, value;
    while (pync_dict_next(p->kw, &pos, &key, &value)) {
        pv ks = pync_str(key);
        r = ks ? pync_repr(value) : 0;
        if (!r || pync_strbuf_append_cstr(&b, ", ") < 0 || pync_strbuf_append_str(&b, ks) < 0 ||
            pync_strbuf_append_cstr(&b, "=") < 0 || pync_strbuf_append_str(&b, r) < 0) goto done;
    }
    if (pync_strbuf_append_cstr(&b, ")") < 0) goto done;
    result = pync_strbuf_finish(&b);
done:
    pync_repr_leave(self);
    return result;
}

static pv partial_getattr(pv self, pv name) {
    partialobject *p = (partialobject *)self;
    if (pync_str_eq_cstr(name, "func")) return p->fn;
    if (pync_str_eq_cstr(name, "args")) return p->args;
    if (pync_str_eq_cstr(name, "keywords")) return p->kw;
    return pync_generic_getattr(self, name);
}

static int partial_setattr(pv self, pv name, pv value) {
    if (pync_str_eq_cstr(name, "func") || pync_str_eq_cstr(name, "args") || pync_str_eq_cstr(name, "keywords")) {
        pync_raise_fmt(&pync_AttributeError_type, "readonly attribute");
        return -1;
    }
    return pync_generic_setattr(self, name, value);
}

static const pync_method_def partial_methods[] = {
    {"__class_getitem__", pync_class_getitem, PYNC_METH_CLASS},
    {NULL, NULL, 0},
};

static pync_type partial_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "functools.partial", .base = &pync_object_type, .flags = PYNC_TF_BASETYPE,
    .basicsize = sizeof(partialobject), .dictoffset = offsetof(partialobject, dict), .trace = partial_trace,
    .repr = partial_repr, .call = partial_call, .construct = partial_construct, .getattr = partial_getattr,
    .setattr = partial_setattr, .methods = partial_methods,
};

/* ==== update_wrapper / wraps ============================================================================ */

static const char *const wrapper_assignments[] = {"__module__", "__name__", "__qualname__", "__doc__", "__annotations__", NULL};
static const char *const wrapper_updates[] = {"__dict__", NULL};

static pv assignments_tuple(void) {
    pv t = pync_tuple_new(5);
    if (!t) return 0;
    for (size_t i = 0; i < 5; i++) {
        pv s = pync_str_from_cstr(wrapper_assignments[i]);
        if (!s) return 0;
        ((pync_tuple *)t)->items[i] = s;
    }
    return t;
}

static pv updates_tuple(void) {
    pv s = pync_str_from_cstr(wrapper_updates[0]);
    return s ? pync_tuple_pack(1, s) : 0;
}

static pv update_wrapper_impl(pv wrapper, pv wrapped, pv assigned, pv updated) {
    pv it = pync_iter(assigned);
    if (!it) return 0;
    for (;;) {
        pv attr = pync_stdmod_next(it);
        if (!attr) {
            if (pync_current_exc) return 0;
            break;
        }
        pv value = pync_getattr(wrapped, attr);
        if (!value) {
            if (pync_exc_matches(pync_current_exc, (pv)&pync_AttributeError_type) <= 0) return 0;
            pync_exc_clear();
            continue;
        }
        if (pync_setattr(wrapper, attr, value) < 0) return 0;
    }
    it = pync_iter(updated);
    if (!it) return 0;
    pv update = pync_str_from_cstr("update");
    if (!update) return 0;
    for (;;) {
        pv attr = pync_stdmod_next(it);
        if (!attr) {
            if (pync_current_exc) return 0;
            break;
        }
        pv target = pync_getattr(wrapper, attr);
        if (!target) return 0;
        pv source = pync_getattr(wrapped, attr);
        if (!source) {
            if (pync_exc_matches(pync_current_exc, (pv)&pync_AttributeError_type) <= 0) return 0;
            pync_exc_clear();
            source = pync_dict_new();
            if (!source) return 0;
        }
        if (!pync_call_method(target, update, &source, 1, 0)) return 0;
    }
    pv name = pync_str_from_cstr("__wrapped__");
    if (!name || pync_setattr(wrapper, name, wrapped) < 0) return 0;
    return wrapper;
}

static pv ft_update_wrapper(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    static const char *const names[] = {"wrapper", "wrapped", "assigned", "updated", NULL};
    pv a[4];
    if (py_bind("update_wrapper", args, nargs, kwnames, names, 2, a) < 0) return 0;
    pv assigned = a[2] ? a[2] : assignments_tuple();
    pv updated = a[3] ? a[3] : updates_tuple();
    if (!assigned || !updated) return 0;
    return update_wrapper_impl(a[0], a[1], assigned, updated);
}

static pv update_wrapper_fn;   /* the module's update_wrapper, for wraps() */

static pv ft_wraps(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    static const char *const names[] = {"wrapped", "assigned", "updated", NULL};
    pv a[3];
    if (py_bind("wraps", args, nargs, kwnames, names, 1, a) < 0) return 0;
    pv assigned = a[1] ? a[1] : assignments_tuple();
    pv updated = a[2] ? a[2] : updates_tuple();
    if (!assigned || !updated) return 0;
    pv kn[3] = {pync_str_from_cstr("wrapped"), pync_str_from_cstr("assigned"), pync_str_from_cstr("updated")};
    if (!kn[0] || !kn[1] || !kn[2]) return 0;
    pv kwn = pync_tuple_from_array(kn, 3);
    if (!kwn) return 0;
    pv values[3] = {a[0], assigned, updated};
    return partial_new(&partial_type, update_wrapper_fn, NULL, 0, values, kwn);
}

/* ==== lru_cache ========================================================================================= */

typedef struct lruobject {
    pync_object ob;
    pv func;
    pv cache;                /* dict: key -> result, least recently used first */
    pv dict;                 /* instance attributes (__wrapped__, __name__, ...) */
    int64_t maxsize;         /* -1: unbounded */
    int64_t hits, misses;
    bool typed;
    size_t first_hint;       /* entries of cache before it are deleted (while the storage is */
    pync_rawbuf *hint_storage;  /* this one): eviction does not rescan them */
} lruobject;

static pync_type lru_base_type;
static pv lru_class;         /* functools._lru_cache_wrapper (a class whose layout is lru_base_type) */
static pv cache_info_type;   /* functools._CacheInfo */
static pv kwd_mark;          /* separates positional from keyword arguments in keys */

static void lru_trace(pync_object *o) {
    lruobject *l = (lruobject *)o;
    pync_gc_visit(l->func);
    pync_gc_visit(l->cache);
    pync_gc_visit(l->dict);
    pync_gc_visit_obj(l->hint_storage);
}

/* the cache key of a call (CPython's lru_cache_make_key) */
static pv make_key(lruobject *l, pv *args, size_t nargs, pv kwnames) {
    size_t nkw = pync_kwcount(kwnames);
    if (!l->typed && nkw == 0) {
        if (nargs == 1) {
            pv k = args[0];
            if (pv_is_small(k) || pv_type(k) == &pync_int_type || pv_type(k) == &pync_str_type) return k;
        }
        return pync_tuple_from_array(args, nargs);
    }
    size_t size = nargs + (nkw ? 2 * nkw + 1 : 0) + (l->typed ? nargs + nkw : 0);
    pv key = pync_tuple_new(size);
    if (!key) return 0;
    pv *items = ((pync_tuple *)key)->items;
    size_t k = 0;
    for (size_t i = 0; i < nargs; i++) items[k++] = args[i];
    if (nkw) {
        items[k++] = kwd_mark;
        for (size_t i = 0; i < nkw; i++) {
            items[k++] = pync_kwname(kwnames, i);
            items[k++] = args[nargs + i];
        }
    }
    if (l->typed) {
        for (size_t i = 0; i < nargs; i++) items[k++] = (pv)pv_type(args[i]);
        for (size_t i = 0; i < nkw; i++) items[k++] = (pv)pv_type(args[nargs + i]);
    }
    return key;
}

static pv lru_call(pv self, pv *args, size_t nargs, pv kwnames) {
    lruobject *l = (lruobject *)self;
    if (l->maxsize == 0) {
        l->misses++;
        return pync_call(l->func, args, nargs, kwnames);
    }
    pv key = make_key(l, args, nargs, kwnames);
    if (!key) return 0;
    int64_t hash;
    if (pync_hash(key, &hash) < 0) return 0;
    pync_dict *d = (pync_dict *)l->cache;
    int64_t ix = pync_dict_lookup(d, key, hash);
    if (ix == -2) return 0;
    if (ix >= 0) {
        pv result = d->entries[ix].value;
        l->hits++;
        if (l->maxsize > 0 && ix != (int64_t)d->nentries - 1) {
            /* the most recently used entry goes last */
            pv k = d->entries[ix].key;
            pync_dict_remove_at(d, ix, hash);
            if (pync_dict_insert(d, k, hash, result) < 0) return 0;
        }
        return result;
    }
    l->misses++;
    pv result = pync_call(l->func, args, nargs, kwnames);
    if (!result) return 0;
    d = (pync_dict *)l->cache;
    ix = pync_dict_lookup(d, key, hash);
    if (ix == -2) return 0;
    if (ix >= 0) return result;   /* a recursive call cached it meanwhile */
    if (l->maxsize > 0 && (int64_t)d->used >= l->maxsize) {
        /* evict the least recently used: the first live entry */
        size_t i = l->hint_storage == d->storage ? l->first_hint : 0;
        while (i < d->nentries && !d->entries[i].key) i++;
        if (i < d->nentries) pync_dict_remove_at(d, (int64_t)i, d->entries[i].hash);
        l->first_hint = i;
        l->hint_storage = d->storage;
    }
    if (pync_dict_insert(d, key, hash, result) < 0) return 0;
    return result;
}

static pv lru_cache_info(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("_lru_cache_wrapper.cache_info", nargs, kwnames) < 0) return 0;
    lruobject *l = (lruobject *)self;
    pv v[4] = {pync_int_from_i64(l->hits), pync_int_from_i64(l->misses),
               l->maxsize < 0 ? pync_None : pync_int_from_i64(l->maxsize), pync_int_from_i64(pync_len(l->cache))};
    if (!v[0] || !v[1] || !v[2] || !v[3]) return 0;
    return pync_call(cache_info_type, v, 4, 0);
}

static pv lru_cache_clear(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("_lru_cache_wrapper.cache_clear", nargs, kwnames) < 0) return 0;
    lruobject *l = (lruobject *)self;
    pv fresh = pync_dict_new();
    if (!fresh) return 0;
    l->cache = fresh;
    l->hits = l->misses = 0;
    return pync_None;
}

/* __get__(self, obj, type=None): a method bound to obj */
static pv lru_get(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_no_kwargs("__get__", kwnames) < 0 || pync_check_positional("__get__", nargs, 0, 1, 2) < 0) return 0;
    if (args[0] == pync_None) return self;
    return pync_method_new(self, args[0]);
}

static pv lru_copy(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("_lru_cache_wrapper.__copy__", nargs, kwnames) < 0) return 0;
    return self;
}

static const pync_method_def lru_methods[] = {
    {"cache_info", lru_cache_info, 0},
    {"cache_clear", lru_cache_clear, 0},
    {"__copy__", lru_copy, 0},
    {"__deepcopy__", lru_copy, 0},
    {NULL, NULL, 0},
};
static const pync_method_def lru_get_def = {"__get__", lru_get, 0};

static pync_type lru_base_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "functools._lru_cache_base", .base = &pync_object_type, .flags = PYNC_TF_BASETYPE,
    .basicsize = sizeof(lruobject), .dictoffset = offsetof(lruobject, dict), .trace = lru_trace, .call = lru_call,
    .methods = lru_methods,
};

/* cache_parameters(): a copy of {'maxsize': ..., 'typed': ...} (self is that dict) */
static pv lru_cache_parameters(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("cache_parameters", nargs, kwnames) < 0) return 0;
    pv d = pync_dict_new();
    if (!d || pync_dict_update(d, self) < 0) return 0;
    return d;
}

/* _lru_cache_wrapper(user_function, maxsize, typed) then update_wrapper; maxsize_obj None or an int */
static pv make_wrapper(pv func, pv maxsize_obj, bool typed) {
    if (!pv_type(func)->call) return pync_raise_fmt(&pync_TypeError_type, "the first argument must be callable");
    int64_t maxsize = -1;
    if (maxsize_obj != pync_None) {
        if (pync_index_clamped(maxsize_obj, &maxsize) < 0) return 0;
        if (maxsize < 0) maxsize = 0;
    }
    const pync_type *t = (const pync_type *)lru_class;
    lruobject *l = pync_gc_alloc(t->basicsize, t);
    if (!l) return 0;
    l->func = func;
    l->maxsize = maxsize;
    l->typed = typed;
    l->cache = pync_dict_new();
    if (!l->cache) return 0;
    pv params = pync_dict_new();
    if (!params || pync_dict_setitem(params, pync_str_from_cstr("maxsize"), maxsize_obj) < 0 ||
        pync_dict_setitem(params, pync_str_from_cstr("typed"), pync_bool(typed)) < 0) return 0;
    pv cp = pync_builtin_new("cache_parameters", lru_cache_parameters, params);
    pv cpname = pync_str_from_cstr("cache_parameters");
    if (!cp || !cpname || pync_setattr((pv)l, cpname, cp) < 0) return 0;
    pv assigned = assignments_tuple(), updated = updates_tuple();
    if (!assigned || !updated) return 0;
    return update_wrapper_impl((pv)l, func, assigned, updated);
}

/* lru_cache(...) returns decorating_function(user_function): a function object whose closure
   slot holds (maxsize, typed) */
static pv lru_decorating_entry(pv func, pv *bound) {
    const pync_tuple *p = (const pync_tuple *)((const pync_function *)func)->closure;
    return make_wrapper(bound[0], p->items[0], p->items[1] == pync_True);
}

static const char *const user_function_names[] = {"user_function"};
static const pync_code decorating_code = {
    .name = "decorating_function", .qualname = "lru_cache.<locals>.decorating_function", .filename = "functools.py",
    .firstlineno = 1, .argcount = 1, .varnames = user_function_names, .entry = lru_decorating_entry,
};

static pv ft_lru_cache(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    static const char *const names[] = {"maxsize", "typed", NULL};
    pv a[2];
    if (py_bind("lru_cache", args, nargs, kwnames, names, 0, a) < 0) return 0;
    pv maxsize = a[0] ? a[0] : pv_from_small(128);
    pv typed_obj = a[1] ? a[1] : pync_False;
    if (pync_isinstance_type(maxsize, &pync_int_type)) {
        if (pync_int_sign(maxsize) < 0) maxsize = pv_from_small(0);
    } else if (pv_type(maxsize)->call && pv_type(typed_obj) == &pync_bool_type) {
        return make_wrapper(maxsize, pv_from_small(128), typed_obj == pync_True);
    } else if (maxsize != pync_None) {
        return pync_raise_fmt(&pync_TypeError_type, "Expected first argument to be an integer, a callable, or None");
    }
    int typed = pync_truth(typed_obj);
    if (typed < 0) return 0;
    pv params = pync_tuple_pack(2, maxsize, pync_bool(typed));
    pv f = params ? pync_function_new(&decorating_code, 0, 0, params) : 0;
    if (f) ((pync_function *)f)->module = pync_str_from_cstr("functools");
    return f;
}

static pv ft_cache(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    static const char *const names[] = {"user_function", NULL};
    pv a[1];
    if (py_bind("cache", args, nargs, kwnames, names, 1, a) < 0) return 0;
    return make_wrapper(a[0], pync_None, false);
}

/* ==== cmp_to_key ========================================================================================== */

typedef struct keyobject {
    pync_object ob;
    pv cmp;
    pv object;               /* 0 for the wrapper cmp_to_key returns */
} keyobject;

static pync_type keyobject_type;

static void keyobject_trace(pync_object *o) {
    keyobject *k = (keyobject *)o;
    pync_gc_visit(k->cmp);
    pync_gc_visit(k->object);
}

static pv keyobject_new(pv cmp, pv object) {
    if (pync_stdmod_ready(&keyobject_type, "functools") < 0) return 0;
    keyobject *k = pync_gc_alloc(sizeof(keyobject), &keyobject_type);
    if (!k) return 0;
    k->cmp = cmp;
    k->object = object;
    return (pv)k;
}

static pv keyobject_call(pv self, pv *args, size_t nargs, pv kwnames) {
    static const char *const names[] = {"obj", NULL};
    pv a[1];
    if (pync_stdmod_parse("K", args, nargs, kwnames, names, 1, 1, a) < 0) return 0;
    return keyobject_new(((keyobject *)self)->cmp, a[0]);
}

static pv keyobject_richcompare(pv a, pv b, pync_cmpop op) {
    if (pv_type(b) != pv_type(a)) return pync_raise_fmt(&pync_TypeError_type, "other argument must be K instance");
    keyobject *x = (keyobject *)a, *y = (keyobject *)b;
    if (!x->object || !y->object) return pync_raise_fmt(&pync_AttributeError_type, "object");
    pv res = pync_call2(x->cmp, x->object, y->object);
    if (!res) return 0;
    return pync_compare(res, pv_from_small(0), op);
}

static pv keyobject_getattr(pv self, pv name) {
    if (pync_str_eq_cstr(name, "obj")) {
        keyobject *k = (keyobject *)self;
        if (!k->object) return pync_raise_fmt(&pync_AttributeError_type, "obj");
        return k->object;
    }
    return pync_generic_getattr(self, name);
}

static pync_type keyobject_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "functools.KeyWrapper", .base = &pync_object_type,
    .basicsize = sizeof(keyobject), .trace = keyobject_trace, .call = keyobject_call,
    .richcompare = keyobject_richcompare, .getattr = keyobject_getattr,
};

static pv ft_cmp_to_key(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    static const char *const names[] = {"mycmp", NULL};
    pv a[1];
    if (pync_stdmod_parse("cmp_to_key", args, nargs, kwnames, names, 1, 1, a) < 0) return 0;
    return keyobject_new(a[0], 0);
}

/* ==== total_ordering ======================================================================================= */

/* type(self).<root>(self, other) */
static pv call_root(pv self, pv other, const char *root) {
    pv name = pync_str_from_cstr(root);
    pv m = name ? pync_getattr((pv)pv_type(self), name) : 0;
    return m ? pync_call2(m, self, other) : 0;
}

enum { F_NOT_AND_NE, F_OR_EQ, F_NOT, F_NOT_OR_EQ, F_AND_NE };

static pv derived_compare(pv self, pv other, const char *root, int form) {
    pv r = call_root(self, other, root);
    if (!r || r == pync_NotImplemented) return r;
    int t = pync_truth(r);
    if (t < 0) return 0;
    switch (form) {
    case F_NOT_AND_NE:   /* not r and self != other */
        return t ? pync_False : pync_compare(self, other, PYNC_NE);
    case F_OR_EQ:        /* r or self == other */
        return t ? r : pync_compare(self, other, PYNC_EQ);
    case F_NOT:          /* not r */
        return pync_bool(!t);
    case F_NOT_OR_EQ:    /* not r or self == other */
        return !t ? pync_True : pync_compare(self, other, PYNC_EQ);
    default:             /* r and self != other */
        return !t ? r : pync_compare(self, other, PYNC_NE);
    }
}

/* The generated methods are Python function objects over static code records, as
   functools.py's _gt_from_lt(self, other) & co. (their __name__ set to the dunder). */
static const char *const self_other[] = {"self", "other"};

#define DERIVED(NAME, OP, ROOT, FORM)                                                           \
    static pv NAME##_entry(pv func, pv *bound) {                                                 \
        (void)func;                                                                              \
        return derived_compare(bound[0], bound[1], ROOT, FORM);                                  \
    }                                                                                            \
    static const pync_code NAME##_code = {                                                       \
        .name = OP, .qualname = "_" #NAME, .filename = "functools.py", .firstlineno = 1,         \
        .argcount = 2, .varnames = self_other, .entry = NAME##_entry,                            \
    };
DERIVED(gt_from_lt, "__gt__", "__lt__", F_NOT_AND_NE)
DERIVED(le_from_lt, "__le__", "__lt__", F_OR_EQ)
DERIVED(ge_from_lt, "__ge__", "__lt__", F_NOT)
DERIVED(ge_from_le, "__ge__", "__le__", F_NOT_OR_EQ)
DERIVED(lt_from_le, "__lt__", "__le__", F_AND_NE)
DERIVED(gt_from_le, "__gt__", "__le__", F_NOT)
DERIVED(lt_from_gt, "__lt__", "__gt__", F_NOT_AND_NE)
DERIVED(ge_from_gt, "__ge__", "__gt__", F_OR_EQ)
DERIVED(le_from_gt, "__le__", "__gt__", F_NOT)
DERIVED(le_from_ge, "__le__", "__ge__", F_NOT_OR_EQ)
DERIVED(gt_from_ge, "__gt__", "__ge__", F_AND_NE)
DERIVED(lt_from_ge, "__lt__", "__ge__", F_NOT)

/* for each root (in the order max() picks it: __lt__, __le__, __gt__, __ge__), the three others */
static const pync_code *const derived_codes[4][3] = {
    {&gt_from_lt_code, &le_from_lt_code, &ge_from_lt_code},
    {&ge_from_le_code, &lt_from_le_code, &gt_from_le_code},
    {&lt_from_gt_code, &ge_from_gt_code, &le_from_gt_code},
    {&le_from_ge_code, &gt_from_ge_code, &lt_from_ge_code},
};
static const char *const root_names[4] = {"__lt__", "__le__", "__gt__", "__ge__"};

/* whether cls (or a base other than object) defines the comparison `name` */
static int defines(pv cls, const char *name) {
    if (!pync_isinstance_type(cls, &pync_type_type)) {
        const pync_type *t = pv_type(cls);
        return t->richcompare != pync_object_type.richcompare;
    }
    pv key = pync_str_from_cstr(name);
    if (!key) return -1;
    const pync_tuple *mro = (const pync_tuple *)pync_type_mro((const pync_type *)cls);
    if (!mro) return -1;
    for (size_t i = 0; i < mro->size; i++) {
        const pync_type *t = (const pync_type *)mro->items[i];
        if (t == &pync_object_type) return 0;
        if (!(t->flags & PYNC_TF_HEAPTYPE)) return t->richcompare && t->richcompare != pync_object_type.richcompare;
        pv v = pync_dict_get(t->state[0]->dict, key);
        if (v) return 1;
        if (pync_current_exc) return -1;
    }
    return 0;
}

static pv ft_total_ordering(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    static const char *const names[] = {"cls", NULL};
    pv a[1];
    if (py_bind("total_ordering", args, nargs, kwnames, names, 1, a) < 0) return 0;
    pv cls = a[0];
    bool roots[4];
    int root = -1;
    for (int i = 0; i < 4; i++) {
        int d = defines(cls, root_names[i]);
        if (d < 0) return 0;
        roots[i] = d;
        if (d && root < 0) root = i;
    }
    if (root < 0) return pync_raise_fmt(&pync_ValueError_type, "must define at least one ordering operation: < > <= >=");
    pv module = pync_str_from_cstr("functools");
    if (!module) return 0;
    for (int k = 0; k < 3; k++) {
        const pync_code *code = derived_codes[root][k];
        int idx = 0;
        while (idx < 4 && !pync_cstr_eq(code->name, root_names[idx])) idx++;
        if (idx < 4 && roots[idx]) continue;
        pv m = pync_function_new(code, 0, 0, 0);
        pv name = pync_str_from_cstr(code->name);
        if (!m || !name) return 0;
        ((pync_function *)m)->module = module;
        if (pync_setattr(cls, name, m) < 0) return 0;
    }
    return cls;
}

/* ==== cached_property ==================================================================================== */

/* Like the lru wrapper, a class made at import (functools.cached_property, __get__ in its
   namespace) over a hidden C layout. The attribute name starts as the function's __name__ (what
   __set_name__ gives in the usual `@cached_property def name(self)`); __set_name__, which class
   creation calls, sets it to the attribute's name. */
typedef struct cpropobject {
    pync_object ob;
    pv func;
    pv attrname;             /* str or None */
    pv doc;
    pv dict;
} cpropobject;

static pv cprop_class;

static void cprop_trace(pync_object *o) {
    cpropobject *c = (cpropobject *)o;
    pync_gc_visit(c->func);
    pync_gc_visit(c->attrname);
    pync_gc_visit(c->doc);
    pync_gc_visit(c->dict);
}

static pv cprop_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    static const char *const names[] = {"func", NULL};
    pv a[1];
    if (py_bind("cached_property.__init__", args, nargs, kwnames, names, 1, a) < 0) return 0;
    cpropobject *c = pync_gc_alloc(type->basicsize, type);
    if (!c) return 0;
    c->func = a[0];
    c->attrname = pync_getattr_cstr(a[0], "__name__");
    if (!c->attrname || !pync_isinstance_type(c->attrname, &pync_str_type)) {
        pync_exc_clear();
        c->attrname = pync_None;
    }
    c->doc = pync_getattr_cstr(a[0], "__doc__");
    if (!c->doc) {
        if (pync_exc_matches(pync_current_exc, (pv)&pync_AttributeError_type) <= 0) return 0;
        pync_exc_clear();
        c->doc = pync_None;
    }
    return (pv)c;
}

static pv cprop_get(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_no_kwargs("__get__", kwnames) < 0 || pync_check_positional("__get__", nargs, 0, 1, 2) < 0) return 0;
    cpropobject *c = (cpropobject *)self;
    pv instance = args[0];
    if (instance == pync_None) return self;
    if (c->attrname == pync_None) {
        return pync_raise_fmt(&pync_TypeError_type, "Cannot use cached_property instance without calling __set_name__ on it.");
    }
    pv cache = pync_getattr_cstr(instance, "__dict__");
    if (!cache || !pync_isinstance_type(cache, &pync_dict_type)) {
        if (cache || pync_exc_matches(pync_current_exc, (pv)&pync_AttributeError_type) > 0) {
            pync_exc_clear();
            return pync_raise_fmt(&pync_TypeError_type, "No '__dict__' attribute on '%s' instance to cache %R property.",
                                  pv_type(instance)->name, c->attrname);
        }
        return 0;
    }
    pv val = pync_dict_get(cache, c->attrname);
    if (val || pync_current_exc) return val;
    val = pync_call1(c->func, instance);
    if (!val || pync_setitem(cache, c->attrname, val) < 0) return 0;
    return val;
}

static pv cprop_set_name(pv self, pv *args, size_t nargs, pv kwnames) {
    static const char *const names[] = {"owner", "name", NULL};
    pv a[2];
    if (py_bind("cached_property.__set_name__", args, nargs, kwnames, names, 2, a) < 0) return 0;
    ((cpropobject *)self)->attrname = a[1];
    return pync_None;
}

static pv cprop_getattr(pv self, pv name) {
    cpropobject *c = (cpropobject *)self;
    if (pync_str_eq_cstr(name, "func")) return c->func;
    if (pync_str_eq_cstr(name, "attrname")) return c->attrname;
    if (pync_str_eq_cstr(name, "__doc__")) return c->doc;
    return pync_generic_getattr(self, name);
}

static pync_type cprop_base_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "functools._cached_property_base", .base = &pync_object_type,
    .flags = PYNC_TF_BASETYPE, .basicsize = sizeof(cpropobject), .dictoffset = offsetof(cpropobject, dict),
    .trace = cprop_trace, .construct = cprop_construct, .getattr = cprop_getattr,
};
static const pync_method_def cprop_get_def = {"__get__", cprop_get, 0};
static const pync_method_def cprop_set_name_def = {"__set_name__", cprop_set_name, 0};

/* a class `name` of module functools over the C type `layout`, with the given methods */
static pv make_class(const char *name, pync_type *layout, const pync_method_def *const *defs) {
    if (pync_stdmod_ready(layout, "functools") < 0) return 0;
    pv ns = pync_dict_new();
    pv n = pync_str_from_cstr(name);
    pv modname = pync_str_from_cstr("functools");
    if (!ns || !n || !modname || pync_dict_setitem(ns, pync_str_from_cstr("__module__"), modname) < 0) return 0;
    for (size_t i = 0; defs[i]; i++) {
        pv m = pync_method_descriptor_new(defs[i], layout);
        if (!m || pync_dict_setitem(ns, pync_str_from_cstr(defs[i]->name), m) < 0) return 0;
    }
    pv bases = pync_tuple_pack(1, (pv)layout);
    return bases ? pync_class_new(n, n, bases, ns, 0) : 0;
}

/* ==== the module ========================================================================================== */

static void functools_roots(void) {
    pync_gc_visit(lru_class);
    pync_gc_visit(cache_info_type);
    pync_gc_visit(kwd_mark);
    pync_gc_visit(update_wrapper_fn);
    pync_gc_visit(cprop_class);
}

static const pync_method_def functools_functions[] = {
    {"reduce", ft_reduce, 0},
    {"lru_cache", ft_lru_cache, 0},
    {"cache", ft_cache, 0},
    {"wraps", ft_wraps, 0},
    {"cmp_to_key", ft_cmp_to_key, 0},
    {"total_ordering", ft_total_ordering, 0},
    {NULL, NULL, 0},
};

static int functools_init(pv module) {
    pync_register_static_roots(functools_roots);
    if (pync_stdmod_ready(&partial_type, "functools") < 0 || pync_stdmod_ready(&keyobject_type, "functools") < 0 ||
        pync_stdmod_ready(&lru_base_type, "functools") < 0) {
        return -1;
    }
    if (!kwd_mark && !(kwd_mark = (pv)pync_gc_alloc(sizeof(pync_object), &pync_object_type))) return -1;
    if (!cache_info_type) {
        static const char *const fields[] = {"hits", "misses", "maxsize", "currsize", NULL};
        cache_info_type = pync_namedtuple_make("CacheInfo", fields, "functools");
        if (!cache_info_type) return -1;
    }
    if (!lru_class) {
        static const pync_method_def *const lru_defs[] = {&lru_get_def, NULL};
        if (!(lru_class = make_class("_lru_cache_wrapper", &lru_base_type, lru_defs))) return -1;
    }
    if (!cprop_class) {
        static const pync_method_def *const cprop_defs[] = {&cprop_get_def, &cprop_set_name_def, NULL};
        if (!(cprop_class = make_class("cached_property", &cprop_base_type, cprop_defs))) return -1;
    }
    if (!update_wrapper_fn && !(update_wrapper_fn = pync_builtin_new("update_wrapper", ft_update_wrapper, module))) return -1;
    if (pync_module_add(module, "update_wrapper", update_wrapper_fn) < 0) return -1;
    if (pync_module_add_functions(module, functools_functions) < 0) return -1;
    if (pync_module_add(module, "partial", (pv)&partial_type) < 0 || pync_module_add(module, "_lru_cache_wrapper", lru_class) < 0 ||
        pync_module_add(module, "cached_property", cprop_class) < 0 ||
        pync_module_add(module, "_CacheInfo", cache_info_type) < 0 ||
        pync_module_add(module, "WRAPPER_ASSIGNMENTS", assignments_tuple()) < 0 ||
        pync_module_add(module, "WRAPPER_UPDATES", updates_tuple()) < 0) {
        return -1;
    }
    return 0;
}

const pync_builtin_module pync_mod_functools = {"functools", functools_init};
