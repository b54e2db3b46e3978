/* exc.c — exceptions: the hierarchy of built-in exception types, raising, chaining, tracebacks,
 * and the report printed for an uncaught exception (CPython's format).
 *
 * An exception instance:
 *   +------+------+------+-----------+-------+---------+----------+-------+--------+
 *   | type | dict | args | traceback | cause | context | suppress | value | (more) |
 *   +------+------+------+-----------+-------+---------+----------+-------+--------+
 * The traceback is a list of (code, line) entries appended as the exception leaves each frame,
 * innermost first; the report prints them outermost first ("most recent call last"). */
#include "pync.h"
#include "internal.h"
#include "platform/platform.h"

typedef struct tb_entry {
    const pync_code *code;
    int32_t line;
} tb_entry;

typedef struct pync_exception {
    pync_object ob;
    pv dict;
    pv args;                  /* tuple */
    pync_rawbuf *tb;          /* tb_entry[tb_len] */
    size_t tb_len;
    pv cause, context;
    bool suppress_context;
    pv value;                 /* StopIteration.value, SystemExit.code */
} pync_exception;

pv pync_current_exc;

/* The exceptions being handled by except blocks (innermost last). */
static pync_pvarray *handled;
static size_t n_handled;

/* ---- the type objects ---------------------------------------------------------------------- */

static void exc_trace(pync_object *o) {
    pync_exception *e = (pync_exception *)o;
    pync_gc_visit(e->dict);
    pync_gc_visit(e->args);
    pync_gc_visit_obj(e->tb);
    pync_gc_visit(e->cause);
    pync_gc_visit(e->context);
    pync_gc_visit(e->value);
}

static pv exc_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames);
static pv exc_str(pv self);
static pv exc_repr(pv self);
static pv exc_getattr(pv self, pv name);
static int exc_setattr(pv self, pv name, pv value);
static pv keyerror_str(pv self);

#define EXC_TYPE(NAME, BASE, ...)                                                                    \
    const pync_type pync_##NAME##_type = {                                                           \
        .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = #NAME, .base = BASE,                       \
        .flags = PYNC_TF_BASETYPE | PYNC_TF_EXCEPTION, .basicsize = sizeof(pync_exception),           \
        .dictoffset = offsetof(pync_exception, dict), .trace = exc_trace, .repr = exc_repr,           \
        .getattr = exc_getattr, .setattr = exc_setattr, .construct = exc_construct,                  \
        .hash = pync_object_hash, __VA_ARGS__}

int pync_object_hash(pv self, int64_t *out);

