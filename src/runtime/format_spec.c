/* format_spec.c — the format mini-language: parsing a spec
 *   [[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]
 * with CPython 3.11's ValueErrors (Python/formatter_unicode.c), the padding shared with
 * str.format and f-strings, and the __format__ of int, float and complex.
 *
 * A formatted number is laid out as
 *     <lpadding> <sign> <prefix> <spadding> <grouped digits> <decimal point> <remainder> <rpadding>
 * where at most one padding is non-empty; with fill '0' and '=' alignment the padding becomes
 * leading zeros inside the digits, grouped like them ('00,001,234'). The digits themselves come
 * from lib/mp (ints) and lib/dtoa (floats); widths count code points (the fill may be any). */
#include "numeric.h"
#include "lib/dtoa.h"
#include "lib/unicode_db.h"

/* Every floating-point operation rounds on its own, as in CPython: no fused multiply-add. */
#pragma STDC FP_CONTRACT OFF

/* ---- parsing ------------------------------------------------------------------------------------- */

static bool is_align(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }
static bool is_sign(uint32_t c) { return c == ' ' || c == '+' || c == '-'; }

/* Reads decimal digits (any Unicode decimal) at cps[*pos]; returns the count, -1 on overflow. */
static int64_t get_integer(const uint32_t *cps, size_t n, size_t *pos, int64_t *result) {
    int64_t acc = 0, count = 0;
    size_t p = *pos;
    for (; p < n; p++, count++) {
        int d = pync_ucd_decimal(cps[p]);
        if (d < 0) break;
        if (acc > (INT64_MAX - d) / 10) {
            pync_raise_fmt(&pync_ValueError_type, "Too many decimal digits in format string");
            return -1;
        }
        acc = acc * 10 + d;
    }
    *pos = p;
    *result = acc;
    return count;
}

static pv raise_separator_type(char sep, uint32_t type) {
    if (type > 32 && type < 128) return pync_raise_fmt(&pync_ValueError_type, "Cannot specify '%c' with '%c'.", sep, (int)type);
    pv t = pync_str_fmt("%x", (unsigned)type);
    if (!t) return 0;
    return pync_raise_fmt(&pync_ValueError_type, "Cannot specify '%c' with '\\x%U'.", sep, t);
}

static pv raise_unknown_type(uint32_t type, const char *type_name) {
    if (type > 32 && type < 128) {
        return pync_raise_fmt(&pync_ValueError_type, "Unknown format code '%c' for object of type '%s'", (int)type, type_name);
    }
    pv t = pync_str_fmt("%x", (unsigned)type);
    if (!t) return 0;
    return pync_raise_fmt(&pync_ValueError_type, "Unknown format code '\\x%U' for object of type '%s'", t, type_name);
}

