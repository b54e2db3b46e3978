/* callable.c — calling things: Python functions (argument binding with CPython's messages),
 * bound methods, built-in functions, closure cells, and the generic pync_call entry points. */
#include "pync.h"
#include "internal.h"

/* ---- generic calls ------------------------------------------------------------------------- */

pv pync_call(pv callable, pv *args, size_t nargs, pv kwnames) {
    const pync_type *t = pv_type(callable);
    if (!t->call) return pync_raise_fmt(&pync_TypeError_type, "'%s' object is not callable", t->name);
    /* a compiled function counts its own frame against the recursion limit (as CPython counts
       each Python frame once); a bound method only passes the call on to its function */
    if (t == &pync_function_type || t == &pync_method_type) return t->call(callable, args, nargs, kwnames);
    if (pync_enter() < 0) return 0;
    pv r = t->call(callable, args, nargs, kwnames);
    pync_leave();
    return r;
}

pv pync_call0(pv f) { return pync_call(f, NULL, 0, 0); }
pv pync_call1(pv f, pv a) { return pync_call(f, &a, 1, 0); }
pv pync_call2(pv f, pv a, pv b) {
    pv args[2] = {a, b};
    return pync_call(f, args, 2, 0);
}

pv pync_call_ex(pv callable, pv args, pv kwargs) {
    const pync_tuple *t = (const pync_tuple *)args;
    int64_t nkw = kwargs ? pync_len(kwargs) : 0;
    if (nkw < 0) return 0;
    if (nkw == 0) return pync_call(callable, (pv *)t->items, t->size, 0);
    pync_pvarray *buf = pync_pvarray_new(t->size + (size_t)nkw);
    if (!buf) return 0;
    for (size_t i = 0; i < t->size; i++) buf->items[i] = t->items[i];
    pv names = pync_tuple_new((size_t)nkw);
    if (!names) return 0;
    size_t pos = 0, k = 0;
    pv key, value;
    while (pync_dict_next(kwargs, &pos, &key, &value)) {
        if (!pync_isinstance_type(key, &pync_str_type)) return pync_raise_fmt(&pync_TypeError_type, "keywords must be strings");
        ((pync_tuple *)names)->items[k] = key;
        buf->items[t->size + k] = value;
        k++;
    }
    return pync_call(callable, buf->items, t->size, names);
}

pv pync_call_method(pv obj, pv name, pv *args, size_t nargs, pv kwnames) {
    const pync_type *t = pv_type(obj);
    if (!t->getattr || t->getattr == pync_generic_getattr) {
        pv descr = pync_type_lookup(t, name);
        if (!descr && pync_current_exc) return 0;
        if (descr && (pv_type(descr) == &pync_function_type || pv_type(descr) == &pync_method_descriptor_type)) {
            /* no instance attribute may shadow it */
            bool shadowed = false;
            if (t->dictoffset) {
                pv d = *(pv *)((char *)obj + t->dictoffset);
                if (d) {
                    pv v = pync_dict_get(d, name);
                    if (!v && pync_current_exc) return 0;
                    shadowed = v != 0;
                }
            }
            if (!shadowed) {
                size_t nkw = kwnames ? ((const pync_tuple *)kwnames)->size : 0;
                pv small[8];
                pv *all = small;
                if (nargs + nkw + 1 > 8) {
                    pync_pvarray *buf = pync_pvarray_new(nargs + nkw + 1);
                    if (!buf) return 0;
                    all = buf->items;
                }
                all[0] = obj;
                for (size_t i = 0; i < nargs + nkw; i++) all[i + 1] = args[i];
                return pync_call(descr, all, nargs + 1, kwnames);
            }
        }
    }
    pv m = pync_getattr(obj, name);
    if (!m) return 0;
    return pync_call(m, args, nargs, kwnames);
}

/* ---- Python functions ------------------------------------------------------------------------ */

static void function_trace(pync_object *o) {
    pync_function *f = (pync_function *)o;
    pync_gc_visit(f->defaults);
    pync_gc_visit(f->kwdefaults);
    pync_gc_visit(f->closure);
    pync_gc_visit(f->name);
    pync_gc_visit(f->qualname);
    pync_gc_visit(f->module);
    pync_gc_visit(f->dict);
    pync_gc_visit(f->doc);
}

