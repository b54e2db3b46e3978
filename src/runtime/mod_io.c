/* mod_io.c — the io module's in-memory streams: io.StringIO, io.BytesIO, and io.IOBase (a base
 * class programs may subclass), io.UnsupportedOperation and the SEEK_* constants, with CPython
 * 3.11's behaviour and messages.
 *
 *   IOBase:   | type | closed |
 *   StringIO: | type | closed | newline | size | pos | buf |   buf: code points (uint32_t)
 *   BytesIO:  | type | closed | size | pos | buf |             buf: bytes
 *
 * Positions count code points (StringIO) or bytes (BytesIO); writing past the end pads with NULs,
 * as in CPython. StringIO's newline argument translates on write (None: '\r\n' and '\r' become
 * '\n'; '\r' or '\r\n': '\n' becomes it) and chooses the line ending readline splits on ('':
 * any of '\r', '\n', '\r\n'). Unlike CPython's classes, StringIO and BytesIO derive from io.IOBase
 * directly (CPython registers them with the IOBase ABC, so isinstance answers the same). */
#include "numeric.h"
#include "containers.h"
#include "str_impl.h"

/* mod_array.c: an array.array's storage (1 with data and size set), or 0 */

enum { NL_LF, NL_NONE, NL_ANY, NL_CR, NL_CRLF };   /* '\n' (default), None, '', '\r', '\r\n' */

typedef struct iobase_obj {
    pync_object ob;
    bool closed;
} iobase_obj;

typedef struct stringio_obj {
    pync_object ob;
    bool closed;
    uint8_t newline;
    size_t size, pos;
    pync_rawbuf *buf;     /* uint32_t code points */
} stringio_obj;

typedef struct bytesio_obj {
    pync_object ob;
    bool closed;
    size_t size, pos;
    pync_rawbuf *buf;
} bytesio_obj;

extern pync_type pync_iobase_type, pync_stringio_type, pync_bytesio_type;
static pv unsupported_operation;

static pv closed_error(bool period) {
    return pync_raise_fmt(&pync_ValueError_type, period ? "I/O operation on closed file." : "I/O operation on closed file");
}

/* a size argument: integer or None (-1) */
static int size_arg(pv v, int64_t *out) {
    if (!v || v == pync_None) {
        *out = -1;
        return 0;
    }
    if (!pync_has_index(v)) {
        pync_raise_fmt(&pync_TypeError_type, "argument should be integer or None, not '%s'", pync_type_name(v));
        return -1;
    }
    return pync_index_or_raise(v, &pync_OverflowError_type, out);
}

/* reserves room for n elements of `width` bytes in *buf (keeping `keep` elements). 0 or -1. */
static int reserve(pync_rawbuf **buf, size_t n, size_t keep, size_t width) {
    if (*buf && (*buf)->capacity >= n * width) return 0;
    if (n > SIZE_MAX / width / 2) {
        pync_raise_nomem();
        return -1;
    }
    size_t cap = *buf ? (*buf)->capacity / width : 0;
    cap = cap + (cap >> 1) + 16;
    if (cap < n) cap = n;
    pync_rawbuf *nb = pync_rawbuf_new(cap * width);
    if (!nb) return -1;
    if (keep) pync_memcpy(nb->data, (*buf)->data, keep * width);
    *buf = nb;
    return 0;
}

/* ==== IOBase ==================================================================================== */

static bool is_closed(pv self) { return ((iobase_obj *)self)->closed; }

static pv iobase_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    (void)args; (void)nargs; (void)kwnames;   /* _IOBase accepts and ignores arguments */
    size_t size = type->basicsize > sizeof(iobase_obj) ? type->basicsize : sizeof(iobase_obj);
    return (pv)pync_gc_alloc(size, type);
}

static pv ib_close(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("close", nargs, kwnames) < 0) return 0;
    if (pv_type(self)->flags & PYNC_TF_HEAPTYPE) {
        /* a subclass's flush runs before closing, as in CPython */
        if (!is_closed(self) && !pync_call_method(self, pync_str_from_cstr("flush"), NULL, 0, 0)) {
            ((iobase_obj *)self)->closed = true;
            return 0;
        }
    }
    ((iobase_obj *)self)->closed = true;
    return pync_None;
}

static pv ib_flush(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("flush", nargs, kwnames) < 0) return 0;
    if (is_closed(self)) return closed_error(pv_type(self) != &pync_stringio_type);
    return pync_None;
}