int pync_format_spec_parse_for(pv spec, const char *type_name, char default_type, pync_format_spec *out) {
    const struct pync_str *s = (const struct pync_str *)spec;
    uint32_t small[64];
    uint32_t *cps = small;
    if (s->length > 64) {
        pync_rawbuf *rb = pync_rawbuf_new(s->length * sizeof(uint32_t));
        if (!rb) return -1;
        cps = (uint32_t *)rb->data;
    }
    size_t n = 0;
    for (size_t pos = 0; pos < s->size;) cps[n++] = pync_utf8_decode(s->data, &pos);

    out->fill = ' ';
    out->align = 0;
    out->sign = 0;
    out->no_neg_zero = false;
    out->alternate = false;
    out->zero_pad = false;
    out->width = -1;
    out->grouping = 0;
    out->precision = -1;
    out->type = 0;
    size_t pos = 0;
    bool fill_given = false;
    if (n - pos >= 2 && is_align(cps[pos + 1])) {
        out->align = (char)cps[pos + 1];
        out->fill = cps[pos];
        fill_given = true;
        pos += 2;
    } else if (n - pos >= 1 && is_align(cps[pos])) {
        out->align = (char)cps[pos];
        pos++;
    }
    if (pos < n && is_sign(cps[pos])) out->sign = (char)cps[pos++];
    if (pos < n && cps[pos] == 'z') {
        out->no_neg_zero = true;
        pos++;
    }
    if (pos < n && cps[pos] == '#') {
        out->alternate = true;
        pos++;
    }
    if (!fill_given && pos < n && cps[pos] == '0') {
        out->fill = '0';
        out->zero_pad = true;
        pos++;
    }
    int64_t w;
    int64_t consumed = get_integer(cps, n, &pos, &w);
    if (consumed < 0) return -1;
    if (consumed > 0) out->width = w;
    if (pos < n && cps[pos] == ',') {
        out->grouping = ',';
        pos++;
    }
    if (pos < n && cps[pos] == '_') {
        if (out->grouping) {
            pync_raise_fmt(&pync_ValueError_type, "Cannot specify both ',' and '_'.");
            return -1;
        }
        out->grouping = '_';
        pos++;
    }
    if (pos < n && cps[pos] == ',') {
        pync_raise_fmt(&pync_ValueError_type, "Cannot specify both ',' and '_'.");
        return -1;
    }
    if (pos < n && cps[pos] == '.') {
        pos++;
        int64_t p;
        consumed = get_integer(cps, n, &pos, &p);
        if (consumed < 0) return -1;
        if (consumed == 0) {
            pync_raise_fmt(&pync_ValueError_type, "Format specifier missing precision");
            return -1;
        }
        out->precision = p;
    }
    if (n - pos > 1) {
        pync_raise_fmt(&pync_ValueError_type, "Invalid format specifier '%U' for object of type '%s'", spec, type_name);
        return -1;
    }
    uint32_t type = default_type;
    if (n - pos == 1) type = cps[pos];
    if (out->grouping) {
        switch (type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (out->grouping == '_') break;
            /* fall through */
        default:
            raise_separator_type(out->grouping, type);
            return -1;
        }
    }
    if (type >= 128) {
        raise_unknown_type(type, type_name);
        return -1;
    }
    out->type = n - pos == 1 ? (char)type : 0;
    return 0;
}

int pync_format_spec_parse(pv spec, pync_format_spec *out) {
    return pync_format_spec_parse_for(spec, "str", 's', out);
}

/* ---- padding --------------------------------------------------------------------------------------- */

static int append_fill(pync_strbuf *b, uint32_t fill, int64_t n) {
    if (fill < 128) {
        char chunk[64];
        pync_memset(chunk, (int)fill, sizeof chunk);
        while (n > 0) {
            size_t k = n > 64 ? 64 : (size_t)n;
            if (pync_strbuf_append(b, chunk, k) < 0) return -1;
            n -= (int64_t)k;
        }
        return 0;
    }
    for (; n > 0; n--) {
        if (pync_strbuf_append_cp(b, fill) < 0) return -1;
    }
    return 0;
}

/* calc_padding: the left and right padding of nchars in width with align */
static void calc_padding(int64_t nchars, int64_t width, char align, int64_t *lpad, int64_t *rpad) {
    int64_t total = width >= 0 && width > nchars ? width : nchars;
    if (align == '>') *lpad = total - nchars;
    else if (align == '^') *lpad = (total - nchars) / 2;
    else *lpad = 0;
    *rpad = total - nchars - *lpad;
}

pv pync_format_pad(pv body, const pync_format_spec *spec, char default_align) {
    int64_t len = (int64_t)((const struct pync_str *)body)->length;
    if (spec->width <= len) return body;
    int64_t lpad, rpad;
    calc_padding(len, spec->width, spec->align ? spec->align : default_align, &lpad, &rpad);
    pync_strbuf b;
    if (pync_strbuf_init(&b, (uint64_t)spec->width + 8) < 0) return 0;
    if (append_fill(&b, spec->fill, lpad) < 0 || pync_strbuf_append_str(&b, body) < 0 ||
        append_fill(&b, spec->fill, rpad) < 0) {
        return 0;
    }
    return pync_strbuf_finish(&b);
}

/* ---- numbers --------------------------------------------------------------------------------------- */

