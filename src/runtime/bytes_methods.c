/* bytes_methods.c — the methods bytes and bytearray share (CPython's Objects/bytes_methods.c and
 * friends): searching, splitting, stripping, replacing, case mapping and predicates (ASCII only),
 * padding, hex/fromhex, translate/maketrans, decode, join; plus both types' method tables.
 *
 * Each method is written once with a `ba` flag (the receiver is a bytearray): results have the
 * receiver's type, and error messages name the right type ("bytearray.upper() takes no
 * arguments"). The search and split engines are str_search.c's, on bytes. */
#include "str_impl.h"

/* ==== helpers ================================================================================ */

#define Q(ba, name) ((ba) ? "bytearray." name : "bytes." name)

static pv mk(bool ba, const uint8_t *p, size_t n) { return ba ? pync_bytearray_new(p, n) : pync_bytes_new(p, n); }

static pync_bview view(pv self) {
    pync_bview v;
    pync_txt_bytes_like(self, &v);
    return v;
}

/* The receiver unchanged: bytes returns itself, bytearray a copy. */
static pv same(pv self, bool ba) {
    if (!ba && pv_type(self) == &pync_bytes_type) return self;
    pync_bview v = view(self);
    return mk(ba, v.p, v.n);
}

static pv piece_bytes(pv src, size_t a, size_t b) {
    pync_bview v = view(src);
    if (a == 0 && b == v.n && pv_type(src) == &pync_bytes_type) return src;
    return pync_bytes_new(v.p + a, b - a);
}

static pv piece_bytearray(pv src, size_t a, size_t b) {
    pync_bview v = view(src);
    return pync_bytearray_new(v.p + a, b - a);
}

static pv need_bytes(pv v) {
    return pync_raise_fmt(&pync_TypeError_type, "a bytes-like object is required, not '%s'", pync_type_name(v));
}

/* A bytes-like argument, or TypeError. 0 or -1. */
static int arg_bytes(pv v, pync_bview *out) {
    if (pync_txt_bytes_like(v, out)) return 0;
    need_bytes(v);
    return -1;
}

/* The sub argument of find/count/index: bytes-like, or an int (a single byte held in *one). */
static int arg_sub(pv v, pync_bview *out, uint8_t *one) {
    if (pv_is_small(v) || pync_txt_is_index(v)) {
        int64_t x;
        if (pv_is_small(v)) x = pv_small(v);
        else {
            pv i = pync_number_index(v);
            if (!i) return -1;
            if (!pync_txt_as_i64(i, &x)) x = -1;
        }
        if (x < 0 || x > 255) {
            pync_raise_fmt(&pync_ValueError_type, "byte must be in range(0, 256)");
            return -1;
        }
        *one = (uint8_t)x;
        out->p = one;
        out->n = 1;
        return 0;
    }
    if (pync_txt_bytes_like(v, out)) return 0;
    pync_raise_fmt(&pync_TypeError_type, "argument should be integer or bytes-like object, not '%s'",
                   pync_type_name(v));
    return -1;
}

#define BOTH(NAME)                                                                                     \
    static pv b_##NAME(pv s, pv *a, size_t n, pv k) { return NAME##_impl(s, a, n, k, false); }        \
    static pv ba_##NAME(pv s, pv *a, size_t n, pv k) { return NAME##_impl(s, a, n, k, true); }

/* ==== find / index / count ======================================================================== */

/* -1 not found, -2 error, else the index */
static int64_t do_find(const char *name, const char *qual, pv self, pv *args, size_t nargs, pv kwnames,
                       bool reverse) {
    pv sub;
    int64_t start, end;
    if (pync_txt_parse_finds(name, qual, args, nargs, kwnames, &sub, &start, &end) < 0) return -2;
    pync_bview s;
    uint8_t one;
    if (arg_sub(sub, &s, &one) < 0) return -2;
    pync_bview v = view(self);
    pync_txt_adjust(&start, &end, (int64_t)v.n);
    if (end - start < (int64_t)s.n) return -1;
    if (s.n == 0) return reverse ? end : start;
    ptrdiff_t f = reverse ? pync_txt_rfind(v.p + start, (size_t)(end - start), s.p, s.n)
                          : pync_txt_find(v.p + start, (size_t)(end - start), s.p, s.n);
    return f < 0 ? -1 : start + f;
}

static pv find_impl(pv self, pv *args, size_t nargs, pv kwnames, bool ba) {
    int64_t r = do_find("find", Q(ba, "find"), self, args, nargs, kwnames, false);
    return r == -2 ? 0 : pync_int_from_i64(r);
}
static pv rfind_impl(pv self, pv *args, size_t nargs, pv kwnames, bool ba) {
    int64_t r = do_find("rfind", Q(ba, "rfind"), self, args, nargs, kwnames, true);
    return r == -2 ? 0 : pync_int_from_i64(r);
}
static pv index_impl(pv self, pv *args, size_t nargs, pv kwnames, bool ba) {
    int64_t r = do_find("index", Q(ba, "index"), self, args, nargs, kwnames, false);
    if (r == -2) return 0;
    if (r == -1) return pync_raise_fmt(&pync_ValueError_type, "subsection not found");
    return pync_int_from_i64(r);
}
static pv rindex_impl(pv self, pv *args, size_t nargs, pv kwnames, bool ba) {
    int64_t r = do_find("rindex", Q(ba, "rindex"), self, args, nargs, kwnames, true);
    if (r == -2) return 0;
    if (r == -1) return pync_raise_fmt(&pync_ValueError_type, "subsection not found");
    return pync_int_from_i64(r);
}
BOTH(find)
BOTH(rfind)
BOTH(index)
BOTH(rindex)

