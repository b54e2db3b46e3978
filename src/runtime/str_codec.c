/* str_codec.c — str.encode() and bytes.decode(): the codecs utf-8, utf-8-sig, ascii, latin-1,
 * utf-16 and utf-32 (with -le/-be variants), Python's encoding aliases, and the error handlers strict,
 * ignore, replace, surrogateescape, surrogatepass, backslashreplace and xmlcharrefreplace.
 *
 * Error ranges and messages follow CPython 3.11 exactly: the UTF-8 decoder reports the same
 * "invalid start byte" / "invalid continuation byte" / "unexpected end of data" spans (one U+FFFD
 * per span under 'replace'), encoders report runs of unencodable characters ("can't encode
 * characters in position 3-5"). An unknown handler name is a LookupError only once an error
 * happens, as in CPython. The exception is raised with CPython's message (the core's Unicode
 * exceptions carry no encoding/object/start/end attributes yet). */
#include "str_impl.h"

/* ==== names ===================================================================================== */

typedef struct alias {
    const char *name;
    pync_codec codec;
} alias;

/* normalised names (lower case, runs of punctuation as one '_') from encodings/aliases.py */
static const alias aliases[] = {
    {"utf_8", PYNC_CODEC_UTF8}, {"utf8", PYNC_CODEC_UTF8}, {"u8", PYNC_CODEC_UTF8},
    {"utf", PYNC_CODEC_UTF8}, {"utf8_ucs2", PYNC_CODEC_UTF8}, {"utf8_ucs4", PYNC_CODEC_UTF8},
    {"cp65001", PYNC_CODEC_UTF8},
    {"ascii", PYNC_CODEC_ASCII}, {"646", PYNC_CODEC_ASCII}, {"ansi_x3.4_1968", PYNC_CODEC_ASCII},
    {"ansi_x3_4_1968", PYNC_CODEC_ASCII}, {"ansi_x3.4_1986", PYNC_CODEC_ASCII},
    {"cp367", PYNC_CODEC_ASCII}, {"csascii", PYNC_CODEC_ASCII}, {"ibm367", PYNC_CODEC_ASCII},
    {"iso646_us", PYNC_CODEC_ASCII}, {"iso_646.irv_1991", PYNC_CODEC_ASCII},
    {"iso_ir_6", PYNC_CODEC_ASCII}, {"us", PYNC_CODEC_ASCII}, {"us_ascii", PYNC_CODEC_ASCII},
    {"latin_1", PYNC_CODEC_LATIN1}, {"latin1", PYNC_CODEC_LATIN1}, {"latin", PYNC_CODEC_LATIN1},
    {"l1", PYNC_CODEC_LATIN1}, {"8859", PYNC_CODEC_LATIN1}, {"cp819", PYNC_CODEC_LATIN1},
    {"csisolatin1", PYNC_CODEC_LATIN1}, {"ibm819", PYNC_CODEC_LATIN1}, {"iso8859", PYNC_CODEC_LATIN1},
    {"iso8859_1", PYNC_CODEC_LATIN1}, {"iso_8859_1", PYNC_CODEC_LATIN1},
    {"iso_8859_1_1987", PYNC_CODEC_LATIN1}, {"iso_ir_100", PYNC_CODEC_LATIN1},
    {"utf_16", PYNC_CODEC_UTF16}, {"utf16", PYNC_CODEC_UTF16}, {"u16", PYNC_CODEC_UTF16},
    {"utf_16_le", PYNC_CODEC_UTF16LE}, {"utf_16le", PYNC_CODEC_UTF16LE},
    {"unicodelittleunmarked", PYNC_CODEC_UTF16LE},
    {"utf_16_be", PYNC_CODEC_UTF16BE}, {"utf_16be", PYNC_CODEC_UTF16BE},
    {"unicodebigunmarked", PYNC_CODEC_UTF16BE},
    {"utf_32", PYNC_CODEC_UTF32}, {"utf32", PYNC_CODEC_UTF32}, {"u32", PYNC_CODEC_UTF32},
    {"utf_32_le", PYNC_CODEC_UTF32LE}, {"utf_32le", PYNC_CODEC_UTF32LE},
    {"utf_32_be", PYNC_CODEC_UTF32BE}, {"utf_32be", PYNC_CODEC_UTF32BE},
    {"utf_8_sig", PYNC_CODEC_UTF8SIG},
};