/* The parts of a formatted number (all ASCII but the fill). */
typedef struct number {
    char sign_char;          /* '-' or 0: the sign of the value */
    const char *prefix;      /* "0x" ... (already upper-cased for 'X') */
    size_t n_prefix;
    const char *digits;      /* integer digits */
    size_t n_digits;
    bool has_decimal;
    const char *remainder;   /* after the point (or exponent, 'nan', '%', a 'c' character) */
    size_t n_remainder;      /* bytes */
    size_t w_remainder;      /* code points */
} number;

typedef struct widths {
    int64_t lpad, spad, rpad;
    char sign;               /* 0: none */
    int64_t min_width;       /* digits are zero-padded to this (with separators) */
    int64_t n_grouped;
    int64_t total;
} widths;

/* _PyUnicode_InsertThousandsGrouping: writes digits[0:nd] grouped by `group` (0: no grouping)
   with `sep`, zero-padded on the left to min_width, ending just before out + count (out NULL:
   count only). Returns the number of characters. */
static int64_t group_digits(const char *digits, int64_t nd, int64_t min_width, int group, char sep, char *out) {
    int64_t remaining = nd, count = 0;
    bool use_sep = false, broken = false;
    char *pos = NULL;
    if (out) {
        /* first pass to find the end */
        int64_t total = group_digits(digits, nd, min_width, group, sep, NULL);
        pos = out + total;
    }
#define FILL_GROUP(n_zeros, n_chars)                                                                   \
    do {                                                                                               \
        count += (use_sep ? 1 : 0) + (n_zeros) + (n_chars);                                            \
        if (pos) {                                                                                     \
            if (use_sep) *--pos = sep;                                                                 \
            for (int64_t k_ = 0; k_ < (n_chars); k_++) *--pos = digits[remaining - 1 - k_];           \
            for (int64_t k_ = 0; k_ < (n_zeros); k_++) *--pos = '0';                                   \
        }                                                                                              \
    } while (0)
    if (group > 0) {
        for (;;) {
            int64_t m = remaining > min_width ? remaining : min_width;
            if (m < 1) m = 1;
            int64_t l = group < m ? group : m;
            int64_t n_zeros = l - remaining > 0 ? l - remaining : 0;
            int64_t n_chars = remaining < l ? (remaining > 0 ? remaining : 0) : l;
            FILL_GROUP(n_zeros, n_chars);
            use_sep = true;
            remaining -= n_chars;
            min_width -= l;
            if (remaining <= 0 && min_width <= 0) {
                broken = true;
                break;
            }
            min_width -= 1;
        }
    }
    if (!broken) {
        int64_t l = remaining > min_width ? remaining : min_width;
        if (l < 1) l = 1;
        int64_t n_zeros = l - remaining > 0 ? l - remaining : 0;
        int64_t n_chars = remaining < l ? (remaining > 0 ? remaining : 0) : l;
        FILL_GROUP(n_zeros, n_chars);
    }
#undef FILL_GROUP
    return count;
}

/* calc_number_widths */
static void calc_widths(widths *w, const number *num, uint32_t fill, char align, char sign_opt, int64_t width,
                        int group, char sep) {
    w->lpad = w->spad = w->rpad = 0;
    w->sign = 0;
    if (sign_opt == '+') w->sign = num->sign_char == '-' ? '-' : '+';
    else if (sign_opt == ' ') w->sign = num->sign_char == '-' ? '-' : ' ';
    else if (num->sign_char == '-') w->sign = '-';
    int64_t non_digit = (w->sign ? 1 : 0) + (int64_t)num->n_prefix + (num->has_decimal ? 1 : 0) + (int64_t)num->w_remainder;
    w->min_width = fill == '0' && align == '=' ? width - non_digit : 0;
    w->n_grouped = num->n_digits == 0 ? 0 : group_digits(num->digits, (int64_t)num->n_digits, w->min_width, group, sep, NULL);
    int64_t padding = width - (non_digit + w->n_grouped);
    if (padding > 0) {
        switch (align) {
        case '<': w->rpad = padding; break;
        case '^':
            w->lpad = padding / 2;
            w->rpad = padding - w->lpad;
            break;
        case '=': w->spad = padding; break;
        default: w->lpad = padding; break;
        }
    }
    w->total = w->lpad + (w->sign ? 1 : 0) + (int64_t)num->n_prefix + w->spad + w->n_grouped + (num->has_decimal ? 1 : 0) +
               (int64_t)num->w_remainder + w->rpad;
}