EXC_TYPE(BaseException, &pync_object_type, .str = exc_str, .method_list = pync_methods__exception);
EXC_TYPE(SystemExit, &pync_BaseException_type, .str = exc_str);
EXC_TYPE(KeyboardInterrupt, &pync_BaseException_type, .str = exc_str);
EXC_TYPE(GeneratorExit, &pync_BaseException_type, .str = exc_str);
EXC_TYPE(Exception, &pync_BaseException_type, .str = exc_str);
EXC_TYPE(StopIteration, &pync_Exception_type, .str = exc_str);
EXC_TYPE(StopAsyncIteration, &pync_Exception_type, .str = exc_str);
EXC_TYPE(ArithmeticError, &pync_Exception_type, .str = exc_str);
EXC_TYPE(FloatingPointError, &pync_ArithmeticError_type, .str = exc_str);
EXC_TYPE(OverflowError, &pync_ArithmeticError_type, .str = exc_str);
EXC_TYPE(ZeroDivisionError, &pync_ArithmeticError_type, .str = exc_str);
EXC_TYPE(AssertionError, &pync_Exception_type, .str = exc_str);
EXC_TYPE(AttributeError, &pync_Exception_type, .str = exc_str);
EXC_TYPE(BufferError, &pync_Exception_type, .str = exc_str);
EXC_TYPE(EOFError, &pync_Exception_type, .str = exc_str);
EXC_TYPE(ImportError, &pync_Exception_type, .str = exc_str);
EXC_TYPE(ModuleNotFoundError, &pync_ImportError_type, .str = exc_str);
EXC_TYPE(LookupError, &pync_Exception_type, .str = exc_str);
EXC_TYPE(IndexError, &pync_LookupError_type, .str = exc_str);
EXC_TYPE(KeyError, &pync_LookupError_type, .str = keyerror_str);
EXC_TYPE(MemoryError, &pync_Exception_type, .str = exc_str);
EXC_TYPE(NameError, &pync_Exception_type, .str = exc_str);
EXC_TYPE(UnboundLocalError, &pync_NameError_type, .str = exc_str);
EXC_TYPE(OSError, &pync_Exception_type, .str = exc_str);
EXC_TYPE(FileNotFoundError, &pync_OSError_type, .str = exc_str);
EXC_TYPE(PermissionError, &pync_OSError_type, .str = exc_str);
EXC_TYPE(TimeoutError, &pync_OSError_type, .str = exc_str);
EXC_TYPE(BlockingIOError, &pync_OSError_type, .str = exc_str);
EXC_TYPE(ChildProcessError, &pync_OSError_type, .str = exc_str);
EXC_TYPE(ConnectionError, &pync_OSError_type, .str = exc_str);
EXC_TYPE(BrokenPipeError, &pync_ConnectionError_type, .str = exc_str);
EXC_TYPE(ConnectionAbortedError, &pync_ConnectionError_type, .str = exc_str);
EXC_TYPE(ConnectionRefusedError, &pync_ConnectionError_type, .str = exc_str);
EXC_TYPE(ConnectionResetError, &pync_ConnectionError_type, .str = exc_str);
EXC_TYPE(FileExistsError, &pync_OSError_type, .str = exc_str);
EXC_TYPE(InterruptedError, &pync_OSError_type, .str = exc_str);
EXC_TYPE(IsADirectoryError, &pync_OSError_type, .str = exc_str);
EXC_TYPE(NotADirectoryError, &pync_OSError_type, .str = exc_str);
EXC_TYPE(ProcessLookupError, &pync_OSError_type, .str = exc_str);
EXC_TYPE(ReferenceError, &pync_Exception_type, .str = exc_str);
EXC_TYPE(RuntimeError, &pync_Exception_type, .str = exc_str);
EXC_TYPE(NotImplementedError, &pync_RuntimeError_type, .str = exc_str);
EXC_TYPE(RecursionError, &pync_RuntimeError_type, .str = exc_str);
EXC_TYPE(SyntaxError, &pync_Exception_type, .str = exc_str);
EXC_TYPE(IndentationError, &pync_SyntaxError_type, .str = exc_str);
EXC_TYPE(TabError, &pync_IndentationError_type, .str = exc_str);
EXC_TYPE(SystemError, &pync_Exception_type, .str = exc_str);
EXC_TYPE(TypeError, &pync_Exception_type, .str = exc_str);
EXC_TYPE(ValueError, &pync_Exception_type, .str = exc_str);
EXC_TYPE(UnicodeError, &pync_ValueError_type, .str = exc_str);
EXC_TYPE(UnicodeDecodeError, &pync_UnicodeError_type, .str = exc_str);
EXC_TYPE(UnicodeEncodeError, &pync_UnicodeError_type, .str = exc_str);
EXC_TYPE(UnicodeTranslateError, &pync_UnicodeError_type, .str = exc_str);
EXC_TYPE(Warning, &pync_Exception_type, .str = exc_str);
EXC_TYPE(UserWarning, &pync_Warning_type, .str = exc_str);
EXC_TYPE(DeprecationWarning, &pync_Warning_type, .str = exc_str);
EXC_TYPE(PendingDeprecationWarning, &pync_Warning_type, .str = exc_str);
EXC_TYPE(SyntaxWarning, &pync_Warning_type, .str = exc_str);
EXC_TYPE(RuntimeWarning, &pync_Warning_type, .str = exc_str);
EXC_TYPE(FutureWarning, &pync_Warning_type, .str = exc_str);
EXC_TYPE(ImportWarning, &pync_Warning_type, .str = exc_str);
EXC_TYPE(UnicodeWarning, &pync_Warning_type, .str = exc_str);
EXC_TYPE(BytesWarning, &pync_Warning_type, .str = exc_str);
EXC_TYPE(ResourceWarning, &pync_Warning_type, .str = exc_str);
EXC_TYPE(EncodingWarning, &pync_Warning_type, .str = exc_str);


