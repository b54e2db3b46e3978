/* fileio.c — open() and the file objects it returns: _io.TextIOWrapper for text modes,
 * _io.BufferedReader and _io.BufferedWriter for binary ones, over the platform's descriptors.
 *
 * A file opened for reading is read whole when it is opened and then served by an in-memory
 * StringIO (text: decoded, line endings as open()'s newline says) or BytesIO (binary), so read,
 * readline, readlines and iteration behave exactly as those classes do, and errors such as
 * IsADirectoryError come from open() as in CPython. A file opened for writing ('w', 'a', 'x')
 * keeps what is written in a buffer (encoded, '\n' translated when newline is '\r' or '\r\n')
 * that goes out when it passes 8 KiB, on flush() and close(), and at exit for files still open.
 *
 * Not supported, with io.UnsupportedOperation: '+' modes (reading and writing one file), seek,
 * tell and truncate. A file never closed keeps its descriptor until the program ends (there are
 * no finalizers); its pending output is still written at exit. */
#include "numeric.h"
#include "containers.h"
#include "str_impl.h"
#include "platform/platform.h"

#define WRITE_BUFFER 8192

/* mod_io.c */
int pync_io_ready(void);
pv pync_io_unsupported(const char *what);
pv pync_stringio_for_reading(pv text, pv newline);
pv pync_bytesio_for_reading(pv data);

extern const pync_type pync_textiowrapper_type, pync_bufferedreader_type, pync_bufferedwriter_type;

typedef struct file_obj {
    pync_object ob;
    bool closed;               /* where io.IOBase's methods look for it (mod_io.c) */
    bool text, readable, writable, closefd;
    int fd;
    pync_codec codec;
    pv name, mode;             /* as given to open() / the mode without duplicates */
    pv encoding, errors;       /* text files: the names given (errors: 'strict' by default) */
    pv newline;                /* text files: open()'s newline (None or a str) */
    pv inner;                  /* a reading file's StringIO / BytesIO */
    pync_rawbuf *wbuf;         /* a writing file's pending bytes */
    size_t wlen;
    struct file_obj *next_open;  /* writing files still open, flushed at exit */
} file_obj;

static file_obj *open_writers;

static file_obj *F(pv v) { return (file_obj *)v; }

static void file_trace(pync_object *o) {
    file_obj *f = (file_obj *)o;
    pync_gc_visit(f->name);
    pync_gc_visit(f->mode);
    pync_gc_visit(f->encoding);
    pync_gc_visit(f->errors);
    pync_gc_visit(f->newline);
    pync_gc_visit(f->inner);
    pync_gc_visit_obj(f->wbuf);
}

static void open_writers_roots(void) {
    for (file_obj *f = open_writers; f; f = f->next_open) pync_gc_visit((pv)f);
}

static void forget_writer(file_obj *f) {
    for (file_obj **p = &open_writers; *p; p = &(*p)->next_open) {
        if (*p == f) {
            *p = f->next_open;
            break;
        }
    }
    f->next_open = NULL;
}

/* Raises the OSError subclass for errno `err` (OSError(err, strerror, filename)); returns 0. */
static pv raise_os_error(int err, pv filename) {
    pv args[3] = {pv_from_small(err), pync_str_from_cstr(pync_platform_strerror(err)), filename};
    if (!args[1]) return 0;
    pv e = pync_call((pv)&pync_OSError_type, args, filename ? 3 : 2, 0);
    return e ? pync_raise(e) : 0;
}

static pv closed_error(void) { return pync_raise_fmt(&pync_ValueError_type, "I/O operation on closed file."); }

/* ---- writing ------------------------------------------------------------------------------- */

static int write_out(file_obj *f) {
    size_t done = 0;
    while (done < f->wlen) {
        long r = pync_platform_write(f->fd, f->wbuf->data + done, f->wlen - done);
        if (r < 0) {
            f->wlen = 0;
            raise_os_error((int)-r, 0);
            return -1;
        }
        done += (size_t)r;
    }
    f->wlen = 0;
    return 0;
}

static int buffer_bytes(file_obj *f, const uint8_t *p, size_t n) {
    if (f->wlen + n > WRITE_BUFFER && write_out(f) < 0) return -1;
    if (n >= WRITE_BUFFER) {
        f->wlen = 0;
        long r = pync_platform_write(f->fd, p, n);
        if (r < 0) {
            raise_os_error((int)-r, 0);
            return -1;
        }
        return 0;
    }
    if (!f->wbuf) {
        f->wbuf = pync_rawbuf_new(WRITE_BUFFER);
        if (!f->wbuf) return -1;
    }
    pync_memcpy(f->wbuf->data + f->wlen, p, n);
    f->wlen += n;
    return 0;
}

