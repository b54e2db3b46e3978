/* mod_struct.c — the struct module: pack, unpack, calcsize, pack_into, unpack_from, iter_unpack,
 * the Struct type and struct.error, with CPython 3.11's formats, sizes, alignment and messages.
 *
 * A format is compiled once into a list of codes (format character, repeat count, offset, item
 * size, and which family of conversions packs it):
 *
 *   '@' (or none)  native sizes and alignment, native byte order, the "native" conversions
 *   '=' '<'        standard sizes, little-endian; '>' '!' standard sizes, big-endian
 *
 * CPython packs a standard-order code with its native conversion when the order is the
 * machine's own and the sizes agree (b B c s p x h H i I q Q e on a little-endian machine with
 * '<' or '='); the two families word their range errors differently ("short format requires
 * ..." against "'h' format requires ..."), so this file keeps that choice per code. An
 * OverflowError met while packing an int becomes struct.error("int too large to convert"). */
#include "numeric.h"
#include "containers.h"
#include "str_impl.h"

/* Every floating-point operation rounds on its own, as in CPython: no fused multiply-add. */
#pragma STDC FP_CONTRACT OFF

/* mod_array.c: the storage of an array.array (1 with data and size set), or 0 */

static pv struct_error;   /* the exception class struct.error */
static bool host_little;

/* The conversions a code uses. */
enum { K_NATIVE, K_LITTLE, K_BIG };

typedef struct scode {
    char fmt;
    uint8_t kind;
    int64_t offset;
    int64_t size;     /* bytes of one item; for 's' and 'p' the whole field */
    int64_t repeat;   /* items (1 for 's' and 'p') */
} scode;

typedef struct struct_obj {
    pync_object ob;
    pv format;             /* str */
    pync_rawbuf *codes;    /* scode[ncodes] */
    int64_t ncodes;
    int64_t size;          /* bytes packed */
    int64_t len;           /* values packed */
} struct_obj;

extern pync_type pync_struct_type, pync_struct_unpack_iterator_type;

static pv struct_err(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    pv msg = pync_str_vfmt(fmt, ap);
    va_end(ap);
    if (!msg) return 0;
    pv e = pync_call1(struct_error, msg);
    return e ? pync_raise(e) : 0;
}

/* ---- format compilation ------------------------------------------------------------------------------- */

/* native size and alignment of a format character, 0 size if it has no native form */
static int native_size(char c, int64_t *align) {
    int64_t s;
    switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': s = 1; break;
    case 'h': case 'H': case 'e': s = sizeof(short); break;
    case 'i': case 'I': s = sizeof(int); break;
    case 'l': case 'L': s = sizeof(long); break;
    case 'q': case 'Q': s = sizeof(long long); break;
    case 'n': case 'N': s = sizeof(size_t); break;
    case 'f': s = sizeof(float); break;
    case 'd': s = sizeof(double); break;
    case 'P': s = sizeof(void *); break;
    default: return 0;
    }
    /* every native type here is aligned to its size; padding and strings are not aligned */
    *align = (c == 'x' || c == 's' || c == 'p' || c == 'c') ? 0 : s;
    return (int)s;
}

static int standard_size(char c) {
    switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'l': case 'L': case 'f': return 4;
    case 'q': case 'Q': case 'd': return 8;
    default: return 0;
    }
}

static bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/* The format as ASCII bytes (a str is encoded as CPython does, with its UnicodeEncodeError). */
static pv format_bytes(pv format) {
    if (pync_txt_is_bytes(format)) return format;
    if (!pync_isinstance_type(format, &pync_str_type)) {
        return pync_raise_fmt(&pync_TypeError_type, "Struct() argument 1 must be a str or bytes object, not %T", format);
    }
    pv enc = pync_str_from_cstr("ascii");
    return enc ? pync_call_method(format, pync_str_from_cstr("encode"), &enc, 1, 0) : 0;
}

