/* object.c — `object`, `type`, the singletons, and how types find their attributes.
 *
 * Built-in types are static; pync_type_ready gives each its namespace dict (method descriptors
 * from its `methods` table), its bases and its MRO at startup. Attribute lookup on a type walks
 * the MRO's dicts (pync_type_lookup), which is also how instances find methods. */
#include "pync.h"
#include "internal.h"

/* ---- the singletons ---------------------------------------------------------------------- */

static pv none_repr(pv self) { (void)self; return pync_str_from_cstr("None"); }
static int none_truth(pv self) { (void)self; return 0; }
static pv notimpl_repr(pv self) { (void)self; return pync_str_from_cstr("NotImplemented"); }
static pv ellipsis_repr(pv self) { (void)self; return pync_str_from_cstr("Ellipsis"); }
int pync_object_hash(pv self, int64_t *out) {
    *out = pync_hash_pointer((const void *)self);
    return 0;
}
#define identity_hash pync_object_hash
static pv none_construct(const pync_type *t, pv *args, size_t nargs, pv kwnames) {
    (void)t; (void)args;
    if (nargs || kwnames) return pync_raise_fmt(&pync_TypeError_type, "NoneType takes no arguments");
    return pync_None;
}

const pync_type pync_NoneType_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "NoneType", .flags = PYNC_TF_LEAF, .basicsize = sizeof(pync_object),
    .repr = none_repr, .hash = identity_hash, .truth = none_truth, .construct = none_construct,
};
const pync_type pync_NotImplementedType_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "NotImplementedType", .flags = PYNC_TF_LEAF,
    .basicsize = sizeof(pync_object), .repr = notimpl_repr, .hash = identity_hash,
};
const pync_type pync_ellipsis_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "ellipsis", .flags = PYNC_TF_LEAF, .basicsize = sizeof(pync_object),
    .repr = ellipsis_repr, .hash = identity_hash,
};

pync_object pync_None_object = {&pync_NoneType_type};
pync_object pync_NotImplemented_object = {&pync_NotImplementedType_type};
pync_object pync_Ellipsis_object = {&pync_ellipsis_type};
pync_object pync_True_object = {&pync_bool_type};
pync_object pync_False_object = {&pync_bool_type};

/* ---- subtypes and MRO ------------------------------------------------------------------- */

bool pync_is_subtype(const pync_type *a, const pync_type *b) {
    if (a == b || b == &pync_object_type) return true;
    if (a->state[0]->mro) {
        const pync_tuple *mro = (const pync_tuple *)a->state[0]->mro;
        for (size_t i = 0; i < mro->size; i++) {
            if (mro->items[i] == (pv)b) return true;
        }
        return false;
    }
    for (const pync_type *t = a->base; t; t = t->base) {
        if (t == b) return true;
    }
    return false;
}

/* A cache of MRO lookups by (type, interned name), as CPython's method cache: attribute access
   in dynamic code looks up the class first every time. Any change to a class's namespace and
   every new class bump the version, which empties the cache (a freed class's address may be
   reused by a new one). */
#ifndef PYNC_LOOKUP_CACHE_SIZE
#define PYNC_LOOKUP_CACHE_SIZE 4096   /* entries, a power of two; boards set fewer */
#endif
#define LOOKUP_CACHE_SIZE PYNC_LOOKUP_CACHE_SIZE
static struct lookup_entry {
    const pync_type *type;
    pv name;
    pv value;
    uint32_t version;
} lookup_cache[LOOKUP_CACHE_SIZE];
static uint32_t lookup_version = 1;

void pync_type_cache_invalidate(void) { lookup_version++; }
uint32_t pync_type_cache_version(void) { return lookup_version; }

static pv type_lookup_uncached(const pync_type *type, pv name);

pv pync_type_lookup(const pync_type *type, pv name) {
    if (!((const pync_strobj *)name)->interned || !type->state[0]->mro) return type_lookup_uncached(type, name);
    size_t h = (((uintptr_t)type >> 4) ^ ((uintptr_t)name >> 3) * 2654435761u) & (LOOKUP_CACHE_SIZE - 1);
    struct lookup_entry *e = &lookup_cache[h];
    if (e->type == type && e->name == name && e->version == lookup_version) return e->value;
    pv v = type_lookup_uncached(type, name);
    if (!pync_current_exc) {
        e->type = type;
        e->name = name;
        e->value = v;
        e->version = lookup_version;
    }
    return v;
}