/* the names the codecs give themselves in error messages */
static const char *const codec_names[] = {"utf-8", "ascii", "latin-1", "utf-16", "utf-16-le",
                                          "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "utf-8"};

static bool c_alnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool name_matches(const char *norm, const char *name) {
    while (*norm && *name) {
        char a = *norm, b = *name;
        if (a != b && !(a == '.' && b == '_')) return false;
        norm++;
        name++;
    }
    return *norm == *name;
}

int pync_txt_codec_lookup(pv encoding, pync_codec *out) {
    if (!encoding) {
        *out = PYNC_CODEC_UTF8;
        return 0;
    }
    const char *e = pync_str_data(encoding);
    size_t n = pync_str_size(encoding);
    for (size_t i = 0; i < n; i++) {
        if (e[i] == 0) {
            pync_raise_fmt(&pync_ValueError_type, "embedded null character");
            return -1;
        }
    }
    char norm[64];
    size_t k = 0;
    bool punct = false, ok = n < 60;
    for (size_t i = 0; i < n && ok; i++) {
        char c = e[i];
        if (c_alnum(c) || c == '.') {
            if (punct && k > 0) norm[k++] = '_';
            punct = false;
            norm[k++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
        } else if ((uint8_t)c >= 0x80 || c == 0) {
            ok = false;
        } else {
            punct = true;
        }
    }
    norm[k] = 0;
    if (ok) {
        for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
            if (name_matches(norm, aliases[i].name)) {
                *out = aliases[i].codec;
                return 0;
            }
        }
    }
    pync_raise_fmt(&pync_LookupError_type, "unknown encoding: %U", encoding);
    return -1;
}

/* ==== error handlers ================================================================================ */

enum { EH_STRICT, EH_IGNORE, EH_REPLACE, EH_SURROGATEESCAPE, EH_SURROGATEPASS, EH_BACKSLASH,
       EH_XMLCHARREF, EH_UNKNOWN };

static int handler_of(pv errors) {
    if (!errors) return EH_STRICT;
    static const char *const names[] = {"strict", "ignore", "replace", "surrogateescape", "surrogatepass",
                                        "backslashreplace", "xmlcharrefreplace"};
    for (int i = 0; i < 7; i++)
        if (pync_str_eq_cstr(errors, names[i])) return i;
    return EH_UNKNOWN;
}

static pv unknown_handler(pv errors) {
    return pync_raise_fmt(&pync_LookupError_type, "unknown error handler name '%U'", errors);
}

static const char hexd[] = "0123456789abcdef";

/* ==== a byte builder ================================================================================= */

typedef struct bbuf {
    pync_rawbuf *buf;
    size_t size;
} bbuf;

static int bb_init(bbuf *b, size_t cap) {
    b->buf = pync_rawbuf_new(cap < 16 ? 16 : cap);
    b->size = 0;
    return b->buf ? 0 : -1;
}

static int bb_reserve(bbuf *b, size_t extra) {
    if (b->size + extra <= b->buf->capacity) return 0;
    size_t cap = b->buf->capacity * 2;
    if (cap < b->size + extra) cap = b->size + extra;
    pync_rawbuf *n = pync_rawbuf_new(cap);
    if (!n) return -1;
    pync_memcpy(n->data, b->buf->data, b->size);
    b->buf = n;
    return 0;
}

static int bb_put(bbuf *b, const void *p, size_t n) {
    if (bb_reserve(b, n) < 0) return -1;
    pync_memcpy(b->buf->data + b->size, p, n);
    b->size += n;
    return 0;
}

static int bb_byte(bbuf *b, uint8_t c) { return bb_put(b, &c, 1); }

static pv bb_finish(bbuf *b) { return pync_bytes_new(b->buf->data, b->size); }

/* ==== encoding ======================================================================================== */

static pv encode_error(const char *codec, pv s, size_t start, size_t end, const char *reason) {
    if (end == start + 1) {
        size_t off = pync_txt_off(s, start);
        uint32_t c = pync_utf8_decode(pync_str_data(s), &off);
        /* '\xe9', '\u20ac' or '\U0001f600' (pync_raise_fmt has no width flags: digits built here) */
        char hex[9];
        int w = c <= 0xff ? 2 : c <= 0xffff ? 4 : 8;
        for (int i = 0; i < w; i++) hex[i] = hexd[(c >> (4 * (w - 1 - i))) & 15];
        hex[w] = 0;
        return pync_raise_fmt(&pync_UnicodeEncodeError_type,
                              "'%s' codec can't encode character '\\%c%s' in position %zd: %s", codec,
                              w == 2 ? 'x' : w == 4 ? 'u' : 'U', hex, (ptrdiff_t)start, reason);
    }
    return pync_raise_fmt(&pync_UnicodeEncodeError_type,
                          "'%s' codec can't encode characters in position %zd-%zd: %s", codec, (ptrdiff_t)start,
                          (ptrdiff_t)(end - 1), reason);
}

/* Writes the replacement of the bad code points in UTF-8 bytes d[from:to] under handler h (for
   codecs whose replacements are ASCII). Returns 0, 1 when the handler does not apply to the
   code point at index *bad of the run (the caller raises from there to the run's end), or -1. */
static int encode_replace(bbuf *b, int h, const char *d, size_t from, size_t to, size_t *bad) {
    size_t i = 0;
    *bad = 0;
    while (from < to) {
        uint32_t c = pync_utf8_decode(d, &from);
        switch (h) {
        case EH_IGNORE: break;
        case EH_REPLACE:
            if (bb_byte(b, '?') < 0) return -1;
            break;
        case EH_BACKSLASH: {
            char t[10];
            int w = c <= 0xff ? 2 : c <= 0xffff ? 4 : 8;
            t[0] = '\\';
            t[1] = w == 2 ? 'x' : w == 4 ? 'u' : 'U';
            for (int k = 0; k < w; k++) t[2 + k] = hexd[(c >> (4 * (w - 1 - k))) & 15];
            if (bb_put(b, t, (size_t)(2 + w)) < 0) return -1;
            break;
        }
        case EH_XMLCHARREF: {
            char t[16], dig[10];
            int k = 0, nd = 0;
            uint32_t v = c;
            do {
                dig[nd++] = (char)('0' + v % 10);
                v /= 10;
            } while (v);
            t[k++] = '&';
            t[k++] = '#';
            while (nd) t[k++] = dig[--nd];
            t[k++] = ';';
            if (bb_put(b, t, (size_t)k) < 0) return -1;
            break;
        }
        case EH_SURROGATEESCAPE:
            if (c < 0xDC80 || c > 0xDCFF) {
                *bad = i;
                return 1;
            }
            if (bb_byte(b, (uint8_t)(c - 0xDC00)) < 0) return -1;
            break;
        default:
            *bad = i;
            return 1;
        }
        i++;
    }
    return 0;
}

static bool is_surrogate(uint32_t c) { return c >= 0xD800 && c <= 0xDFFF; }

/* Bad code points for an encoder: at or above `limit`, or surrogates when limit is 0. */
static bool unencodable(uint32_t c, uint32_t limit) { return limit ? c >= limit : is_surrogate(c); }

/* The end (byte offset) of the run of unencodable code points starting at byte `from`; *count
   gets their number. */
static size_t bad_run(const char *d, size_t n, size_t from, uint32_t limit, size_t *count) {
    size_t k = 0;
    while (from < n) {
        size_t q = from;
        if (!unencodable(pync_utf8_decode(d, &q), limit)) break;
        from = q;
        k++;
    }
    *count = k;
    return from;
}

/* Encodes the run d[from:to] of `count` bad code points (starting at code point index start)
   with handler h; `unit` writes one replacement byte as a code unit (utf-16/32) or NULL. */
static int encode_bad_run(bbuf *b, pv s, int h, pv errors, const char *name, const char *reason,
                          size_t from, size_t to, size_t start, size_t count, int unit, bool big);

static pv encode_simple(pv s, pync_codec codec, pv errors) {
    const txt_str *p = pync_txt_s(s);
    uint32_t limit = codec == PYNC_CODEC_ASCII ? 0x80 : 0x100;
    const char *reason = codec == PYNC_CODEC_ASCII ? "ordinal not in range(128)" : "ordinal not in range(256)";
    bbuf b;
    if (bb_init(&b, p->length) < 0) return 0;
    size_t pos = 0, idx = 0;
    int h = -1;
    while (pos < p->size) {
        size_t save = pos;
        uint32_t c = pync_utf8_decode(p->data, &pos);
        if (c < limit) {
            if (bb_byte(&b, (uint8_t)c) < 0) return 0;
            idx++;
            continue;
        }
        if (h < 0) h = handler_of(errors);
        size_t count, to = bad_run(p->data, p->size, save, limit, &count);
        if (encode_bad_run(&b, s, h, errors, codec_names[codec], reason, save, to, idx, count, 0, false) < 0)
            return 0;
        idx += count;
        pos = to;
    }
    return bb_finish(&b);
}

static pv encode_utf8(pv s, pv errors) {
    const txt_str *p = pync_txt_s(s);
    /* fast path: no surrogate (ED A0..BF) in the data */
    bool clean = true;
    for (size_t i = 0; i + 1 < p->size; i++) {
        if ((uint8_t)p->data[i] == 0xED && (uint8_t)p->data[i + 1] >= 0xA0) {
            clean = false;
            break;
        }
    }
    if (clean) return pync_bytes_new((const uint8_t *)p->data, p->size);
    int h = handler_of(errors);
    bbuf b;
    if (bb_init(&b, p->size) < 0) return 0;
    size_t pos = 0, idx = 0;
    while (pos < p->size) {
        size_t save = pos;
        uint32_t c = pync_utf8_decode(p->data, &pos);
        if (!is_surrogate(c)) {
            if (bb_put(&b, p->data + save, pos - save) < 0) return 0;
            idx++;
            continue;
        }
        size_t count, to = bad_run(p->data, p->size, save, 0, &count);
        if (h == EH_SURROGATEPASS) {
            if (bb_put(&b, p->data + save, to - save) < 0) return 0;
        } else if (encode_bad_run(&b, s, h, errors, "utf-8", "surrogates not allowed", save, to, idx, count, 0,
                                  false) < 0) {
            return 0;
        }
        idx += count;
        pos = to;
    }
    return bb_finish(&b);
}

static int put_unit(bbuf *b, uint32_t u, int size, bool big) {
    uint8_t t[4];
    for (int i = 0; i < size; i++) {
        int shift = big ? 8 * (size - 1 - i) : 8 * i;
        t[i] = (uint8_t)(u >> shift);
    }
    return bb_put(b, t, (size_t)size);
}

static int encode_bad_run(bbuf *b, pv s, int h, pv errors, const char *name, const char *reason,
                          size_t from, size_t to, size_t start, size_t count, int unit, bool big) {
    if (h == EH_UNKNOWN) {
        unknown_handler(errors);
        return -1;
    }
    size_t bad = 0;
    int r;
    if (h == EH_STRICT) {
        r = 1;
    } else if (unit) {
        bbuf tmp;
        if (bb_init(&tmp, 16) < 0) return -1;
        r = encode_replace(&tmp, h, pync_str_data(s), from, to, &bad);
        if (r == 0) {
            /* ASCII replacement bytes: one code unit each */
            for (size_t i = 0; i < tmp.size; i++)
                if (put_unit(b, tmp.buf->data[i], unit, big) < 0) return -1;
        }
    } else {
        r = encode_replace(b, h, pync_str_data(s), from, to, &bad);
    }
    if (r < 0) return -1;
    if (r > 0) {
        encode_error(name, s, start + bad, start + count, reason);
        return -1;
    }
    return 0;
}

static pv encode_utf16_32(pv s, pync_codec codec, pv errors) {
    const txt_str *p = pync_txt_s(s);
    bool wide = codec >= PYNC_CODEC_UTF32;
    int us = wide ? 4 : 2;
    bool bom = codec == PYNC_CODEC_UTF16 || codec == PYNC_CODEC_UTF32;
    bool big = codec == PYNC_CODEC_UTF16BE || codec == PYNC_CODEC_UTF32BE;
    int h = -1;
    bbuf b;
    if (bb_init(&b, p->length * (size_t)us + 4) < 0) return 0;
    if (bom && put_unit(&b, 0xFEFF, us, big) < 0) return 0;
    size_t pos = 0, idx = 0;
    while (pos < p->size) {
        size_t save = pos;
        uint32_t c = pync_utf8_decode(p->data, &pos);
        if (is_surrogate(c)) {
            /* CPython's utf-16/32 encoders hand surrogates to the error handler one at a time;
               'surrogateescape' gives one byte, never a whole code unit, so it fails */
            if (h < 0) h = handler_of(errors);
            if (h == EH_SURROGATEPASS) {
                if (put_unit(&b, c, us, big) < 0) return 0;
            } else if (h == EH_SURROGATEESCAPE) {
                if (h == EH_UNKNOWN) return unknown_handler(errors);
                return encode_error(codec_names[codec], s, idx, idx + 1, "surrogates not allowed");
            } else if (encode_bad_run(&b, s, h, errors, codec_names[codec], "surrogates not allowed", save, pos,
                                      idx, 1, us, big) < 0) {
                return 0;
            }
            idx++;
            continue;
        }
        if (!wide && c >= 0x10000) {
            uint32_t v = c - 0x10000;
            if (put_unit(&b, 0xD800 | (v >> 10), 2, big) < 0) return 0;
            if (put_unit(&b, 0xDC00 | (v & 0x3FF), 2, big) < 0) return 0;
        } else if (put_unit(&b, c, us, big) < 0) {
            return 0;
        }
        idx++;
    }
    return bb_finish(&b);
}

pv pync_txt_encode(pv s, pync_codec codec, pv errors) {
    switch (codec) {
    case PYNC_CODEC_UTF8: return encode_utf8(s, errors);
    case PYNC_CODEC_UTF8SIG: {
        pv b = encode_utf8(s, errors);
        if (!b) return 0;
        size_t bn = ((pync_bytes *)b)->size;
        pv r = pync_bytes_alloc(bn + 3);
        if (!r) return 0;
        uint8_t *w = pync_bytes_data(r);
        w[0] = 0xEF;
        w[1] = 0xBB;
        w[2] = 0xBF;
        pync_memcpy(w + 3, pync_bytes_data(b), bn);
        return r;
    }
    case PYNC_CODEC_ASCII:
        if (pync_txt_s(s)->ascii) return pync_bytes_new((const uint8_t *)pync_str_data(s), pync_str_size(s));
        return encode_simple(s, codec, errors);
    case PYNC_CODEC_LATIN1: return encode_simple(s, codec, errors);
    default: return encode_utf16_32(s, codec, errors);
    }
}

/* ==== decoding ========================================================================================= */

static pv decode_error(const char *codec, const uint8_t *p, size_t start, size_t end, const char *reason) {
    if (end == start + 1)
        return pync_raise_fmt(&pync_UnicodeDecodeError_type, "'%s' codec can't decode byte 0x%c%c in position %zd: %s",
                              codec, hexd[p[start] >> 4], hexd[p[start] & 15], (ptrdiff_t)start, reason);
    return pync_raise_fmt(&pync_UnicodeDecodeError_type, "'%s' codec can't decode bytes in position %zd-%zd: %s",
                          codec, (ptrdiff_t)start, (ptrdiff_t)(end - 1), reason);
}

/* Applies handler h to the undecodable bytes p[start:end]; *resume gets the offset where decoding
   continues ('surrogateescape' takes only the leading bytes >= 0x80 and decoding resumes after
   them, as CPython's handler does). 0, 1 (raise), -1. */
static int decode_replace(pync_strbuf *b, int h, const uint8_t *p, size_t start, size_t end, size_t *resume) {
    *resume = end;
    switch (h) {
    case EH_IGNORE: return 0;
    case EH_REPLACE: return pync_strbuf_append_cp(b, 0xFFFD);
    case EH_SURROGATEESCAPE: {
        size_t i = start;
        while (i < end && p[i] >= 128) {
            if (pync_strbuf_append_cp(b, 0xDC00 + p[i]) < 0) return -1;
            i++;
        }
        if (i == start) return 1;
        *resume = i;
        return 0;
    }
    case EH_BACKSLASH:
        for (size_t i = start; i < end; i++) {
            char t[4] = {'\\', 'x', hexd[p[i] >> 4], hexd[p[i] & 15]};
            if (pync_strbuf_append(b, t, 4) < 0) return -1;
        }
        return 0;
    default: return 1;
    }
}

/* Validates UTF-8 and returns the length of the valid prefix; *ncp gets its code point count. */
static size_t utf8_valid_prefix(const uint8_t *p, size_t n, size_t *ncp, bool *ascii) {
    size_t i = 0, count = 0;
    bool asc = true;
    while (i < n) {
        uint8_t c = p[i];
        if (c < 0x80) {
            i++;
            count++;
            continue;
        }
        asc = false;
        if (c < 0xC2) break;
        if (c < 0xE0) {
            if (i + 1 >= n || (p[i + 1] & 0xC0) != 0x80) break;
            i += 2;
        } else if (c < 0xF0) {
            if (i + 2 >= n) break;
            uint8_t c2 = p[i + 1];
            if ((c2 & 0xC0) != 0x80 || (c == 0xE0 && c2 < 0xA0) || (c == 0xED && c2 >= 0xA0)) break;
            if ((p[i + 2] & 0xC0) != 0x80) break;
            i += 3;
        } else if (c < 0xF5) {
            if (i + 3 >= n) break;
            uint8_t c2 = p[i + 1];
            if ((c2 & 0xC0) != 0x80 || (c == 0xF0 && c2 < 0x90) || (c == 0xF4 && c2 >= 0x90)) break;
            if ((p[i + 2] & 0xC0) != 0x80 || (p[i + 3] & 0xC0) != 0x80) break;
            i += 4;
        } else {
            break;
        }
        count++;
    }
    *ncp = count;
    *ascii = asc && i == n;
    return i;
}

/* At an invalid position i of UTF-8 data: the error span [i, *end) and its reason. */
static const char *utf8_error_at(const uint8_t *p, size_t n, size_t i, size_t *end) {
    uint8_t c = p[i];
    size_t avail = n - i;
#define CONT(x) (((x) & 0xC0) == 0x80)
    if (c < 0xC2 || c >= 0xF5) {
        *end = i + 1;
        return "invalid start byte";
    }
    if (c < 0xE0) {
        if (avail < 2) {
            *end = n;
            return "unexpected end of data";
        }
        *end = i + 1;
        return "invalid continuation byte";
    }
    if (c < 0xF0) {
        if (avail >= 2) {
            uint8_t c2 = p[i + 1];
            if (!CONT(c2) || (c2 < 0xA0 ? c == 0xE0 : c == 0xED)) {
                *end = i + 1;
                return "invalid continuation byte";
            }
        }
        if (avail < 3) {
            *end = n;
            return "unexpected end of data";
        }
        *end = i + 2;
        return "invalid continuation byte";
    }
    /* 4-byte lead */
    if (avail >= 2) {
        uint8_t c2 = p[i + 1];
        if (!CONT(c2) || (c2 < 0x90 ? c == 0xF0 : c == 0xF4)) {
            *end = i + 1;
            return "invalid continuation byte";
        }
    }
    if (avail >= 3 && !CONT(p[i + 2])) {
        *end = i + 2;
        return "invalid continuation byte";
    }
    if (avail < 4) {
        *end = n;
        return "unexpected end of data";
    }
    *end = i + 3;
    return "invalid continuation byte";
#undef CONT
}

static pv decode_utf8(const uint8_t *p, size_t n, pv errors) {
    size_t ncp;
    bool ascii;
    size_t ok = utf8_valid_prefix(p, n, &ncp, &ascii);
    if (ok == n) {
        pv s = pync_txt_alloc(n, ncp);
        if (!s) return 0;
        pync_memcpy(pync_txt_wdata(s), p, n);
        return s;
    }
    int h = handler_of(errors);
    pync_strbuf b;
    if (pync_strbuf_init(&b, n) < 0) return 0;
    size_t i = 0;
    while (i < n) {
        size_t good = utf8_valid_prefix(p + i, n - i, &ncp, &ascii);
        if (good && pync_strbuf_append(&b, (const char *)p + i, good) < 0) return 0;
        i += good;
        if (i >= n) break;
        if (h == EH_SURROGATEPASS && n - i >= 3 && p[i] == 0xED && p[i + 1] >= 0xA0 && p[i + 1] <= 0xBF &&
            (p[i + 2] & 0xC0) == 0x80) {
            if (pync_strbuf_append(&b, (const char *)p + i, 3) < 0) return 0;
            i += 3;
            continue;
        }
        size_t end;
        const char *reason = utf8_error_at(p, n, i, &end);
        if (h == EH_UNKNOWN) return unknown_handler(errors);
        size_t resume;
        int r = h == EH_STRICT ? 1 : decode_replace(&b, h, p, i, end, &resume);
        if (r < 0) return 0;
        if (r > 0) return decode_error("utf-8", p, i, end, reason);
        i = resume;
    }
    return pync_strbuf_finish(&b);
}

static pv decode_simple(const uint8_t *p, size_t n, pync_codec codec, pv errors) {
    if (codec == PYNC_CODEC_LATIN1) {
        size_t extra = 0;
        for (size_t i = 0; i < n; i++) extra += p[i] >= 0x80;
        pv s = pync_txt_alloc(n + extra, n);
        if (!s) return 0;
        char *w = pync_txt_wdata(s);
        for (size_t i = 0; i < n; i++) {
            if (p[i] < 0x80) *w++ = (char)p[i];
            else {
                *w++ = (char)(0xC0 | (p[i] >> 6));
                *w++ = (char)(0x80 | (p[i] & 0x3F));
            }
        }
        return s;
    }
    size_t i = 0;
    while (i < n && p[i] < 0x80) i++;
    if (i == n) {
        pv s = pync_txt_alloc(n, n);
        if (!s) return 0;
        pync_memcpy(pync_txt_wdata(s), p, n);
        return s;
    }
    int h = handler_of(errors);
    pync_strbuf b;
    if (pync_strbuf_init(&b, n) < 0) return 0;
    if (pync_strbuf_append(&b, (const char *)p, i) < 0) return 0;
    for (; i < n; i++) {
        if (p[i] < 0x80) {
            if (pync_strbuf_append(&b, (const char *)p + i, 1) < 0) return 0;
            continue;
        }
        if (h == EH_UNKNOWN) return unknown_handler(errors);
        size_t resume;
        int r = h == EH_STRICT ? 1 : decode_replace(&b, h, p, i, i + 1, &resume);
        if (r < 0) return 0;
        if (r > 0) return decode_error("ascii", p, i, i + 1, "ordinal not in range(128)");
    }
    return pync_strbuf_finish(&b);
}

static uint32_t get_unit(const uint8_t *p, int size, bool big) {
    uint32_t u = 0;
    for (int i = 0; i < size; i++) {
        int shift = big ? 8 * (size - 1 - i) : 8 * i;
        u |= (uint32_t)p[i] << shift;
    }
    return u;
}

static pv decode_utf16_32(const uint8_t *p, size_t n, pync_codec codec, pv errors) {
    bool wide = codec >= PYNC_CODEC_UTF32;
    int us = wide ? 4 : 2;
    bool big = codec == PYNC_CODEC_UTF16BE || codec == PYNC_CODEC_UTF32BE;
    const char *name = codec_names[codec];
    size_t i = 0;
    if (codec == PYNC_CODEC_UTF16 || codec == PYNC_CODEC_UTF32) {
        /* a BOM picks the byte order (and is dropped); little-endian otherwise */
        if (n >= (size_t)us) {
            uint32_t le = get_unit(p, us, false);
            if (le == 0xFEFF) i = (size_t)us;
            else if (get_unit(p, us, true) == 0xFEFF) {
                big = true;
                i = (size_t)us;
            }
        }
        name = big ? (wide ? "utf-32-be" : "utf-16-be") : (wide ? "utf-32-le" : "utf-16-le");
    }
    int h = -1;
    pync_strbuf b;
    if (pync_strbuf_init(&b, n) < 0) return 0;
    while (i < n) {
        size_t start = i, end;
        const char *reason;
        if (n - i < (size_t)us) {
            end = n;
            reason = "truncated data";
        } else {
            uint32_t u = get_unit(p + i, us, big);
            if (wide) {
                if (u > 0x10FFFF) {
                    end = i + 4;
                    reason = "code point not in range(0x110000)";
                } else if (is_surrogate(u)) {
                    end = i + 4;
                    reason = "code point in surrogate code point range(0xd800, 0xe000)";
                } else {
                    if (pync_strbuf_append_cp(&b, u) < 0) return 0;
                    i += 4;
                    continue;
                }
            } else if (!is_surrogate(u)) {
                if (pync_strbuf_append_cp(&b, u) < 0) return 0;
                i += 2;
                continue;
            } else if (u >= 0xDC00) {
                end = i + 2;
                reason = "illegal encoding";
            } else if (n - i < 4) {
                end = n;
                reason = "unexpected end of data";
            } else {
                uint32_t u2 = get_unit(p + i + 2, 2, big);
                if (u2 >= 0xDC00 && u2 <= 0xDFFF) {
                    if (pync_strbuf_append_cp(&b, 0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00)) < 0) return 0;
                    i += 4;
                    continue;
                }
                end = i + 2;
                reason = "illegal UTF-16 surrogate";
            }
        }
        if (h < 0) h = handler_of(errors);
        if (h == EH_UNKNOWN) return unknown_handler(errors);
        if (h == EH_SURROGATEPASS && end - start >= (size_t)us) {
            uint32_t u = get_unit(p + start, us, big);
            if (is_surrogate(u)) {
                if (pync_strbuf_append_cp(&b, u) < 0) return 0;
                i = start + (size_t)us;
                continue;
            }
        }
        size_t resume;
        int r = h == EH_STRICT ? 1 : decode_replace(&b, h, p, start, end, &resume);
        if (r < 0) return 0;
        if (r > 0) return decode_error(name, p, start, end, reason);
        i = resume;
    }
    return pync_strbuf_finish(&b);
}