/* Writes every file still open for writing (at exit). */
void pync_files_flush_all(void) {
    for (file_obj *f = open_writers; f; f = f->next_open) {
        if (f->wlen && write_out(f) < 0) pync_exc_clear();
    }
}

/* text: '\n' becomes the newline argument when that is '\r' or '\r\n' */
static pv translate_newlines(file_obj *f, pv s) {
    if (f->newline == pync_None || pync_str_size(f->newline) == 0 || pync_str_eq_cstr(f->newline, "\n")) return s;
    pv args[2] = {pync_str_from_cstr("\n"), f->newline};
    return args[0] ? pync_call_method(s, pync_str_from_cstr("replace"), args, 2, 0) : 0;
}

static pv file_write(pv self, pv *args, size_t nargs, pv kwnames) {
    file_obj *f = F(self);
    if (pync_check_one_arg("write", nargs, kwnames) < 0) return 0;
    if (f->closed) return closed_error();
    if (!f->writable) return pync_io_unsupported("not writable");
    if (f->text) {
        if (!pync_isinstance_type(args[0], &pync_str_type)) {
            return pync_raise_fmt(&pync_TypeError_type, "write() argument must be str, not %s", pync_type_name(args[0]));
        }
        int64_t n = pync_len(args[0]);
        pv s = translate_newlines(f, args[0]);
        pv data = s ? pync_txt_encode(s, f->codec, f->errors) : 0;
        if (!data || buffer_bytes(f, (const uint8_t *)pync_bytes_data(data), (size_t)pync_len(data)) < 0) return 0;
        return pync_int_from_i64(n);
    }
    pync_bview bv;
    if (!pync_txt_bytes_like(args[0], &bv)) {
        return pync_raise_fmt(&pync_TypeError_type, "a bytes-like object is required, not '%s'", pync_type_name(args[0]));
    }
    if (buffer_bytes(f, bv.p, bv.n) < 0) return 0;
    return pync_int_from_u64(bv.n);
}

static pv file_flush(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("flush", nargs, kwnames) < 0) return 0;
    file_obj *f = F(self);
    if (f->closed) return closed_error();
    if (f->wlen && write_out(f) < 0) return 0;
    return pync_None;
}

static pv file_close(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("close", nargs, kwnames) < 0) return 0;
    file_obj *f = F(self);
    if (f->closed) return pync_None;
    /* closed even when the last write fails, which is then reported (as CPython does) */
    int status = f->wlen ? write_out(f) : 0;
    f->closed = true;
    f->inner = 0;
    if (f->writable) forget_writer(f);
    if (f->closefd) {
        int r = pync_platform_close(f->fd);
        if (r < 0 && status == 0) {
            raise_os_error(-r, 0);
            status = -1;
        }
    }
    return status < 0 ? 0 : pync_None;
}

/* ---- reading ------------------------------------------------------------------------------- */

/* The file's whole content as bytes. */
static pv read_all(int fd, pv filename) {
    size_t cap = 8192, n = 0;
    pync_rawbuf *buf = pync_rawbuf_new(cap);
    if (!buf) return 0;
    for (;;) {
        if (n == cap) {
            pync_rawbuf *bigger = pync_rawbuf_new(cap * 2);
            if (!bigger) return 0;
            pync_memcpy(bigger->data, buf->data, n);
            buf = bigger;
            cap *= 2;
        }
        long r = pync_platform_read(fd, buf->data + n, cap - n);
        if (r == 0) break;
        if (r < 0) {
            /* reading a directory is what fails here on Linux */
            return raise_os_error(21, filename);
        }
        n += (size_t)r;
    }
    return pync_bytes_new(buf->data, n);
}

/* the inner stream of a file open for reading, or 0 with the exception CPython raises */
static pv reader(pv self) {
    file_obj *f = F(self);
    if (f->closed) return closed_error();
    if (!f->readable) return pync_io_unsupported("not readable");
    return f->inner;
}

static pv forward(pv self, const char *method, pv *args, size_t nargs, pv kwnames) {
    pv inner = reader(self);
    return inner ? pync_call_method(inner, pync_str_from_cstr(method), args, nargs, kwnames) : 0;
}

static pv file_read(pv self, pv *args, size_t nargs, pv kwnames) { return forward(self, "read", args, nargs, kwnames); }
static pv file_readline(pv self, pv *args, size_t nargs, pv kwnames) { return forward(self, "readline", args, nargs, kwnames); }
static pv file_readlines(pv self, pv *args, size_t nargs, pv kwnames) { return forward(self, "readlines", args, nargs, kwnames); }