static pv type_lookup_uncached(const pync_type *type, pv name) {
    /* a built-in type not readied yet (enumerate, map, ...) gets its dict and MRO now */
    const pync_tuple *mro = (const pync_tuple *)pync_type_mro(type);
    if (!mro) return 0;
    for (size_t i = 0; i < mro->size; i++) {
        const pync_type *t = (const pync_type *)mro->items[i];
        if (!t->state[0]->dict) continue;
        pv v = pync_dict_get(t->state[0]->dict, name);
        if (v || pync_current_exc) return v;
    }
    return 0;
}

/* The interned str of each C string literal the runtime looks names up by (keyed by its
   address), so that those lookups hit the lookup cache and allocate nothing. */
#ifndef PYNC_CSTR_CACHE_SIZE
#define PYNC_CSTR_CACHE_SIZE 256   /* entries, a power of two; boards set fewer */
#endif
#define CSTR_CACHE_SIZE PYNC_CSTR_CACHE_SIZE
static struct cstr_entry { const char *key; pv str; } cstr_cache[CSTR_CACHE_SIZE];

static void cstr_cache_roots(void) {
    for (size_t i = 0; i < CSTR_CACHE_SIZE; i++) pync_gc_visit(cstr_cache[i].str);
}

pv pync_type_lookup_cstr(const pync_type *type, const char *name) {
    static bool registered;
    struct cstr_entry *e = &cstr_cache[((uintptr_t)name >> 2) & (CSTR_CACHE_SIZE - 1)];
    if (e->key != name) {
        pv s = pync_str_from_cstr(name);
        s = s ? pync_str_intern(s) : 0;
        if (!s) return 0;
        if (!registered) {
            pync_register_static_roots(cstr_cache_roots);
            registered = true;
        }
        e->key = name;
        e->str = s;
    }
    return pync_type_lookup(type, e->str);
}

/* A method of a built-in type, stored in its dict. */
typedef struct method_descriptor {
    pync_object ob;
    const pync_method_def *def;
    const pync_type *owner;
} method_descriptor;

static pv methoddescr_repr(pv self) {
    const method_descriptor *m = (const method_descriptor *)self;
    if (m->def->flags & PYNC_METH_WRAPPER) return pync_str_fmt("<slot wrapper '%s' of '%s' objects>", m->def->name, m->owner->name);
    return pync_str_fmt("<method '%s' of '%s' objects>", m->def->name, m->owner->name);
}

static pv methoddescr_call(pv self, pv *args, size_t nargs, pv kwnames) {
    const method_descriptor *m = (const method_descriptor *)self;
    if (m->def->flags & PYNC_METH_STATIC) return m->def->fn(0, args, nargs, kwnames);
    if (m->def->flags & PYNC_METH_CLASS) return m->def->fn((pv)m->owner, args, nargs, kwnames);
    bool wrapper = (m->def->flags & PYNC_METH_WRAPPER) != 0;
    if (nargs == 0) {
        if (wrapper) return pync_raise_fmt(&pync_TypeError_type, "descriptor '%s' of '%s' object needs an argument", m->def->name, m->owner->name);
        return pync_raise_fmt(&pync_TypeError_type, "unbound method %s.%s() needs an argument", m->owner->name, m->def->name);
    }
    if (!pync_isinstance_type(args[0], m->owner)) {
        if (wrapper) {
            return pync_raise_fmt(&pync_TypeError_type, "descriptor '%s' requires a '%s' object but received a '%T'",
                                  m->def->name, m->owner->name, args[0]);
        }
        return pync_raise_fmt(&pync_TypeError_type, "descriptor '%s' for '%s' objects doesn't apply to a '%T' object",
                              m->def->name, m->owner->name, args[0]);
    }
    return m->def->fn(args[0], args + 1, nargs - 1, kwnames);
}

const pync_type pync_method_descriptor_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "method_descriptor", .flags = PYNC_TF_LEAF,
    .basicsize = sizeof(method_descriptor), .repr = methoddescr_repr, .call = methoddescr_call,
    .hash = identity_hash,
};

pv pync_method_descriptor_new(const pync_method_def *def, const pync_type *owner) {
    method_descriptor *d = pync_gc_alloc(sizeof(method_descriptor), &pync_method_descriptor_type);
    if (!d) return 0;
    d->def = def;
    d->owner = owner;
    return (pv)d;
}