static pv ib_false(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("readable", nargs, kwnames) < 0) return 0;
    if (is_closed(self) && pync_isinstance_type(self, &pync_stringio_type)) return closed_error(false);
    return pync_False;
}

static pv ib_unsupported(const char *what) {
    pv e = pync_call1(unsupported_operation, pync_str_from_cstr(what));
    return e ? pync_raise(e) : 0;
}

static pv ib_fileno(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self; (void)args;
    if (pync_check_no_args("fileno", nargs, kwnames) < 0) return 0;
    return ib_unsupported("fileno");
}

static pv ib_enter(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("__enter__", nargs, kwnames) < 0) return 0;
    if (is_closed(self)) return closed_error(!pync_isinstance_type(self, &pync_stringio_type));
    return self;
}

static pv ib_exit(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args; (void)nargs;
    if (pync_no_kwargs("__exit__", kwnames) < 0) return 0;
    return pync_call_method(self, pync_str_from_cstr("close"), NULL, 0, 0);
}

static pv ib_iter(pv self) {
    if (is_closed(self)) return closed_error(!pync_isinstance_type(self, &pync_stringio_type));
    return self;
}

static pv ib_iter_m(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("__iter__", nargs, kwnames) < 0) return 0;
    return ib_iter(self);
}

/* next(f): f.readline(), stopping at an empty line */
static pv ib_next(pv self) {
    pv line = pync_call_method(self, pync_str_from_cstr("readline"), NULL, 0, 0);
    if (!line) return 0;
    int64_t n = pync_len(line);
    if (n < 0) return 0;
    return n ? line : 0;
}

static pv ib_next_m(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("__next__", nargs, kwnames) < 0) return 0;
    pv r = ib_next(self);
    if (!r && !pync_current_exc) return pync_raise((pv)&pync_StopIteration_type);
    return r;
}

/* IOBase.readline for subclasses: read(1) until a newline */
static pv ib_readline(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_positional("readline", nargs, kwnames, 0, 1) < 0) return 0;
    int64_t limit;
    if (size_arg(nargs ? args[0] : 0, &limit) < 0) return 0;
    pv out = pync_bytearray_new(NULL, 0);
    if (!out) return 0;
    pv one = pv_from_small(1);
    while (limit < 0 || (int64_t)((pync_bytearray *)out)->size < limit) {
        pv b = pync_call_method(self, pync_str_from_cstr("read"), &one, 1, 0);
        if (!b) return 0;
        pync_bview bv;
        if (!pync_txt_bytes_like(b, &bv)) {
            return pync_raise_fmt(&pync_OSError_type, "read() should have returned a bytes object, not '%s'", pync_type_name(b));
        }
        if (bv.n == 0) break;
        if (!pync_inplace(out, b, PYNC_OP_ADD)) return 0;
        if (bv.p[bv.n - 1] == '\n') break;
    }
    pync_bview all;
    pync_txt_bytes_like(out, &all);
    return pync_bytes_new(all.p, all.n);
}

/* readlines(hint=-1): lines until their total size reaches hint */
static pv ib_readlines(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_positional("readlines", nargs, kwnames, 0, 1) < 0) return 0;
    int64_t hint;
    if (size_arg(nargs ? args[0] : 0, &hint) < 0) return 0;
    pv l = pync_list_new(0);
    if (!l) return 0;
    int64_t total = 0;
    pv it = pync_iter(self);
    if (!it) return 0;
    for (;;) {
        pv line = pync_next(it);
        if (!line) return pync_current_exc ? 0 : l;
        if (pync_list_append(l, line) < 0) return 0;
        int64_t n = pync_len(line);
        if (n < 0) return 0;
        total += n;
        /* BytesIO stops once the total reaches the hint; IOBase and StringIO once it passes it */
        if (hint > 0 && (total > hint || (total == hint && pync_isinstance_type(self, &pync_bytesio_type)))) return l;
    }
}

static pv ib_writelines(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("writelines", nargs, kwnames) < 0) return 0;
    if (is_closed(self)) return closed_error(!pync_isinstance_type(self, &pync_stringio_type));
    pv it = pync_iter(args[0]);
    if (!it) return 0;
    pv write = pync_str_from_cstr("write");
    for (;;) {
        pv x = pync_next(it);
        if (!x) return pync_current_exc ? 0 : pync_None;
        if (!pync_call_method(self, write, &x, 1, 0)) return 0;
    }
}