pv pync_txt_decode(const uint8_t *p, size_t n, pync_codec codec, pv errors) {
    switch (codec) {
    case PYNC_CODEC_UTF8: return decode_utf8(p, n, errors);
    case PYNC_CODEC_UTF8SIG:
        /* a leading BOM is dropped; error positions count from after it, as CPython's do */
        if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) return decode_utf8(p + 3, n - 3, errors);
        return decode_utf8(p, n, errors);
    case PYNC_CODEC_ASCII:
    case PYNC_CODEC_LATIN1: return decode_simple(p, n, codec, errors);
    default: return decode_utf16_32(p, n, codec, errors);
    }
}

/* ==== front ends ============================================================================================== */

static int check_names(const char *fname, pv encoding, pv errors) {
    if (encoding && !pync_txt_is_str(encoding)) {
        pync_raise_fmt(&pync_TypeError_type, "%s() argument 'encoding' must be str, not %s", fname,
                       pync_txt_argtype(encoding));
        return -1;
    }
    if (errors && !pync_txt_is_str(errors)) {
        pync_raise_fmt(&pync_TypeError_type, "%s() argument 'errors' must be str, not %s", fname,
                       pync_txt_argtype(errors));
        return -1;
    }
    return 0;
}

pv pync_txt_decode_args(const char *fname, const uint8_t *p, size_t n, pv encoding, pv errors) {
    if (check_names(fname, encoding, errors) < 0) return 0;
    pync_codec c;
    if (pync_txt_codec_lookup(encoding, &c) < 0) return 0;
    return pync_txt_decode(p, n, c, errors);
}

pv pync_txt_encode_args(const char *fname, pv s, pv encoding, pv errors) {
    if (check_names(fname, encoding, errors) < 0) return 0;
    pync_codec c;
    if (pync_txt_codec_lookup(encoding, &c) < 0) return 0;
    return pync_txt_encode(s, c, errors);
}