/* Compiles `format` into s (codes, size, len). 0 or -1. */
static int compile_format(struct_obj *s, pv format) {
    pv fb = format_bytes(format);
    if (!fb) return -1;
    const char *f = (const char *)pync_bytes_data(fb);
    size_t flen = ((pync_bytes *)fb)->size;
    if (pync_strlen(f) != flen) {
        struct_err("embedded null character");
        return -1;
    }
    char order = '@';
    if (*f == '@' || *f == '=' || *f == '<' || *f == '>' || *f == '!') order = *f++;
    bool native = order == '@';
    int kind_std = order == '<' ? K_LITTLE : order == '=' ? (host_little ? K_LITTLE : K_BIG) : K_BIG;
    bool std_is_host = !native && (kind_std == K_LITTLE) == host_little;

    /* first pass: sizes, counts and errors; second pass: the codes */
    for (int pass = 0; pass < 2; pass++) {
        int64_t size = 0, len = 0, ncodes = 0;
        scode *codes = pass ? (scode *)s->codes->data : NULL;
        for (const char *p = f; *p;) {
            char c = *p++;
            if (is_space(c)) continue;
            int64_t num = 1;
            if (c >= '0' && c <= '9') {
                num = c - '0';
                while (*p >= '0' && *p <= '9') {
                    int d = *p - '0';
                    if (num > (INT64_MAX - d) / 10) goto overflow;
                    num = num * 10 + d;
                    p++;
                }
                if (!*p) {
                    struct_err("repeat count given without format specifier");
                    return -1;
                }
                c = *p++;
            }
            int64_t itemsize, align = 0;
            if (native) {
                itemsize = native_size(c, &align);
            } else {
                itemsize = standard_size(c);
            }
            if (!itemsize) {
                struct_err("bad char in struct format");
                return -1;
            }
            if (align && size > 0) {
                int64_t extra = (align - 1) - (size - 1) % align;
                if (extra > INT64_MAX - size) goto overflow;
                size += extra;
            }
            if (num > (INT64_MAX - size) / itemsize) goto overflow;
            if (c == 's' || c == 'p') {
                if (pass) codes[ncodes] = (scode){c, K_NATIVE, size, num, 1};
                ncodes++;
                len++;
            } else if (c != 'x' && num) {
                uint8_t kind = K_NATIVE;
                if (!native) {
                    /* in the machine's own order, the native conversion where the sizes agree
                       (not for '?', 'f', 'd', whose standard forms differ) */
                    int64_t na;
                    bool same = std_is_host && native_size(c, &na) == itemsize && c != '?' && c != 'f' && c != 'd';
                    kind = same ? K_NATIVE : (uint8_t)kind_std;
                }
                if (pass) codes[ncodes] = (scode){c, kind, size, itemsize, num};
                ncodes++;
                len += num;
            }
            size += num * itemsize;
        }
        if (!pass) {
            s->codes = pync_rawbuf_new((size_t)(ncodes ? ncodes : 1) * sizeof(scode));
            if (!s->codes) return -1;
        }
        s->ncodes = ncodes;
        s->size = size;
        s->len = len;
    }
    return 0;
overflow:
    struct_err("total struct size too long");
    return -1;
}

/* ---- numbers --------------------------------------------------------------------------------------------- */

/* an int's sign and magnitude when it fits 64 bits (*big set otherwise) */
static void int_parts(pv v, bool *neg, uint64_t *mag, bool *big) {
    pync_mp_buf64 buf;
    const pync_mp *m = pync_int_mp(v, &buf);
    int32_t n = m->size < 0 ? -m->size : m->size;
    *neg = m->size < 0;
    *big = n > 2;
    *mag = n == 0 ? 0 : n == 1 ? m->d[0] : ((uint64_t)m->d[1] << 32) | m->d[0];
}

/* get_pylong: the int an argument stands for */
static pv get_int(pv v) {
    if (pync_is_int(v)) return v;
    if (pync_has_index(v)) return pync_number_index(v);
    return struct_err("required argument is not an integer");
}

/* CPython converts through a C long (get_long, get_ulong) for every integer code but q and Q:
   its range is what "argument out of range" means — 32 bits on a 32-bit target. */
#define C_LONG_BITS ((int)sizeof(long) * 8)

/* the value as a signed `bits`-bit int; "argument out of range" past it */
static int get_i64(pv v, int64_t *out, int bits) {
    pv i = get_int(v);
    if (!i) return -1;
    bool neg, big;
    uint64_t mag;
    int_parts(i, &neg, &mag, &big);
    uint64_t top = (uint64_t)1 << (bits - 1);
    if (big || mag > (neg ? top : top - 1)) {
        struct_err("argument out of range");
        return -1;
    }
    *out = neg ? (int64_t)(0 - mag) : (int64_t)mag;
    return 0;
}

/* the value as an unsigned `bits`-bit int; "argument out of range" if negative or past it */
static int get_u64(pv v, uint64_t *out, int bits) {
    pv i = get_int(v);
    if (!i) return -1;
    bool neg, big;
    int_parts(i, &neg, out, &big);
    if (big || (neg && *out) || (bits < 64 && *out >> bits)) {
        struct_err("argument out of range");
        return -1;
    }
    return 0;
}

/* PyFloat_AsDouble: float, __float__, then __index__ */
static int get_double(pv v, double *out) {
    const pync_type *t = pv_type(v);
    int r;
    if ((t->flags & PYNC_TF_HEAPTYPE) && !pync_is_float(v) && !pync_is_int(v) && !pync_type_lookup_cstr(t, "__float__") &&
        pync_type_lookup_cstr(t, "__index__")) {
        pv i = pync_number_index(v);
        r = i ? pync_int_to_double(i, out) : -1;
    } else {
        r = pync_as_double(v, out);
    }
    if (r < 0) {
        pync_exc_clear();
        struct_err("required argument is not a float");
        return -1;
    }
    return 0;
}