/* ---- instances -------------------------------------------------------------------------------- */

/* OSError(errno, ...) called as OSError itself makes the subclass for errno (Linux numbers). */
static const pync_type *oserror_subclass(pv errno_value) {
    static const struct { int16_t errno_value; const pync_type *type; } map[] = {
        {1, &pync_PermissionError_type}, {2, &pync_FileNotFoundError_type}, {3, &pync_ProcessLookupError_type},
        {4, &pync_InterruptedError_type}, {10, &pync_ChildProcessError_type}, {11, &pync_BlockingIOError_type},
        {13, &pync_PermissionError_type}, {17, &pync_FileExistsError_type}, {20, &pync_NotADirectoryError_type},
        {21, &pync_IsADirectoryError_type}, {32, &pync_BrokenPipeError_type}, {103, &pync_ConnectionAbortedError_type},
        {104, &pync_ConnectionResetError_type}, {108, &pync_BrokenPipeError_type}, {110, &pync_TimeoutError_type},
        {111, &pync_ConnectionRefusedError_type}, {114, &pync_BlockingIOError_type}, {115, &pync_BlockingIOError_type},
    };
    int64_t n;
    if (pv_is_small(errno_value)) n = pv_small(errno_value);
    else if (errno_value == pync_True) n = 1;
    else return &pync_OSError_type;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
        if (map[i].errno_value == n) return map[i].type;
    }
    return &pync_OSError_type;
}

/* Sets args and the special values of an exception from its arguments: StopIteration.value,
   SystemExit.code, and OSError(errno, strerror[, filename[, winerror[, filename2]]]) whose
   filenames leave args (kept as the tuple (filename, filename2) in `value`). 0 or -1. */
static int exc_set_args(pync_exception *e, pv *args, size_t nargs) {
    const pync_type *type = e->ob.type;
    e->args = pync_tuple_from_array(args, nargs);
    if (!e->args) return -1;
    if (pync_is_subtype(type, &pync_StopIteration_type)) {
        e->value = nargs == 0 ? pync_None : args[0];
    } else if (pync_is_subtype(type, &pync_SystemExit_type)) {
        e->value = nargs == 0 ? pync_None : nargs == 1 ? args[0] : e->args;
    } else if (pync_is_subtype(type, &pync_OSError_type) && nargs >= 3 && nargs <= 5 && args[2] != pync_None) {
        e->value = pync_tuple_pack(2, args[2], nargs == 5 ? args[4] : pync_None);
        e->args = pync_tuple_from_array(args, 2);
        if (!e->value || !e->args) return -1;
    }
    return 0;
}

static pv exc_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    if (kwnames && ((const pync_tuple *)kwnames)->size && !(type->flags & PYNC_TF_HEAPTYPE)) {
        return pync_raise_fmt(&pync_TypeError_type, "%s() takes no keyword arguments", type->name);
    }
    if (type == &pync_OSError_type && nargs >= 2 && nargs <= 5) type = oserror_subclass(args[0]);
    pync_exception *e = pync_gc_alloc(type->basicsize, type);
    if (!e) return 0;
    return exc_set_args(e, args, nargs) < 0 ? 0 : (pv)e;
}

/* The instance to raise for `raise X`: X itself, or X() for a class. */
static pv exception_instance(pv exc) {
    const pync_type *t = pv_type(exc);
    if (t->flags & PYNC_TF_EXCEPTION) return exc;
    if ((t == &pync_type_type || pync_is_subtype(t, &pync_type_type)) &&
        (((const pync_type *)exc)->flags & PYNC_TF_EXCEPTION)) {
        pv inst = pync_call0(exc);
        if (!inst) return 0;
        if (!(pv_type(inst)->flags & PYNC_TF_EXCEPTION)) {
            return pync_raise_fmt(&pync_TypeError_type,
                                  "calling %R should have returned an instance of BaseException, not %T", exc, inst);
        }
        return inst;
    }
    return pync_raise_fmt(&pync_TypeError_type, "exceptions must derive from BaseException");
}