static pv count_impl(pv self, pv *args, size_t nargs, pv kwnames, bool ba) {
    pv sub;
    int64_t start, end;
    if (pync_txt_parse_finds("count", Q(ba, "count"), args, nargs, kwnames, &sub, &start, &end) < 0) return 0;
    pync_bview s;
    uint8_t one;
    if (arg_sub(sub, &s, &one) < 0) return 0;
    pync_bview v = view(self);
    pync_txt_adjust(&start, &end, (int64_t)v.n);
    if (end - start < (int64_t)s.n) return pv_from_small(0);
    if (s.n == 0) return pync_int_from_i64(end - start + 1);
    return pync_int_from_u64(pync_txt_count(v.p + start, (size_t)(end - start), s.p, s.n, SIZE_MAX));
}
BOTH(count)

/* ==== startswith / endswith ============================================================================ */

static int tailmatch(pv self, const pync_bview *s, int64_t start, int64_t end, bool at_end) {
    pync_bview v = view(self);
    pync_txt_adjust(&start, &end, (int64_t)v.n);
    end -= (int64_t)s->n;
    if (end < start) return 0;
    if (s->n == 0) return 1;
    const uint8_t *a = v.p + (at_end ? end : start);
    for (size_t i = 0; i < s->n; i++)
        if (a[i] != s->p[i]) return 0;
    return 1;
}

static pv starts_ends(const char *name, const char *qual, pv self, pv *args, size_t nargs, pv kwnames, bool at_end) {
    pv sub;
    int64_t start, end;
    if (pync_txt_parse_finds(name, qual, args, nargs, kwnames, &sub, &start, &end) < 0) return 0;
    pync_bview s;
    if (!pv_is_small(sub) && pync_isinstance_type(sub, &pync_tuple_type)) {
        pync_tuple *t = (pync_tuple *)sub;
        for (size_t i = 0; i < t->size; i++) {
            if (arg_bytes(t->items[i], &s) < 0) return 0;
            if (tailmatch(self, &s, start, end, at_end)) return pync_True;
        }
        return pync_False;
    }
    if (!pync_txt_bytes_like(sub, &s))
        return pync_raise_fmt(&pync_TypeError_type, "%s first arg must be bytes or a tuple of bytes, not %s", name,
                              pync_type_name(sub));
    return pync_bool(tailmatch(self, &s, start, end, at_end));
}

static pv startswith_impl(pv self, pv *args, size_t nargs, pv kwnames, bool ba) {
    return starts_ends("startswith", Q(ba, "startswith"), self, args, nargs, kwnames, false);
}
static pv endswith_impl(pv self, pv *args, size_t nargs, pv kwnames, bool ba) {
    return starts_ends("endswith", Q(ba, "endswith"), self, args, nargs, kwnames, true);
}
BOTH(startswith)
BOTH(endswith)

/* ==== split family ====================================================================================== */

static int split_args(const char *name, pv *args, size_t nargs, pv kwnames, pv *sep, int64_t *maxsplit) {
    static const char *const names[] = {"sep", "maxsplit"};
    pv a[2];
    if (pync_txt_kwargs(name, args, nargs, kwnames, names, 0, 2, a) < 0) return -1;
    *sep = a[0] ? a[0] : pync_None;
    *maxsplit = -1;
    pync_bview tmp;
    if (*sep != pync_None && arg_bytes(*sep, &tmp) < 0) return -1;
    if (a[1] && pync_txt_ssize(a[1], maxsplit) < 0) return -1;
    return 0;
}

static pv split_impl(pv self, pv *args, size_t nargs, pv kwnames, bool ba) {
    pv sep;
    int64_t maxsplit;
    if (split_args("split", args, nargs, kwnames, &sep, &maxsplit) < 0) return 0;
    pync_bview v = view(self);
    pync_txt_piece_fn pf = ba ? piece_bytearray : piece_bytes;
    if (sep == pync_None) return pync_txt_split_ws(self, v.p, v.n, maxsplit, pf, false);
    pync_bview s = view(sep);
    if (s.n == 0) return pync_raise_fmt(&pync_ValueError_type, "empty separator");
    if (sep == self) {
        pv copy = pync_bytes_new(s.p, s.n);
        if (!copy) return 0;
        s = view(copy);
    }
    return pync_txt_split_sep(self, v.p, v.n, s.p, s.n, maxsplit, pf);
}

static pv rsplit_impl(pv self, pv *args, size_t nargs, pv kwnames, bool ba) {
    pv sep;
    int64_t maxsplit;
    if (split_args("rsplit", args, nargs, kwnames, &sep, &maxsplit) < 0) return 0;
    pync_bview v = view(self);
    pync_txt_piece_fn pf = ba ? piece_bytearray : piece_bytes;
    if (sep == pync_None) return pync_txt_rsplit_ws(self, v.p, v.n, maxsplit, pf, false);
    pync_bview s = view(sep);
    if (s.n == 0) return pync_raise_fmt(&pync_ValueError_type, "empty separator");
    return pync_txt_rsplit_sep(self, v.p, v.n, s.p, s.n, maxsplit, pf);
}
BOTH(split)
BOTH(rsplit)