static pv io_getattr(pv self, pv name) {
    pv r = pync_generic_getattr(self, name);
    if (r || !pync_exc_matches(pync_current_exc, (pv)&pync_AttributeError_type)) return r;
    if (pync_str_eq_cstr(name, "closed")) {
        pync_exc_clear();
        return pync_bool(is_closed(self));
    }
    if (pync_isinstance_type(self, &pync_stringio_type)) {
        if (pync_str_eq_cstr(name, "line_buffering")) {
            pync_exc_clear();
            if (is_closed(self)) return closed_error(false);
            return pync_False;
        }
        if (pync_str_eq_cstr(name, "newlines")) {
            pync_exc_clear();
            if (is_closed(self)) return closed_error(false);
            return pync_None;
        }
    }
    return 0;
}

static const pync_method_def iobase_methods[] = {
    {"close", ib_close, 0},
    {"flush", ib_flush, 0},
    {"readable", ib_false, 0},
    {"writable", ib_false, 0},
    {"seekable", ib_false, 0},
    {"isatty", ib_false, 0},
    {"fileno", ib_fileno, 0},
    {"readline", ib_readline, 0},
    {"readlines", ib_readlines, 0},
    {"writelines", ib_writelines, 0},
    {"__enter__", ib_enter, 0},
    {"__exit__", ib_exit, 0},
    {"__iter__", ib_iter_m, 0},
    {"__next__", ib_next_m, 0},
    {NULL, NULL, 0},
};

pync_type pync_iobase_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE,
    .name = "IOBase",
    .base = &pync_object_type,
    .flags = PYNC_TF_BASETYPE,
    .basicsize = sizeof(iobase_obj),
    .construct = iobase_construct,
    .getattr = io_getattr,
    .iter = ib_iter,
    .next = ib_next,
    .methods = iobase_methods,
    .hash = pync_object_hash,
};

/* ==== StringIO =================================================================================== */

static stringio_obj *S(pv v) { return (stringio_obj *)v; }
static uint32_t *cps(stringio_obj *s) { return (uint32_t *)s->buf->data; }

static void stringio_trace(pync_object *o) { pync_gc_visit_obj(((stringio_obj *)o)->buf); }

/* writes the code points of str `text` at the position (translating newlines). 0 or -1. */
static int sio_write_str(stringio_obj *s, pv text) {
    const pync_strobj *so = (const pync_strobj *)text;
    /* at most two code points per input code point ('\n' -> '\r\n') */
    pync_rawbuf *tmp = pync_rawbuf_new((so->length * 2 + 1) * sizeof(uint32_t));
    if (!tmp) return -1;
    uint32_t *t = (uint32_t *)tmp->data;
    size_t n = 0, pos = 0;
    while (pos < so->size) {
        uint32_t cp = pync_utf8_decode(so->data, &pos);
        if (s->newline == NL_NONE && cp == '\r') {
            if (pos < so->size && so->data[pos] == '\n') pos++;
            cp = '\n';
        } else if (cp == '\n' && s->newline == NL_CR) {
            cp = '\r';
        } else if (cp == '\n' && s->newline == NL_CRLF) {
            t[n++] = '\r';
        }
        t[n++] = cp;
    }
    size_t end = s->pos + n;
    if (end > s->size) {
        if (reserve(&s->buf, end, s->size, sizeof(uint32_t)) < 0) return -1;
        /* writing past the end pads with NULs */
        if (s->pos > s->size) pync_memset(cps(s) + s->size, 0, (s->pos - s->size) * sizeof(uint32_t));
        s->size = end;
    }
    if (n) pync_memcpy(cps(s) + s->pos, t, n * sizeof(uint32_t));
    s->pos = end;
    return 0;
}

static pv sio_text(stringio_obj *s, size_t from, size_t to) {
    pync_strbuf b;
    if (pync_strbuf_init(&b, to > from ? to - from : 1) < 0) return 0;
    for (size_t i = from; i < to; i++) {
        if (pync_strbuf_append_cp(&b, cps(s)[i]) < 0) return 0;
    }
    return pync_strbuf_finish(&b);
}