/* Sets __context__ to the exception being handled, as CPython does when raising. */
static void set_context(pv exc) {
    pv ctx = pync_exc_handled();
    if (!ctx || ctx == exc) return;
    /* avoid a cycle: cut the chain where it reaches exc */
    pv o = ctx;
    while (o) {
        pync_exception *oe = (pync_exception *)o;
        if (oe->context == exc) {
            oe->context = 0;
            break;
        }
        o = oe->context;
    }
    ((pync_exception *)exc)->context = ctx;
}

pv pync_raise(pv exc) {
    pv inst = exception_instance(exc);
    if (!inst) return 0;
    set_context(inst);
    pync_current_exc = inst;
    return 0;
}

pv pync_raise_from(pv exc, pv cause) {
    pv inst = exception_instance(exc);
    if (!inst) return 0;
    if (cause == pync_None) {
        cause = 0;
    } else {
        pv c = exception_instance(cause);
        if (!c) {
            if (pync_exc_matches(pync_current_exc, (pv)&pync_TypeError_type) > 0) {
                pync_exc_clear();
                return pync_raise_fmt(&pync_TypeError_type, "exception causes must derive from BaseException");
            }
            return 0;
        }
        cause = c;
    }
    ((pync_exception *)inst)->cause = cause;
    ((pync_exception *)inst)->suppress_context = true;
    set_context(inst);
    pync_current_exc = inst;
    return 0;
}

pv pync_reraise(void) {
    pv exc = pync_exc_handled();
    if (!exc) return pync_raise_fmt(&pync_RuntimeError_type, "No active exception to reraise");
    pync_current_exc = exc;
    return 0;
}

pv pync_raise_va(const pync_type *type, const char *fmt, va_list ap) {
    pv msg = pync_str_vfmt(fmt, ap);
    if (!msg) return 0;
    pv inst = exc_construct(type, &msg, 1, 0);
    if (!inst) return 0;
    set_context(inst);
    pync_current_exc = inst;
    return 0;
}

pv pync_raise_fmt(const pync_type *type, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    pync_raise_va(type, fmt, ap);
    va_end(ap);
    return 0;
}

/* MemoryError must be raisable when nothing can be allocated: one instance is kept ready. */
static pv nomem_instance;

pv pync_raise_nomem(void) {
    if (nomem_instance) {
        pync_exception *e = (pync_exception *)nomem_instance;
        e->tb_len = 0;
        e->context = 0;
        e->cause = 0;
        pync_current_exc = nomem_instance;
    }
    return 0;
}

pv pync_bad_internal_call(const char *where) {
    return pync_raise_fmt(&pync_SystemError_type, "bad internal call: %s", where);
}

int pync_exc_matches(pv exc, pv match) {
    if (!exc) return 0;
    const pync_type *et = pv_type(exc);
    if (pv_type(match) == &pync_tuple_type) {
        const pync_tuple *t = (const pync_tuple *)match;
        for (size_t i = 0; i < t->size; i++) {
            int r = pync_exc_matches(exc, t->items[i]);
            if (r != 0) return r;
        }
        return 0;
    }
    const pync_type *mt = pv_type(match);
    if (!(mt == &pync_type_type || pync_is_subtype(mt, &pync_type_type)) ||
        !(((const pync_type *)match)->flags & PYNC_TF_EXCEPTION)) {
        pync_raise_fmt(&pync_TypeError_type, "catching classes that do not inherit from BaseException is not allowed");
        return -1;
    }
    return pync_is_subtype(et, (const pync_type *)match);
}

pv pync_exc_fetch(void) {
    pv e = pync_current_exc;
    pync_current_exc = 0;
    return e;
}

void pync_exc_clear(void) { pync_current_exc = 0; }

