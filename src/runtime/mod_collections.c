/* mod_collections.c — the collections module: namedtuple here; deque (collections_deque.c),
 * OrderedDict and defaultdict (collections_dicts.c) and Counter (collections_counter.c) beside it.
 *
 * namedtuple(typename, field_names, *, rename=False, defaults=None, module=None) builds a tuple
 * subclass at run time the way CPython 3.11's Lib/collections/__init__.py does: the same
 * validation and messages, a namespace with __new__, _make, _replace, _asdict, __repr__,
 * __getnewargs__, _fields, _field_defaults, __match_args__ and one _tuplegetter per field, then
 * type(typename, (tuple,), namespace). __new__ is a Python function object whose code record is
 * made here, so calls bind their arguments (and fail) exactly as the generated
 * `def __new__(_cls, x, y)` does: "Point.__new__() missing 1 required positional argument: 'y'". */
#include "stdmods.h"

/* ==== _tuplegetter: the descriptor of a field (item `index` of the tuple) ========================== */

typedef struct tuplegetter {
    pync_object ob;
    size_t index;
    pv doc;
} tuplegetter;

static void tuplegetter_trace(pync_object *o) { pync_gc_visit(((tuplegetter *)o)->doc); }

static pv tuplegetter_get(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_args("__get__", nargs, kwnames, 1, 2) < 0) return 0;
    const tuplegetter *g = (const tuplegetter *)self;
    pv obj = args[0];
    if (obj == pync_None) return self;
    if (!pync_isinstance_type(obj, &pync_tuple_type)) {
        return pync_raise_fmt(&pync_TypeError_type, "descriptor for index '%zd' for tuple subclasses doesn't apply to '%T' object",
                              (ptrdiff_t)g->index, obj);
    }
    const pync_tuple *t = (const pync_tuple *)obj;
    if (g->index >= t->size) return pync_raise_fmt(&pync_IndexError_type, "tuple index out of range");
    return t->items[g->index];
}

static pv tuplegetter_set(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self; (void)args;
    if (pync_check_args("__set__", nargs, kwnames, 2, 2) < 0) return 0;
    return pync_raise_fmt(&pync_AttributeError_type, "can't set attribute");
}

static pv tuplegetter_delete(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self; (void)args;
    if (pync_check_args("__delete__", nargs, kwnames, 1, 1) < 0) return 0;
    return pync_raise_fmt(&pync_AttributeError_type, "can't delete attribute");
}

static pv tuplegetter_repr(pv self) {
    const tuplegetter *g = (const tuplegetter *)self;
    return pync_str_fmt("%s(%zd, %R)", pync_stdmod_type_name(pv_type(self)), (ptrdiff_t)g->index, g->doc);
}

static pv tuplegetter_getattr(pv self, pv name) {
    if (pync_str_eq_cstr(name, "__doc__")) return ((const tuplegetter *)self)->doc;
    return pync_generic_getattr(self, name);
}

static int tuplegetter_setattr(pv self, pv name, pv value) {
    if (pync_str_eq_cstr(name, "__doc__")) {
        ((tuplegetter *)self)->doc = value ? value : pync_None;
        return 0;
    }
    return pync_generic_setattr(self, name, value);
}

static const pync_method_def tuplegetter_methods[] = {
    {"__get__", tuplegetter_get, 0},
    {"__set__", tuplegetter_set, 0},
    {"__delete__", tuplegetter_delete, 0},
    {NULL, NULL, 0},
};

static pync_type tuplegetter_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "_collections._tuplegetter", .base = &pync_object_type,
    .flags = PYNC_TF_DESCRIPTOR, .basicsize = sizeof(tuplegetter), .trace = tuplegetter_trace,
    .repr = tuplegetter_repr, .hash = pync_object_hash, .getattr = tuplegetter_getattr,
    .setattr = tuplegetter_setattr, .methods = tuplegetter_methods,
};

static pv tuplegetter_new(size_t index, pv doc) {
    if (pync_stdmod_ready(&tuplegetter_type, "_collections") < 0) return 0;
    tuplegetter *g = pync_gc_alloc(sizeof(tuplegetter), &tuplegetter_type);
    if (!g) return 0;
    g->index = index;
    g->doc = doc;
    return (pv)g;
}

/* ==== helpers ======================================================================================= */

static pv call_str_method(pv s, const char *name, pv *args, size_t nargs) {
    pv n = pync_str_from_cstr(name);
    return n ? pync_call_method(s, n, args, nargs, 0) : 0;
}