static pv file_iter(pv self) {
    file_obj *f = F(self);
    if (f->closed) return closed_error();
    return self;
}

static pv file_next(pv self) {
    pv inner = reader(self);
    return inner ? pv_type(inner)->next(inner) : 0;
}

static pv file_next_m(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("__next__", nargs, kwnames) < 0) return 0;
    pv r = file_next(self);
    if (!r && !pync_current_exc) return pync_raise((pv)&pync_StopIteration_type);
    return r;
}

/* ---- the rest ------------------------------------------------------------------------------ */

static pv file_readable(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("readable", nargs, kwnames) < 0) return 0;
    if (F(self)->closed) return closed_error();
    return pync_bool(F(self)->readable);
}

static pv file_writable(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("writable", nargs, kwnames) < 0) return 0;
    if (F(self)->closed) return closed_error();
    return pync_bool(F(self)->writable);
}

static pv file_seekable(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("seekable", nargs, kwnames) < 0) return 0;
    if (F(self)->closed) return closed_error();
    return pync_False;
}

static pv file_fileno(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("fileno", nargs, kwnames) < 0) return 0;
    if (F(self)->closed) return closed_error();
    return pv_from_small(F(self)->fd);
}

static pv file_unsupported(pv self, const char *what) {
    if (F(self)->closed) return closed_error();
    return pync_io_unsupported(what);
}
static pv file_seek(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args; (void)nargs; (void)kwnames;
    return file_unsupported(self, "pync: seek() on files is not supported");
}
static pv file_tell(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args; (void)nargs; (void)kwnames;
    return file_unsupported(self, "pync: tell() on files is not supported");
}
static pv file_truncate(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args; (void)nargs; (void)kwnames;
    return file_unsupported(self, "pync: truncate() on files is not supported");
}

static pv file_getattr(pv self, pv name) {
    pv r = pync_generic_getattr(self, name);
    if (r || !pync_exc_matches(pync_current_exc, (pv)&pync_AttributeError_type)) return r;
    file_obj *f = F(self);
    pv found = 0;
    if (pync_str_eq_cstr(name, "closed")) found = pync_bool(f->closed);
    else if (pync_str_eq_cstr(name, "name")) found = f->name;
    else if (pync_str_eq_cstr(name, "mode")) found = f->mode;
    else if (f->text && pync_str_eq_cstr(name, "encoding")) found = f->encoding;
    else if (f->text && pync_str_eq_cstr(name, "errors")) found = f->errors;
    else if (f->text && pync_str_eq_cstr(name, "line_buffering")) found = pync_False;
    else if (f->text && pync_str_eq_cstr(name, "newlines")) found = pync_None;
    if (!found) return 0;
    pync_exc_clear();
    return found;
}

static pv file_repr(pv self) {
    file_obj *f = F(self);
    const char *type = pv_type(self)->name;
    if (f->text) return pync_str_fmt("<_io.%s name=%R mode=%R encoding=%R>", type, f->name, f->mode, f->encoding);
    return pync_str_fmt("<_io.%s name=%R>", type, f->name);
}

PYNC_METHOD(file, read, file_read, 0);
PYNC_METHOD(file, readline, file_readline, 0);
PYNC_METHOD(file, readlines, file_readlines, 0);
PYNC_METHOD(file, write, file_write, 0);
PYNC_METHOD(file, flush, file_flush, 0);
PYNC_METHOD(file, close, file_close, 0);
PYNC_METHOD(file, readable, file_readable, 0);
PYNC_METHOD(file, writable, file_writable, 0);
PYNC_METHOD(file, seekable, file_seekable, 0);
PYNC_METHOD(file, fileno, file_fileno, 0);
PYNC_METHOD(file, seek, file_seek, 0);
PYNC_METHOD(file, tell, file_tell, 0);
PYNC_METHOD(file, truncate, file_truncate, 0);
PYNC_METHOD(file, __next__, file_next_m, 0);

#define FILE_TYPE(var, pyname)                                                                   \
    const pync_type var = {                                                                            \
        .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = pyname, .base = &pync_iobase_type,                     \
        .basicsize = sizeof(file_obj), .trace = file_trace, .getattr = file_getattr,            \
        .repr = file_repr, .iter = file_iter, .next = file_next, .method_list = pync_methods__file,       \
        .hash = pync_object_hash,                                                                \
    }
extern pync_type pync_iobase_type;
FILE_TYPE(pync_textiowrapper_type, "TextIOWrapper");
FILE_TYPE(pync_bufferedreader_type, "BufferedReader");
FILE_TYPE(pync_bufferedwriter_type, "BufferedWriter");