static pv sio_init(pv self, pv *args, size_t nargs, pv kwnames) {
    static const char *const names[] = {"initial_value", "newline", NULL};
    pv a[2];
    if (pync_parse_args("StringIO", args, nargs, kwnames, names, 0, 2, a) < 0) return 0;
    stringio_obj *s = S(self);
    uint8_t nl = NL_LF;
    if (a[1] && a[1] != pync_None) {
        if (pv_is_small(a[1]) || !pync_isinstance_type(a[1], &pync_str_type)) {
            return pync_raise_fmt(&pync_TypeError_type, "newline must be str or None, not %s", pync_type_name(a[1]));
        }
        if (pync_str_eq_cstr(a[1], "")) nl = NL_ANY;
        else if (pync_str_eq_cstr(a[1], "\n")) nl = NL_LF;
        else if (pync_str_eq_cstr(a[1], "\r")) nl = NL_CR;
        else if (pync_str_eq_cstr(a[1], "\r\n")) nl = NL_CRLF;
        else return pync_raise_fmt(&pync_ValueError_type, "illegal newline value: %R", a[1]);
    } else if (a[1] == pync_None) {
        nl = NL_NONE;
    }
    pv init = a[0];
    if (init && init != pync_None && (pv_is_small(init) || !pync_isinstance_type(init, &pync_str_type))) {
        return pync_raise_fmt(&pync_TypeError_type, "initial_value must be str or None, not %s", pync_type_name(init));
    }
    s->newline = nl;
    s->closed = false;
    s->size = s->pos = 0;
    if (init && init != pync_None) {
        if (sio_write_str(s, init) < 0) return 0;
        s->pos = 0;
    }
    return pync_None;
}

static pv sio_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    size_t size = type->basicsize > sizeof(stringio_obj) ? type->basicsize : sizeof(stringio_obj);
    stringio_obj *s = pync_gc_alloc(size, type);
    if (!s) return 0;
    if (reserve(&s->buf, 16, 0, sizeof(uint32_t)) < 0) return 0;
    if (args == NULL && nargs == 0 && !kwnames) return (pv)s;
    return sio_init((pv)s, args, nargs, kwnames) ? (pv)s : 0;
}

static pv sio_write(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("StringIO.write", nargs, kwnames) < 0) return 0;
    stringio_obj *s = S(self);
    if (s->closed) return closed_error(false);
    pv text = args[0];
    if (pv_is_small(text) || !pync_isinstance_type(text, &pync_str_type)) {
        return pync_raise_fmt(&pync_TypeError_type, "string argument expected, got '%s'", pync_type_name(text));
    }
    if (sio_write_str(s, text) < 0) return 0;
    return pync_int_from_u64(((const pync_strobj *)text)->length);
}

static pv sio_read(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_positional("read", nargs, kwnames, 0, 1) < 0) return 0;
    stringio_obj *s = S(self);
    int64_t n;
    if (size_arg(nargs ? args[0] : 0, &n) < 0) return 0;
    if (s->closed) return closed_error(false);
    if (s->pos >= s->size) return pync_str_from_cstr("");
    size_t avail = s->size - s->pos;
    size_t take = n < 0 || (uint64_t)n > avail ? avail : (size_t)n;
    pv r = sio_text(s, s->pos, s->pos + take);
    if (r) s->pos += take;
    return r;
}

/* the end of the line starting at the position, within limit code points */
static size_t sio_line_end(stringio_obj *s, int64_t limit) {
    size_t end = s->size;
    if (limit >= 0 && s->pos + (uint64_t)limit < end) end = s->pos + (size_t)limit;
    const uint32_t *c = cps(s);
    for (size_t i = s->pos; i < end; i++) {
        uint32_t cp = c[i];
        switch (s->newline) {
        case NL_ANY:
            if (cp == '\n') return i + 1;
            if (cp == '\r') return (i + 1 < end && c[i + 1] == '\n') ? i + 2 : i + 1;
            break;
        case NL_CR:
            if (cp == '\r') return i + 1;
            break;
        case NL_CRLF:
            if (cp == '\r' && i + 1 < end && c[i + 1] == '\n') return i + 2;
            break;
        default:
            if (cp == '\n') return i + 1;
            break;
        }
    }
    return end;
}

static pv sio_readline(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_positional("readline", nargs, kwnames, 0, 1) < 0) return 0;
    stringio_obj *s = S(self);
    int64_t limit;
    if (size_arg(nargs ? args[0] : 0, &limit) < 0) return 0;
    if (s->closed) return closed_error(false);
    if (s->pos >= s->size) return pync_str_from_cstr("");
    size_t end = sio_line_end(s, limit);
    pv r = sio_text(s, s->pos, end);
    if (r) s->pos = end;
    return r;
}

static pv sio_next(pv self) {
    stringio_obj *s = S(self);
    if (pv_type(self) != &pync_stringio_type) return ib_next(self);   /* a subclass's readline */
    if (s->closed) return closed_error(false);
    if (s->pos >= s->size) return 0;
    size_t end = sio_line_end(s, -1);
    pv r = sio_text(s, s->pos, end);
    if (r) s->pos = end;
    return r;
}