/* fill_number */
static int emit_number(pync_strbuf *b, const widths *w, const number *num, uint32_t fill, int group, char sep,
                       bool upper) {
    if (append_fill(b, fill, w->lpad) < 0) return -1;
    if (w->sign && pync_strbuf_append(b, &w->sign, 1) < 0) return -1;
    if (num->n_prefix && pync_strbuf_append(b, num->prefix, num->n_prefix) < 0) return -1;
    if (append_fill(b, fill, w->spad) < 0) return -1;
    if (num->n_digits) {
        pync_rawbuf *rb = pync_rawbuf_new((size_t)w->n_grouped + 1);
        if (!rb) return -1;
        char *g = (char *)rb->data;
        group_digits(num->digits, (int64_t)num->n_digits, w->min_width, group, sep, g);
        if (upper) {
            for (int64_t i = 0; i < w->n_grouped; i++) {
                if (g[i] >= 'a' && g[i] <= 'z') g[i] = (char)(g[i] - 'a' + 'A');
            }
        }
        if (pync_strbuf_append(b, g, (size_t)w->n_grouped) < 0) return -1;
    }
    if (num->has_decimal && pync_strbuf_append(b, ".", 1) < 0) return -1;
    if (num->n_remainder && pync_strbuf_append(b, num->remainder, num->n_remainder) < 0) return -1;
    return append_fill(b, fill, w->rpad);
}

static void grouping_of(const pync_format_spec *spec, char type, int *group, char *sep) {
    *group = 0;
    *sep = 0;
    if (!spec->grouping || type == 'n') return;
    *sep = spec->grouping;
    *group = spec->grouping == '_' && (type == 'b' || type == 'o' || type == 'x' || type == 'X') ? 4 : 3;
}

static char numeric_align(const pync_format_spec *spec) {
    if (spec->align) return spec->align;
    return spec->zero_pad ? '=' : '>';
}

static pv format_double(double x, const pync_format_spec *spec);

/* format_long_internal */
static pv format_int(pv value, const pync_format_spec *spec, char type) {
    if (spec->precision != -1) return pync_raise_fmt(&pync_ValueError_type, "Precision not allowed in integer format specifier");
    if (spec->no_neg_zero) {
        return pync_raise_fmt(&pync_ValueError_type, "Negative zero coercion (z) not allowed in integer format specifier");
    }
    number num; /* set field by field: an aggregate initializer may become a memset call */
    num.sign_char = 0;
    num.prefix = NULL;
    num.n_prefix = 0;
    num.digits = NULL;
    num.n_digits = 0;
    num.has_decimal = false;
    num.remainder = NULL;
    num.n_remainder = 0;
    num.w_remainder = 0;
    char cbuf[4];
    pv text = 0;
    if (type == 'c') {
        if (spec->sign) return pync_raise_fmt(&pync_ValueError_type, "Sign not allowed with integer format specifier 'c'");
        if (spec->alternate) {
            return pync_raise_fmt(&pync_ValueError_type, "Alternate form (#) not allowed with integer format specifier 'c'");
        }
        int64_t x;
        if (!pync_int_as_i64(value, &x)) return pync_raise_fmt(&pync_OverflowError_type, "Python int too large to convert to C long");
        if (x < 0 || x > 0x10ffff) return pync_raise_fmt(&pync_OverflowError_type, "%%c arg not in range(0x110000)");
        num.remainder = cbuf;
        num.n_remainder = pync_utf8_encode((uint32_t)x, cbuf);
        num.w_remainder = 1;
    } else {
        int base = type == 'b' ? 2 : type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
        text = pync_int_to_base(value, base, NULL);
        if (!text) return 0;
        const char *t = pync_str_data(text);
        size_t n = pync_str_size(text);
        if (t[0] == '-') {
            num.sign_char = '-';
            t++;
            n--;
        }
        if (spec->alternate && base != 10) {
            num.prefix = type == 'b' ? "0b" : type == 'o' ? "0o" : type == 'x' ? "0x" : "0X";
            num.n_prefix = 2;
        }
        num.digits = t;
        num.n_digits = n;
    }
    int group;
    char sep;
    grouping_of(spec, type, &group, &sep);
    char align = numeric_align(spec);
    widths w;
    calc_widths(&w, &num, spec->fill, align, spec->sign, spec->width, group, sep);
    pync_strbuf b;
    if (pync_strbuf_init(&b, (uint64_t)w.total + 8) < 0) return 0;
    if (emit_number(&b, &w, &num, spec->fill, group, sep, type == 'X') < 0) return 0;
    (void)text;
    return pync_strbuf_finish(&b);
}