pv pync_function_new(const pync_code *code, pv defaults, pv kwdefaults, pv closure) {
    pync_function *f = pync_gc_alloc(sizeof(pync_function), &pync_function_type);
    if (!f) return 0;
    f->code = code;
    f->defaults = defaults;
    f->kwdefaults = kwdefaults;
    f->closure = closure;
    f->name = pync_str_from_cstr(code->name);
    f->qualname = pync_str_from_cstr(code->qualname);
    f->doc = pync_None;
    if (!f->name || !f->qualname) return 0;
    return (pv)f;
}

/* "'a'", "'a' and 'b'", "'a', 'b', and 'c'" */
static pv name_list(const char *const *names, size_t n) {
    pync_strbuf b;
    if (pync_strbuf_init(&b, 32) < 0) return 0;
    for (size_t i = 0; i < n; i++) {
        if (i > 0) {
            const char *sep = n == 2 ? " and " : i == n - 1 ? ", and " : ", ";
            if (pync_strbuf_append_cstr(&b, sep) < 0) return 0;
        }
        if (pync_strbuf_append_cstr(&b, "'") < 0 || pync_strbuf_append_cstr(&b, names[i]) < 0 ||
            pync_strbuf_append_cstr(&b, "'") < 0) return 0;
    }
    return pync_strbuf_finish(&b);
}

static int missing_error(const pync_function *f, const char *kind, const char *const *names, size_t n) {
    pv list = name_list(names, n);
    if (!list) return -1;
    pync_raise_fmt(&pync_TypeError_type, "%U() missing %zd required %s argument%s: %U", f->qualname, (ptrdiff_t)n, kind,
                   n == 1 ? "" : "s", list);
    return -1;
}

/* "f() takes 2 positional arguments but 3 were given" (with the keyword-only ones given). */
static int too_many_positional(const pync_function *f, size_t nargs, const pv *bound) {
    const pync_code *co = f->code;
    size_t argcount = co->argcount, kwonly_at = argcount + !!(co->flags & PYNC_CO_VARARGS);
    size_t given_kwonly = 0;
    for (size_t j = 0; j < co->kwonlyargcount; j++) given_kwonly += bound[kwonly_at + j] != 0;
    size_t ndefaults = f->defaults ? ((const pync_tuple *)f->defaults)->size : 0;
    pv takes;
    if (ndefaults) {
        takes = pync_str_fmt("from %zd to %zd positional arguments", (ptrdiff_t)(argcount - ndefaults), (ptrdiff_t)argcount);
    } else {
        takes = pync_str_fmt("%zd positional argument%s", (ptrdiff_t)argcount, argcount == 1 ? "" : "s");
    }
    if (!takes) return -1;
    if (given_kwonly) {
        pync_raise_fmt(&pync_TypeError_type,
                       "%U() takes %U but %zd positional argument%s (and %zd keyword-only argument%s) were given",
                       f->qualname, takes, (ptrdiff_t)nargs, nargs == 1 ? "" : "s", (ptrdiff_t)given_kwonly,
                       given_kwonly == 1 ? "" : "s");
    } else {
        pync_raise_fmt(&pync_TypeError_type, "%U() takes %U but %zd %s given", f->qualname, takes, (ptrdiff_t)nargs,
                       nargs == 1 ? "was" : "were");
    }
    return -1;
}

/* For a keyword that matches no parameter: the positional-only parameters passed by keyword
   ("'a, b'", in parameter order), or else the unexpected keyword itself. */