static void put_uint(uint8_t *p, uint64_t x, int64_t size, bool little) {
    for (int64_t i = 0; i < size; i++) p[little ? i : size - 1 - i] = (uint8_t)(x >> (8 * i));
}

static uint64_t get_uint(const uint8_t *p, int64_t size, bool little) {
    uint64_t x = 0;
    for (int64_t i = 0; i < size; i++) x |= (uint64_t)p[little ? i : size - 1 - i] << (8 * i);
    return x;
}

static pv range_error(char c, int64_t size, bool is_unsigned) {
    uint64_t ulargest = ((uint64_t)1 << (size * 8)) - 1;   /* size < 8 */
    if (is_unsigned) return struct_err("'%c' format requires 0 <= number <= %lld", c, (long long)ulargest);
    int64_t largest = (int64_t)(ulargest >> 1);
    return struct_err("'%c' format requires %lld <= number <= %lld", c, (long long)~largest, (long long)largest);
}

/* ---- half and single precision --------------------------------------------------------------------------- */

/* x rounded to an integer, ties to even (0 <= x < 2**52) */
static double round_even(double x) {
    double r = pync_floor(x), d = x - r;
    if (d > 0.5 || (d == 0.5 && ((int64_t)r & 1))) r += 1.0;
    return r;
}

/* IEEE 754 binary16 bits of x, rounded to nearest even; -1 with OverflowError when too large */
static int32_t half_bits(double x) {
    uint32_t sign = pync_copysign(1.0, x) < 0 ? 0x8000 : 0;
    double a = pync_fabs(x);
    if (pync_isnan(x)) return (int32_t)(sign | 0x7e00);
    if (pync_isinf(x)) return (int32_t)(sign | 0x7c00);
    if (a >= 65520.0) {
        pync_raise_fmt(&pync_OverflowError_type, "float too large to pack with e format");
        return -1;
    }
    if (a < 0x1p-14) {
        /* subnormal (a carry into 1024 is the smallest normal number, encoded the same way) */
        return (int32_t)(sign | (uint32_t)round_even(a * 0x1p24));
    }
    int e;
    double m = pync_frexp(a, &e);   /* a = m * 2**e, 0.5 <= m < 1 */
    e -= 1;                          /* a = (2m) * 2**e, 1 <= 2m < 2 */
    double bits = round_even(m * 2048.0);   /* 11 significant bits */
    if (bits == 2048.0) {
        bits = 1024.0;
        e += 1;
    }
    return (int32_t)(sign | (uint32_t)(e + 15) << 10 | ((uint32_t)bits - 1024));
}

static double half_value(uint32_t h) {
    double sign = (h & 0x8000) ? -1.0 : 1.0;
    uint32_t e = (h >> 10) & 0x1f, f = h & 0x3ff;
    if (e == 0x1f) return f ? pync_copysign(PYNC_NAN, sign) : sign * PYNC_INF;
    if (e == 0) return sign * ldexp((double)f, -24);
    return sign * ldexp((double)(f + 1024), (int)e - 25);
}

/* ---- packing ---------------------------------------------------------------------------------------------- */

static int pack_bytes_arg(char c, pv v, pync_bview *bv) {
    if (pync_txt_is_bytes(v) || pync_txt_is_bytearray(v)) {
        pync_txt_bytes_like(v, bv);
        return 0;
    }
    struct_err("argument for '%c' must be a bytes object", c);
    return -1;
}