static pv sio_next_m(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("__next__", nargs, kwnames) < 0) return 0;
    pv r = sio_next(self);
    if (!r && !pync_current_exc) return pync_raise((pv)&pync_StopIteration_type);
    return r;
}

static pv sio_getvalue(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("StringIO.getvalue", nargs, kwnames) < 0) return 0;
    stringio_obj *s = S(self);
    if (s->closed) return closed_error(false);
    return sio_text(s, 0, s->size);
}

static pv sio_tell(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("StringIO.tell", nargs, kwnames) < 0) return 0;
    if (S(self)->closed) return closed_error(false);
    return pync_int_from_u64(S(self)->pos);
}

static pv sio_seek(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_positional("seek", nargs, kwnames, 1, 2) < 0) return 0;
    stringio_obj *s = S(self);
    int64_t pos, whence = 0;
    if (pync_index_or_raise(args[0], &pync_OverflowError_type, &pos) < 0) return 0;
    if (nargs > 1 && pync_index(args[1], &whence) < 0) return 0;
    if (s->closed) return closed_error(false);
    if (whence != 0 && whence != 1 && whence != 2) {
        return pync_raise_fmt(&pync_ValueError_type, "Invalid whence (%lld, should be 0, 1 or 2)", (long long)whence);
    }
    if (pos < 0 && whence == 0) return pync_raise_fmt(&pync_ValueError_type, "Negative seek position %lld", (long long)pos);
    if (whence != 0 && pos != 0) return pync_raise_fmt(&pync_OSError_type, "Can't do nonzero cur-relative seeks");
    if (whence == 1) pos = (int64_t)s->pos;
    else if (whence == 2) pos = (int64_t)s->size;
    s->pos = (size_t)pos;
    return pync_int_from_i64(pos);
}

static pv sio_truncate(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_positional("truncate", nargs, kwnames, 0, 1) < 0) return 0;
    stringio_obj *s = S(self);
    int64_t size = (int64_t)s->pos;
    if (nargs && args[0] != pync_None && pync_index_or_raise(args[0], &pync_OverflowError_type, &size) < 0) return 0;
    if (s->closed) return closed_error(false);
    if (size < 0) return pync_raise_fmt(&pync_ValueError_type, "Negative size value %lld", (long long)size);
    if ((uint64_t)size < s->size) s->size = (size_t)size;
    return pync_int_from_i64(size);
}

static pv sio_true(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("readable", nargs, kwnames) < 0) return 0;
    if (S(self)->closed) return closed_error(false);
    return pync_True;
}

static const pync_method_def stringio_methods[] = {
    {"write", sio_write, 0},
    {"read", sio_read, 0},
    {"readline", sio_readline, 0},
    {"getvalue", sio_getvalue, 0},
    {"tell", sio_tell, 0},
    {"seek", sio_seek, 0},
    {"truncate", sio_truncate, 0},
    {"readable", sio_true, 0},
    {"writable", sio_true, 0},
    {"seekable", sio_true, 0},
    {"__next__", sio_next_m, 0},
    {NULL, NULL, 0},
};

pync_type pync_stringio_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE,
    .name = "_io.StringIO",
    .base = &pync_iobase_type,
    .flags = PYNC_TF_BASETYPE,
    .basicsize = sizeof(stringio_obj),
    .trace = stringio_trace,
    .construct = sio_construct,
    .init = sio_init,
    .getattr = io_getattr,
    .iter = ib_iter,
    .next = sio_next,
    .methods = stringio_methods,
    .hash = pync_object_hash,
};

/* ==== BytesIO ======================================================================================= */

static bytesio_obj *B(pv v) { return (bytesio_obj *)v; }

static void bytesio_trace(pync_object *o) { pync_gc_visit_obj(((bytesio_obj *)o)->buf); }

static int bio_write_bytes(bytesio_obj *b, const uint8_t *p, size_t n) {
    size_t end = b->pos + n;
    if (end > b->size) {
        if (reserve(&b->buf, end, b->size, 1) < 0) return -1;
        if (b->pos > b->size) pync_memset(b->buf->data + b->size, 0, b->pos - b->size);
        b->size = end;
    }
    if (n) pync_memcpy(b->buf->data + b->pos, p, n);
    b->pos = end;
    return 0;
}

