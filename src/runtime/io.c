/* io.c — buffered output to stdout and stderr, line input from stdin, and the sys.stdout /
 * sys.stderr objects (write, flush).
 *
 * stdout is block-buffered (flushed when full, by flush=True / sys.stdout.flush(), before reading
 * input, and at exit); stderr is written at once, as CPython does for a pipe. */
#include "pync.h"
#include "internal.h"
#include "platform/platform.h"

/* boards with little RAM set a smaller buffer */
#ifndef PYNC_STDOUT_BUFSIZE
#define PYNC_STDOUT_BUFSIZE 8192
#endif
#define OUT_BUFSIZE PYNC_STDOUT_BUFSIZE

static char out_buf[OUT_BUFSIZE];
static size_t out_len;

int pync_flush(int fd) {
    if (fd != 1 || out_len == 0) return 0;
    long r = pync_platform_write(1, out_buf, out_len);
    out_len = 0;
    return r < 0 ? -1 : 0;
}

int pync_write(int fd, const char *data, size_t size) {
    if (fd != 1) return pync_platform_write(fd, data, size) < 0 ? -1 : 0;
    if (out_len + size > OUT_BUFSIZE) {
        if (pync_flush(1) < 0) return -1;
        if (size > OUT_BUFSIZE) return pync_platform_write(1, data, size) < 0 ? -1 : 0;
    }
    pync_memcpy(out_buf + out_len, data, size);
    out_len += size;
    return 0;
}

/* One line from stdin without its newline; 0 with EOFError at end of input. */
pv pync_read_line(void) {
    pync_flush(1);
    pync_strbuf b;
    if (pync_strbuf_init(&b, 128) < 0) return 0;
    bool any = false;
    for (;;) {
        char c;
        long r = pync_platform_read(0, &c, 1);
        if (r <= 0) {
            if (!any) return pync_raise_fmt(&pync_EOFError_type, "EOF when reading a line");
            break;
        }
        any = true;
        if (c == '\n') break;
        if (pync_strbuf_append(&b, &c, 1) < 0) return 0;
    }
    return pync_strbuf_finish(&b);
}

/* ---- sys.stdout / sys.stderr ---------------------------------------------------------------- */

typedef struct textio {
    pync_object ob;
    int fd;
} textio;

static pv textio_write(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_args("write", nargs, kwnames, 1, 1) < 0) return 0;
    if (!pync_isinstance_type(args[0], &pync_str_type)) {
        return pync_raise_fmt(&pync_TypeError_type, "write() argument must be str, not %T", args[0]);
    }
    const pync_strobj *s = (const pync_strobj *)args[0];
    if (pync_write(((textio *)self)->fd, s->data, s->size) < 0) return pync_raise_fmt(&pync_OSError_type, "write failed");
    return pync_int_from_i64((int64_t)s->length);
}

static pv textio_flush(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_args("flush", nargs, kwnames, 0, 0) < 0) return 0;
    pync_flush(((textio *)self)->fd);
    return pync_None;
}

PYNC_METHOD(textio, write, textio_write, 0);
PYNC_METHOD(textio, flush, textio_flush, 0);

static pv textio_repr(pv self) {
    int fd = ((textio *)self)->fd;
    return pync_str_fmt("<_io.TextIOWrapper name='<%s>' mode='%s' encoding='utf-8'>",
                        fd == 0 ? "stdin" : fd == 1 ? "stdout" : "stderr", fd == 0 ? "r" : "w");
}

const pync_type pync_textio_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "TextIOWrapper", .flags = PYNC_TF_LEAF, .basicsize = sizeof(textio),
    .repr = textio_repr, .method_list = pync_methods__textio, .hash = pync_object_hash,
};

pv pync_textio_new(int fd) {
    textio *t = pync_gc_alloc(sizeof(textio), &pync_textio_type);
    if (!t) return 0;
    t->fd = fd;
    return (pv)t;
}

int pync_textio_fd(pv file) { return ((textio *)file)->fd; }