static int pack_one(const scode *code, uint8_t *p, pv v) {
    char c = code->fmt;
    bool little = code->kind == K_NATIVE ? host_little : code->kind == K_LITTLE;
    int64_t size = code->size;
    int64_t x;
    uint64_t u;
    double d;
    switch (c) {
    case 'c': {
        if (!pync_txt_is_bytes(v) || ((pync_bytes *)v)->size != 1) {
            struct_err("char format requires a bytes object of length 1");
            return -1;
        }
        *p = pync_bytes_data(v)[0];
        return 0;
    }
    case 's': case 'p': {
        pync_bview bv;
        if (pack_bytes_arg(c, v, &bv) < 0) return -1;
        int64_t n = (int64_t)bv.n;
        if (c == 's') {
            if (n > size) n = size;
            pync_memcpy(p, bv.p, (size_t)n);
            return 0;
        }
        if (size == 0) return 0;
        if (n > size - 1) n = size - 1;
        pync_memcpy(p + 1, bv.p, (size_t)n);
        p[0] = (uint8_t)(n > 255 ? 255 : n);
        return 0;
    }
    case '?': {
        int t = pync_truth(v);
        if (t < 0) return -1;
        *p = (uint8_t)t;
        return 0;
    }
    case 'e': {
        if (get_double(v, &d) < 0) return -1;
        int32_t h = half_bits(d);
        if (h < 0) return -1;
        put_uint(p, (uint32_t)h, 2, little);
        return 0;
    }
    case 'f': {
        if (get_double(v, &d) < 0) return -1;
        float y = (float)d;
        if (code->kind != K_NATIVE && pync_isinf(y) && !pync_isinf(d)) {
            pync_raise_fmt(&pync_OverflowError_type, "float too large to pack with f format");
            return -1;
        }
        uint32_t b;
        pync_memcpy(&b, &y, 4);
        put_uint(p, b, 4, little);
        return 0;
    }
    case 'd': {
        if (get_double(v, &d) < 0) return -1;
        put_uint(p, pync_double_bits(d), 8, little);
        return 0;
    }
    case 'P': {
        /* PyLong_AsVoidPtr: negative values as a signed long, others unsigned */
        pv i = get_int(v);
        if (!i) return -1;
        bool neg, big;
        int_parts(i, &neg, &u, &big);
        uint64_t lim = size >= 8 ? UINT64_MAX : ((uint64_t)1 << (size * 8)) - 1;
        if (big || (neg ? u > (lim >> 1) + 1 : u > lim)) {
            pync_raise_fmt(&pync_OverflowError_type, "int too large to convert");
            return -1;
        }
        put_uint(p, neg ? 0 - u : u, size, little);
        return 0;
    }
    default: break;
    }
    /* integers */
    bool is_unsigned = c == 'B' || c == 'H' || c == 'I' || c == 'L' || c == 'Q' || c == 'N';
    if (code->kind == K_NATIVE) {
        int bits = c == 'q' || c == 'Q' ? 64 : C_LONG_BITS;
        if (is_unsigned && c != 'B' && c != 'H') {
            if (get_u64(v, &u, bits) < 0) return -1;
            if (size < 8 && u > ((uint64_t)1 << (size * 8)) - 1) {
                range_error(c, size, true);
                return -1;
            }
        } else {
            if (get_i64(v, &x, bits) < 0) return -1;
            const char *what = NULL;
            int64_t lo = 0, hi = 0;
            switch (c) {
            case 'b': what = "byte"; lo = -128; hi = 127; break;
            case 'B': what = "ubyte"; lo = 0; hi = 255; break;
            case 'h': what = "short"; lo = -32768; hi = 32767; break;
            case 'H': what = "ushort"; lo = 0; hi = 65535; break;
            default: break;
            }
            if (what && (x < lo || x > hi)) {
                struct_err("%s format requires %lld <= number <= %lld", what, (long long)lo, (long long)hi);
                return -1;
            }
            if (!what && size < 8 && (x < -((int64_t)1 << (size * 8 - 1)) || x > ((int64_t)1 << (size * 8 - 1)) - 1)) {
                range_error(c, size, false);
                return -1;
            }
            u = (uint64_t)x;
        }
        put_uint(p, u, size, little);
        return 0;
    }
    /* the standard conversions (bytes are packed as natively) */
    if (c == 'b' || c == 'B') {
        scode nc = *code;
        nc.kind = K_NATIVE;
        return pack_one(&nc, p, v);
    }
    if (size == 8) {
        /* _PyLong_AsByteArray */
        pv i = get_int(v);
        if (!i) return -1;
        bool neg, big;
        int_parts(i, &neg, &u, &big);
        if (is_unsigned && neg && u) {
            pync_raise_fmt(&pync_OverflowError_type, "can't convert negative int to unsigned");
            return -1;
        }
        if (big || (!is_unsigned && u > (neg ? (uint64_t)1 << 63 : ((uint64_t)1 << 63) - 1))) {
            pync_raise_fmt(&pync_OverflowError_type, "int too big to convert");
            return -1;
        }
        put_uint(p, neg ? 0 - u : u, 8, little);
        return 0;
    }
    if (is_unsigned) {
        if (get_u64(v, &u, C_LONG_BITS) < 0) return -1;
        if (u > ((uint64_t)1 << (size * 8)) - 1) {
            range_error(c, size, true);
            return -1;
        }
    } else {
        if (get_i64(v, &x, C_LONG_BITS) < 0) return -1;
        if (x < -((int64_t)1 << (size * 8 - 1)) || x > ((int64_t)1 << (size * 8 - 1)) - 1) {
            range_error(c, size, false);
            return -1;
        }
        u = (uint64_t)x;
    }
    put_uint(p, u, size, little);
    return 0;
}

/* Packs args[0..s->len) into buf (s->size bytes, zeroed by the caller). 0 or -1. */
static int pack_into_buf(struct_obj *s, uint8_t *buf, pv *args) {
    const scode *codes = (const scode *)s->codes->data;
    size_t k = 0;
    for (int64_t i = 0; i < s->ncodes; i++) {
        const scode *code = &codes[i];
        for (int64_t r = 0; r < code->repeat; r++) {
            pv v = args[k++];
            if (pack_one(code, buf + code->offset + r * code->size, v) < 0) {
                if (pync_is_int(v) && pync_current_exc && pync_isinstance_type(pync_current_exc, &pync_OverflowError_type)) {
                    pync_exc_clear();
                    struct_err("int too large to convert");
                }
                return -1;
            }
        }
    }
    return 0;
}