static int unexpected_keyword(const pync_function *f, pv kwnames, pv name) {
    const pync_code *co = f->code;
    const pync_tuple *kw = (const pync_tuple *)kwnames;
    pync_strbuf b;
    size_t clashes = 0;
    if (pync_strbuf_init(&b, 32) < 0) return -1;
    for (size_t i = 0; i < co->posonlyargcount; i++) {
        for (size_t k = 0; k < kw->size; k++) {
            if (!pync_str_eq_cstr(kw->items[k], co->varnames[i])) continue;
            if ((clashes++ && pync_strbuf_append_cstr(&b, ", ") < 0) || pync_strbuf_append_cstr(&b, co->varnames[i]) < 0) {
                return -1;
            }
            break;
        }
    }
    if (clashes) {
        pv list = pync_strbuf_finish(&b);
        if (!list) return -1;
        pync_raise_fmt(&pync_TypeError_type,
                       "%U() got some positional-only arguments passed as keyword arguments: '%U'", f->qualname, list);
        return -1;
    }
    pync_raise_fmt(&pync_TypeError_type, "%U() got an unexpected keyword argument '%U'", f->qualname, name);
    return -1;
}

/* CPython's order: positional arguments are placed, then keywords (unexpected or duplicate
   keywords are reported first), then too many positional arguments, then missing ones. */
int pync_bind_args(pv func, pv *args, size_t nargs, pv kwnames, pv *bound) {
    const pync_function *f = (const pync_function *)func;
    const pync_code *co = f->code;
    size_t argcount = co->argcount, kwonly = co->kwonlyargcount;
    bool varargs = co->flags & PYNC_CO_VARARGS, varkw = co->flags & PYNC_CO_VARKEYWORDS;
    size_t nbound = argcount + kwonly + varargs + varkw;
    size_t kwonly_at = argcount + varargs;
    for (size_t i = 0; i < nbound; i++) bound[i] = 0;

    /* positional arguments */
    size_t npos = nargs < argcount ? nargs : argcount;
    for (size_t i = 0; i < npos; i++) bound[i] = args[i];
    if (varargs) {
        pv rest = pync_tuple_from_array(args + npos, nargs - npos);
        if (!rest) return -1;
        bound[argcount] = rest;
    }

    /* keyword arguments */
    pv kwdict = 0;
    if (varkw) {
        kwdict = pync_dict_new();
        if (!kwdict) return -1;
        bound[nbound - 1] = kwdict;
    }
    size_t nkw = kwnames ? ((const pync_tuple *)kwnames)->size : 0;
    for (size_t k = 0; k < nkw; k++) {
        pv name = ((const pync_tuple *)kwnames)->items[k];
        pv value = args[nargs + k];
        size_t slot = (size_t)-1;
        for (size_t i = co->posonlyargcount; i < argcount; i++) {
            if (pync_str_eq_cstr(name, co->varnames[i])) { slot = i; break; }
        }
        if (slot == (size_t)-1) {
            for (size_t j = 0; j < kwonly; j++) {
                if (pync_str_eq_cstr(name, co->varnames[kwonly_at + j])) { slot = kwonly_at + j; break; }
            }
        }
        if (slot == (size_t)-1) {
            if (!kwdict) return unexpected_keyword(f, kwnames, name);
            if (pync_dict_setitem(kwdict, name, value) < 0) return -1;
            continue;
        }
        if (bound[slot]) {
            pync_raise_fmt(&pync_TypeError_type, "%U() got multiple values for argument '%U'", f->qualname, name);
            return -1;
        }
        bound[slot] = value;
    }
    if (nargs > argcount && !varargs) return too_many_positional(f, nargs, bound);

    /* defaults and missing arguments */
    size_t ndefaults = f->defaults ? ((const pync_tuple *)f->defaults)->size : 0;
    size_t first_default = argcount - ndefaults;
    const char *missing[64];
    size_t nmissing = 0;
    for (size_t i = 0; i < argcount; i++) {
        if (bound[i]) continue;
        if (i >= first_default) bound[i] = ((const pync_tuple *)f->defaults)->items[i - first_default];
        else if (nmissing < 64) missing[nmissing++] = co->varnames[i];
    }
    if (nmissing) return missing_error(f, "positional", missing, nmissing);
    for (size_t j = 0; j < kwonly; j++) {
        size_t slot = kwonly_at + j;
        if (bound[slot]) continue;
        pv dflt = 0;
        if (f->kwdefaults) {
            dflt = pync_dict_get(f->kwdefaults, pync_str_from_cstr(co->varnames[slot]));
            if (!dflt && pync_current_exc) return -1;
        }
        if (dflt) bound[slot] = dflt;
        else if (nmissing < 64) missing[nmissing++] = co->varnames[slot];
    }
    if (nmissing) return missing_error(f, "keyword-only", missing, nmissing);
    return 0;
}