static pv splitlines_impl(pv self, pv *args, size_t nargs, pv kwnames, bool ba) {
    static const char *const names[] = {"keepends"};
    pv a[1];
    if (pync_txt_kwargs("splitlines", args, nargs, kwnames, names, 0, 1, a) < 0) return 0;
    int keep = 0;
    if (a[0]) {
        if (!pync_txt_is_index(a[0]))
            return pync_raise_fmt(&pync_TypeError_type, "'%s' object cannot be interpreted as an integer",
                                  pync_type_name(a[0]));
        keep = pync_truth(a[0]);
        if (keep < 0) return 0;
    }
    pync_bview v = view(self);
    return pync_txt_splitlines(self, v.p, v.n, keep != 0, ba ? piece_bytearray : piece_bytes, false);
}
BOTH(splitlines)

static pv do_partition(pv self, pv *args, size_t nargs, pv kwnames, bool ba, bool reverse) {
    if (pync_txt_onearg(reverse ? Q(ba, "rpartition") : Q(ba, "partition"), nargs, kwnames) < 0) return 0;
    pync_bview s;
    if (arg_bytes(args[0], &s) < 0) return 0;
    /* bytes returns the separator object itself; bytearray a bytearray copy */
    pv sepobj = ba ? mk(true, s.p, s.n) : args[0];
    if (!sepobj) return 0;
    pv e1 = mk(ba, NULL, 0);
    if (!e1) return 0;
    pync_bview v = view(self);
    s = view(sepobj);
    if (s.n == 0) return pync_raise_fmt(&pync_ValueError_type, "empty separator");
    if (!ba) return pync_txt_partition(self, v.p, v.n, s.p, s.n, sepobj, reverse, piece_bytes, e1);
    /* bytearray: three distinct empty objects when not found */
    ptrdiff_t f = reverse ? pync_txt_rfind(v.p, v.n, s.p, s.n) : pync_txt_find(v.p, v.n, s.p, s.n);
    if (f < 0) {
        pv whole = mk(true, v.p, v.n);
        pv e2 = mk(true, NULL, 0);
        if (!whole || !e2) return 0;
        return reverse ? pync_tuple_pack(3, e1, e2, whole) : pync_tuple_pack(3, whole, e1, e2);
    }
    pv a = mk(true, v.p, (size_t)f);
    if (!a) return 0;
    v = view(self);
    pv c = mk(true, v.p + f + s.n, v.n - (size_t)f - s.n);
    if (!c) return 0;
    return pync_tuple_pack(3, a, sepobj, c);
}

static pv partition_impl(pv self, pv *args, size_t nargs, pv kwnames, bool ba) {
    return do_partition(self, args, nargs, kwnames, ba, false);
}
static pv rpartition_impl(pv self, pv *args, size_t nargs, pv kwnames, bool ba) {
    return do_partition(self, args, nargs, kwnames, ba, true);
}
BOTH(partition)
BOTH(rpartition)

/* ==== replace, join ===================================================================================== */

static pv replace_impl(pv self, pv *args, size_t nargs, pv kwnames, bool ba) {
    if (pync_txt_posargs("replace", Q(ba, "replace"), nargs, kwnames, 2, 3) < 0) return 0;
    pync_bview o, w;
    if (arg_bytes(args[0], &o) < 0 || arg_bytes(args[1], &w) < 0) return 0;
    int64_t count = -1;
    if (nargs > 2 && pync_txt_ssize(args[2], &count) < 0) return 0;
    /* copies, in case an argument is the receiver (a bytearray) */
    pv oc = pync_bytes_new(o.p, o.n), wc = oc ? pync_bytes_new(w.p, w.n) : 0;
    if (!wc) return 0;
    o = view(oc);
    w = view(wc);
    pync_bview v = view(self);
    size_t k;
    size_t size = pync_txt_replace_size(v.p, v.n, o.n, w.n, o.p, count < 0 ? SIZE_MAX : (size_t)count, false, &k);
    if (k == 0) return same(self, ba);
    pv r = ba ? pync_bytearray_new(NULL, 0) : pync_bytes_alloc(size);
    if (!r) return 0;
    pync_bview rv;
    if (ba) {
        pv tmp = pync_bytes_alloc(size);
        if (!tmp) return 0;
        v = view(self);
        pync_txt_replace_fill(pync_bytes_data(tmp), v.p, v.n, o.p, o.n, w.p, w.n, k, false);
        rv = view(tmp);
        return pync_bytearray_new(rv.p, rv.n);
    }
    v = view(self);
    pync_txt_replace_fill(pync_bytes_data(r), v.p, v.n, o.p, o.n, w.p, w.n, k, false);
    return r;
}
BOTH(replace)

static pv join_impl(pv self, pv *args, size_t nargs, pv kwnames, bool ba) {
    if (pync_txt_onearg(Q(ba, "join"), nargs, kwnames) < 0) return 0;
    pv iterable = args[0];
    pv seq = pync_list_from_iterable(iterable);
    if (!seq) {
        if (pync_current_exc && pync_isinstance_type(pync_current_exc, &pync_TypeError_type) &&
            !pv_type(iterable)->iter) {
            pync_exc_clear();
            return pync_raise_fmt(&pync_TypeError_type, "can only join an iterable");
        }
        return 0;
    }
    pync_list *l = (pync_list *)seq;
    size_t total = 0;
    pync_bview sv = view(self);
    for (size_t i = 0; i < l->size; i++) {
        pync_bview x;
        if (!pync_txt_bytes_like(l->items[i], &x))
            return pync_raise_fmt(&pync_TypeError_type, "sequence item %zd: expected a bytes-like object, %s found",
                                  (ptrdiff_t)i, pync_type_name(l->items[i]));
        total += x.n;
        if (i) total += sv.n;
    }
    if (!ba && l->size == 1 && pv_type(l->items[0]) == &pync_bytes_type) return l->items[0];
    pv r = pync_bytes_alloc(total);
    if (!r) return 0;
    uint8_t *w = pync_bytes_data(r);
    sv = view(self);
    for (size_t i = 0; i < l->size; i++) {
        if (i) {
            pync_memcpy(w, sv.p, sv.n);
            w += sv.n;
        }
        pync_bview x = view(l->items[i]);
        pync_memcpy(w, x.p, x.n);
        w += x.n;
    }
    if (!ba) return r;
    return pync_bytearray_new(pync_bytes_data(r), total);
}
BOTH(join)