/* The value of descriptor `descr` (found in type's MRO) looked up on obj (0: on the type). */
pv pync_descr_get(pv descr, pv obj, const pync_type *type) {
    const pync_type *dt = pv_type(descr);
    if (dt == &pync_method_descriptor_type) {
        const method_descriptor *m = (const method_descriptor *)descr;
        if (m->def->flags & PYNC_METH_CLASS) return pync_builtin_new(m->def->name, m->def->fn, (pv)type);
        if (m->def->flags & PYNC_METH_STATIC) return pync_builtin_new(m->def->name, m->def->fn, 0);
        if (!obj) return descr;
        if (m->def->flags & PYNC_METH_WRAPPER) return pync_method_wrapper_new(m->def, obj);
        return pync_builtin_new(m->def->name, m->def->fn, obj);
    }
    if (dt == &pync_function_type) return obj ? pync_method_new(descr, obj) : descr;
    return pync_descr_get_other(descr, obj, type);
}

/* The part of a built-in type's name after its last dot ('deque' of 'collections.deque'). */
static const char *static_type_short_name(const pync_type *t) {
    const char *name = t->name;
    if (t->flags & PYNC_TF_HEAPTYPE) return name;
    for (const char *p = t->name; *p; p++) {
        if (*p == '.') name = p + 1;
    }
    return name;
}

static int add_method(const pync_type *type, const pync_method_def *m) {
    pv d = pync_method_descriptor_new(m, type);
    pv name = d ? pync_str_intern(pync_str_from_cstr(m->name)) : 0;
    return name ? pync_dict_setitem(type->state[0]->dict, name, d) : -1;
}

pv pync_type_mro(const pync_type *type) {
    if (!type->state[0]->mro && pync_type_ready(type) < 0) return 0;
    return type->state[0]->mro;
}

/* What every built-in type's state cell holds until the type is readied. */
const pync_type_state pync_type_state_unready;

static void type_state_trace(pync_object *o) {
    pync_type_state *s = (pync_type_state *)o;
    pync_gc_visit(s->dict);
    pync_gc_visit(s->mro);
    pync_gc_visit(s->bases);
    pync_gc_visit(s->qualname);
    pync_gc_visit(s->module);
}

static const pync_type type_state_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "type_state", .basicsize = sizeof(pync_type_state),
    .trace = type_state_trace,
};

/* Fills a static type's dict, bases and MRO (the base chain; classes compute C3 in class.c). */
int pync_type_ready(const pync_type *type) {
    if (type->state[0]->dict) return 0;
    if (type->base && pync_type_ready(type->base) < 0) return -1;
    if (type->state[0] == &pync_type_state_unready) {
        /* a static type is no heap object: its state is made now, rooted through its cell (once:
           a readying that failed half-way keeps the state it made) */
        pync_type_state *state = pync_gc_alloc(sizeof(pync_type_state), &type_state_type);
        if (!state) return -1;
        if (pync_gc_try_add_roots((pv *)type->state, 1) < 0) {
            pync_raise_nomem();
            return -1;
        }
        type->state[0] = state;
    }
    pv dict = pync_dict_new();
    if (!dict) return -1;
    type->state[0]->dict = dict;
    for (const pync_method_def *m = type->methods; m && m->name; m++) {
        if (add_method(type, m) < 0) return -1;
    }
    for (const pync_method_def *const *m = type->method_list; m && *m; m++) {
        if (add_method(type, *m) < 0) return -1;
    }
    size_t depth = 0;
    for (const pync_type *t = type; t; t = t->base) depth++;
    bool has_object = false;
    for (const pync_type *t = type; t; t = t->base) has_object |= t == &pync_object_type;
    pv mro = pync_tuple_new(depth + (has_object ? 0 : 1));
    if (!mro) return -1;
    size_t i = 0;
    for (const pync_type *t = type; t; t = t->base) ((pync_tuple *)mro)->items[i++] = (pv)t;
    if (!has_object) ((pync_tuple *)mro)->items[i] = (pv)&pync_object_type;
    type->state[0]->mro = mro;
    const pync_type *base = type->base ? type->base : type == &pync_object_type ? NULL : &pync_object_type;
    type->state[0]->bases = base ? pync_tuple_pack(1, (pv)base) : pync_tuple_new(0);
    if (!type->state[0]->bases) return -1;
    /* 'collections.deque' (so messages read as CPython's): module 'collections', name 'deque' */
    const char *short_name = static_type_short_name(type);
    type->state[0]->qualname = pync_str_from_cstr(short_name);
    type->state[0]->module = short_name == type->name ? pync_str_from_cstr("builtins")
                                            : pync_str_from_utf8(type->name, (size_t)(short_name - 1 - type->name));
    if (!type->state[0]->qualname || !type->state[0]->module) return -1;
    return 0;
}

/* ---- object ----------------------------------------------------------------------------- */

static pv object_repr(pv self) {
    const pync_type *t = pv_type(self);
    pv module = t->state[0]->module;
    if (module && !pync_str_eq_cstr(module, "builtins")) {
        return pync_str_fmt("<%U.%U object at %p>", module, t->state[0]->qualname, (void *)self);
    }
    return pync_str_fmt("<%s object at %p>", t->name, (void *)self);
}