static pv function_call(pv self, pv *args, size_t nargs, pv kwnames) {
    const pync_function *f = (const pync_function *)self;
    const pync_code *co = f->code;
    size_t n = (size_t)co->argcount + co->kwonlyargcount + !!(co->flags & PYNC_CO_VARARGS) + !!(co->flags & PYNC_CO_VARKEYWORDS);
    pv small[16];
    pv *bound = small;
    if (n > 16) {
        pync_pvarray *buf = pync_pvarray_new(n);
        if (!buf) return 0;
        bound = buf->items;
    }
    if (pync_bind_args(self, args, nargs, kwnames, bound) < 0) return 0;
    return co->entry(self, bound);
}

static pv function_repr(pv self) {
    const pync_function *f = (const pync_function *)self;
    return pync_str_fmt("<function %U at %p>", f->qualname, (void *)self);
}

static int identity_hash(pv self, int64_t *out) {
    *out = pync_hash_pointer((const void *)self);
    return 0;
}

static pv function_getattr(pv self, pv name) {
    pync_function *f = (pync_function *)self;
    const char *n = pync_str_data(name);
    if (n[0] == '_' && n[1] == '_') {
        if (pync_str_eq_cstr(name, "__name__")) return f->name;
        if (pync_str_eq_cstr(name, "__qualname__")) return f->qualname;
        if (pync_str_eq_cstr(name, "__doc__")) return f->doc;
        if (pync_str_eq_cstr(name, "__module__")) return f->module ? f->module : pync_None;
        if (pync_str_eq_cstr(name, "__defaults__")) return f->defaults ? f->defaults : pync_None;
        if (pync_str_eq_cstr(name, "__kwdefaults__")) return f->kwdefaults ? f->kwdefaults : pync_None;
        if (pync_str_eq_cstr(name, "__dict__")) {
            if (!f->dict && !(f->dict = pync_dict_new())) return 0;
            return f->dict;
        }
    }
    if (f->dict) {
        pv v = pync_dict_get(f->dict, name);
        if (v || pync_current_exc) return v;
    }
    return pync_generic_getattr(self, name);
}

static int set_error(const pync_type *type, const char *message) {
    pync_raise_fmt(type, "%s", message);
    return -1;
}

/* The special attributes are stored in their fields (reads come from there too); the rest in
   the function's __dict__. */
static int function_setattr(pv self, pv name, pv value) {
    pync_function *f = (pync_function *)self;
    const char *n = pync_str_data(name);
    if (n[0] == '_' && n[1] == '_') {
        if (pync_str_eq_cstr(name, "__name__") || pync_str_eq_cstr(name, "__qualname__")) {
            if (!value || !pync_isinstance_type(value, &pync_str_type)) {
                pync_raise_fmt(&pync_TypeError_type, "%U must be set to a string object", name);
                return -1;
            }
            if (n[2] == 'n') f->name = value;
            else f->qualname = value;
            return 0;
        }
        if (pync_str_eq_cstr(name, "__module__")) { f->module = value; return 0; }
        if (pync_str_eq_cstr(name, "__doc__")) { f->doc = value ? value : pync_None; return 0; }
        if (pync_str_eq_cstr(name, "__defaults__")) {
            if (value && value != pync_None && !pync_isinstance_type(value, &pync_tuple_type)) {
                return set_error(&pync_TypeError_type, "__defaults__ must be set to a tuple object");
            }
            f->defaults = value == pync_None ? 0 : value;
            return 0;
        }
        if (pync_str_eq_cstr(name, "__kwdefaults__")) {
            if (value && value != pync_None && !pync_isinstance_type(value, &pync_dict_type)) {
                return set_error(&pync_TypeError_type, "__kwdefaults__ must be set to a dict object");
            }
            f->kwdefaults = value == pync_None ? 0 : value;
            return 0;
        }
        if (pync_str_eq_cstr(name, "__dict__")) {
            if (!value) return set_error(&pync_TypeError_type, "cannot delete __dict__");
            if (!pync_isinstance_type(value, &pync_dict_type)) {
                pync_raise_fmt(&pync_TypeError_type, "__dict__ must be set to a dictionary, not a '%T'", value);
                return -1;
            }
            f->dict = value;
            return 0;
        }
        if (pync_str_eq_cstr(name, "__code__")) return set_error(&pync_TypeError_type, "__code__ must be set to a code object");
        if (pync_str_eq_cstr(name, "__closure__") || pync_str_eq_cstr(name, "__globals__") ||
            pync_str_eq_cstr(name, "__builtins__")) {
            return set_error(&pync_AttributeError_type, "readonly attribute");
        }
        if (pync_str_eq_cstr(name, "__annotations__") && value && value != pync_None &&
            !pync_isinstance_type(value, &pync_dict_type)) {
            return set_error(&pync_TypeError_type, "__annotations__ must be set to a dict object");
        }
    }
    if (!f->dict && !(f->dict = pync_dict_new())) return -1;
    if (value) return pync_dict_setitem(f->dict, name, value);
    pv present = pync_dict_get(f->dict, name);
    if (!present) {
        if (!pync_current_exc) pync_raise_fmt(&pync_AttributeError_type, "'function' object has no attribute '%U'", name);
        return -1;
    }
    return pync_dict_delitem(f->dict, name);
}