/* ---- unpacking --------------------------------------------------------------------------------------------- */

static pv unpack_one(const scode *code, const uint8_t *p) {
    char c = code->fmt;
    bool little = code->kind == K_NATIVE ? host_little : code->kind == K_LITTLE;
    int64_t size = code->size;
    switch (c) {
    case 'c': return pync_bytes_new(p, 1);
    case 's': return pync_bytes_new(p, (size_t)size);
    case 'p': {
        if (size == 0) return pync_raise_fmt(&pync_SystemError_type, "Negative size passed to PyBytes_FromStringAndSize");
        int64_t n = p[0];
        if (n >= size) n = size - 1;
        return pync_bytes_new(p + 1, (size_t)n);
    }
    case '?': return pync_bool(p[0] != 0);
    case 'e': return pync_float_new(half_value((uint32_t)get_uint(p, 2, little)));
    case 'f': {
        uint32_t b = (uint32_t)get_uint(p, 4, little);
        float y;
        pync_memcpy(&y, &b, 4);
        return pync_float_new((double)y);
    }
    case 'd': return pync_float_new(pync_bits_double(get_uint(p, 8, little)));
    default: break;
    }
    uint64_t u = get_uint(p, size, little);
    bool is_unsigned = c == 'B' || c == 'H' || c == 'I' || c == 'L' || c == 'Q' || c == 'N' || c == 'P';
    if (is_unsigned) return pync_int_from_u64(u);
    if (size < 8 && (u >> (size * 8 - 1)) & 1) u |= ~(uint64_t)0 << (size * 8);
    return pync_int_from_i64((int64_t)u);
}

static pv unpack_buf(struct_obj *s, const uint8_t *buf) {
    pv t = pync_tuple_new((size_t)s->len);
    if (!t) return 0;
    const scode *codes = (const scode *)s->codes->data;
    size_t k = 0;
    for (int64_t i = 0; i < s->ncodes; i++) {
        const scode *code = &codes[i];
        for (int64_t r = 0; r < code->repeat; r++) {
            pv v = unpack_one(code, buf + code->offset + r * code->size);
            if (!v) return 0;
            ((pync_tuple *)t)->items[k++] = v;
        }
    }
    return t;
}

/* ---- buffers ------------------------------------------------------------------------------------------------ */

static int read_buffer(pv v, pync_bview *out) {
    if (pync_txt_bytes_like(v, out)) return 0;
    pync_raise_fmt(&pync_TypeError_type, "a bytes-like object is required, not '%s'", pync_type_name(v));
    return -1;
}

static int write_buffer(pv v, uint8_t **data, size_t *size) {
    if (pync_txt_is_bytearray(v)) {
        pync_bytearray *a = (pync_bytearray *)v;
        *data = a->buf ? a->buf->data : NULL;
        *size = a->size;
        return 0;
    }
    if (pync_array_buffer_hook && pync_array_buffer_hook(v, data, size)) return 0;
    pync_raise_fmt(&pync_TypeError_type, "argument must be read-write bytes-like object, not %s", pync_type_name(v));
    return -1;
}

/* ---- the Struct type ---------------------------------------------------------------------------------------- */

static void struct_trace(pync_object *o) {
    struct_obj *s = (struct_obj *)o;
    pync_gc_visit(s->format);
    pync_gc_visit_obj(s->codes);
}

static pv struct_new_of(const pync_type *type, pv format) {
    size_t size = type->basicsize > sizeof(struct_obj) ? type->basicsize : sizeof(struct_obj);
    struct_obj *s = pync_gc_alloc(size, type);
    if (!s) return 0;
    if (compile_format(s, format) < 0) return 0;
    if (pync_txt_is_bytes(format)) {
        pync_bview bv;
        pync_txt_bytes_like(format, &bv);
        format = pync_str_from_utf8((const char *)bv.p, bv.n);
        if (!format) return 0;
    }
    s->format = format;
    return (pv)s;
}

static pv struct_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    static const char *const names[] = {"format", NULL};
    if (nargs + pync_kwcount(kwnames) > 1) {
        return pync_raise_fmt(&pync_TypeError_type, "Struct() takes at most 1 argument (%zd given)",
                              (ptrdiff_t)(nargs + pync_kwcount(kwnames)));
    }
    pv a[1];
    if (pync_parse_args("Struct", args, nargs, kwnames, names, 0, 1, a) < 0) return 0;
    if (!a[0]) return pync_raise_fmt(&pync_TypeError_type, "Struct() missing required argument 'format' (pos 1)");
    return struct_new_of(type, a[0]);
}

/* the Struct for a module-level function's format argument */
static struct_obj *struct_for(pv format) {
    if (!pv_is_small(format) && pync_isinstance_type(format, &pync_struct_type)) return (struct_obj *)format;
    return (struct_obj *)struct_new_of(&pync_struct_type, format);
}

