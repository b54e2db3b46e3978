/* str_case.c — case mapping (upper, lower, casefold, capitalize, title, swapcase), the is*()
 * predicates, and padding (center, ljust, rjust, zfill) for str; the ASCII tables the bytes
 * methods share.
 *
 * Case mapping is full Unicode mapping from lib/unicode_db.h (so 'ß'.upper() == 'SS'), with
 * CPython's Final_Sigma rule in lower(), capitalize(), title() and swapcase(): a capital sigma
 * becomes 'ς' when a cased letter precedes it (case-ignorable characters skipped) and none
 * follows. ASCII strings take table-driven paths. */
#include "str_impl.h"
#include "lib/unicode_db.h"

/* ==== ASCII tables ============================================================================= */

#define L PYNC_CT_LOWER
#define U PYNC_CT_UPPER
#define G PYNC_CT_DIGIT
#define S PYNC_CT_SPACE
#define X PYNC_CT_XDIGIT
const uint8_t pync_txt_ctype[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, S, S, S, S, S, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    S, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    G | X, G | X, G | X, G | X, G | X, G | X, G | X, G | X, G | X, G | X, 0, 0, 0, 0, 0, 0,
    0, U | X, U | X, U | X, U | X, U | X, U | X, U, U, U, U, U, U, U, U, U,
    U, U, U, U, U, U, U, U, U, U, U, 0, 0, 0, 0, 0,
    0, L | X, L | X, L | X, L | X, L | X, L | X, L, L, L, L, L, L, L, L, L,
    L, L, L, L, L, L, L, L, L, L, L, 0, 0, 0, 0, 0,
};
#undef L
#undef U
#undef G
#undef S
#undef X

static inline bool a_lower(uint8_t c) { return (pync_txt_ctype[c] & PYNC_CT_LOWER) != 0; }
static inline bool a_upper(uint8_t c) { return (pync_txt_ctype[c] & PYNC_CT_UPPER) != 0; }
static inline bool a_alpha(uint8_t c) { return (pync_txt_ctype[c] & PYNC_CT_ALPHA) != 0; }
static inline bool a_digit(uint8_t c) { return (pync_txt_ctype[c] & PYNC_CT_DIGIT) != 0; }

void pync_txt_ascii_case(const uint8_t *in, size_t n, uint8_t *out, int op) {
    bool prev_cased = false;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = in[i];
        switch (op) {
        case 'l': out[i] = pync_txt_tolower_ascii(c); break;
        case 'u': out[i] = pync_txt_toupper_ascii(c); break;
        case 's': out[i] = a_upper(c) ? (uint8_t)(c + 32) : a_lower(c) ? (uint8_t)(c - 32) : c; break;
        case 'c': out[i] = i == 0 ? pync_txt_toupper_ascii(c) : pync_txt_tolower_ascii(c); break;
        default: /* 't' */
            out[i] = prev_cased ? pync_txt_tolower_ascii(c) : pync_txt_toupper_ascii(c);
            prev_cased = a_alpha(c);
            break;
        }
    }
}

bool pync_txt_ascii_pred(const uint8_t *p, size_t n, int op) {
    if (op == 'A') {
        for (size_t i = 0; i < n; i++)
            if (p[i] >= 128) return false;
        return true;
    }
    if (n == 0) return false;
    switch (op) {
    case 'a':
        for (size_t i = 0; i < n; i++)
            if (!a_alpha(p[i])) return false;
        return true;
    case 'n':
        for (size_t i = 0; i < n; i++)
            if (!a_alpha(p[i]) && !a_digit(p[i])) return false;
        return true;
    case 'd':
        for (size_t i = 0; i < n; i++)
            if (!a_digit(p[i])) return false;
        return true;
    case 's':
        for (size_t i = 0; i < n; i++)
            if (!pync_txt_isspace_ascii(p[i])) return false;
        return true;
    case 'l': {
        bool cased = false;
        for (size_t i = 0; i < n; i++) {
            if (a_upper(p[i])) return false;
            if (a_lower(p[i])) cased = true;
        }
        return cased;
    }
    case 'u': {
        bool cased = false;
        for (size_t i = 0; i < n; i++) {
            if (a_lower(p[i])) return false;
            if (a_upper(p[i])) cased = true;
        }
        return cased;
    }
    default: { /* 't' */
        bool cased = false, prev = false;
        for (size_t i = 0; i < n; i++) {
            uint8_t c = p[i];
            if (a_upper(c)) {
                if (prev) return false;
                prev = cased = true;
            } else if (a_lower(c)) {
                if (!prev) return false;
                prev = cased = true;
            } else {
                prev = false;
            }
        }
        return cased;
    }
    }
}