/* ==== strip, removeprefix/suffix ========================================================================== */

static pv do_strip(const char *name, const char *qual, pv self, pv *args, size_t nargs, pv kwnames, bool ba,
                   int which) {
    if (pync_txt_posargs(name, qual, nargs, kwnames, 0, 1) < 0) return 0;
    pv chars = nargs ? args[0] : pync_None;
    uint8_t set[32] = {0};
    if (chars == pync_None) {
        static const uint8_t ws[] = " \t\n\r\x0b\x0c";
        for (size_t k = 0; k < 6; k++) set[ws[k] >> 3] |= (uint8_t)(1u << (ws[k] & 7));
    } else {
        pync_bview c;
        if (arg_bytes(chars, &c) < 0) return 0;
        for (size_t k = 0; k < c.n; k++) set[c.p[k] >> 3] |= (uint8_t)(1u << (c.p[k] & 7));
    }
    pync_bview v = view(self);
    size_t i = 0, j = v.n;
#define INSET(b) ((set[(b) >> 3] >> ((b) & 7)) & 1)
    if (which & 1)
        while (i < j && INSET(v.p[i])) i++;
    if (which & 2)
        while (j > i && INSET(v.p[j - 1])) j--;
#undef INSET
    return ba ? piece_bytearray(self, i, j) : piece_bytes(self, i, j);
}

static pv strip_impl(pv self, pv *args, size_t nargs, pv kwnames, bool ba) {
    return do_strip("strip", Q(ba, "strip"), self, args, nargs, kwnames, ba, 3);
}
static pv lstrip_impl(pv self, pv *args, size_t nargs, pv kwnames, bool ba) {
    return do_strip("lstrip", Q(ba, "lstrip"), self, args, nargs, kwnames, ba, 1);
}
static pv rstrip_impl(pv self, pv *args, size_t nargs, pv kwnames, bool ba) {
    return do_strip("rstrip", Q(ba, "rstrip"), self, args, nargs, kwnames, ba, 2);
}
BOTH(strip)
BOTH(lstrip)
BOTH(rstrip)

static pv affix(pv self, pv *args, size_t nargs, pv kwnames, bool ba, bool suffix) {
    if (pync_txt_onearg(suffix ? Q(ba, "removesuffix") : Q(ba, "removeprefix"), nargs, kwnames) < 0) return 0;
    pync_bview a;
    if (arg_bytes(args[0], &a) < 0) return 0;
    pync_bview v = view(self);
    if (a.n && a.n <= v.n) {
        const uint8_t *d = v.p + (suffix ? v.n - a.n : 0);
        size_t k = 0;
        while (k < a.n && d[k] == a.p[k]) k++;
        if (k == a.n) return suffix ? mk(ba, v.p, v.n - a.n) : mk(ba, v.p + a.n, v.n - a.n);
    }
    return same(self, ba);
}

static pv removeprefix_impl(pv self, pv *args, size_t nargs, pv kwnames, bool ba) {
    return affix(self, args, nargs, kwnames, ba, false);
}
static pv removesuffix_impl(pv self, pv *args, size_t nargs, pv kwnames, bool ba) {
    return affix(self, args, nargs, kwnames, ba, true);
}
BOTH(removeprefix)
BOTH(removesuffix)

/* ==== case mapping and predicates ============================================================================ */

static pv case_op(pv self, bool ba, int op) {
    pync_bview v = view(self);
    pv r = pync_bytes_alloc(v.n);
    if (!r) return 0;
    v = view(self);
    pync_txt_ascii_case(v.p, v.n, pync_bytes_data(r), op);
    if (!ba) return r;
    return pync_bytearray_new(pync_bytes_data(r), v.n);
}