int pync_file_types_ready(void) {
    static bool done;
    if (done) return 0;
    const pync_type *types[] = {&pync_textiowrapper_type, &pync_bufferedreader_type, &pync_bufferedwriter_type};
    for (size_t i = 0; i < 3; i++) {
        if (pync_type_ready(types[i]) < 0) return -1;
        types[i]->state[0]->qualname = pync_str_from_cstr(types[i]->name);
        types[i]->state[0]->module = pync_str_from_cstr("_io");
        if (!types[i]->state[0]->qualname || !types[i]->state[0]->module) return -1;
    }
    pync_register_static_roots(open_writers_roots);
    done = true;
    return 0;
}

/* ---- open() -------------------------------------------------------------------------------- */

typedef struct parsed_mode {
    bool reading, writing, appending, creating, binary;
    char text[4];   /* the mode as f.mode shows it */
} parsed_mode;

static bool is_mode_char(char c) {
    for (const char *p = "rwxabt+"; *p; p++) {
        if (*p == c) return true;
    }
    return false;
}

static int parse_mode(pv mode, parsed_mode *m) {
    const char *s = pync_str_data(mode);
    size_t n = pync_str_size(mode);
    bool seen[128] = {false};
    bool text = false, updating = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 128 || !is_mode_char((char)c) || seen[c]) {
            pync_raise_fmt(&pync_ValueError_type, "invalid mode: '%U'", mode);
            return -1;
        }
        seen[c] = true;
    }
    m->reading = seen['r'];
    m->writing = seen['w'];
    m->appending = seen['a'];
    m->creating = seen['x'];
    m->binary = seen['b'];
    text = seen['t'];
    updating = seen['+'];
    if (text && m->binary) {
        pync_raise_fmt(&pync_ValueError_type, "can't have text and binary mode at once");
        return -1;
    }
    if (m->reading + m->writing + m->appending + m->creating != 1) {
        pync_raise_fmt(&pync_ValueError_type, "must have exactly one of create/read/write/append mode");
        return -1;
    }
    if (updating) {
        pync_io_unsupported("pync: file modes with '+' (reading and writing one file) are not supported");
        return -1;
    }
    size_t k = 0;
    m->text[k++] = m->reading ? 'r' : m->writing ? 'w' : m->appending ? 'a' : 'x';
    if (m->binary) m->text[k++] = 'b';
    m->text[k] = 0;
    return 0;
}

static int str_or_none(pv v, const char *what) {
    if (!v || v == pync_None || pync_isinstance_type(v, &pync_str_type)) return 0;
    pync_raise_fmt(&pync_TypeError_type, "open() argument '%s' must be str or None, not %s", what, pync_type_name(v));
    return -1;
}