static pv bio_init(pv self, pv *args, size_t nargs, pv kwnames) {
    static const char *const names[] = {"initial_bytes", NULL};
    pv a[1];
    if (pync_parse_args("BytesIO", args, nargs, kwnames, names, 0, 1, a) < 0) return 0;
    bytesio_obj *b = B(self);
    b->closed = false;
    b->size = b->pos = 0;
    if (a[0] && a[0] != pync_None) {
        pync_bview bv;
        if (!pync_txt_bytes_like(a[0], &bv)) {
            return pync_raise_fmt(&pync_TypeError_type, "a bytes-like object is required, not '%s'", pync_type_name(a[0]));
        }
        pv copy = pync_bytes_new(bv.p, bv.n);
        if (!copy || bio_write_bytes(b, pync_bytes_data(copy), bv.n) < 0) return 0;
        b->pos = 0;
    }
    return pync_None;
}

static pv bio_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    size_t size = type->basicsize > sizeof(bytesio_obj) ? type->basicsize : sizeof(bytesio_obj);
    bytesio_obj *b = pync_gc_alloc(size, type);
    if (!b) return 0;
    if (reserve(&b->buf, 16, 0, 1) < 0) return 0;
    if (args == NULL && nargs == 0 && !kwnames) return (pv)b;
    return bio_init((pv)b, args, nargs, kwnames) ? (pv)b : 0;
}

static pv bio_write(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("BytesIO.write", nargs, kwnames) < 0) return 0;
    bytesio_obj *b = B(self);
    if (b->closed) return closed_error(true);
    pync_bview bv;
    if (!pync_txt_bytes_like(args[0], &bv)) {
        return pync_raise_fmt(&pync_TypeError_type, "a bytes-like object is required, not '%s'", pync_type_name(args[0]));
    }
    pv copy = pync_bytes_new(bv.p, bv.n);   /* the source may be this stream's own storage */
    if (!copy || bio_write_bytes(b, pync_bytes_data(copy), bv.n) < 0) return 0;
    return pync_int_from_u64(bv.n);
}

static pv bio_take(bytesio_obj *b, size_t n) {
    pv r = pync_bytes_new(b->buf->data + b->pos, n);
    if (r) b->pos += n;
    return r;
}

static pv bio_read_n(pv self, pv *args, size_t nargs, pv kwnames, const char *name) {
    if (pync_check_positional(name, nargs, kwnames, 0, 1) < 0) return 0;
    bytesio_obj *b = B(self);
    int64_t n;
    if (size_arg(nargs ? args[0] : 0, &n) < 0) return 0;
    if (b->closed) return closed_error(true);
    size_t avail = b->pos < b->size ? b->size - b->pos : 0;
    return bio_take(b, n < 0 || (uint64_t)n > avail ? avail : (size_t)n);
}

static pv bio_read(pv self, pv *args, size_t nargs, pv kwnames) { return bio_read_n(self, args, nargs, kwnames, "read"); }
static pv bio_read1(pv self, pv *args, size_t nargs, pv kwnames) { return bio_read_n(self, args, nargs, kwnames, "read1"); }

static size_t bio_line_end(bytesio_obj *b, int64_t limit) {
    size_t end = b->size;
    if (limit >= 0 && b->pos + (uint64_t)limit < end) end = b->pos + (size_t)limit;
    for (size_t i = b->pos; i < end; i++) {
        if (b->buf->data[i] == '\n') return i + 1;
    }
    return end;
}

static pv bio_readline(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_positional("readline", nargs, kwnames, 0, 1) < 0) return 0;
    bytesio_obj *b = B(self);
    int64_t limit;
    if (size_arg(nargs ? args[0] : 0, &limit) < 0) return 0;
    if (b->closed) return closed_error(true);
    if (b->pos >= b->size) return pync_bytes_new(NULL, 0);
    return bio_take(b, bio_line_end(b, limit) - b->pos);
}

static pv bio_next(pv self) {
    bytesio_obj *b = B(self);
    if (pv_type(self) != &pync_bytesio_type) return ib_next(self);
    if (b->closed) return closed_error(true);
    if (b->pos >= b->size) return 0;
    return bio_take(b, bio_line_end(b, -1) - b->pos);
}

static pv bio_next_m(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("__next__", nargs, kwnames) < 0) return 0;
    pv r = bio_next(self);
    if (!r && !pync_current_exc) return pync_raise((pv)&pync_StopIteration_type);
    return r;
}