pv pync_int_format(pv self, pv spec) {
    if (pync_str_size(spec) == 0) {
        if (pv_is_small(self) || pv_type(self) == &pync_int_type) return pync_int_to_base(self, 10, NULL);
        return pync_str(self);
    }
    pync_format_spec fs;
    if (pync_format_spec_parse_for(spec, pv_type(self)->name, 'd', &fs) < 0) return 0;
    char type = fs.type ? fs.type : 'd';
    switch (type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
        return format_int(self, &fs, type);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double x;
        if (pync_int_to_double(self, &x) < 0) return 0;
        return format_double(x, &fs);
    }
    default:
        return raise_unknown_type((unsigned char)type, pv_type(self)->name);
    }
}

/* The digits/point/remainder split of a float's text (parse_number), sign removed. */
static void split_float_text(const char *t, size_t n, number *num) {
    num->sign_char = 0;
    if (n && t[0] == '-') {
        num->sign_char = '-';
        t++;
        n--;
    }
    size_t i = 0;
    while (i < n && t[i] >= '0' && t[i] <= '9') i++;
    num->digits = t;
    num->n_digits = i;
    num->has_decimal = i < n && t[i] == '.';
    size_t r = num->has_decimal ? i + 1 : i;
    num->remainder = t + r;
    num->n_remainder = n - r;
    num->w_remainder = n - r;
    num->prefix = NULL;
    num->n_prefix = 0;
}

/* The text of x for a presentation type (dtoa), into a rawbuf. NULL on error. */
static char *float_text(double x, int type, int64_t precision, unsigned flags, size_t *len) {
    int n = pync_dtoa_format_len(x, type, (int)precision, flags);
    if (n < 0) {
        pync_bad_internal_call("float_text");
        return NULL;
    }
    pync_rawbuf *rb = pync_rawbuf_new((size_t)n + 1);
    if (!rb) return NULL;
    pync_dtoa_format(x, type, (int)precision, flags, (char *)rb->data, (size_t)n + 1);
    *len = (size_t)n;
    return (char *)rb->data;
}

/* format_float_internal */
static pv format_double(double x, const pync_format_spec *spec) {
    if (spec->precision > INT32_MAX) return pync_raise_fmt(&pync_ValueError_type, "precision too big");
    unsigned flags = 0;
    if (spec->alternate) flags |= PYNC_DTOA_ALT;
    if (spec->no_neg_zero) flags |= PYNC_DTOA_NO_NEG_ZERO;
    size_t len;
    char *t = float_text(x, spec->type, spec->precision, flags, &len);
    if (!t) return 0;
    number num;
    split_float_text(t, len, &num);
    int group;
    char sep;
    grouping_of(spec, spec->type, &group, &sep);
    char align = numeric_align(spec);
    widths w;
    calc_widths(&w, &num, spec->fill, align, spec->sign, spec->width, group, sep);
    pync_strbuf b;
    if (pync_strbuf_init(&b, (uint64_t)w.total + 8) < 0) return 0;
    if (emit_number(&b, &w, &num, spec->fill, group, sep, false) < 0) return 0;
    return pync_strbuf_finish(&b);
}