void pync_traceback_add(const pync_code *code, int line) {
    pync_exception *e = (pync_exception *)pync_current_exc;
    if (!e) return;
    if (!e->tb || (e->tb_len + 1) * sizeof(tb_entry) > e->tb->capacity) {
        size_t cap = e->tb ? e->tb->capacity * 2 : 8 * sizeof(tb_entry);
        pv saved = pync_current_exc;
        pync_rawbuf *n = pync_rawbuf_new(cap);
        pync_current_exc = saved;
        if (!n) return; /* out of memory: the traceback is shorter */
        if (e->tb) pync_memcpy(n->data, e->tb->data, e->tb_len * sizeof(tb_entry));
        e->tb = n;
    }
    tb_entry *entries = (tb_entry *)e->tb->data;
    entries[e->tb_len].code = code;
    entries[e->tb_len].line = line;
    e->tb_len++;
}

/* ---- handled exceptions (except blocks) ----------------------------------------------------- */

void pync_exc_push_handled(pv exc) {
    if (!handled || n_handled == handled->capacity) {
        pync_pvarray *n = pync_pvarray_new(handled ? handled->capacity * 2 : 16);
        if (!n) return;
        for (size_t i = 0; i < n_handled; i++) n->items[i] = handled->items[i];
        handled = n;
    }
    handled->items[n_handled++] = exc;
}

void pync_exc_pop_handled(void) {
    if (n_handled) handled->items[--n_handled] = 0;
}

pv pync_exc_handled(void) {
    for (size_t i = n_handled; i-- > 0;) {
        if (handled->items[i]) return handled->items[i];
    }
    return 0;
}

/* Generators keep the handled exceptions they pushed while suspended (a `yield` inside an
   except block): the entries above `depth` are moved into a tuple, and put back on resume. */
size_t pync_exc_handled_depth(void) { return n_handled; }

pv pync_exc_handled_take(size_t depth) {
    if (n_handled <= depth) return 0;
    pv t = pync_tuple_from_array(handled->items + depth, n_handled - depth);
    if (!t) return 0;
    while (n_handled > depth) handled->items[--n_handled] = 0;
    return t;
}

void pync_exc_handled_restore(pv saved) {
    if (!saved) return;
    const pync_tuple *t = (const pync_tuple *)saved;
    for (size_t i = 0; i < t->size; i++) pync_exc_push_handled(t->items[i]);
}

/* ---- str, repr, attributes --------------------------------------------------------------------- */

static pv exc_str(pv self) {
    const pync_exception *e = (const pync_exception *)self;
    const pync_tuple *args = (const pync_tuple *)e->args;
    if (args && args->size >= 2 && args->size <= 5 && pync_isinstance_type(self, &pync_OSError_type)) {
        const pync_tuple *names = (const pync_tuple *)e->value;
        if (names && names->items[1] != pync_None) {
            return pync_str_fmt("[Errno %S] %S: %R -> %R", args->items[0], args->items[1], names->items[0], names->items[1]);
        }
        if (names) return pync_str_fmt("[Errno %S] %S: %R", args->items[0], args->items[1], names->items[0]);
        return pync_str_fmt("[Errno %S] %S", args->items[0], args->items[1]);
    }
    if (!args || args->size == 0) return pync_str_from_cstr("");
    if (args->size == 1) return pync_str(args->items[0]);
    return pync_str(e->args);
}

static pv keyerror_str(pv self) {
    const pync_exception *e = (const pync_exception *)self;
    const pync_tuple *args = (const pync_tuple *)e->args;
    if (args && args->size == 1) return pync_repr(args->items[0]);
    return exc_str(self);
}

static pv exc_repr(pv self) {
    const pync_exception *e = (const pync_exception *)self;
    const pync_tuple *args = (const pync_tuple *)e->args;
    const char *name = pv_type(self)->name;
    if (!args || args->size == 0) return pync_str_fmt("%s()", name);
    if (args->size == 1) return pync_str_fmt("%s(%R)", name, args->items[0]);
    return pync_str_fmt("%s%R", name, e->args);
}