static pv bio_getvalue(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("BytesIO.getvalue", nargs, kwnames) < 0) return 0;
    bytesio_obj *b = B(self);
    if (b->closed) return closed_error(true);
    return pync_bytes_new(b->buf->data, b->size);
}

static pv bio_tell(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("BytesIO.tell", nargs, kwnames) < 0) return 0;
    if (B(self)->closed) return closed_error(true);
    return pync_int_from_u64(B(self)->pos);
}

static pv bio_seek(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_positional("seek", nargs, kwnames, 1, 2) < 0) return 0;
    bytesio_obj *b = B(self);
    int64_t pos, whence = 0;
    if (pync_index_or_raise(args[0], &pync_OverflowError_type, &pos) < 0) return 0;
    if (nargs > 1 && pync_index(args[1], &whence) < 0) return 0;
    if (b->closed) return closed_error(true);
    if (whence == 0) {
        if (pos < 0) return pync_raise_fmt(&pync_ValueError_type, "negative seek value %lld", (long long)pos);
    } else if (whence == 1 || whence == 2) {
        int64_t base = (int64_t)(whence == 1 ? b->pos : b->size);
        pos = pos > INT64_MAX - base ? INT64_MAX : base + pos;
        if (pos < 0) pos = 0;
    } else {
        return pync_raise_fmt(&pync_ValueError_type, "invalid whence (%lld, should be 0, 1 or 2)", (long long)whence);
    }
    b->pos = (size_t)pos;
    return pync_int_from_i64(pos);
}

static pv bio_truncate(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_positional("truncate", nargs, kwnames, 0, 1) < 0) return 0;
    bytesio_obj *b = B(self);
    int64_t size = (int64_t)b->pos;
    if (nargs && args[0] != pync_None && pync_index_or_raise(args[0], &pync_OverflowError_type, &size) < 0) return 0;
    if (b->closed) return closed_error(true);
    if (size < 0) return pync_raise_fmt(&pync_ValueError_type, "negative size value %lld", (long long)size);
    if ((uint64_t)size < b->size) b->size = (size_t)size;
    return pync_int_from_i64(size);
}

static pv bio_readinto(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("BytesIO.readinto", nargs, kwnames) < 0) return 0;
    bytesio_obj *b = B(self);
    uint8_t *data;
    size_t len;
    pv dst = args[0];
    if (pync_txt_is_bytearray(dst)) {
        pync_bytearray *ba = (pync_bytearray *)dst;
        data = ba->buf ? ba->buf->data : NULL;
        len = ba->size;
    } else if (!pync_array_buffer_hook || !pync_array_buffer_hook(dst, &data, &len)) {
        return pync_raise_fmt(&pync_TypeError_type, "readinto() argument must be read-write bytes-like object, not %s",
                              pync_type_name(dst));
    }
    if (b->closed) return closed_error(true);
    size_t avail = b->pos < b->size ? b->size - b->pos : 0;
    size_t n = len < avail ? len : avail;
    if (n) pync_memcpy(data, b->buf->data + b->pos, n);
    b->pos += n;
    return pync_int_from_u64(n);
}

static pv bio_true(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("readable", nargs, kwnames) < 0) return 0;
    if (B(self)->closed) return closed_error(true);
    return pync_True;
}

static const pync_method_def bytesio_methods[] = {
    {"write", bio_write, 0},
    {"read", bio_read, 0},
    {"read1", bio_read1, 0},
    {"readline", bio_readline, 0},
    {"readinto", bio_readinto, 0},
    {"getvalue", bio_getvalue, 0},
    {"tell", bio_tell, 0},
    {"seek", bio_seek, 0},
    {"truncate", bio_truncate, 0},
    {"readable", bio_true, 0},
    {"writable", bio_true, 0},
    {"seekable", bio_true, 0},
    {"__next__", bio_next_m, 0},
    {NULL, NULL, 0},
};

pync_type pync_bytesio_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE,
    .name = "_io.BytesIO",
    .base = &pync_iobase_type,
    .flags = PYNC_TF_BASETYPE,
    .basicsize = sizeof(bytesio_obj),
    .trace = bytesio_trace,
    .construct = bio_construct,
    .init = bio_init,
    .getattr = io_getattr,
    .iter = ib_iter,
    .next = bio_next,
    .methods = bytesio_methods,
    .hash = pync_object_hash,
};

/* ==== the module ======================================================================================= */

static void io_roots(void) { pync_gc_visit(unsupported_operation); }