pv pync_float_format(pv self, pv spec) {
    if (pync_str_size(spec) == 0) return pync_str(self);
    pync_format_spec fs;
    if (pync_format_spec_parse_for(spec, pv_type(self)->name, 0, &fs) < 0) return 0;
    switch (fs.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
        return format_double(pync_float_value(self), &fs);
    default:
        return raise_unknown_type((unsigned char)fs.type, pv_type(self)->name);
    }
}

/* format_complex_internal */
pv pync_complex_format(pv self, pv spec) {
    if (pync_str_size(spec) == 0) return pync_str(self);
    pync_format_spec fs;
    if (pync_format_spec_parse_for(spec, pv_type(self)->name, 0, &fs) < 0) return 0;
    switch (fs.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n':
        break;
    default:
        return raise_unknown_type((unsigned char)fs.type, pv_type(self)->name);
    }
    if (fs.precision > INT32_MAX) return pync_raise_fmt(&pync_ValueError_type, "precision too big");
    if (fs.fill == '0') return pync_raise_fmt(&pync_ValueError_type, "Zero padding is not allowed in complex format specifier");
    if (fs.align == '=') {
        return pync_raise_fmt(&pync_ValueError_type, "'=' alignment flag is not allowed in complex format specifier");
    }
    const pync_complex *c = (const pync_complex *)self;
    double re = c->real, im = c->imag;
    unsigned flags = 0;
    if (fs.alternate) flags |= PYNC_DTOA_ALT;
    if (fs.no_neg_zero) flags |= PYNC_DTOA_NO_NEG_ZERO;
    int type = fs.type;
    int64_t precision = fs.precision;
    bool skip_re = false, add_parens = false;
    if (type == 0) {
        type = 'r';
        if (re == 0.0 && pync_copysign(1.0, re) == 1.0) skip_re = true;
        else add_parens = true;
        if (precision >= 0) type = 'g';
    }
    size_t rlen, ilen;
    char *rt = float_text(re, type, precision, flags, &rlen);
    if (!rt) return 0;
    char *it = float_text(im, type, precision, flags, &ilen);
    if (!it) return 0;
    if (type == 'r') {
        rlen = pync_complex_strip_dot0(rt, rlen, fs.alternate);
        ilen = pync_complex_strip_dot0(it, ilen, fs.alternate);
    }
    number rn, in;
    split_float_text(rt, rlen, &rn);
    split_float_text(it, ilen, &in);
    int group;
    char sep;
    grouping_of(&fs, (char)fs.type, &group, &sep);
    widths rw, iw;
    calc_widths(&rw, &rn, 0, '<', fs.sign, -1, group, sep);
    calc_widths(&iw, &in, 0, '<', skip_re ? fs.sign : '+', -1, group, sep);
    int64_t body = (skip_re ? 0 : rw.total) + iw.total + 1 + (add_parens ? 2 : 0);
    int64_t lpad, rpad;
    calc_padding(body, fs.width, fs.align ? fs.align : '>', &lpad, &rpad);
    pync_strbuf b;
    if (pync_strbuf_init(&b, (uint64_t)(body + lpad + rpad) + 8) < 0) return 0;
    if (append_fill(&b, fs.fill, lpad) < 0) return 0;
    if (add_parens && pync_strbuf_append(&b, "(", 1) < 0) return 0;
    if (!skip_re && emit_number(&b, &rw, &rn, 0, group, sep, false) < 0) return 0;
    if (emit_number(&b, &iw, &in, 0, group, sep, false) < 0) return 0;
    if (pync_strbuf_append(&b, "j", 1) < 0) return 0;
    if (add_parens && pync_strbuf_append(&b, ")", 1) < 0) return 0;
    if (append_fill(&b, fs.fill, rpad) < 0) return 0;
    return pync_strbuf_finish(&b);
}