static pv object_richcompare(pv a, pv b, pync_cmpop op) {
    if (op == PYNC_EQ) return a == b ? pync_True : pync_NotImplemented;
    if (op == PYNC_NE) {
        /* the inverse of __eq__ when that is defined */
        const pync_type *t = pv_type(a);
        if (t->richcompare && t->richcompare != object_richcompare) {
            pv r = t->richcompare(a, b, PYNC_EQ);
            if (!r || r == pync_NotImplemented) return r;
            int truth = pync_truth(r);
            return truth < 0 ? 0 : pync_bool(!truth);
        }
        return a != b ? pync_True : pync_NotImplemented;
    }
    return pync_NotImplemented;
}

static pv object_construct(const pync_type *t, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (nargs || kwnames) return pync_raise_fmt(&pync_TypeError_type, "object() takes no arguments");
    return (pv)pync_gc_alloc(t->basicsize, t);
}

static pv object_format(pv self, pv spec) {
    if (pync_str_size(spec) != 0) {
        return pync_raise_fmt(&pync_TypeError_type, "unsupported format string passed to %s.__format__", pv_type(self)->name);
    }
    return pync_str(self);
}

const pync_type pync_object_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE,
    .name = "object",
    .flags = PYNC_TF_BASETYPE,
    .basicsize = sizeof(pync_object),
    .repr = object_repr,
    .hash = identity_hash,
    .richcompare = object_richcompare,
    .construct = object_construct,
    .format = object_format,
};

/* ---- type ------------------------------------------------------------------------------ */

static pv type_repr(pv self) {
    const pync_type *t = (const pync_type *)self;
    if (t->state[0]->module && t->state[0]->qualname && !pync_str_eq_cstr(t->state[0]->module, "builtins")) {
        return pync_str_fmt("<class '%U.%U'>", t->state[0]->module, t->state[0]->qualname);
    }
    return pync_str_fmt("<class '%s'>", t->name);
}

static pv type_call(pv self, pv *args, size_t nargs, pv kwnames) {
    const pync_type *t = (const pync_type *)self;
    if (t == &pync_type_type && nargs == 1 && !kwnames) return (pv)pv_type(args[0]);
    if (!t->construct) return pync_raise_fmt(&pync_TypeError_type, "cannot create '%s' instances", t->name);
    return t->construct(t, args, nargs, kwnames);
}

/* How CPython's argument errors name a value's type: 'None' for None. */
static const char *arg_type_name(pv v) { return v == pync_None ? "None" : pync_type_name(v); }

/* type(x) and type(name, bases, dict, **kwds) */
static pv type_construct(const pync_type *t, pv *args, size_t nargs, pv kwnames) {
    (void)t;
    size_t nkw = kwnames ? ((const pync_tuple *)kwnames)->size : 0;
    if (nargs == 1 && !nkw) return (pv)pv_type(args[0]);
    if (nargs == 1) return pync_raise_fmt(&pync_TypeError_type, "type() takes no keyword arguments");
    if (nargs != 3) return pync_raise_fmt(&pync_TypeError_type, "type() takes 1 or 3 arguments");
    if (!pync_isinstance_type(args[0], &pync_str_type)) {
        return pync_raise_fmt(&pync_TypeError_type, "type.__new__() argument 1 must be str, not %s", arg_type_name(args[0]));
    }
    if (!pync_isinstance_type(args[1], &pync_tuple_type)) {
        return pync_raise_fmt(&pync_TypeError_type, "type.__new__() argument 2 must be tuple, not %s", arg_type_name(args[1]));
    }
    if (!pync_isinstance_type(args[2], &pync_dict_type)) {
        return pync_raise_fmt(&pync_TypeError_type, "type.__new__() argument 3 must be dict, not %s", arg_type_name(args[2]));
    }
    /* the class gets a copy of the namespace */
    pv ns = pync_dict_new();
    if (!ns || pync_dict_update(ns, args[2]) < 0) return 0;
    pv kwargs = 0;
    if (nkw) {
        kwargs = pync_dict_new();
        if (!kwargs) return 0;
        for (size_t i = 0; i < nkw; i++) {
            if (pync_dict_setitem(kwargs, ((const pync_tuple *)kwnames)->items[i], args[nargs + i]) < 0) return 0;
        }
    }
    return pync_class_new(args[0], args[0], args[1], ns, kwargs);
}