static pv do_pack(struct_obj *s, pv *args, size_t nargs) {
    if ((int64_t)nargs != s->len) {
        return struct_err("pack expected %zd items for packing (got %zd)", (ptrdiff_t)s->len, (ptrdiff_t)nargs);
    }
    pv r = pync_bytes_alloc((size_t)s->size);
    if (!r) return 0;
    pync_memset(pync_bytes_data(r), 0, (size_t)s->size);
    return pack_into_buf(s, pync_bytes_data(r), args) < 0 ? 0 : r;
}

/* pack_into(buffer, offset, *values) */
static pv do_pack_into(struct_obj *s, pv *args, size_t nargs) {
    if ((int64_t)nargs != s->len + 2) {
        if (nargs == 0) return struct_err("pack_into expected buffer argument");
        if (nargs == 1) return struct_err("pack_into expected offset argument");
        return struct_err("pack_into expected %zd items for packing (got %zd)", (ptrdiff_t)s->len, (ptrdiff_t)(nargs - 2));
    }
    uint8_t *data;
    size_t blen;
    if (write_buffer(args[0], &data, &blen) < 0) return 0;
    int64_t offset, len = (int64_t)blen;
    if (pync_index_or_raise(args[1], &pync_IndexError_type, &offset) < 0) return 0;
    if (offset < 0) {
        if (offset + s->size > 0) return struct_err("no space to pack %zd bytes at offset %zd", (ptrdiff_t)s->size, (ptrdiff_t)offset);
        if (offset + len < 0) return struct_err("offset %zd out of range for %zd-byte buffer", (ptrdiff_t)offset, (ptrdiff_t)len);
        offset += len;
    }
    if (len - offset < s->size) {
        return struct_err("pack_into requires a buffer of at least %zd bytes for packing %zd bytes at offset %zd "
                          "(actual buffer size is %zd)",
                          (ptrdiff_t)(s->size + offset), (ptrdiff_t)s->size, (ptrdiff_t)offset, (ptrdiff_t)len);
    }
    /* pack into a scratch copy: converting the values may run code that resizes the buffer */
    pync_rawbuf *tmp = pync_rawbuf_new((size_t)s->size ? (size_t)s->size : 1);
    if (!tmp) return 0;
    pync_memset(tmp->data, 0, (size_t)s->size);   /* padding included, as CPython zeroes it */
    if (pack_into_buf(s, tmp->data, args + 2) < 0) return 0;
    if (write_buffer(args[0], &data, &blen) < 0) return 0;
    if ((int64_t)blen < offset + s->size) return struct_err("pack_into: the buffer changed size while packing");
    pync_memcpy(data + offset, tmp->data, (size_t)s->size);
    return pync_None;
}

static pv do_unpack(struct_obj *s, pv buffer) {
    pync_bview bv;
    if (read_buffer(buffer, &bv) < 0) return 0;
    if ((int64_t)bv.n != s->size) return struct_err("unpack requires a buffer of %zd bytes", (ptrdiff_t)s->size);
    return unpack_buf(s, bv.p);
}

static pv do_unpack_from(struct_obj *s, pv buffer, pv offset_arg) {
    pync_bview bv;
    if (read_buffer(buffer, &bv) < 0) return 0;
    int64_t offset = 0, len = (int64_t)bv.n;
    if (offset_arg && pync_index_or_raise(offset_arg, &pync_IndexError_type, &offset) < 0) return 0;
    if (offset < 0) {
        if (offset + len < 0) return struct_err("offset %zd out of range for %zd-byte buffer", (ptrdiff_t)offset, (ptrdiff_t)len);
        if (offset + s->size > 0) return struct_err("not enough data to unpack %zd bytes at offset %zd", (ptrdiff_t)s->size, (ptrdiff_t)offset);
        offset += len;
    }
    if (len - offset < s->size) {
        return struct_err("unpack_from requires a buffer of at least %zd bytes for unpacking %zd bytes at offset %zd "
                          "(actual buffer size is %zd)",
                          (ptrdiff_t)(s->size + offset), (ptrdiff_t)s->size, (ptrdiff_t)offset, (ptrdiff_t)len);
    }
    pync_txt_bytes_like(buffer, &bv);
    return unpack_buf(s, bv.p + offset);
}

/* ---- iter_unpack ---------------------------------------------------------------------------------------- */

typedef struct unpack_iter {
    pync_object ob;
    pv st;         /* the Struct */
    pv buffer;     /* 0 once exhausted */
    int64_t pos;
} unpack_iter;

static void unpack_iter_trace(pync_object *o) {
    unpack_iter *it = (unpack_iter *)o;
    pync_gc_visit(it->st);
    pync_gc_visit(it->buffer);
}

