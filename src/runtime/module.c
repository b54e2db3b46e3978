/* module.c — module objects and `import`.
 *
 * A compiled module's globals are static pv slots; its pync_module_def lists them by name so that
 * `module.attr` and `module.attr = v` reach the same slots compiled code uses. Modules written in
 * C (math, sys, ...) keep their attributes in a dict. Each module is created and initialised once,
 * on first import; a module being initialised is already importable (circular imports see it
 * partly initialised, as in CPython). */
#include "pync.h"
#include "internal.h"

typedef struct module_object {
    pync_object ob;
    pv name;
    const pync_module_def *def;   /* compiled modules */
    pv dict;                      /* C modules, and attributes set from outside */
    bool initialised;
} module_object;

static void module_trace(pync_object *o) {
    module_object *m = (module_object *)o;
    pync_gc_visit(m->name);
    pync_gc_visit(m->dict);
}

static pv module_getattr(pv self, pv name) {
    module_object *m = (module_object *)self;
    if (m->def) {
        for (size_t i = 0; i < m->def->nglobals; i++) {
            if (pync_str_eq_cstr(name, m->def->globals[i].name)) {
                pv v = *m->def->globals[i].slot;
                if (v) return v;
                break;
            }
        }
    }
    if (m->dict) {
        pv v = pync_dict_get(m->dict, name);
        if (v || pync_current_exc) return v;
    }
    if (pync_str_eq_cstr(name, "__name__")) return m->name;
    if (pync_str_eq_cstr(name, "__dict__")) {
        pv d = pync_dict_new();
        if (!d || pync_dict_setitem(d, pync_str_from_cstr("__name__"), m->name) < 0) return 0;
        if (m->def) {
            for (size_t i = 0; i < m->def->nglobals; i++) {
                pv v = *m->def->globals[i].slot;
                if (v && pync_dict_setitem(d, pync_str_from_cstr(m->def->globals[i].name), v) < 0) return 0;
            }
        }
        if (m->dict && pync_dict_update(d, m->dict) < 0) return 0;
        return d;
    }
    return pync_raise_fmt(&pync_AttributeError_type, "module '%U' has no attribute '%U'", m->name, name);
}

static int module_setattr(pv self, pv name, pv value) {
    module_object *m = (module_object *)self;
    if (m->def) {
        for (size_t i = 0; i < m->def->nglobals; i++) {
            if (pync_str_eq_cstr(name, m->def->globals[i].name)) {
                *m->def->globals[i].slot = value;
                return 0;
            }
        }
    }
    if (!m->dict && !(m->dict = pync_dict_new())) return -1;
    if (value) return pync_dict_setitem(m->dict, name, value);
    return pync_dict_delitem(m->dict, name);
}

static pv module_repr(pv self) {
    module_object *m = (module_object *)self;
    if (m->def) return pync_str_fmt("<module '%U' from '%s'>", m->name, m->def->filename);
    return pync_str_fmt("<module '%U' (built-in)>", m->name);
}

const pync_type pync_module_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "module", .basicsize = sizeof(module_object), .trace = module_trace,
    .getattr = module_getattr, .setattr = module_setattr, .repr = module_repr, .hash = pync_object_hash,
};

int pync_module_add(pv module, const char *name, pv value) {
    if (!value) return -1;
    module_object *m = (module_object *)module;
    if (!m->dict && !(m->dict = pync_dict_new())) return -1;
    pv key = pync_str_intern(pync_str_from_cstr(name));
    return key ? pync_dict_setitem(m->dict, key, value) : -1;
}

int pync_module_add_functions(pv module, const pync_method_def *defs) {
    for (const pync_method_def *d = defs; d->name; d++) {
        if (pync_module_add(module, d->name, pync_builtin_new(d->name, d->fn, module)) < 0) return -1;
    }
    return 0;
}

/* ---- import ----------------------------------------------------------------------------------- */

/* The compiled modules of the program, NULL-terminated; emitted by the compiler. */
extern const pync_module_def *const pync_program_modules[];

/* The C modules (mod_*.c) the program imports, NULL-terminated; emitted by the compiler, so that
   a program links only those. Weak: a test driver with no Python program may have none. */
extern const pync_builtin_module *const pync_program_c_modules[] __attribute__((weak));

static pv loaded;   /* dict: name -> module */

static void module_roots(void) { pync_gc_visit(loaded); }

static int ensure_loaded(void) {
    if (loaded) return 0;
    pync_register_static_roots(module_roots);
    return (loaded = pync_dict_new()) ? 0 : -1;
}

/* sys.modules: the modules imported so far, which an import consults first (a program may put
   any object there) */
pv pync_loaded_modules(void) {
    return ensure_loaded() < 0 ? 0 : loaded;
}

static pv new_module(const char *name, const pync_module_def *def) {
    module_object *m = pync_gc_alloc(sizeof(module_object), &pync_module_type);
    if (!m) return 0;
    m->name = pync_str_from_cstr(name);
    m->def = def;
    if (!m->name) return 0;
    if (ensure_loaded() < 0) return 0;
    if (pync_dict_setitem(loaded, m->name, (pv)m) < 0) return 0;
    return (pv)m;
}

pv pync_import(const char *name) {
    if (loaded) {
        pv key = pync_str_from_cstr(name);
        if (!key) return 0;
        pv m = pync_dict_get(loaded, key);
        if (m || pync_current_exc) return m;
    }
    for (size_t i = 0; pync_program_modules[i]; i++) {
        const pync_module_def *def = pync_program_modules[i];
        if (!pync_str_eq_cstr(pync_str_from_cstr(def->name), name)) continue;
        pv m = new_module(name, def);
        if (!m) return 0;
        if (def->init(m) < 0) {
            pync_dict_delitem(loaded, ((module_object *)m)->name);
            return 0;
        }
        ((module_object *)m)->initialised = true;
        return m;
    }
    for (size_t i = 0; pync_program_c_modules && pync_program_c_modules[i]; i++) {
        const pync_builtin_module *c = pync_program_c_modules[i];
        if (!pync_str_eq_cstr(pync_str_from_cstr(c->name), name)) continue;
        pv m = new_module(name, NULL);
        if (!m) return 0;
        if (c->init(m) < 0) return 0;
        ((module_object *)m)->initialised = true;
        return m;
    }
    return pync_raise_fmt(&pync_ModuleNotFoundError_type, "No module named '%s'", name);
}

pv pync_raise_name_error(const char *name) {
    return pync_raise_fmt(&pync_NameError_type, "name '%s' is not defined", name);
}

pv pync_raise_unbound_local(const char *name) {
    return pync_raise_fmt(&pync_UnboundLocalError_type,
                          "cannot access local variable '%s' where it is not associated with a value", name);
}

pv pync_raise_unbound_free(const char *name) {
    return pync_raise_fmt(&pync_NameError_type,
                          "cannot access free variable '%s' where it is not associated with a value in enclosing scope", name);
}