static const char *const keywords[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
    "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", NULL,
};

static bool is_keyword(pv s) {
    for (size_t i = 0; keywords[i]; i++) {
        if (pync_str_eq_cstr(s, keywords[i])) return true;
    }
    return false;
}

/* 1, 0, -1 */
static int is_identifier(pv s) {
    pv r = call_str_method(s, "isidentifier", NULL, 0);
    return r ? r == pync_True : -1;
}

static bool starts_with_underscore(pv s) { return pync_str_size(s) > 0 && pync_str_data(s)[0] == '_'; }

/* "Python function"-style errors for the methods of the class (counting self or cls) */
static pv arity_error(pv cls_name, const char *method, size_t given, size_t takes) {
    return pync_raise_fmt(&pync_TypeError_type, "%U.%s() takes %zd positional argument%s but %zd %s given", cls_name,
                          method, (ptrdiff_t)takes, takes == 1 ? "" : "s", (ptrdiff_t)given, given == 1 ? "was" : "were");
}

static pv class_name(pv self_or_cls, bool is_cls) {
    const pync_type *t = is_cls ? (const pync_type *)self_or_cls : pv_type(self_or_cls);
    return pync_str_from_cstr(t->name);
}

/* the _fields tuple of the class (looked up on type(self) or cls) */
static pv fields_of(const pync_type *t) {
    pv f = pync_type_lookup_cstr(t, "_fields");
    if (!f && !pync_current_exc) {
        return pync_raise_fmt(&pync_AttributeError_type, "type object '%s' has no attribute '_fields'", t->name);
    }
    if (f && !pync_isinstance_type(f, &pync_tuple_type)) {
        pv t2 = pync_list_from_iterable(f);
        if (!t2) return 0;
        return pync_tuple_from_array(((pync_list *)t2)->items, ((pync_list *)t2)->size);
    }
    return f;
}

/* ==== the methods of a namedtuple class ================================================================ */

/* tuple.__new__(cls, iterable) */
static pv tuple_new(pv cls, pv iterable) {
    if (!pync_isinstance_type(cls, &pync_type_type)) {
        return pync_raise_fmt(&pync_TypeError_type, "tuple.__new__(X): X is not a type object (%T)", cls);
    }
    const pync_type *t = (const pync_type *)cls;
    if (!pync_is_subtype(t, &pync_tuple_type)) {
        return pync_raise_fmt(&pync_TypeError_type, "tuple.__new__(%s): %s is not a subtype of tuple", t->name, t->name);
    }
    return pync_tuple_type.construct(t, &iterable, 1, 0);
}

/* _make(cls, iterable) (a class method: `cls` is bound) */
static pv nt_make(pv cls, pv *args, size_t nargs, pv kwnames) {
    pv name = class_name(cls, true);
    if (!name) return 0;
    size_t nkw = pync_kwcount(kwnames);
    pv iterable = nargs ? args[0] : 0;
    for (size_t i = 0; i < nkw; i++) {
        if (!pync_kwname_is(kwnames, i, "iterable")) {
            return pync_raise_fmt(&pync_TypeError_type, "%U._make() got an unexpected keyword argument '%U'", name,
                                  pync_kwname(kwnames, i));
        }
        if (iterable) return pync_raise_fmt(&pync_TypeError_type, "%U._make() got multiple values for argument 'iterable'", name);
        iterable = args[nargs + i];
    }
    if (nargs > 1) return arity_error(name, "_make", nargs + 1, 2);
    if (!iterable) return pync_raise_fmt(&pync_TypeError_type, "%U._make() missing 1 required positional argument: 'iterable'", name);
    pv fields = fields_of((const pync_type *)cls);
    if (!fields) return 0;
    pv result = tuple_new(cls, iterable);
    if (!result) return 0;
    size_t n = ((pync_tuple *)fields)->size, got = ((pync_tuple *)result)->size;
    if (got != n) return pync_raise_fmt(&pync_TypeError_type, "Expected %zd arguments, got %zd", (ptrdiff_t)n, (ptrdiff_t)got);
    return result;
}