static pv unpack_iter_next(pv self) {
    unpack_iter *it = (unpack_iter *)self;
    if (!it->buffer) return 0;
    struct_obj *s = (struct_obj *)it->st;
    pync_bview bv;
    pync_txt_bytes_like(it->buffer, &bv);
    if (it->pos + s->size > (int64_t)bv.n) {
        it->buffer = 0;
        return 0;
    }
    pv r = unpack_buf(s, bv.p + it->pos);
    it->pos += s->size;
    return r;
}

static pv unpack_iter_self(pv self) { return self; }

static pv unpack_iter_length_hint(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("unpack_iterator.__length_hint__", nargs, kwnames) < 0) return 0;
    unpack_iter *it = (unpack_iter *)self;
    if (!it->buffer) return pv_from_small(0);
    pync_bview bv;
    pync_txt_bytes_like(it->buffer, &bv);
    int64_t left = ((int64_t)bv.n - it->pos) / ((struct_obj *)it->st)->size;
    return pync_int_from_i64(left > 0 ? left : 0);
}

static const pync_method_def unpack_iter_methods[] = {
    {"__length_hint__", unpack_iter_length_hint, 0},
    {NULL, NULL, 0},
};

pync_type pync_struct_unpack_iterator_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE,
    .name = "_struct.unpack_iterator",
    .base = &pync_object_type,
    .basicsize = sizeof(unpack_iter),
    .trace = unpack_iter_trace,
    .iter = unpack_iter_self,
    .next = unpack_iter_next,
    .methods = unpack_iter_methods,
    .hash = pync_object_hash,
};

static pv do_iter_unpack(struct_obj *s, pv buffer) {
    pync_bview bv;
    if (read_buffer(buffer, &bv) < 0) return 0;
    if (s->size == 0) return struct_err("cannot iteratively unpack with a struct of length 0");
    if ((int64_t)bv.n % s->size != 0) {
        return struct_err("iterative unpacking requires a buffer of a multiple of %zd bytes", (ptrdiff_t)s->size);
    }
    unpack_iter *it = pync_gc_alloc(sizeof(unpack_iter), &pync_struct_unpack_iterator_type);
    if (!it) return 0;
    it->st = (pv)s;
    it->buffer = buffer;
    return (pv)it;
}

/* ---- Struct methods --------------------------------------------------------------------------------------- */

static pv st_pack(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_no_kwargs("pack", kwnames) < 0) return 0;
    return do_pack((struct_obj *)self, args, nargs);
}

static pv st_pack_into(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_no_kwargs("pack_into", kwnames) < 0) return 0;
    return do_pack_into((struct_obj *)self, args, nargs);
}

static pv st_unpack(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("Struct.unpack", nargs, kwnames) < 0) return 0;
    return do_unpack((struct_obj *)self, args[0]);
}

static pv st_unpack_from(pv self, pv *args, size_t nargs, pv kwnames) {
    static const char *const names[] = {"buffer", "offset", NULL};
    if (nargs + pync_kwcount(kwnames) > 2) {
        return pync_raise_fmt(&pync_TypeError_type, "unpack_from() takes at most 2 arguments (%zd given)",
                              (ptrdiff_t)(nargs + pync_kwcount(kwnames)));
    }
    pv a[2];
    if (pync_parse_args("unpack_from", args, nargs, kwnames, names, 0, 2, a) < 0) return 0;
    if (!a[0]) return pync_raise_fmt(&pync_TypeError_type, "unpack_from() missing required argument 'buffer' (pos 1)");
    return do_unpack_from((struct_obj *)self, a[0], a[1]);
}

static pv st_iter_unpack(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("Struct.iter_unpack", nargs, kwnames) < 0) return 0;
    return do_iter_unpack((struct_obj *)self, args[0]);
}

static pv st_sizeof(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("Struct.__sizeof__", nargs, kwnames) < 0) return 0;
    struct_obj *s = (struct_obj *)self;
    return pync_int_from_i64((int64_t)sizeof(struct_obj) + s->ncodes * (int64_t)sizeof(scode));
}

static const pync_method_def struct_methods[] = {
    {"pack", st_pack, 0},
    {"pack_into", st_pack_into, 0},
    {"unpack", st_unpack, 0},
    {"unpack_from", st_unpack_from, 0},
    {"iter_unpack", st_iter_unpack, 0},
    {"__sizeof__", st_sizeof, 0},
    {NULL, NULL, 0},
};

static pv struct_getattr(pv self, pv name) {
    struct_obj *s = (struct_obj *)self;
    if (pync_str_eq_cstr(name, "format")) return s->format;
    if (pync_str_eq_cstr(name, "size")) return pync_int_from_i64(s->size);
    return pync_generic_getattr(self, name);
}

static int struct_setattr(pv self, pv name, pv value) {
    if (pync_str_eq_cstr(name, "format") || pync_str_eq_cstr(name, "size")) {
        pync_raise_fmt(&pync_AttributeError_type, "attribute '%U' of '_struct.Struct' objects is not writable", name);
        return -1;
    }
    return pync_generic_setattr(self, name, value);
}