#define CASE(NAME, OP)                                                                  \
    static pv NAME##_impl(pv self, pv *args, size_t nargs, pv kwnames, bool ba) {       \
        (void)args;                                                                     \
        if (pync_txt_noargs(Q(ba, #NAME), nargs, kwnames) < 0) return 0;                \
        return case_op(self, ba, OP);                                                   \
    }                                                                                   \
    BOTH(NAME)
CASE(lower, 'l')
CASE(upper, 'u')
CASE(swapcase, 's')
CASE(capitalize, 'c')
CASE(title, 't')

#define PRED(NAME, OP)                                                                  \
    static pv NAME##_impl(pv self, pv *args, size_t nargs, pv kwnames, bool ba) {       \
        (void)args;                                                                     \
        if (pync_txt_noargs(Q(ba, #NAME), nargs, kwnames) < 0) return 0;                \
        pync_bview v = view(self);                                                      \
        return pync_bool(pync_txt_ascii_pred(v.p, v.n, OP));                            \
    }                                                                                   \
    BOTH(NAME)
PRED(isalpha, 'a')
PRED(isalnum, 'n')
PRED(isdigit, 'd')
PRED(isspace, 's')
PRED(islower, 'l')
PRED(isupper, 'u')
PRED(istitle, 't')
PRED(isascii, 'A')

/* ==== padding ================================================================================================= */

static pv padded(pv self, bool ba, int64_t left64, int64_t right64, uint8_t fill) {
    pync_bview v = view(self);
    if (pync_check_alloc_size((uint64_t)left64 + (uint64_t)right64 + v.n) < 0) return 0;
    size_t left = (size_t)left64, right = (size_t)right64;
    size_t total = v.n + left + right;
    pv r = pync_bytes_alloc(total);
    if (!r) return 0;
    v = view(self);
    uint8_t *w = pync_bytes_data(r);
    pync_memset(w, fill, left);
    pync_memcpy(w + left, v.p, v.n);
    pync_memset(w + left + v.n, fill, right);
    if (!ba) return r;
    return pync_bytearray_new(w, total);
}

static pv justify(const char *name, const char *qual, pv self, pv *args, size_t nargs, pv kwnames, bool ba, int which) {
    if (pync_txt_posargs(name, qual, nargs, kwnames, 1, 2) < 0) return 0;
    int64_t width;
    if (pync_txt_ssize(args[0], &width) < 0) return 0;
    uint8_t fill = ' ';
    if (nargs > 1) {
        pync_bview f;
        if (!pync_txt_bytes_like(args[1], &f) || f.n != 1)
            return pync_raise_fmt(&pync_TypeError_type, "%s() argument 2 must be a byte string of length 1, not %s",
                                  name, pync_txt_argtype(args[1]));
        fill = f.p[0];
    }
    int64_t len = (int64_t)view(self).n;
    if (len >= width) return same(self, ba);
    int64_t marg = width - len;
    int64_t left = which == 1 ? 0 : which == 2 ? marg : marg / 2 + (marg & width & 1);
    return padded(self, ba, left, marg - left, fill);
}

static pv center_impl(pv self, pv *args, size_t nargs, pv kwnames, bool ba) {
    return justify("center", Q(ba, "center"), self, args, nargs, kwnames, ba, 0);
}
static pv ljust_impl(pv self, pv *args, size_t nargs, pv kwnames, bool ba) {
    return justify("ljust", Q(ba, "ljust"), self, args, nargs, kwnames, ba, 1);
}
static pv rjust_impl(pv self, pv *args, size_t nargs, pv kwnames, bool ba) {
    return justify("rjust", Q(ba, "rjust"), self, args, nargs, kwnames, ba, 2);
}
BOTH(center)
BOTH(ljust)
BOTH(rjust)

static pv zfill_impl(pv self, pv *args, size_t nargs, pv kwnames, bool ba) {
    if (pync_txt_onearg(Q(ba, "zfill"), nargs, kwnames) < 0) return 0;
    int64_t width;
    if (pync_txt_ssize(args[0], &width) < 0) return 0;
    int64_t len = (int64_t)view(self).n;
    if (len >= width) return same(self, ba);
    if (pync_check_alloc_size((uint64_t)width) < 0) return 0;
    size_t fill = (size_t)(width - len);
    pync_bview v = view(self);
    pv r = pync_bytes_alloc((size_t)width);
    if (!r) return 0;
    uint8_t *w = pync_bytes_data(r);
    pync_memset(w, '0', fill);
    pync_memcpy(w + fill, v.p, v.n);
    if (w[fill] == '+' || w[fill] == '-') {
        w[0] = w[fill];
        w[fill] = '0';
    }
    if (!ba) return r;
    return pync_bytearray_new(w, (size_t)width);
}
BOTH(zfill)

static pv expandtabs_impl(pv self, pv *args, size_t nargs, pv kwnames, bool ba) {
    static const char *const names[] = {"tabsize"};
    pv a[1];
    if (pync_txt_kwargs("expandtabs", args, nargs, kwnames, names, 0, 1, a) < 0) return 0;
    int64_t tabsize = 8;
    if (a[0] && pync_txt_ssize(a[0], &tabsize) < 0) return 0;
    if (tabsize < INT32_MIN || tabsize > INT32_MAX) /* a C int in CPython */
        return pync_raise_fmt(&pync_OverflowError_type, "Python int too large to convert to C int");
    pync_bview v = view(self);
    uint64_t col = 0, size = 0;
    for (size_t i = 0; i < v.n; i++) {
        if (v.p[i] == '\t') {
            if (tabsize > 0) {
                uint64_t inc = (uint64_t)tabsize - col % (uint64_t)tabsize;
                col += inc;
                size += inc;
                if (size > (uint64_t)INT64_MAX / 2) return pync_raise_fmt(&pync_OverflowError_type, "result too long");
            }
        } else {
            size++;
            col++;
            if (v.p[i] == '\n' || v.p[i] == '\r') col = 0;
        }
    }
    if (pync_check_alloc_size(size) < 0) return 0;
    pv r = pync_bytes_alloc((size_t)size);
    if (!r) return 0;
    v = view(self);
    uint8_t *w = pync_bytes_data(r);
    col = 0;
    for (size_t i = 0; i < v.n; i++) {
        if (v.p[i] == '\t') {
            if (tabsize > 0) {
                uint64_t inc = (uint64_t)tabsize - col % (uint64_t)tabsize;
                col += inc;
                while (inc--) *w++ = ' ';
            }
        } else {
            *w++ = v.p[i];
            col++;
            if (v.p[i] == '\n' || v.p[i] == '\r') col = 0;
        }
    }
    if (!ba) return r;
    return pync_bytearray_new(pync_bytes_data(r), (size_t)size);
}
BOTH(expandtabs)

/* ==== hex / fromhex ================================================================================================ */

static const char hexd[] = "0123456789abcdef";

static pv hex_impl(pv self, pv *args, size_t nargs, pv kwnames, bool ba) {
    (void)ba;
    static const char *const names[] = {"sep", "bytes_per_sep"};
    pv a[2];
    if (pync_txt_kwargs("hex", args, nargs, kwnames, names, 0, 2, a) < 0) return 0;
    int64_t per = 1;
    if (a[1]) {
        if (pync_txt_ssize(a[1], &per) < 0) return 0;
        if (per > INT32_MAX || per < INT32_MIN)
            return pync_raise_fmt(&pync_OverflowError_type, "Python int too large to convert to C int");
    }
    char sep = 0;
    if (a[0]) {
        pv s = a[0];
        size_t n;
        const uint8_t *p;
        pync_bview bv;
        if (pync_txt_is_str(s)) {
            n = pync_txt_s(s)->length;
            p = (const uint8_t *)pync_str_data(s);
        } else if (pync_txt_bytes_like(s, &bv)) {
            n = bv.n;
            p = bv.p;
        } else {
            return pync_raise_fmt(&pync_TypeError_type, "object of type '%s' has no len()", pync_type_name(s));
        }
        if (n != 1) return pync_raise_fmt(&pync_ValueError_type, "sep must be length 1.");
        if (p[0] >= 128) return pync_raise_fmt(&pync_ValueError_type, "sep must be ASCII.");
        sep = (char)p[0];
    }
    pync_bview v = view(self);
    size_t n = v.n;
    if (!sep || per == 0 || n == 0) {
        pv r = pync_txt_alloc(2 * n, 2 * n);
        if (!r) return 0;
        v = view(self);
        char *w = pync_txt_wdata(r);
        for (size_t i = 0; i < n; i++) {
            w[2 * i] = hexd[v.p[i] >> 4];
            w[2 * i + 1] = hexd[v.p[i] & 15];
        }
        return r;
    }
    uint64_t group = per < 0 ? (uint64_t)(-per) : (uint64_t)per;
    size_t nseps = group >= n ? 0 : (n - 1) / (size_t)group;
    size_t total = 2 * n + nseps;
    pv r = pync_txt_alloc(total, total);
    if (!r) return 0;
    v = view(self);
    char *w = pync_txt_wdata(r);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        /* a separator before byte i when a group boundary falls there */
        if (i > 0) {
            bool boundary = per > 0 ? (n - i) % group == 0 : i % group == 0;
            if (boundary) w[k++] = sep;
        }
        w[k++] = hexd[v.p[i] >> 4];
        w[k++] = hexd[v.p[i] & 15];
    }
    return r;
}
BOTH(hex)

static int hexval(uint32_t c) {
    if (c >= '0' && c <= '9') return (int)(c - '0');
    if (c >= 'a' && c <= 'f') return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') return (int)(c - 'A' + 10);
    return -1;
}

static pv fromhex_impl(pv self, pv *args, size_t nargs, pv kwnames, bool ba) {
    if (pync_txt_onearg(ba ? "bytearray.fromhex" : "bytes.fromhex", nargs, kwnames) < 0) return 0;
    pv s = args[0];
    if (!pync_txt_is_str(s))
        return pync_raise_fmt(&pync_TypeError_type, "fromhex() argument must be str, not %s", pync_txt_argtype(s));
    const char *d = pync_str_data(s);
    size_t n = pync_str_size(s), pos = 0, idx = 0;
    pv out = pync_bytes_alloc(n / 2);
    if (!out) return 0;
    uint8_t *w = pync_bytes_data(out);
    size_t k = 0;
    while (pos < n) {
        uint32_t c = pync_utf8_decode(d, &pos);
        if (c < 128 && pync_txt_isspace_ascii((uint8_t)c)) {
            idx++;
            continue;
        }
        int hi = hexval(c);
        if (hi < 0) goto bad;
        idx++;
        if (pos >= n) goto bad;
        c = pync_utf8_decode(d, &pos);
        int lo = hexval(c);
        if (lo < 0) goto bad;
        idx++;
        w[k++] = (uint8_t)(hi * 16 + lo);
    }
    {
        pv r = mk(ba, w, k);
        if (!r) return 0;
        /* a subclass: cls(result) */
        const pync_type *cls = NULL;
        if (self && !pv_is_small(self) && pync_isinstance_type(self, &pync_type_type)) cls = (const pync_type *)self;
        if (cls && cls != &pync_bytes_type && cls != &pync_bytearray_type) return pync_call1((pv)cls, r);
        return r;
    }
bad:
    return pync_raise_fmt(&pync_ValueError_type, "non-hexadecimal number found in fromhex() arg at position %zd",
                          (ptrdiff_t)idx);
}
BOTH(fromhex)

/* ==== translate / maketrans / decode ================================================================================ */

static pv translate_impl(pv self, pv *args, size_t nargs, pv kwnames, bool ba) {
    static const char *const names[] = {"table", "delete"};
    pv a[2];
    /* table is positional-only */
    if (nargs == 0)
        return pync_raise_fmt(&pync_TypeError_type, "translate() takes at least 1 positional argument (0 given)");
    if (pync_txt_kwargs("translate", args, nargs, kwnames, names, 1, 2, a) < 0) return 0;
    pync_bview t = {NULL, 0}, del = {NULL, 0};
    if (a[0] != pync_None) {
        if (arg_bytes(a[0], &t) < 0) return 0;
        if (t.n != 256) return pync_raise_fmt(&pync_ValueError_type, "translation table must be 256 characters long");
    }
    if (a[1] && arg_bytes(a[1], &del) < 0) return 0;
    uint8_t table[256], delset[32] = {0};
    for (int i = 0; i < 256; i++) table[i] = t.p ? t.p[i] : (uint8_t)i;
    for (size_t i = 0; i < del.n; i++) delset[del.p[i] >> 3] |= (uint8_t)(1u << (del.p[i] & 7));
    pync_bview v = view(self);
    size_t keep = 0;
    for (size_t i = 0; i < v.n; i++) keep += !((delset[v.p[i] >> 3] >> (v.p[i] & 7)) & 1);
    pv r = pync_bytes_alloc(keep);
    if (!r) return 0;
    v = view(self);
    uint8_t *w = pync_bytes_data(r);
    for (size_t i = 0; i < v.n; i++)
        if (!((delset[v.p[i] >> 3] >> (v.p[i] & 7)) & 1)) *w++ = table[v.p[i]];
    if (!ba) return r;
    return pync_bytearray_new(pync_bytes_data(r), keep);
}
BOTH(translate)

static pv maketrans_impl(pv self, pv *args, size_t nargs, pv kwnames, bool ba) {
    (void)self;
    (void)ba;
    if (pync_txt_posargs("maketrans", "bytes.maketrans", nargs, kwnames, 2, 2) < 0) return 0;
    pync_bview f, t;
    if (arg_bytes(args[0], &f) < 0 || arg_bytes(args[1], &t) < 0) return 0;
    if (f.n != t.n) return pync_raise_fmt(&pync_ValueError_type, "maketrans arguments must have same length");
    pv r = pync_bytes_alloc(256);
    if (!r) return 0;
    uint8_t *w = pync_bytes_data(r);
    for (int i = 0; i < 256; i++) w[i] = (uint8_t)i;
    f = view(args[0]);
    t = view(args[1]);
    for (size_t i = 0; i < f.n; i++) w[f.p[i]] = t.p[i];
    return r;
}
BOTH(maketrans)

static pv decode_impl(pv self, pv *args, size_t nargs, pv kwnames, bool ba) {
    (void)ba;
    static const char *const names[] = {"encoding", "errors"};
    pv a[2];
    if (pync_txt_kwargs("decode", args, nargs, kwnames, names, 0, 2, a) < 0) return 0;
    pync_bview v = view(self);
    return pync_txt_decode_args("decode", v.p, v.n, a[0], a[1]);
}
BOTH(decode)

/* ==== the tables ======================================================================================================= */

pv pync_bytearray_m_append(pv, pv *, size_t, pv);
pv pync_bytearray_m_extend(pv, pv *, size_t, pv);
pv pync_bytearray_m_pop(pv, pv *, size_t, pv);
pv pync_bytearray_m_insert(pv, pv *, size_t, pv);
pv pync_bytearray_m_remove(pv, pv *, size_t, pv);
pv pync_bytearray_m_reverse(pv, pv *, size_t, pv);
pv pync_bytearray_m_clear(pv, pv *, size_t, pv);
pv pync_bytearray_m_copy(pv, pv *, size_t, pv);
pv pync_bytearray_m_alloc(pv, pv *, size_t, pv);
pv pync_bytearray_m_sizeof(pv, pv *, size_t, pv);
pv pync_bytes_m_sizeof(pv, pv *, size_t, pv);
pv pync_bytes_m_getnewargs(pv, pv *, size_t, pv);
pv pync_bytes_m_bytes(pv, pv *, size_t, pv);

PYNC_METHOD(bytes, capitalize, b_capitalize, 0);
PYNC_METHOD(bytes, center, b_center, 0);
PYNC_METHOD(bytes, count, b_count, 0);
PYNC_METHOD(bytes, decode, b_decode, 0);
PYNC_METHOD(bytes, endswith, b_endswith, 0);
PYNC_METHOD(bytes, expandtabs, b_expandtabs, 0);
PYNC_METHOD(bytes, find, b_find, 0);
PYNC_METHOD(bytes, fromhex, b_fromhex, PYNC_METH_CLASS);
PYNC_METHOD(bytes, hex, b_hex, 0);
PYNC_METHOD(bytes, index, b_index, 0);
PYNC_METHOD(bytes, isalnum, b_isalnum, 0);
PYNC_METHOD(bytes, isalpha, b_isalpha, 0);
PYNC_METHOD(bytes, isascii, b_isascii, 0);
PYNC_METHOD(bytes, isdigit, b_isdigit, 0);
PYNC_METHOD(bytes, islower, b_islower, 0);
PYNC_METHOD(bytes, isspace, b_isspace, 0);
PYNC_METHOD(bytes, istitle, b_istitle, 0);
PYNC_METHOD(bytes, isupper, b_isupper, 0);
PYNC_METHOD(bytes, join, b_join, 0);
PYNC_METHOD(bytes, ljust, b_ljust, 0);
PYNC_METHOD(bytes, lower, b_lower, 0);
PYNC_METHOD(bytes, lstrip, b_lstrip, 0);
PYNC_METHOD(bytes, maketrans, b_maketrans, PYNC_METH_STATIC);
PYNC_METHOD(bytes, partition, b_partition, 0);
PYNC_METHOD(bytes, removeprefix, b_removeprefix, 0);
PYNC_METHOD(bytes, removesuffix, b_removesuffix, 0);
PYNC_METHOD(bytes, replace, b_replace, 0);
PYNC_METHOD(bytes, rfind, b_rfind, 0);
PYNC_METHOD(bytes, rindex, b_rindex, 0);
PYNC_METHOD(bytes, rjust, b_rjust, 0);
PYNC_METHOD(bytes, rpartition, b_rpartition, 0);
PYNC_METHOD(bytes, rsplit, b_rsplit, 0);
PYNC_METHOD(bytes, rstrip, b_rstrip, 0);
PYNC_METHOD(bytes, split, b_split, 0);
PYNC_METHOD(bytes, splitlines, b_splitlines, 0);
PYNC_METHOD(bytes, startswith, b_startswith, 0);
PYNC_METHOD(bytes, strip, b_strip, 0);
PYNC_METHOD(bytes, swapcase, b_swapcase, 0);
PYNC_METHOD(bytes, title, b_title, 0);
PYNC_METHOD(bytes, translate, b_translate, 0);
PYNC_METHOD(bytes, upper, b_upper, 0);
PYNC_METHOD(bytes, zfill, b_zfill, 0);
PYNC_METHOD(bytes, __getnewargs__, pync_bytes_m_getnewargs, 0);
PYNC_METHOD(bytes, __bytes__, pync_bytes_m_bytes, 0);
PYNC_METHOD(bytes, __sizeof__, pync_bytes_m_sizeof, 0);

PYNC_METHOD(bytearray, capitalize, ba_capitalize, 0);
PYNC_METHOD(bytearray, center, ba_center, 0);
PYNC_METHOD(bytearray, count, ba_count, 0);
PYNC_METHOD(bytearray, decode, ba_decode, 0);
PYNC_METHOD(bytearray, endswith, ba_endswith, 0);
PYNC_METHOD(bytearray, expandtabs, ba_expandtabs, 0);
PYNC_METHOD(bytearray, find, ba_find, 0);
PYNC_METHOD(bytearray, fromhex, ba_fromhex, PYNC_METH_CLASS);
PYNC_METHOD(bytearray, hex, ba_hex, 0);
PYNC_METHOD(bytearray, index, ba_index, 0);
PYNC_METHOD(bytearray, isalnum, ba_isalnum, 0);
PYNC_METHOD(bytearray, isalpha, ba_isalpha, 0);
PYNC_METHOD(bytearray, isascii, ba_isascii, 0);
PYNC_METHOD(bytearray, isdigit, ba_isdigit, 0);
PYNC_METHOD(bytearray, islower, ba_islower, 0);
PYNC_METHOD(bytearray, isspace, ba_isspace, 0);
PYNC_METHOD(bytearray, istitle, ba_istitle, 0);
PYNC_METHOD(bytearray, isupper, ba_isupper, 0);
PYNC_METHOD(bytearray, join, ba_join, 0);
PYNC_METHOD(bytearray, ljust, ba_ljust, 0);
PYNC_METHOD(bytearray, lower, ba_lower, 0);
PYNC_METHOD(bytearray, lstrip, ba_lstrip, 0);
PYNC_METHOD(bytearray, maketrans, ba_maketrans, PYNC_METH_STATIC);
PYNC_METHOD(bytearray, partition, ba_partition, 0);
PYNC_METHOD(bytearray, removeprefix, ba_removeprefix, 0);
PYNC_METHOD(bytearray, removesuffix, ba_removesuffix, 0);
PYNC_METHOD(bytearray, replace, ba_replace, 0);
PYNC_METHOD(bytearray, rfind, ba_rfind, 0);
PYNC_METHOD(bytearray, rindex, ba_rindex, 0);
PYNC_METHOD(bytearray, rjust, ba_rjust, 0);
PYNC_METHOD(bytearray, rpartition, ba_rpartition, 0);
PYNC_METHOD(bytearray, rsplit, ba_rsplit, 0);
PYNC_METHOD(bytearray, rstrip, ba_rstrip, 0);
PYNC_METHOD(bytearray, split, ba_split, 0);
PYNC_METHOD(bytearray, splitlines, ba_splitlines, 0);
PYNC_METHOD(bytearray, startswith, ba_startswith, 0);
PYNC_METHOD(bytearray, strip, ba_strip, 0);
PYNC_METHOD(bytearray, swapcase, ba_swapcase, 0);
PYNC_METHOD(bytearray, title, ba_title, 0);
PYNC_METHOD(bytearray, translate, ba_translate, 0);
PYNC_METHOD(bytearray, upper, ba_upper, 0);
PYNC_METHOD(bytearray, zfill, ba_zfill, 0);
PYNC_METHOD(bytearray, append, pync_bytearray_m_append, 0);
PYNC_METHOD(bytearray, extend, pync_bytearray_m_extend, 0);
PYNC_METHOD(bytearray, pop, pync_bytearray_m_pop, 0);
PYNC_METHOD(bytearray, insert, pync_bytearray_m_insert, 0);
PYNC_METHOD(bytearray, remove, pync_bytearray_m_remove, 0);
PYNC_METHOD(bytearray, reverse, pync_bytearray_m_reverse, 0);
PYNC_METHOD(bytearray, clear, pync_bytearray_m_clear, 0);
PYNC_METHOD(bytearray, copy, pync_bytearray_m_copy, 0);
PYNC_METHOD(bytearray, __alloc__, pync_bytearray_m_alloc, 0);
PYNC_METHOD(bytearray, __sizeof__, pync_bytearray_m_sizeof, 0);