const pync_type pync_function_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "function", .basicsize = sizeof(pync_function), .trace = function_trace,
    .repr = function_repr, .hash = identity_hash, .call = function_call, .getattr = function_getattr,
    .setattr = function_setattr,
};

/* ---- bound methods --------------------------------------------------------------------------- */

typedef struct bound_method {
    pync_object ob;
    pv func;
    pv self;
} bound_method;

static void method_trace(pync_object *o) {
    bound_method *m = (bound_method *)o;
    pync_gc_visit(m->func);
    pync_gc_visit(m->self);
}

pv pync_method_new(pv func, pv self) {
    bound_method *m = pync_gc_alloc(sizeof(bound_method), &pync_method_type);
    if (!m) return 0;
    m->func = func;
    m->self = self;
    return (pv)m;
}

static pv method_call(pv self, pv *args, size_t nargs, pv kwnames) {
    const bound_method *m = (const bound_method *)self;
    size_t nkw = kwnames ? ((const pync_tuple *)kwnames)->size : 0;
    pv small[8];
    pv *all = small;
    if (nargs + nkw + 1 > 8) {
        pync_pvarray *buf = pync_pvarray_new(nargs + nkw + 1);
        if (!buf) return 0;
        all = buf->items;
    }
    all[0] = m->self;
    for (size_t i = 0; i < nargs + nkw; i++) all[i + 1] = args[i];
    return pync_call(m->func, all, nargs + 1, kwnames);
}

static pv method_repr(pv self) {
    const bound_method *m = (const bound_method *)self;
    pv name = pync_getattr_cstr(m->func, "__qualname__");
    if (!name) return 0;
    pv r = pync_repr(m->self);
    if (!r) return 0;
    return pync_str_fmt("<bound method %U of %U>", name, r);
}

static pv method_richcompare(pv a, pv b, pync_cmpop op) {
    if (pv_type(b) != &pync_method_type || (op != PYNC_EQ && op != PYNC_NE)) return pync_NotImplemented;
    const bound_method *x = (const bound_method *)a, *y = (const bound_method *)b;
    bool eq = x->func == y->func && x->self == y->self;
    return pync_bool(op == PYNC_EQ ? eq : !eq);
}

static int method_hash(pv self, int64_t *out) {
    const bound_method *m = (const bound_method *)self;
    *out = pync_hash_pointer((const void *)m->self) ^ pync_hash_pointer((const void *)m->func);
    if (*out == -1) *out = -2;
    return 0;
}

static pv method_getattr(pv self, pv name) {
    const bound_method *m = (const bound_method *)self;
    if (pync_str_eq_cstr(name, "__self__")) return m->self;
    if (pync_str_eq_cstr(name, "__func__")) return m->func;
    return pync_getattr(m->func, name);
}