/* _replace(self, /, **kwds) */
static pv nt_replace(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (nargs) {
        pv name = class_name(self, false);
        return name ? arity_error(name, "_replace", nargs + 1, 1) : 0;
    }
    pv fields = fields_of(pv_type(self));
    if (!fields) return 0;
    size_t nkw = pync_kwcount(kwnames);
    pync_rawbuf *usedbuf = pync_rawbuf_new(nkw + 1);
    if (!usedbuf) return 0;
    bool *used = (bool *)usedbuf->data;
    for (size_t k = 0; k < nkw; k++) used[k] = false;
    const pync_tuple *f = (const pync_tuple *)fields, *me = (const pync_tuple *)self;
    size_t n = f->size < me->size ? f->size : me->size;
    pv values = pync_list_new_prealloc(n);
    if (!values) return 0;
    for (size_t i = 0; i < n; i++) {
        pv v = me->items[i];
        for (size_t k = 0; k < nkw; k++) {
            if (!used[k] && pync_str_equal(pync_kwname(kwnames, k), f->items[i])) {
                v = args[k];
                used[k] = true;
                break;
            }
        }
        ((pync_list *)values)->items[i] = v;
    }
    pv make = pync_str_from_cstr("_make");
    pv result = make ? pync_call_method(self, make, &values, 1, 0) : 0;
    if (!result) return 0;
    pv left = pync_list_new(0);
    if (!left) return 0;
    for (size_t k = 0; k < nkw; k++) {
        if (!used[k] && pync_list_append(left, pync_kwname(kwnames, k)) < 0) return 0;
    }
    if (((pync_list *)left)->size) return pync_raise_fmt(&pync_ValueError_type, "Got unexpected field names: %R", left);
    return result;
}

static pv nt_no_args(pv self, size_t nargs, pv kwnames, const char *method) {
    if (nargs == 0 && pync_kwcount(kwnames) == 0) return pync_None;
    pv name = class_name(self, false);
    if (!name) return 0;
    if (pync_kwcount(kwnames)) {
        return pync_raise_fmt(&pync_TypeError_type, "%U.%s() got an unexpected keyword argument '%U'", name, method,
                              pync_kwname(kwnames, 0));
    }
    return arity_error(name, method, nargs + 1, 1);
}

static pv nt_asdict(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (!nt_no_args(self, nargs, kwnames, "_asdict")) return 0;
    pv fields = fields_of(pv_type(self));
    if (!fields) return 0;
    const pync_tuple *f = (const pync_tuple *)fields, *me = (const pync_tuple *)self;
    pv d = pync_dict_new();
    if (!d) return 0;
    for (size_t i = 0; i < f->size && i < me->size; i++) {
        if (pync_dict_setitem(d, f->items[i], me->items[i]) < 0) return 0;
    }
    return d;
}

static pv nt_getnewargs(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (!nt_no_args(self, nargs, kwnames, "__getnewargs__")) return 0;
    const pync_tuple *me = (const pync_tuple *)self;
    return pync_tuple_from_array(me->items, me->size);
}

static pv nt_repr(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (!nt_no_args(self, nargs, kwnames, "__repr__")) return 0;
    pv fields = fields_of(pv_type(self));
    if (!fields) return 0;
    const pync_tuple *f = (const pync_tuple *)fields, *me = (const pync_tuple *)self;
    if (me->size < f->size) return pync_raise_fmt(&pync_TypeError_type, "not enough arguments for format string");
    if (me->size > f->size) return pync_raise_fmt(&pync_TypeError_type, "not all arguments converted during string formatting");
    pync_strbuf b;
    if (pync_strbuf_init(&b, 32) < 0 || pync_strbuf_append_cstr(&b, pv_type(self)->name) < 0 ||
        pync_strbuf_append_cstr(&b, "(") < 0) return 0;
    for (size_t i = 0; i < f->size; i++) {
        pv r = pync_repr(me->items[i]);
        if (!r || (i && pync_strbuf_append_cstr(&b, ", ") < 0) || pync_strbuf_append_str(&b, f->items[i]) < 0 ||
            pync_strbuf_append_cstr(&b, "=") < 0 || pync_strbuf_append_str(&b, r) < 0) return 0;
    }
    if (pync_strbuf_append_cstr(&b, ")") < 0) return 0;
    return pync_strbuf_finish(&b);
}

static const pync_method_def nt_make_def = {"_make", nt_make, PYNC_METH_CLASS};
static const pync_method_def nt_instance_defs[] = {
    {"_replace", nt_replace, 0},
    {"_asdict", nt_asdict, 0},
    {"__getnewargs__", nt_getnewargs, 0},
    {"__repr__", nt_repr, 0},
    {NULL, NULL, 0},
};

/* ==== __new__: a function object with a code record made at run time ================================== */