/* type.__getattribute__: special attributes, then the MRO (descriptors bound to the class). */
static pv type_getattr(pv self, pv name) {
    const pync_type *t = (const pync_type *)self;
    /* a built-in type not readied at startup (map, list_iterator, ...) gets its dict and MRO now */
    if (!pync_type_mro(t)) return 0;
    const char *n = pync_str_data(name);
    if (n[0] == '_' && n[1] == '_') {
        if (pync_str_eq_cstr(name, "__name__")) return pync_str_from_cstr(static_type_short_name(t));
        if (pync_str_eq_cstr(name, "__qualname__")) {
            return t->state[0]->qualname ? t->state[0]->qualname : pync_str_from_cstr(static_type_short_name(t));
        }
        if (pync_str_eq_cstr(name, "__module__") && !(t->flags & PYNC_TF_HEAPTYPE)) {
            if (t->state[0]->module) return t->state[0]->module;
            const char *short_name = static_type_short_name(t);
            if (short_name == t->name) return pync_str_from_cstr("builtins");
            return pync_str_from_utf8(t->name, (size_t)(short_name - 1 - t->name));
        }
        if (pync_str_eq_cstr(name, "__mro__")) return t->state[0]->mro;
        if (pync_str_eq_cstr(name, "__bases__")) return t->state[0]->bases;
        if (pync_str_eq_cstr(name, "__base__")) return t->base ? (pv)t->base : pync_None;
        if (pync_str_eq_cstr(name, "__dict__")) return t->state[0]->dict;
        if (pync_str_eq_cstr(name, "__class__")) return (pv)pv_type(self);
    }
    pv v = pync_type_lookup(t, name);
    if (!v && !pync_current_exc) v = pync_builtin_slot_wrapper(pync_layout_type(t), name);
    if (v) {
        const pync_type *vt = pv_type(v);
        if (vt == &pync_function_type) return v;
        return pync_descr_get(v, 0, t);
    }
    if (pync_current_exc) return 0;
    /* attributes of the metatype (type.mro, int.__call__, ...) */
    v = pync_type_lookup(pv_type(self), name);
    if (!v && !pync_current_exc) v = pync_builtin_slot_wrapper(pync_layout_type(pv_type(self)), name);
    if (v) return pync_descr_get(v, self, pv_type(self));
    if (pync_current_exc) return 0;
    return pync_raise_fmt(&pync_AttributeError_type, "type object '%s' has no attribute '%U'", t->name, name);
}

static int type_setattr(pv self, pv name, pv value) {
    pync_type *t = (pync_type *)self;
    if (!(t->flags & PYNC_TF_HEAPTYPE)) {
        pync_raise_fmt(&pync_TypeError_type, "cannot set '%U' attribute of immutable type '%s'", name, t->name);
        return -1;
    }
    if (!value) {
        pv present = pync_dict_get(t->state[0]->dict, name);
        if (!present) {
            if (!pync_current_exc) {
                pync_raise_fmt(&pync_AttributeError_type, "type object '%s' has no attribute '%U'", t->name, name);
            }
            return -1;
        }
    }
    int r = value ? pync_dict_setitem(t->state[0]->dict, name, value) : pync_dict_delitem(t->state[0]->dict, name);
    if (r == 0) pync_class_attribute_changed(t, name);
    return r;
}

static void type_trace(pync_object *o) {
    pync_type *t = (pync_type *)o;
    pync_gc_visit(t->state[0]->dict);
    pync_gc_visit(t->state[0]->mro);
    pync_gc_visit(t->state[0]->bases);
    pync_gc_visit(t->state[0]->qualname);
    pync_gc_visit(t->state[0]->module);
    pync_gc_visit((pv)t->base);
    pync_class_trace_extra(t);
}

static int type_richcompare_dummy(pv self, int64_t *out) { return identity_hash(self, out); }

static pv type_mro_method(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_args("mro", nargs, kwnames, 0, 0) < 0) return 0;
    const pync_tuple *mro = (const pync_tuple *)pync_type_mro((const pync_type *)self);
    return mro ? pync_list_from_array(mro->items, mro->size) : 0;
}

PYNC_METHOD(type, mro, type_mro_method, 0);

const pync_type pync_type_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE,
    .name = "type",
    .base = &pync_object_type,
    .flags = PYNC_TF_BASETYPE | PYNC_TF_TYPE_SUBCLASS,
    .basicsize = sizeof(pync_type),
    .trace = type_trace,
    .repr = type_repr,
    .hash = type_richcompare_dummy,
    .getattr = type_getattr,
    .setattr = type_setattr,
    .call = type_call,
    .construct = type_construct,
    .method_list = pync_methods__type,
};

const char *pync_type_name(pv v) { return pv_type(v)->name; }