const pync_type pync_method_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "method", .basicsize = sizeof(bound_method), .trace = method_trace,
    .repr = method_repr, .richcompare = method_richcompare, .hash = method_hash, .call = method_call,
    .getattr = method_getattr,
};

/* ---- built-in functions ---------------------------------------------------------------------- */

typedef struct builtin_function {
    pync_object ob;
    const char *name;
    pync_cfunc fn;
    pv self;             /* the receiver of a built-in method; 0 for a plain function */
} builtin_function;

static void builtin_trace(pync_object *o) { pync_gc_visit(((builtin_function *)o)->self); }

pv pync_builtin_new(const char *name, pync_cfunc fn, pv self) {
    builtin_function *b = pync_gc_alloc(sizeof(builtin_function), &pync_builtin_function_type);
    if (!b) return 0;
    b->name = name;
    b->fn = fn;
    b->self = self;
    return (pv)b;
}

static pv builtin_call(pv self, pv *args, size_t nargs, pv kwnames) {
    const builtin_function *b = (const builtin_function *)self;
    return b->fn(b->self, args, nargs, kwnames);
}

static pv builtin_repr(pv self) {
    const builtin_function *b = (const builtin_function *)self;
    if (!b->self || pv_type(b->self) == &pync_module_type) return pync_str_fmt("<built-in function %s>", b->name);
    if (pv_type(b->self) == &pync_type_type) {
        return pync_str_fmt("<built-in method %s of type object at %p>", b->name, (void *)b->self);
    }
    return pync_str_fmt("<built-in method %s of %s object at %p>", b->name, pync_type_name(b->self), (void *)b->self);
}

static pv builtin_getattr(pv self, pv name) {
    const builtin_function *b = (const builtin_function *)self;
    if (pync_str_eq_cstr(name, "__name__") || pync_str_eq_cstr(name, "__qualname__")) {
        return pync_str_from_cstr(b->name);
    }
    if (pync_str_eq_cstr(name, "__self__")) return b->self ? b->self : pync_None;
    return pync_generic_getattr(self, name);
}

static pv builtin_richcompare(pv a, pv b, pync_cmpop op) {
    if (pv_type(b) != &pync_builtin_function_type || (op != PYNC_EQ && op != PYNC_NE)) return pync_NotImplemented;
    const builtin_function *x = (const builtin_function *)a, *y = (const builtin_function *)b;
    bool eq = x->fn == y->fn && x->self == y->self;
    return pync_bool(op == PYNC_EQ ? eq : !eq);
}

const pync_type pync_builtin_function_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "builtin_function_or_method", .basicsize = sizeof(builtin_function),
    .trace = builtin_trace, .repr = builtin_repr, .hash = identity_hash, .call = builtin_call,
    .getattr = builtin_getattr, .richcompare = builtin_richcompare,
};

/* ---- cells ----------------------------------------------------------------------------------- */

static void cell_trace(pync_object *o) { pync_gc_visit(((pync_cell *)o)->value); }

pv pync_cell_new(pv value) {
    pync_cell *c = pync_gc_alloc(sizeof(pync_cell), &pync_cell_type);
    if (!c) return 0;
    c->value = value;
    return (pv)c;
}

const pync_type pync_cell_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "cell", .basicsize = sizeof(pync_cell), .trace = cell_trace, .hash = identity_hash,
};

/* ---- argument checking for built-ins ------------------------------------------------------------ */