/* __new__(_cls, field0, field1, ...): bound[0] is the class */
static pv nt_new_entry(pv func, pv *bound) {
    const pync_function *f = (const pync_function *)func;
    size_t n = (size_t)f->code->argcount - 1;
    pv cls = bound[0];
    if (cls == (pv)&pync_tuple_type) return pync_tuple_from_array(bound + 1, n);
    if (!pync_isinstance_type(cls, &pync_type_type)) {
        return pync_raise_fmt(&pync_TypeError_type, "tuple.__new__(X): X is not a type object (%T)", cls);
    }
    const pync_type *t = (const pync_type *)cls;
    if (!pync_is_subtype(t, &pync_tuple_type)) {
        return pync_raise_fmt(&pync_TypeError_type, "tuple.__new__(%s): %s is not a subtype of tuple", t->name, t->name);
    }
    pync_tuple *r = pync_gc_alloc(t->basicsize + n * sizeof(pv), t);
    if (!r) return 0;
    r->size = n;
    for (size_t i = 0; i < n; i++) r->items[i] = bound[i + 1];
    return (pv)r;
}

/* One raw buffer holds the code record, the varnames array and the strings they point to; the
   function keeps it alive through its closure slot (which __new__'s entry never reads). */
static pv make_new_function(pv typename_, pv fields, pv defaults, pv module) {
    const pync_tuple *f = (const pync_tuple *)fields;
    size_t nvars = f->size + 1;
    size_t strbytes = sizeof("_cls") + 2 * pync_str_size(typename_) + sizeof(".__new__") + sizeof("__new__") + 16;
    for (size_t i = 0; i < f->size; i++) strbytes += pync_str_size(f->items[i]) + 1;
    size_t header = (sizeof(pync_code) + 7) & ~(size_t)7;
    size_t names = nvars * sizeof(const char *);
    pync_rawbuf *buf = pync_rawbuf_new(header + names + strbytes);
    if (!buf) return 0;
    pync_code *code = (pync_code *)buf->data;
    const char **varnames = (const char **)(buf->data + header);
    char *strings = (char *)(buf->data + header + names);
    size_t pos = 0;
#define PUT(src, len)                                   \
    do {                                                \
        for (size_t k_ = 0; k_ < (len); k_++) strings[pos + k_] = (src)[k_]; \
        pos += (len);                                   \
    } while (0)
    varnames[0] = strings + pos;
    PUT("_cls", 5);
    for (size_t i = 0; i < f->size; i++) {
        varnames[i + 1] = strings + pos;
        PUT(pync_str_data(f->items[i]), pync_str_size(f->items[i]));
        PUT("", 1);
    }
    code->name = strings + pos;
    PUT("__new__", 8);
    code->qualname = strings + pos;
    PUT(pync_str_data(typename_), pync_str_size(typename_));
    PUT(".__new__", 9);
    code->filename = strings + pos;
    PUT("<string>", 9);
#undef PUT
    code->firstlineno = 1;
    code->argcount = (uint16_t)nvars;
    code->posonlyargcount = 0;
    code->kwonlyargcount = 0;
    code->flags = 0;
    code->varnames = varnames;
    code->entry = nt_new_entry;
    pv keep = pync_tuple_pack(1, (pv)buf);
    if (!keep) return 0;
    pv fn = pync_function_new(code, defaults, 0, keep);
    if (!fn) return 0;
    pync_function *func = (pync_function *)fn;
    func->module = module;
    return fn;
}

/* ==== namedtuple() ==================================================================================== */

static int ns_set(pv ns, const char *name, pv value) {
    if (!value) return -1;
    pv key = pync_str_intern(pync_str_from_cstr(name));
    return key ? pync_dict_setitem(ns, key, value) : -1;
}