pv pync_builtin_open(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    static const char *const names[] = {"file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener", NULL};
    pv a[8] = {0};
    if (pync_parse_args("open", args, nargs, kwnames, names, 0, 8, a) < 0) return 0;
    if (!a[0]) return pync_raise_fmt(&pync_TypeError_type, "open() missing required argument 'file' (pos 1)");
    if (pync_io_ready() < 0 || pync_file_types_ready() < 0) return 0;
    pv file = a[0];
    pv mode = a[1] ? a[1] : pync_str_from_cstr("r");
    if (!mode) return 0;
    if (!pync_isinstance_type(mode, &pync_str_type)) {
        return pync_raise_fmt(&pync_TypeError_type, "open() argument 'mode' must be str, not %s", pync_type_name(mode));
    }
    if (str_or_none(a[3], "encoding") < 0 || str_or_none(a[4], "errors") < 0 || str_or_none(a[5], "newline") < 0) return 0;
    if (a[7] && a[7] != pync_None) return pync_io_unsupported("pync: open() with an opener is not supported");
    pv newline = a[5] ? a[5] : pync_None;
    if (newline != pync_None) {
        if (!(pync_str_size(newline) == 0 || pync_str_eq_cstr(newline, "\n") || pync_str_eq_cstr(newline, "\r") ||
              pync_str_eq_cstr(newline, "\r\n"))) {
            return pync_raise_fmt(&pync_ValueError_type, "illegal newline value: %U", newline);
        }
    }
    parsed_mode m;
    if (parse_mode(mode, &m) < 0) return 0;
    if (m.binary && a[3] && a[3] != pync_None) return pync_raise_fmt(&pync_ValueError_type, "binary mode doesn't take an encoding argument");
    if (m.binary && a[4] && a[4] != pync_None) return pync_raise_fmt(&pync_ValueError_type, "binary mode doesn't take an errors argument");
    if (m.binary && newline != pync_None) return pync_raise_fmt(&pync_ValueError_type, "binary mode doesn't take a newline argument");
    if (a[2] && a[2] != pync_None) {
        int64_t buffering;
        if (pync_index_or_raise(a[2], &pync_OverflowError_type, &buffering) < 0) return 0;
        if (buffering == 0 && !m.binary) return pync_raise_fmt(&pync_ValueError_type, "can't have unbuffered text I/O");
    }
    pync_codec codec = PYNC_CODEC_UTF8;
    pv encoding = a[3] && a[3] != pync_None ? a[3] : pync_str_from_cstr("UTF-8");
    if (!encoding) return 0;
    if (!m.binary && a[3] && a[3] != pync_None && pync_txt_codec_lookup(a[3], &codec) < 0) return 0;
    pv errors = a[4] && a[4] != pync_None ? a[4] : pync_str_from_cstr("strict");
    if (!errors) return 0;

    /* the file: a path (str or bytes) or a descriptor */
    int fd;
    int closefd_truth = a[6] ? pync_truth(a[6]) : 1;
    if (closefd_truth < 0) return 0;
    bool closefd = closefd_truth > 0;
    if (pync_isinstance_type(file, &pync_int_type) && !pync_isinstance_type(file, &pync_bool_type)) {
        int64_t n;
        if (pync_index_or_raise(file, &pync_OverflowError_type, &n) < 0) return 0;
        if (n < 0 || n > 0x7fffffff) return pync_raise_fmt(&pync_ValueError_type, "negative file descriptor");
        fd = (int)n;
    } else {
        const char *path;
        size_t len;
        if (pync_isinstance_type(file, &pync_str_type)) {
            path = pync_str_data(file);
            len = pync_str_size(file);
        } else if (pync_isinstance_type(file, &pync_bytes_type)) {
            path = (const char *)pync_bytes_data(file);
            len = (size_t)pync_len(file);
        } else {
            return pync_raise_fmt(&pync_TypeError_type, "expected str, bytes or os.PathLike object, not %s", pync_type_name(file));
        }
        for (size_t i = 0; i < len; i++) {
            if (path[i] == 0) return pync_raise_fmt(&pync_ValueError_type, "embedded null byte");
        }
        if (!closefd) return pync_raise_fmt(&pync_ValueError_type, "Cannot use closefd=False with file name");
        /* a NUL-terminated copy */
        pync_rawbuf *z = pync_rawbuf_new(len + 1);
        if (!z) return 0;
        pync_memcpy(z->data, path, len);
        z->data[len] = 0;
        int flags = m.reading ? PYNC_OPEN_READ
                  : m.writing ? PYNC_OPEN_WRITE | PYNC_OPEN_CREATE | PYNC_OPEN_TRUNCATE
                  : m.appending ? PYNC_OPEN_WRITE | PYNC_OPEN_CREATE | PYNC_OPEN_APPEND
                  : PYNC_OPEN_WRITE | PYNC_OPEN_CREATE | PYNC_OPEN_EXCLUSIVE;
        fd = pync_platform_open((const char *)z->data, flags);
        if (fd < 0) return raise_os_error(-fd, file);
    }

    const pync_type *type = !m.binary ? &pync_textiowrapper_type : m.reading ? &pync_bufferedreader_type : &pync_bufferedwriter_type;
    file_obj *f = pync_gc_alloc(sizeof(file_obj), type);
    if (!f) {
        if (closefd) pync_platform_close(fd);
        return 0;
    }
    f->text = !m.binary;
    f->readable = m.reading;
    f->writable = !m.reading;
    f->closefd = closefd;
    f->fd = fd;
    f->codec = codec;
    f->name = file;
    f->mode = pync_str_from_cstr(m.text);
    f->encoding = encoding;
    f->errors = errors;
    f->newline = newline;
    if (!f->mode) return 0;
    if (f->readable) {
        pv data = read_all(fd, file);
        pv inner = 0;
        if (data) {
            if (m.binary) {
                inner = pync_bytesio_for_reading(data);
            } else {
                pv text = pync_txt_decode((const uint8_t *)pync_bytes_data(data), (size_t)pync_len(data), codec, errors);
                inner = text ? pync_stringio_for_reading(text, newline) : 0;
            }
        }
        if (!inner) {
            if (closefd) pync_platform_close(fd);
            f->closed = true;
            return 0;
        }
        f->inner = inner;
    } else {
        f->next_open = open_writers;
        open_writers = f;
    }
    return (pv)f;
}