int pync_check_args(const char *fname, size_t nargs, pv kwnames, size_t min, size_t max) {
    if (kwnames && ((const pync_tuple *)kwnames)->size) {
        pync_raise_fmt(&pync_TypeError_type, "%s() takes no keyword arguments", fname);
        return -1;
    }
    if (nargs >= min && nargs <= max) return 0;
    if (min == max && min == 0) {
        pync_raise_fmt(&pync_TypeError_type, "%s() takes no arguments (%zd given)", fname, (ptrdiff_t)nargs);
    } else if (min == max && min == 1) {
        pync_raise_fmt(&pync_TypeError_type, "%s() takes exactly one argument (%zd given)", fname, (ptrdiff_t)nargs);
    } else if (min == max) {
        pync_raise_fmt(&pync_TypeError_type, "%s expected %zd arguments, got %zd", fname, (ptrdiff_t)min, (ptrdiff_t)nargs);
    } else if (nargs < min) {
        pync_raise_fmt(&pync_TypeError_type, "%s expected at least %zd argument%s, got %zd", fname, (ptrdiff_t)min,
                       min == 1 ? "" : "s", (ptrdiff_t)nargs);
    } else {
        pync_raise_fmt(&pync_TypeError_type, "%s expected at most %zd argument%s, got %zd", fname, (ptrdiff_t)max,
                       max == 1 ? "" : "s", (ptrdiff_t)nargs);
    }
    return -1;
}

/* The name CPython's C functions give in their argument errors: 'split' of 'str.split'. */
static const char *short_name(const char *fname) {
    const char *name = fname;
    for (const char *p = fname; *p; p++) {
        if (*p == '.') name = p + 1;
    }
    return name;
}

/* pync_parse_args and pync_parse_args_py: `python` selects the messages of a function written in
   Python (random.choices) over those of a C function (int, round, str.split). */
static int parse_args(const char *fname, pv *args, size_t nargs, pv kwnames, const char *const *names, size_t nposonly,
                      size_t npos_max, pv *out, bool python) {
    size_t nnames = 0;
    while (names[nnames]) nnames++;
    for (size_t i = 0; i < nnames; i++) out[i] = 0;
    size_t nkw = kwnames ? ((const pync_tuple *)kwnames)->size : 0;
    const char *name = python ? fname : short_name(fname);
    if (!python && npos_max == nnames && nargs + nkw > nnames) {
        /* no keyword-only parameters: CPython counts every argument */
        pync_raise_fmt(&pync_TypeError_type, "%s() takes at most %zd argument%s (%zd given)", name, (ptrdiff_t)nnames,
                       nnames == 1 ? "" : "s", (ptrdiff_t)(nargs + nkw));
        return -1;
    }
    if (nargs > npos_max) {
        pync_raise_fmt(&pync_TypeError_type, "%s() takes at most %zd positional argument%s (%zd given)", name,
                       (ptrdiff_t)npos_max, npos_max == 1 ? "" : "s", (ptrdiff_t)nargs);
        return -1;
    }
    for (size_t i = 0; i < nargs; i++) out[i] = args[i];
    for (size_t k = 0; k < nkw; k++) {
        pv kw = ((const pync_tuple *)kwnames)->items[k];
        size_t slot = nnames;
        for (size_t i = nposonly; i < nnames; i++) {
            if (pync_str_eq_cstr(kw, names[i])) { slot = i; break; }
        }
        if (slot == nnames) {
            if (python) pync_raise_fmt(&pync_TypeError_type, "%s() got an unexpected keyword argument '%U'", name, kw);
            else pync_raise_fmt(&pync_TypeError_type, "'%U' is an invalid keyword argument for %s()", kw, name);
            return -1;
        }
        if (out[slot]) {
            if (python) pync_raise_fmt(&pync_TypeError_type, "%s() got multiple values for argument '%s'", name, names[slot]);
            else pync_raise_fmt(&pync_TypeError_type, "argument for %s() given by name ('%s') and position (%zd)", name,
                                names[slot], (ptrdiff_t)slot + 1);
            return -1;
        }
        out[slot] = args[nargs + k];
    }
    return 0;
}

int pync_parse_args(const char *fname, pv *args, size_t nargs, pv kwnames, const char *const *names, size_t nposonly,
                    size_t npos_max, pv *out) {
    return parse_args(fname, args, nargs, kwnames, names, nposonly, npos_max, out, false);
}

int pync_parse_args_py(const char *fname, pv *args, size_t nargs, pv kwnames, const char *const *names,
                       size_t nposonly, size_t npos_max, pv *out) {
    return parse_args(fname, args, nargs, kwnames, names, nposonly, npos_max, out, true);
}