static pv namedtuple_impl(pv typename_, pv field_names, bool rename, pv defaults, pv module) {
    /* the field names as a list of str */
    pv names;
    if (pync_isinstance_type(field_names, &pync_str_type)) {
        pv args[2] = {pync_str_from_cstr(","), pync_str_from_cstr(" ")};
        if (!args[0] || !args[1]) return 0;
        pv replaced = call_str_method(field_names, "replace", args, 2);
        names = replaced ? call_str_method(replaced, "split", NULL, 0) : 0;
    } else {
        pv src = pync_list_from_iterable(field_names);
        if (!src) return 0;
        names = pync_list_new_prealloc(((pync_list *)src)->size);
        if (!names) return 0;
        for (size_t i = 0; i < ((pync_list *)src)->size; i++) {
            pv s = pync_str(((pync_list *)src)->items[i]);
            if (!s) return 0;
            ((pync_list *)names)->items[i] = s;
        }
    }
    if (!names) return 0;
    typename_ = pync_str(typename_);
    if (!typename_) return 0;
    typename_ = pync_str_intern(typename_);
    pync_list *fl = (pync_list *)names;
    if (rename) {
        pv seen = pync_set_new();
        if (!seen) return 0;
        for (size_t i = 0; i < fl->size; i++) {
            pv name = fl->items[i];
            int ident = is_identifier(name);
            if (ident < 0) return 0;
            int dup = pync_set_contains(seen, name);
            if (dup < 0) return 0;
            if (!ident || is_keyword(name) || starts_with_underscore(name) || dup) {
                pv r = pync_str_fmt("_%zd", (ptrdiff_t)i);
                if (!r) return 0;
                fl->items[i] = r;
            }
            if (pync_set_add(seen, name) < 0) return 0;
        }
    }
    for (size_t i = 0; i <= fl->size; i++) {
        pv name = i == 0 ? typename_ : fl->items[i - 1];
        if (pv_type(name) != &pync_str_type) {
            return pync_raise_fmt(&pync_TypeError_type, "Type names and field names must be strings");
        }
        int ident = is_identifier(name);
        if (ident < 0) return 0;
        if (!ident) {
            return pync_raise_fmt(&pync_ValueError_type, "Type names and field names must be valid identifiers: %R", name);
        }
        if (is_keyword(name)) {
            return pync_raise_fmt(&pync_ValueError_type, "Type names and field names cannot be a keyword: %R", name);
        }
    }
    pv seen = pync_set_new();
    if (!seen) return 0;
    for (size_t i = 0; i < fl->size; i++) {
        pv name = fl->items[i];
        if (starts_with_underscore(name) && !rename) {
            return pync_raise_fmt(&pync_ValueError_type, "Field names cannot start with an underscore: %R", name);
        }
        int dup = pync_set_contains(seen, name);
        if (dup < 0) return 0;
        if (dup) return pync_raise_fmt(&pync_ValueError_type, "Encountered duplicate field name: %R", name);
        if (pync_set_add(seen, name) < 0) return 0;
    }
    pv fields = pync_tuple_new(fl->size);
    if (!fields) return 0;
    for (size_t i = 0; i < fl->size; i++) ((pync_tuple *)fields)->items[i] = pync_str_intern(fl->items[i]);
    pv field_defaults = pync_dict_new();
    if (!field_defaults) return 0;
    pv defaults_tuple = 0;
    if (defaults && defaults != pync_None) {
        pv dl = pync_list_from_iterable(defaults);
        if (!dl) return 0;
        size_t nd = ((pync_list *)dl)->size;
        if (nd > fl->size) return pync_raise_fmt(&pync_TypeError_type, "Got more default values than field names");
        defaults_tuple = pync_tuple_from_array(((pync_list *)dl)->items, nd);
        if (!defaults_tuple) return 0;
        for (size_t i = 0; i < nd; i++) {
            pv name = ((pync_tuple *)fields)->items[fl->size - nd + i];
            if (pync_dict_setitem(field_defaults, name, ((pync_list *)dl)->items[i]) < 0) return 0;
        }
    }
    pv modname = module && module != pync_None ? module : pync_str_from_cstr("__main__");
    if (!modname) return 0;
    /* "x, y" */
    pync_strbuf b;
    if (pync_strbuf_init(&b, 32) < 0) return 0;
    for (size_t i = 0; i < fl->size; i++) {
        if ((i && pync_strbuf_append_cstr(&b, ", ") < 0) || pync_strbuf_append_str(&b, ((pync_tuple *)fields)->items[i]) < 0) {
            return 0;
        }
    }
    pv arg_list = pync_strbuf_finish(&b);
    if (!arg_list) return 0;

    pv ns = pync_dict_new();
    if (!ns) return 0;
    pv new_fn = make_new_function(typename_, fields, defaults_tuple, modname);
    if (!new_fn) return 0;
    ((pync_function *)new_fn)->doc = pync_str_fmt("Create new instance of %U(%U)", typename_, arg_list);
    if (!((pync_function *)new_fn)->doc) return 0;
    if (ns_set(ns, "__doc__", pync_str_fmt("%U(%U)", typename_, arg_list)) < 0 || ns_set(ns, "__slots__", pync_empty_tuple) < 0 ||
        ns_set(ns, "_fields", fields) < 0 || ns_set(ns, "_field_defaults", field_defaults) < 0 ||
        ns_set(ns, "__new__", new_fn) < 0 || ns_set(ns, "_make", pync_method_descriptor_new(&nt_make_def, &pync_tuple_type)) < 0 ||
        ns_set(ns, "__match_args__", fields) < 0 || ns_set(ns, "__module__", modname) < 0) {
        return 0;
    }
    for (const pync_method_def *d = nt_instance_defs; d->name; d++) {
        if (ns_set(ns, d->name, pync_method_descriptor_new(d, &pync_tuple_type)) < 0) return 0;
    }
    for (size_t i = 0; i < fl->size; i++) {
        pv doc = pync_str_fmt("Alias for field number %zd", (ptrdiff_t)i);
        pv getter = doc ? tuplegetter_new(i, doc) : 0;
        if (!getter || pync_dict_setitem(ns, ((pync_tuple *)fields)->items[i], getter) < 0) return 0;
    }
    pv bases = pync_tuple_pack(1, (pv)&pync_tuple_type);
    if (!bases) return 0;
    return pync_class_new(typename_, typename_, bases, ns, 0);
}