/* ==== Unicode case mapping ======================================================================= */

/* Final_Sigma: the capital sigma at byte offset i (its encoding ends at j) of d[0:n]. */
static uint32_t sigma_form(const char *d, size_t n, size_t i, size_t j) {
    size_t p = i;
    uint32_t c = 0;
    bool found = false;
    while (p > 0) {
        c = pync_txt_decode_back(d, &p);
        if (!pync_ucd_is_case_ignorable(c)) {
            found = true;
            break;
        }
    }
    bool final = found && pync_ucd_is_cased(c);
    if (final && j < n) {
        size_t q = j;
        bool other = false;
        while (q < n) {
            c = pync_utf8_decode(d, &q);
            if (!pync_ucd_is_case_ignorable(c)) {
                other = true;
                break;
            }
        }
        final = !other || !pync_ucd_is_cased(c);
    }
    return final ? 0x3C2 : 0x3C3;
}

enum { OP_LOWER, OP_UPPER, OP_FOLD, OP_CAPITALIZE, OP_TITLE, OP_SWAP };

static int put_lower(pync_strbuf *b, const char *d, size_t n, size_t i, size_t j, uint32_t c) {
    if (c == 0x3A3) return pync_strbuf_append_cp(b, sigma_form(d, n, i, j));
    uint32_t m[PYNC_UCD_MAX_CASE_MAP];
    int k = pync_ucd_to_lower(c, m);
    for (int t = 0; t < k; t++)
        if (pync_strbuf_append_cp(b, m[t]) < 0) return -1;
    return 0;
}

static int put_map(pync_strbuf *b, int (*f)(uint32_t, uint32_t *), uint32_t c) {
    uint32_t m[PYNC_UCD_MAX_CASE_MAP];
    int k = f(c, m);
    for (int t = 0; t < k; t++)
        if (pync_strbuf_append_cp(b, m[t]) < 0) return -1;
    return 0;
}

static pv case_map(pv self, int op) {
    const txt_str *p = pync_txt_s(self);
    if (p->ascii) {
        static const int aop[] = {'l', 'u', 'l', 'c', 't', 's'};
        pv r = pync_txt_alloc(p->size, p->length);
        if (!r) return 0;
        pync_txt_ascii_case((const uint8_t *)pync_txt_s(self)->data, p->size, (uint8_t *)pync_txt_wdata(r),
                            aop[op]);
        return r;
    }
    pync_strbuf b;
    if (pync_strbuf_init(&b, p->size + 8) < 0) return 0;
    const char *d = p->data;
    size_t n = p->size, pos = 0;
    bool prev_cased = false, first = true;
    while (pos < n) {
        size_t i = pos;
        uint32_t c = pync_utf8_decode(d, &pos);
        int r = 0;
        switch (op) {
        case OP_LOWER: r = put_lower(&b, d, n, i, pos, c); break;
        case OP_UPPER: r = put_map(&b, pync_ucd_to_upper, c); break;
        case OP_FOLD: r = put_map(&b, pync_ucd_to_folded, c); break;
        case OP_CAPITALIZE:
            r = first ? put_map(&b, pync_ucd_to_title, c) : put_lower(&b, d, n, i, pos, c);
            break;
        case OP_TITLE:
            r = prev_cased ? put_lower(&b, d, n, i, pos, c) : put_map(&b, pync_ucd_to_title, c);
            prev_cased = pync_ucd_is_cased(c);
            break;
        default: /* OP_SWAP */
            if (pync_ucd_isupper(c)) r = put_lower(&b, d, n, i, pos, c);
            else if (pync_ucd_islower(c)) r = put_map(&b, pync_ucd_to_upper, c);
            else r = pync_strbuf_append_cp(&b, c);
            break;
        }
        if (r < 0) return 0;
        first = false;
    }
    return pync_strbuf_finish(&b);
}