static pv exc_getattr(pv self, pv name) {
    pync_exception *e = (pync_exception *)self;
    if (pync_str_eq_cstr(name, "args")) return e->args;
    if (pync_str_eq_cstr(name, "__cause__")) return e->cause ? e->cause : pync_None;
    if (pync_str_eq_cstr(name, "__context__")) return e->context ? e->context : pync_None;
    if (pync_str_eq_cstr(name, "__suppress_context__")) return pync_bool(e->suppress_context);
    if (pync_str_eq_cstr(name, "__traceback__")) return pync_None;
    if (pync_isinstance_type(self, &pync_StopIteration_type) && pync_str_eq_cstr(name, "value")) return e->value;
    if (pync_isinstance_type(self, &pync_SystemExit_type) && pync_str_eq_cstr(name, "code")) return e->value;
    if (pync_isinstance_type(self, &pync_OSError_type)) {
        /* OSError(errno, strerror[, filename]) */
        const pync_tuple *args = (const pync_tuple *)e->args;
        size_t n = args ? args->size : 0;
        bool pair = n >= 2 && n <= 5;
        if (pync_str_eq_cstr(name, "errno")) return pair ? args->items[0] : pync_None;
        if (pync_str_eq_cstr(name, "strerror")) return pair ? args->items[1] : pync_None;
        const pync_tuple *names = (const pync_tuple *)e->value;
        if (pync_str_eq_cstr(name, "filename")) return names ? names->items[0] : pync_None;
        if (pync_str_eq_cstr(name, "filename2")) return names ? names->items[1] : pync_None;
    }
    return pync_generic_getattr(self, name);
}

static int exc_setattr(pv self, pv name, pv value) {
    pync_exception *e = (pync_exception *)self;
    if (pync_str_eq_cstr(name, "args")) {
        pv t = value ? pync_call1((pv)&pync_tuple_type, value) : 0;
        if (!t) return -1;
        e->args = t;
        return 0;
    }
    if (pync_str_eq_cstr(name, "__cause__")) {
        e->cause = value == pync_None ? 0 : value;
        e->suppress_context = true;
        return 0;
    }
    if (pync_str_eq_cstr(name, "__context__")) {
        e->context = value == pync_None ? 0 : value;
        return 0;
    }
    if (pync_str_eq_cstr(name, "__suppress_context__")) {
        int t = pync_truth(value);
        if (t < 0) return -1;
        e->suppress_context = t;
        return 0;
    }
    if (pync_isinstance_type(self, &pync_StopIteration_type) && pync_str_eq_cstr(name, "value")) {
        e->value = value;
        return 0;
    }
    return pync_generic_setattr(self, name, value);
}

static pv exc_with_traceback(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_args("with_traceback", nargs, kwnames, 1, 1) < 0) return 0;
    return self;
}

static pv exc_add_note(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self; (void)args;
    if (pync_check_args("add_note", nargs, kwnames, 1, 1) < 0) return 0;
    return pync_None;
}

PYNC_METHOD(exception, with_traceback, exc_with_traceback, 0);
PYNC_METHOD(exception, add_note, exc_add_note, 0);

/* The instance initialiser user classes reach through super().__init__(...). */
pv pync_exception_init(pv self, pv *args, size_t nargs) {
    return exc_set_args((pync_exception *)self, args, nargs) < 0 ? 0 : pync_None;
}

/* ---- the report for an uncaught exception ------------------------------------------------------- */

static void write_str(int fd, pv s) { pync_write(fd, pync_str_data(s), pync_str_size(s)); }
static void write_cstr(int fd, const char *s) { pync_write(fd, s, pync_strlen(s)); }

/* The source text of a file, read once (tracebacks show the lines). */
static const char *cached_file;
static pync_rawbuf *cached_text;
static size_t cached_size;