/* namedtuple(typename, field_names, *, rename=False, defaults=None, module=None) */
pv pync_collections_namedtuple(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    static const char *const names[] = {"typename", "field_names", "rename", "defaults", "module"};
    pv v[5] = {0, 0, 0, 0, 0};
    if (nargs > 2) {
        return pync_raise_fmt(&pync_TypeError_type, "namedtuple() takes 2 positional arguments but %zd were given", (ptrdiff_t)nargs);
    }
    for (size_t i = 0; i < nargs; i++) v[i] = args[i];
    for (size_t k = 0; k < pync_kwcount(kwnames); k++) {
        size_t slot = 5;
        for (size_t i = 0; i < 5; i++) {
            if (pync_kwname_is(kwnames, k, names[i])) slot = i;
        }
        if (slot == 5) {
            return pync_raise_fmt(&pync_TypeError_type, "namedtuple() got an unexpected keyword argument '%U'", pync_kwname(kwnames, k));
        }
        if (v[slot]) return pync_raise_fmt(&pync_TypeError_type, "namedtuple() got multiple values for argument '%s'", names[slot]);
        v[slot] = args[nargs + k];
    }
    if (!v[0] || !v[1]) {
        if (!v[0] && !v[1]) {
            return pync_raise_fmt(&pync_TypeError_type,
                                  "namedtuple() missing 2 required positional arguments: 'typename' and 'field_names'");
        }
        return pync_raise_fmt(&pync_TypeError_type, "namedtuple() missing 1 required positional argument: '%s'",
                              v[0] ? "field_names" : "typename");
    }
    int rename = 0;
    if (v[2] && (rename = pync_truth(v[2])) < 0) return 0;
    return namedtuple_impl(v[0], v[1], rename, v[3], v[4]);
}

pv pync_namedtuple_make(const char *typename_, const char *const *fields, const char *module) {
    pv tn = pync_str_from_cstr(typename_);
    pv list = pync_list_new(0);
    if (!tn || !list) return 0;
    for (size_t i = 0; fields[i]; i++) {
        pv s = pync_str_from_cstr(fields[i]);
        if (!s || pync_list_append(list, s) < 0) return 0;
    }
    pv mod = pync_str_from_cstr(module);
    return mod ? namedtuple_impl(tn, list, false, 0, mod) : 0;
}

/* ==== the module ======================================================================================= */

static const pync_method_def collections_functions[] = {
    {"namedtuple", pync_collections_namedtuple, 0},
    {NULL, NULL, 0},
};

static int collections_init(pv module) {
    if (pync_collections_deque_ready() < 0 || pync_collections_dicts_ready() < 0 || pync_collections_counter_ready() < 0) {
        return -1;
    }
    pync_type *types[] = {&pync_deque_type, &pync_ordereddict_type, &pync_defaultdict_type, &pync_counter_type};
    for (size_t i = 0; i < 4; i++) {
        if (pync_stdmod_add_type(module, types[i]) < 0) return -1;
    }
    return pync_module_add_functions(module, collections_functions);
}

const pync_builtin_module pync_mod_collections = {"collections", collections_init};