#define CASE_METHOD(NAME, OP)                                                  \
    pv pync_txt_m_##NAME(pv self, pv *args, size_t nargs, pv kwnames) {       \
        (void)args;                                                            \
        if (pync_txt_noargs("str." #NAME, nargs, kwnames) < 0) return 0;       \
        return case_map(self, OP);                                             \
    }
CASE_METHOD(lower, OP_LOWER)
CASE_METHOD(upper, OP_UPPER)
CASE_METHOD(casefold, OP_FOLD)
CASE_METHOD(capitalize, OP_CAPITALIZE)
CASE_METHOD(title, OP_TITLE)
CASE_METHOD(swapcase, OP_SWAP)

/* ==== predicates ==================================================================================== */

static bool all_cp(pv self, bool (*f)(uint32_t)) {
    const txt_str *p = pync_txt_s(self);
    if (p->size == 0) return false;
    size_t pos = 0;
    while (pos < p->size) {
        if (!f(pync_utf8_decode(p->data, &pos))) return false;
    }
    return true;
}

#define PRED_METHOD(NAME, ASCIIOP, UCD)                                                     \
    pv pync_txt_m_##NAME(pv self, pv *args, size_t nargs, pv kwnames) {                    \
        (void)args;                                                                         \
        if (pync_txt_noargs("str." #NAME, nargs, kwnames) < 0) return 0;                    \
        const txt_str *p = pync_txt_s(self);                                                \
        if (p->ascii) return pync_bool(pync_txt_ascii_pred((const uint8_t *)p->data, p->size, ASCIIOP)); \
        return pync_bool(all_cp(self, UCD));                                                \
    }
PRED_METHOD(isdigit, 'd', pync_ucd_isdigit)
PRED_METHOD(isdecimal, 'd', pync_ucd_isdecimal)
PRED_METHOD(isnumeric, 'd', pync_ucd_isnumeric)
PRED_METHOD(isalpha, 'a', pync_ucd_isalpha)
PRED_METHOD(isalnum, 'n', pync_ucd_isalnum)

pv pync_txt_m_isspace(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_txt_noargs("str.isspace", nargs, kwnames) < 0) return 0;
    return pync_bool(all_cp(self, pync_txt_isspace_cp));
}

pv pync_txt_m_islower(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_txt_noargs("str.islower", nargs, kwnames) < 0) return 0;
    const txt_str *p = pync_txt_s(self);
    if (p->ascii) return pync_bool(pync_txt_ascii_pred((const uint8_t *)p->data, p->size, 'l'));
    bool cased = false;
    size_t pos = 0;
    while (pos < p->size) {
        uint32_t c = pync_utf8_decode(p->data, &pos);
        if (pync_ucd_isupper(c) || pync_ucd_istitle(c)) return pync_False;
        if (!cased && pync_ucd_islower(c)) cased = true;
    }
    return pync_bool(cased);
}

pv pync_txt_m_isupper(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_txt_noargs("str.isupper", nargs, kwnames) < 0) return 0;
    const txt_str *p = pync_txt_s(self);
    if (p->ascii) return pync_bool(pync_txt_ascii_pred((const uint8_t *)p->data, p->size, 'u'));
    bool cased = false;
    size_t pos = 0;
    while (pos < p->size) {
        uint32_t c = pync_utf8_decode(p->data, &pos);
        if (pync_ucd_islower(c) || pync_ucd_istitle(c)) return pync_False;
        if (!cased && pync_ucd_isupper(c)) cased = true;
    }
    return pync_bool(cased);
}

pv pync_txt_m_istitle(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_txt_noargs("str.istitle", nargs, kwnames) < 0) return 0;
    const txt_str *p = pync_txt_s(self);
    if (p->ascii) return pync_bool(pync_txt_ascii_pred((const uint8_t *)p->data, p->size, 't'));
    bool cased = false, prev = false;
    size_t pos = 0;
    while (pos < p->size) {
        uint32_t c = pync_utf8_decode(p->data, &pos);
        if (pync_ucd_isupper(c) || pync_ucd_istitle(c)) {
            if (prev) return pync_False;
            prev = cased = true;
        } else if (pync_ucd_islower(c)) {
            if (!prev) return pync_False;
            prev = cased = true;
        } else {
            prev = false;
        }
    }
    return pync_bool(cased);
}

pv pync_txt_m_isidentifier(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_txt_noargs("str.isidentifier", nargs, kwnames) < 0) return 0;
    const txt_str *p = pync_txt_s(self);
    if (p->size == 0) return pync_False;
    size_t pos = 0;
    if (!pync_ucd_isidentifier_start(pync_utf8_decode(p->data, &pos))) return pync_False;
    while (pos < p->size)
        if (!pync_ucd_isidentifier_continue(pync_utf8_decode(p->data, &pos))) return pync_False;
    return pync_True;
}