static int ready_type(pync_type *t, const char *qualname, const char *module) {
    if (t->state[0]->dict) return 0;
    if (pync_type_ready(t) < 0) return -1;
    t->state[0]->qualname = pync_str_from_cstr(qualname);
    t->state[0]->module = pync_str_from_cstr(module);
    return t->state[0]->qualname && t->state[0]->module ? 0 : -1;
}

/* The io classes' types readied and io.UnsupportedOperation made (open() needs them before any
   import of io). 0 or -1. */
int pync_io_ready(void) {
    if (ready_type(&pync_iobase_type, "IOBase", "io") < 0 || ready_type(&pync_stringio_type, "StringIO", "_io") < 0 ||
        ready_type(&pync_bytesio_type, "BytesIO", "_io") < 0) {
        return -1;
    }
    if (!unsupported_operation) {
        pync_register_static_roots(io_roots);
        pv ns = pync_dict_new();
        if (!ns || pync_dict_setitem(ns, pync_str_from_cstr("__module__"), pync_str_from_cstr("io")) < 0) return -1;
        pv name = pync_str_from_cstr("UnsupportedOperation");
        /* CPython's bases are (OSError, ValueError); pync's OSError layout cannot be combined
           with another exception's, so it is an OSError only */
        pv bases = pync_tuple_pack(1, (pv)&pync_OSError_type);
        if (!name || !bases) return -1;
        unsupported_operation = pync_class_new(name, name, bases, ns, 0);
        if (!unsupported_operation) return -1;
    }
    return 0;
}

/* Raises io.UnsupportedOperation(what); returns 0. */
pv pync_io_unsupported(const char *what) {
    if (pync_io_ready() < 0) return 0;
    return ib_unsupported(what);
}

/*
 * A StringIO holding the text of a file opened for reading, so the file's read, readline and
 * iteration are StringIO's: `newline` is open()'s argument. None translates '\r\n' and '\r' to
 * '\n' (StringIO's own None); otherwise the text is kept as it is and newline only says where
 * lines end ('': at any of '\r', '\n', '\r\n').
 */
pv pync_stringio_for_reading(pv text, pv newline) {
    if (newline == pync_None) {
        pv args[2] = {text, pync_None};
        return pync_call((pv)&pync_stringio_type, args, 2, 0);
    }
    pv args[2] = {text, pync_str_from_cstr("")};
    pv sio = pync_call((pv)&pync_stringio_type, args, 2, 0);
    if (!sio) return 0;
    if (pync_str_eq_cstr(newline, "\n")) S(sio)->newline = NL_LF;
    else if (pync_str_eq_cstr(newline, "\r")) S(sio)->newline = NL_CR;
    else if (pync_str_eq_cstr(newline, "\r\n")) S(sio)->newline = NL_CRLF;
    return sio;
}

/* A BytesIO holding the bytes of a file opened for reading. */
pv pync_bytesio_for_reading(pv data) {
    return pync_call1((pv)&pync_bytesio_type, data);
}

extern const pync_type pync_textiowrapper_type, pync_bufferedreader_type, pync_bufferedwriter_type;
int pync_file_types_ready(void);   /* fileio.c */

static int io_init(pv m) {
    if (pync_io_ready() < 0 || pync_file_types_ready() < 0) return -1;
    if (pync_module_add(m, "TextIOWrapper", (pv)&pync_textiowrapper_type) < 0 ||
        pync_module_add(m, "BufferedReader", (pv)&pync_bufferedreader_type) < 0 ||
        pync_module_add(m, "BufferedWriter", (pv)&pync_bufferedwriter_type) < 0 ||
        pync_module_add(m, "open", pync_builtin("open")) < 0) {
        return -1;
    }
    if (pync_module_add(m, "IOBase", (pv)&pync_iobase_type) < 0 || pync_module_add(m, "StringIO", (pv)&pync_stringio_type) < 0 ||
        pync_module_add(m, "BytesIO", (pv)&pync_bytesio_type) < 0 ||
        pync_module_add(m, "UnsupportedOperation", unsupported_operation) < 0 ||
        pync_module_add(m, "SEEK_SET", pv_from_small(0)) < 0 || pync_module_add(m, "SEEK_CUR", pv_from_small(1)) < 0 ||
        pync_module_add(m, "SEEK_END", pv_from_small(2)) < 0 ||
        pync_module_add(m, "DEFAULT_BUFFER_SIZE", pv_from_small(8192)) < 0) {
        return -1;
    }
    return 0;
}

const pync_builtin_module pync_mod_io = {"io", io_init};