static void print_source_line(const char *filename, int line) {
    if (!filename || line <= 0) return;
    if (cached_file != filename) {
        cached_file = filename;
        cached_text = pync_rawbuf_new(1 << 20);
        cached_size = cached_text ? pync_platform_read_file(filename, (char *)cached_text->data, cached_text->capacity) : 0;
    }
    if (!cached_text || cached_size == 0) return;
    const char *text = (const char *)cached_text->data;
    size_t pos = 0;
    for (int l = 1; l < line && pos < cached_size; pos++) {
        if (text[pos] == '\n') l++;
    }
    if (pos >= cached_size) return;
    while (pos < cached_size && (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\f')) pos++;
    size_t end = pos;
    while (end < cached_size && text[end] != '\n' && text[end] != '\r') end++;
    if (end == pos) return;
    write_cstr(2, "    ");
    pync_write(2, text + pos, end - pos);
    write_cstr(2, "\n");
}

static void print_exception_line(pv exc) {
    const pync_type *t = pv_type(exc);
    if (t->state[0]->module && !pync_str_eq_cstr(t->state[0]->module, "builtins") && !pync_str_eq_cstr(t->state[0]->module, "__main__")) {
        write_str(2, t->state[0]->module);
        write_cstr(2, ".");
    }
    write_cstr(2, t->state[0]->qualname ? pync_str_data(t->state[0]->qualname) : t->name);
    pv s = pync_str(exc);
    if (!s) {
        pync_exc_clear();
        write_cstr(2, ": <exception str() failed>\n");
        return;
    }
    if (pync_str_size(s)) {
        write_cstr(2, ": ");
        write_str(2, s);
    }
    write_cstr(2, "\n");
}

static void print_repeated(size_t n) {
    pv line = pync_str_fmt("  [Previous line repeated %zd more time%s]\n", (ptrdiff_t)n, n == 1 ? "" : "s");
    if (line) write_str(2, line);
}

static void print_one(pv exc, int depth) {
    pync_exception *e = (pync_exception *)exc;
    if (depth < 32) {
        if (e->cause) {
            print_one(e->cause, depth + 1);
            write_cstr(2, "\nThe above exception was the direct cause of the following exception:\n\n");
        } else if (e->context && !e->suppress_context) {
            print_one(e->context, depth + 1);
            write_cstr(2, "\nDuring handling of the above exception, another exception occurred:\n\n");
        }
    }
    if (e->tb_len) {
        write_cstr(2, "Traceback (most recent call last):\n");
        const tb_entry *entries = (const tb_entry *)e->tb->data;
        /* as CPython: after three identical entries in a row (same code, same line), the rest
           are counted, not printed */
        const tb_entry *last = NULL;
        size_t repeats = 0;
        for (size_t i = e->tb_len; i-- > 0;) {
            const pync_code *co = entries[i].code;
            bool same = last && last->code == co && last->line == entries[i].line;
            if (!same) {
                if (repeats > 3) print_repeated(repeats - 3);
                repeats = 0;
            }
            last = &entries[i];
            if (++repeats > 3) continue;
            pv line = pync_str_fmt("  File \"%s\", line %d, in %s\n", co->filename, (int)entries[i].line, co->name);
            if (line) write_str(2, line);
            print_source_line(co->filename, entries[i].line);
        }
        if (repeats > 3) print_repeated(repeats - 3);
    }
    print_exception_line(exc);
}

void pync_report_ignored(pv obj) {
    pv error = pync_exc_fetch();
    pv where = pync_repr(obj);
    pync_exc_clear();
    pync_flush(1);
    pync_write(2, "Exception ignored in: ", 22);
    if (where) pync_write(2, pync_str_data(where), pync_str_size(where));
    pync_write(2, "\n", 1);
    pync_current_exc = error;
    (void)pync_report_uncaught();
}

int pync_report_uncaught(void) {
    pv exc = pync_exc_fetch();
    if (!exc) return 0;
    if (pync_isinstance_type(exc, &pync_SystemExit_type)) {
        pv code = ((pync_exception *)exc)->value;
        if (!code || code == pync_None) return 0;
        int64_t status;
        if (pync_isinstance_type(code, &pync_int_type) && pync_int_as_i64(code, &status)) return (int)(status & 0xff);
        pv s = pync_str(code);
        if (s) {
            write_str(2, s);
            write_cstr(2, "\n");
        }
        return 1;
    }
    pync_flush(1);
    print_one(exc, 0);
    pync_flush(2);
    return 1;
}

/* ---- startup --------------------------------------------------------------------------------- */

static void exc_roots(void) {
    pync_gc_visit(pync_current_exc);
    pync_gc_visit_obj(handled);
    pync_gc_visit(nomem_instance);
    pync_gc_visit_obj(cached_text);
}

int pync_exc_init(void) {
    pync_register_static_roots(exc_roots);
    /* the exception types are readied when first needed, like every built-in type (main.c) */
    nomem_instance = exc_construct(&pync_MemoryError_type, NULL, 0, 0);
    return nomem_instance ? 0 : -1;
}