pv pync_txt_m_isprintable(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_txt_noargs("str.isprintable", nargs, kwnames) < 0) return 0;
    const txt_str *p = pync_txt_s(self);
    size_t pos = 0;
    while (pos < p->size) {
        uint8_t b = (uint8_t)p->data[pos];
        if (b < 128) {
            if (b < 0x20 || b == 0x7f) return pync_False;
            pos++;
            continue;
        }
        if (!pync_ucd_isprintable(pync_utf8_decode(p->data, &pos))) return pync_False;
    }
    return pync_True;
}

pv pync_txt_m_isascii(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_txt_noargs("str.isascii", nargs, kwnames) < 0) return 0;
    return pync_bool(pync_txt_s(self)->ascii);
}

/* ==== padding ======================================================================================= */

/* s padded with `left` and `right` copies of fill. */
static pv pad(pv self, size_t left, size_t right, uint32_t fill) {
    const txt_str *p = pync_txt_s(self);
    char fb[4];
    size_t fn = pync_utf8_encode(fill, fb);
    if ((left + right) > (SIZE_MAX - p->size) / 4)
        return pync_raise_fmt(&pync_OverflowError_type, "padded string is too long");
    pv r = pync_txt_alloc(p->size + (left + right) * fn, p->length + left + right);
    if (!r) return 0;
    char *w = pync_txt_wdata(r);
    if (fn == 1) {
        pync_memset(w, fb[0], left);
        w += left;
    } else {
        for (size_t i = 0; i < left; i++, w += fn) pync_memcpy(w, fb, fn);
    }
    pync_memcpy(w, pync_txt_s(self)->data, p->size);
    w += p->size;
    if (fn == 1) {
        pync_memset(w, fb[0], right);
    } else {
        for (size_t i = 0; i < right; i++, w += fn) pync_memcpy(w, fb, fn);
    }
    return r;
}

static pv unchanged(pv self) {
    if (pync_txt_is_exact_str(self)) return self;
    return pync_txt_new(pync_str_data(self), pync_str_size(self), pync_txt_s(self)->length);
}

/* which: 0 center, 1 ljust, 2 rjust */
static pv justify(const char *name, const char *qual, pv self, pv *args, size_t nargs, pv kwnames, int which) {
    if (pync_txt_posargs(name, qual, nargs, kwnames, 1, 2) < 0) return 0;
    int64_t width;
    if (pync_txt_ssize(args[0], &width) < 0) return 0;
    uint32_t fill = ' ';
    if (nargs > 1) {
        pv f = args[1];
        if (!pync_txt_is_str(f))
            return pync_raise_fmt(&pync_TypeError_type, "The fill character must be a unicode character, not %s",
                                  pync_type_name(f));
        if (pync_txt_s(f)->length != 1)
            return pync_raise_fmt(&pync_TypeError_type, "The fill character must be exactly one character long");
        size_t q = 0;
        fill = pync_utf8_decode(pync_str_data(f), &q);
    }
    int64_t len = (int64_t)pync_txt_s(self)->length;
    if (len >= width) return unchanged(self);
    int64_t marg = width - len;
    int64_t left = which == 1 ? 0 : which == 2 ? marg : marg / 2 + (marg & width & 1);
    if ((uint64_t)marg > SIZE_MAX) return pync_raise_nomem(); /* more than a 32-bit machine has */
    return pad(self, (size_t)left, (size_t)(marg - left), fill);
}

pv pync_txt_m_center(pv self, pv *args, size_t nargs, pv kwnames) {
    return justify("center", "str.center", self, args, nargs, kwnames, 0);
}
pv pync_txt_m_ljust(pv self, pv *args, size_t nargs, pv kwnames) {
    return justify("ljust", "str.ljust", self, args, nargs, kwnames, 1);
}
pv pync_txt_m_rjust(pv self, pv *args, size_t nargs, pv kwnames) {
    return justify("rjust", "str.rjust", self, args, nargs, kwnames, 2);
}

pv pync_txt_m_zfill(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_txt_onearg("str.zfill", nargs, kwnames) < 0) return 0;
    int64_t width;
    if (pync_txt_ssize(args[0], &width) < 0) return 0;
    int64_t len = (int64_t)pync_txt_s(self)->length;
    if (len >= width) return unchanged(self);
    size_t fill = (size_t)(width - len);
    pv r = pad(self, fill, 0, '0');
    if (!r) return 0;
    char *w = pync_txt_wdata(r);
    if (w[fill] == '+' || w[fill] == '-') {
        w[0] = w[fill];
        w[fill] = '0';
    }
    return r;
}