pync_type pync_struct_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE,
    .name = "_struct.Struct",
    .base = &pync_object_type,
    .flags = PYNC_TF_BASETYPE,
    .basicsize = sizeof(struct_obj),
    .trace = struct_trace,
    .construct = struct_construct,
    .getattr = struct_getattr,
    .setattr = struct_setattr,
    .methods = struct_methods,
    .hash = pync_object_hash,
};

/* ---- module functions ------------------------------------------------------------------------------------- */

static pv m_calcsize(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_one_arg("_struct.calcsize", nargs, kwnames) < 0) return 0;
    struct_obj *s = struct_for(args[0]);
    return s ? pync_int_from_i64(s->size) : 0;
}

static pv m_pack(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_no_kwargs("pack", kwnames) < 0) return 0;
    if (nargs == 0) return pync_raise_fmt(&pync_TypeError_type, "missing format argument");
    struct_obj *s = struct_for(args[0]);
    return s ? do_pack(s, args + 1, nargs - 1) : 0;
}

static pv m_pack_into(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_no_kwargs("pack_into", kwnames) < 0) return 0;
    if (nargs == 0) return pync_raise_fmt(&pync_TypeError_type, "missing format argument");
    struct_obj *s = struct_for(args[0]);
    return s ? do_pack_into(s, args + 1, nargs - 1) : 0;
}

static pv m_unpack(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_positional("unpack", nargs, kwnames, 2, 2) < 0) return 0;
    struct_obj *s = struct_for(args[0]);
    return s ? do_unpack(s, args[1]) : 0;
}

static pv m_unpack_from(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    static const char *const names[] = {"format", "buffer", "offset", NULL};
    if (nargs == 0) {
        return pync_raise_fmt(&pync_TypeError_type, "unpack_from() takes at least 1 positional argument (0 given)");
    }
    if (nargs + pync_kwcount(kwnames) > 3) {
        return pync_raise_fmt(&pync_TypeError_type, "unpack_from() takes at most 3 arguments (%zd given)",
                              (ptrdiff_t)(nargs + pync_kwcount(kwnames)));
    }
    pv a[3];
    if (pync_parse_args("unpack_from", args, nargs, kwnames, names, 1, 3, a) < 0) return 0;
    if (!a[1]) return pync_raise_fmt(&pync_TypeError_type, "unpack_from() missing required argument 'buffer' (pos 2)");
    struct_obj *s = struct_for(a[0]);
    return s ? do_unpack_from(s, a[1], a[2]) : 0;
}

static pv m_iter_unpack(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_positional("iter_unpack", nargs, kwnames, 2, 2) < 0) return 0;
    struct_obj *s = struct_for(args[0]);
    return s ? do_iter_unpack(s, args[1]) : 0;
}

static const pync_method_def struct_functions[] = {
    {"calcsize", m_calcsize, 0},
    {"pack", m_pack, 0},
    {"pack_into", m_pack_into, 0},
    {"unpack", m_unpack, 0},
    {"unpack_from", m_unpack_from, 0},
    {"iter_unpack", m_iter_unpack, 0},
    {NULL, NULL, 0},
};

static void struct_roots(void) { pync_gc_visit(struct_error); }

static int ready_type(pync_type *t, const char *qualname, const char *module) {
    if (t->state[0]->dict) return 0;
    if (pync_type_ready(t) < 0) return -1;
    t->state[0]->qualname = pync_str_from_cstr(qualname);
    t->state[0]->module = pync_str_from_cstr(module);
    return t->state[0]->qualname && t->state[0]->module ? 0 : -1;
}

static int struct_init(pv m) {
    uint16_t probe = 1;
    host_little = *(uint8_t *)&probe == 1;
    if (ready_type(&pync_struct_type, "Struct", "_struct") < 0 ||
        ready_type(&pync_struct_unpack_iterator_type, "unpack_iterator", "_struct") < 0) {
        return -1;
    }
    if (!struct_error) {
        pync_register_static_roots(struct_roots);
        pv ns = pync_dict_new();
        if (!ns || pync_dict_setitem(ns, pync_str_from_cstr("__module__"), pync_str_from_cstr("struct")) < 0) return -1;
        pv name = pync_str_from_cstr("error");
        pv bases = pync_tuple_pack(1, (pv)&pync_Exception_type);
        if (!name || !bases) return -1;
        struct_error = pync_class_new(name, name, bases, ns, 0);
        if (!struct_error) return -1;
    }
    if (pync_module_add_functions(m, struct_functions) < 0 || pync_module_add(m, "Struct", (pv)&pync_struct_type) < 0 ||
        pync_module_add(m, "error", struct_error) < 0) {
        return -1;
    }
    return 0;
}

const pync_builtin_module pync_mod_struct = {"struct", struct_init};
