/* stdmods.c — helpers shared by the C modules collections, itertools, functools and operator
 * (see stdmods.h). */
#include "stdmods.h"

/* Copies the slots `t` leaves NULL from its base (CPython's inherit_slots for static types). */
static void inherit_slots(pync_type *t) {
    const pync_type *b = t->base;
    if (!b || b == &pync_object_type) return;
#define INHERIT(slot) if (!t->slot) t->slot = b->slot
    INHERIT(trace);
    INHERIT(repr);
    INHERIT(str);
    INHERIT(hash);
    INHERIT(richcompare);
    INHERIT(truth);
    INHERIT(getattr);
    INHERIT(setattr);
    INHERIT(call);
    INHERIT(construct);
    INHERIT(init);
    INHERIT(iter);
    INHERIT(next);
    INHERIT(to_int);
    INHERIT(to_float);
    INHERIT(len);
    INHERIT(getitem);
    INHERIT(setitem);
    INHERIT(contains);
    INHERIT(format);
    for (int i = 0; i < PYNC_BINOP_COUNT; i++) {
        INHERIT(binop[i]);
        INHERIT(inplace[i]);
    }
    for (int i = 0; i < PYNC_UNOP_COUNT; i++) INHERIT(unop[i]);
#undef INHERIT
    if (!t->dictoffset) t->dictoffset = b->dictoffset;
}

/* it.__next__() and x.__iter__() for the types whose slots implement them */
static pv next_method(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("__next__", nargs, kwnames) < 0) return 0;
    pv item = pv_type(self)->next(self);
    if (!item && !pync_current_exc) return pync_raise((pv)&pync_StopIteration_type);
    return item;
}

static pv iter_method(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("__iter__", nargs, kwnames) < 0) return 0;
    return pv_type(self)->iter(self);
}

static const pync_method_def next_def = {"__next__", next_method, 0};
static const pync_method_def iter_def = {"__iter__", iter_method, 0};

static int add_slot_method(pync_type *t, const pync_method_def *def) {
    pv name = pync_str_intern(pync_str_from_cstr(def->name));
    if (!name) return -1;
    pv have = pync_dict_get(t->state[0]->dict, name);
    if (have) return 0;
    if (pync_current_exc) return -1;
    pv m = pync_method_descriptor_new(def, t);
    return m ? pync_dict_setitem(t->state[0]->dict, name, m) : -1;
}

int pync_stdmod_ready(pync_type *t, const char *module) {
    if (t->state[0]->dict) return 0;
    inherit_slots(t);
    if (pync_type_ready(t) < 0) return -1;
    if (t->next && add_slot_method(t, &next_def) < 0) return -1;
    if (t->iter && t->base == &pync_object_type && add_slot_method(t, &iter_def) < 0) return -1;
    pv m = pync_str_from_cstr(module);
    pv q = pync_str_from_cstr(pync_stdmod_type_name(t));
    if (!m || !q) return -1;
    t->state[0]->module = m;
    t->state[0]->qualname = q;
    return 0;
}

const char *pync_stdmod_type_name(const pync_type *t) {
    const char *name = t->name;
    if (t->flags & PYNC_TF_HEAPTYPE) return name;
    for (const char *p = name; *p; p++) {
        if (*p == '.') name = p + 1;
    }
    return name;
}

bool pync_stdmod_overrides(const pync_type *type, const char *name) {
    if (!(type->flags & PYNC_TF_HEAPTYPE)) return false;
    pv key = pync_str_from_cstr(name);
    if (!key) {
        pync_exc_clear();
        return true;
    }
    const pync_tuple *mro = (const pync_tuple *)type->state[0]->mro;
    for (size_t i = 0; i < mro->size; i++) {
        const pync_type *t = (const pync_type *)mro->items[i];
        if (!(t->flags & PYNC_TF_HEAPTYPE)) return false;
        pv v = pync_dict_get(t->state[0]->dict, key);
        if (v) return true;
        if (pync_current_exc) {
            pync_exc_clear();
            return true;
        }
    }
    return false;
}

int pync_stdmod_add_type(pv module, pync_type *t) { return pync_module_add(module, pync_stdmod_type_name(t), (pv)t); }

pv pync_stdmod_next(pv it) {
    pv item = pync_next(it);
    if (item) return item;
    if (pync_current_exc && pync_exc_matches(pync_current_exc, (pv)&pync_StopIteration_type) > 0) pync_exc_clear();
    return 0;
}

int pync_stdmod_parse(const char *fname, pv *args, size_t nargs, pv kwnames, const char *const *names,
                      size_t npos_max, size_t nrequired, pv *out) {
    size_t n = 0;
    while (names[n]) n++;
    size_t nkw = pync_kwcount(kwnames);
    for (size_t i = 0; i < n; i++) out[i] = 0;
    if (nargs + nkw > n) {
        pync_raise_fmt(&pync_TypeError_type, "%s() takes at most %zd %sargument%s (%zd given)", fname, (ptrdiff_t)n,
                       nargs == 0 ? "keyword " : "", n == 1 ? "" : "s", (ptrdiff_t)(nargs + nkw));
        return -1;
    }
    if (nargs > npos_max) {
        pync_raise_fmt(&pync_TypeError_type, "%s() takes %s %zd positional argument%s (%zd given)", fname,
                       nrequired < npos_max ? "at most" : "exactly", (ptrdiff_t)npos_max, npos_max == 1 ? "" : "s",
                       (ptrdiff_t)nargs);
        return -1;
    }
    for (size_t i = 0; i < nargs; i++) out[i] = args[i];
    size_t used = 0;
    for (size_t i = nargs; i < n; i++) {
        for (size_t k = 0; k < nkw; k++) {
            if (pync_kwname_is(kwnames, k, names[i])) {
                out[i] = args[nargs + k];
                used++;
                break;
            }
        }
        if (!out[i] && i < nrequired) {
            pync_raise_fmt(&pync_TypeError_type, "%s() missing required argument '%s' (pos %zd)", fname, names[i],
                           (ptrdiff_t)(i + 1));
            return -1;
        }
    }
    if (used < nkw) {
        for (size_t k = 0; k < nkw; k++) {
            size_t slot = n;
            for (size_t i = 0; i < n; i++) {
                if (pync_kwname_is(kwnames, k, names[i])) slot = i;
            }
            if (slot == n) {
                pync_raise_fmt(&pync_TypeError_type, "'%U' is an invalid keyword argument for %s()", pync_kwname(kwnames, k), fname);
                return -1;
            }
            if (slot < nargs) {
                pync_raise_fmt(&pync_TypeError_type, "argument for %s() given by name ('%s') and position (%zd)", fname,
                               names[slot], (ptrdiff_t)(slot + 1));
                return -1;
            }
        }
    }
    return 0;
}
