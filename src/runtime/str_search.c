/* str_search.c — searching and splitting: the byte-level search primitives (shared with bytes),
 * and the str methods built on them: find/rfind/index/rindex/count, startswith/endswith, split,
 * rsplit, splitlines, partition/rpartition, replace, join, strip/lstrip/rstrip,
 * removeprefix/removesuffix, expandtabs, translate/maketrans.
 *
 * Arguments are code point indices; the UTF-8 bytes are searched directly (a byte match of valid
 * UTF-8 in valid UTF-8 always starts and ends on code point boundaries), and byte offsets are
 * turned back into code point indices only where a result needs one. */
#include "str_impl.h"
#include "lib/unicode_db.h"

/* ==== byte search ============================================================================== */

ptrdiff_t pync_txt_find(const uint8_t *h, size_t hn, const uint8_t *n, size_t nn) {
    if (nn == 0) return 0;
    if (nn > hn) return -1;
    if (nn == 1) return pync_txt_memchr(h, hn, n[0]);
    size_t last = nn - 1;
    if (hn < 256 || nn < 4) {
        uint8_t first = n[0], lastc = n[last];
        for (size_t i = 0; i + nn <= hn; i++) {
            if (h[i] != first || h[i + last] != lastc) continue;
            size_t k = 1;
            while (k < last && h[i + k] == n[k]) k++;
            if (k >= last) return (ptrdiff_t)i;
        }
        return -1;
    }
    /* Horspool */
    size_t skip[256];
    for (int c = 0; c < 256; c++) skip[c] = nn;
    for (size_t k = 0; k < last; k++) skip[n[k]] = last - k;
    size_t i = 0;
    while (i + nn <= hn) {
        uint8_t c = h[i + last];
        if (c == n[last]) {
            size_t k = 0;
            while (k < last && h[i + k] == n[k]) k++;
            if (k == last) return (ptrdiff_t)i;
        }
        i += skip[c];
    }
    return -1;
}

ptrdiff_t pync_txt_rfind(const uint8_t *h, size_t hn, const uint8_t *n, size_t nn) {
    if (nn == 0) return (ptrdiff_t)hn;
    if (nn > hn) return -1;
    if (nn == 1) {
        for (size_t i = hn; i-- > 0;)
            if (h[i] == n[0]) return (ptrdiff_t)i;
        return -1;
    }
    if (hn < 256 || nn < 4) {
        for (size_t i = hn - nn + 1; i-- > 0;) {
            if (h[i] != n[0]) continue;
            size_t k = 1;
            while (k < nn && h[i + k] == n[k]) k++;
            if (k == nn) return (ptrdiff_t)i;
        }
        return -1;
    }
    /* Horspool from the right: align on the needle's first byte */
    size_t skip[256];
    for (int c = 0; c < 256; c++) skip[c] = nn;
    for (size_t k = nn - 1; k > 0; k--) skip[n[k]] = k;
    size_t i = hn - nn;
    for (;;) {
        uint8_t c = h[i];
        if (c == n[0]) {
            size_t k = 1;
            while (k < nn && h[i + k] == n[k]) k++;
            if (k == nn) return (ptrdiff_t)i;
        }
        if (i < skip[c]) return -1;
        i -= skip[c];
    }
}

size_t pync_txt_count(const uint8_t *h, size_t hn, const uint8_t *n, size_t nn, size_t maxcount) {
    size_t count = 0, pos = 0;
    if (nn == 1) {
        for (size_t i = 0; i < hn && count < maxcount; i++) count += h[i] == n[0];
        return count;
    }
    while (count < maxcount) {
        ptrdiff_t f = pync_txt_find(h + pos, hn - pos, n, nn);
        if (f < 0) break;
        count++;
        pos += (size_t)f + nn;
    }
    return count;
}

/* ==== helpers ==================================================================================== */

#define D(s) ((const uint8_t *)pync_str_data(s))
#define N(s) pync_str_size(s)
#define LEN(s) (pync_txt_s(s)->length)

static pv need_str(pv v) {
    return pync_raise_fmt(&pync_TypeError_type, "must be str, not %s", pync_type_name(v));
}

/* The item maker for str splits: the bytes [a, b) of s. */
static pv str_piece(pv s, size_t a, size_t b) {
    if (pync_txt_s(s)->ascii) return pync_txt_sub_bytes(s, a, b, b - a);
    return pync_txt_sub_bytes(s, a, b, pync_txt_count_cp(pync_str_data(s) + a, b - a));
}

static bool uspace(uint32_t c) {
    if (c < 128) return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f);
    return pync_ucd_isspace(c);
}

bool pync_txt_isspace_cp(uint32_t cp) { return uspace(cp); }

/* ==== find / index / count ======================================================================== */

/* Shared by find/rfind/index/rindex: the code point index or -1 (-2 on error). */
static int64_t do_find(const char *name, const char *qual, pv self, pv *args, size_t nargs, pv kwnames,
                       bool reverse) {
    pv sub;
    int64_t start, end;
    if (pync_txt_parse_finds(name, qual, args, nargs, kwnames, &sub, &start, &end) < 0) return -2;
    if (!pync_txt_is_str(sub)) {
        need_str(sub);
        return -2;
    }
    int64_t len = (int64_t)LEN(self);
    pync_txt_adjust(&start, &end, len);
    int64_t sublen = (int64_t)LEN(sub);
    if (end - start < sublen) return -1;
    if (sublen == 0) return reverse ? end : start;
    size_t bs = pync_txt_off(self, (size_t)start);
    size_t be = pync_txt_s(self)->ascii ? (size_t)end
                                         : pync_txt_skip_cp(pync_str_data(self), N(self), bs, (size_t)(end - start));
    ptrdiff_t f = reverse ? pync_txt_rfind(D(self) + bs, be - bs, D(sub), N(sub))
                          : pync_txt_find(D(self) + bs, be - bs, D(sub), N(sub));
    if (f < 0) return -1;
    if (pync_txt_s(self)->ascii) return start + f;
    return start + (int64_t)pync_txt_count_cp(pync_str_data(self) + bs, (size_t)f);
}

pv pync_txt_m_find(pv self, pv *args, size_t nargs, pv kwnames) {
    int64_t r = do_find("find", "str.find", self, args, nargs, kwnames, false);
    return r == -2 ? 0 : pync_int_from_i64(r);
}

pv pync_txt_m_rfind(pv self, pv *args, size_t nargs, pv kwnames) {
    int64_t r = do_find("rfind", "str.rfind", self, args, nargs, kwnames, true);
    return r == -2 ? 0 : pync_int_from_i64(r);
}

pv pync_txt_m_index(pv self, pv *args, size_t nargs, pv kwnames) {
    int64_t r = do_find("index", "str.index", self, args, nargs, kwnames, false);
    if (r == -2) return 0;
    if (r == -1) return pync_raise_fmt(&pync_ValueError_type, "substring not found");
    return pync_int_from_i64(r);
}

pv pync_txt_m_rindex(pv self, pv *args, size_t nargs, pv kwnames) {
    int64_t r = do_find("rindex", "str.rindex", self, args, nargs, kwnames, true);
    if (r == -2) return 0;
    if (r == -1) return pync_raise_fmt(&pync_ValueError_type, "substring not found");
    return pync_int_from_i64(r);
}

pv pync_txt_m_count(pv self, pv *args, size_t nargs, pv kwnames) {
    pv sub;
    int64_t start, end;
    if (pync_txt_parse_finds("count", "str.count", args, nargs, kwnames, &sub, &start, &end) < 0) return 0;
    if (!pync_txt_is_str(sub)) return need_str(sub);
    int64_t len = (int64_t)LEN(self);
    pync_txt_adjust(&start, &end, len);
    int64_t sublen = (int64_t)LEN(sub);
    if (end - start < sublen) return pv_from_small(0);
    if (sublen == 0) return pync_int_from_i64(end - start + 1);
    size_t bs = pync_txt_off(self, (size_t)start);
    size_t be = pync_txt_s(self)->ascii ? (size_t)end
                                         : pync_txt_skip_cp(pync_str_data(self), N(self), bs, (size_t)(end - start));
    return pync_int_from_u64(pync_txt_count(D(self) + bs, be - bs, D(sub), N(sub), SIZE_MAX));
}

/* ==== startswith / endswith ======================================================================= */

static int tailmatch(pv self, pv sub, int64_t start, int64_t end, bool at_end) {
    int64_t len = (int64_t)LEN(self), sublen = (int64_t)LEN(sub);
    pync_txt_adjust(&start, &end, len);
    end -= sublen;
    if (end < start) return 0;
    if (sublen == 0) return 1;
    size_t off = pync_txt_off(self, (size_t)(at_end ? end : start));
    if (off + N(sub) > N(self)) return 0;
    const uint8_t *a = D(self) + off, *b = D(sub);
    for (size_t i = 0; i < N(sub); i++)
        if (a[i] != b[i]) return 0;
    return 1;
}

static pv starts_ends(const char *name, const char *qual, pv self, pv *args, size_t nargs, pv kwnames,
                      bool at_end) {
    pv sub;
    int64_t start, end;
    if (pync_txt_parse_finds(name, qual, args, nargs, kwnames, &sub, &start, &end) < 0) return 0;
    if (!pv_is_small(sub) && pync_isinstance_type(sub, &pync_tuple_type)) {
        pync_tuple *t = (pync_tuple *)sub;
        for (size_t i = 0; i < t->size; i++) {
            pv item = t->items[i];
            if (!pync_txt_is_str(item))
                return pync_raise_fmt(&pync_TypeError_type, "tuple for %s must only contain str, not %s", name,
                                      pync_type_name(item));
            if (tailmatch(self, item, start, end, at_end)) return pync_True;
        }
        return pync_False;
    }
    if (!pync_txt_is_str(sub))
        return pync_raise_fmt(&pync_TypeError_type, "%s first arg must be str or a tuple of str, not %s", name,
                              pync_type_name(sub));
    return pync_bool(tailmatch(self, sub, start, end, at_end));
}

pv pync_txt_m_startswith(pv self, pv *args, size_t nargs, pv kwnames) {
    return starts_ends("startswith", "str.startswith", self, args, nargs, kwnames, false);
}

pv pync_txt_m_endswith(pv self, pv *args, size_t nargs, pv kwnames) {
    return starts_ends("endswith", "str.endswith", self, args, nargs, kwnames, true);
}

/* ==== split engines (shared with bytes through the piece maker) =================================== */


pv pync_txt_split_sep(pv src, const uint8_t *d, size_t n, const uint8_t *sep, size_t sn, int64_t maxsplit,
                      pync_txt_piece_fn piece) {
    pv list = pync_list_new(0);
    if (!list) return 0;
    if (maxsplit < 0) maxsplit = INT64_MAX;
    size_t pos = 0;
    while (maxsplit-- > 0) {
        ptrdiff_t f = pync_txt_find(d + pos, n - pos, sep, sn);
        if (f < 0) break;
        if (pync_txt_list_add(list, piece(src, pos, pos + (size_t)f)) < 0) return 0;
        pos += (size_t)f + sn;
    }
    if (pync_txt_list_add(list, piece(src, pos, n)) < 0) return 0;
    return list;
}

/* Reverses a list in place (rsplit collects from the right). */
static void list_reverse(pv list) {
    pync_list *l = (pync_list *)list;
    for (size_t i = 0, j = l->size; i + 1 < j; i++, j--) {
        pv t = l->items[i];
        l->items[i] = l->items[j - 1];
        l->items[j - 1] = t;
    }
}

pv pync_txt_rsplit_sep(pv src, const uint8_t *d, size_t n, const uint8_t *sep, size_t sn, int64_t maxsplit,
                       pync_txt_piece_fn piece) {
    pv list = pync_list_new(0);
    if (!list) return 0;
    if (maxsplit < 0) maxsplit = INT64_MAX;
    size_t end = n;
    while (maxsplit-- > 0) {
        ptrdiff_t f = pync_txt_rfind(d, end, sep, sn);
        if (f < 0) break;
        if (pync_txt_list_add(list, piece(src, (size_t)f + sn, end)) < 0) return 0;
        end = (size_t)f;
    }
    if (pync_txt_list_add(list, piece(src, 0, end)) < 0) return 0;
    list_reverse(list);
    return list;
}

/* Whitespace test at byte offset i (advances *next past the code point). */
static bool space_at(const uint8_t *d, size_t n, size_t i, size_t *next, bool unicode) {
    uint8_t c = d[i];
    if (c < 128 || !unicode) {
        *next = i + 1;
        return unicode ? uspace(c) : pync_txt_isspace_ascii(c);
    }
    size_t p = i;
    (void)n;
    uint32_t cp = pync_utf8_decode((const char *)d, &p);
    *next = p;
    return uspace(cp);
}

/* Whitespace test of the code point ending at byte offset i (sets *prev to its start). */
static bool space_before(const uint8_t *d, size_t i, size_t *prev, bool unicode) {
    uint8_t c = d[i - 1];
    if (c < 128 || !unicode) {
        *prev = i - 1;
        return unicode ? uspace(c) : pync_txt_isspace_ascii(c);
    }
    size_t p = i;
    uint32_t cp = pync_txt_decode_back((const char *)d, &p);
    *prev = p;
    return uspace(cp);
}

pv pync_txt_split_ws(pv src, const uint8_t *d, size_t n, int64_t maxsplit, pync_txt_piece_fn piece, bool unicode) {
    pv list = pync_list_new(0);
    if (!list) return 0;
    if (maxsplit < 0) maxsplit = INT64_MAX;
    size_t i = 0, next;
    while (true) {
        /* skip whitespace */
        while (i < n && space_at(d, n, i, &next, unicode)) i = next;
        if (i >= n) break;
        if (maxsplit-- <= 0) {
            /* the rest, trailing whitespace included */
            if (pync_txt_list_add(list, piece(src, i, n)) < 0) return 0;
            break;
        }
        size_t j = i;
        while (j < n && !space_at(d, n, j, &next, unicode)) j = next;
        if (pync_txt_list_add(list, piece(src, i, j)) < 0) return 0;
        i = j;
    }
    return list;
}

pv pync_txt_rsplit_ws(pv src, const uint8_t *d, size_t n, int64_t maxsplit, pync_txt_piece_fn piece, bool unicode) {
    pv list = pync_list_new(0);
    if (!list) return 0;
    if (maxsplit < 0) maxsplit = INT64_MAX;
    size_t i = n, prev;
    while (true) {
        while (i > 0 && space_before(d, i, &prev, unicode)) i = prev;
        if (i == 0) break;
        if (maxsplit-- <= 0) {
            if (pync_txt_list_add(list, piece(src, 0, i)) < 0) return 0;
            break;
        }
        size_t j = i;
        while (j > 0 && !space_before(d, j, &prev, unicode)) j = prev;
        if (pync_txt_list_add(list, piece(src, j, i)) < 0) return 0;
        i = j;
    }
    list_reverse(list);
    return list;
}

pv pync_txt_splitlines(pv src, const uint8_t *d, size_t n, bool keepends, pync_txt_piece_fn piece, bool unicode) {
    pv list = pync_list_new(0);
    if (!list) return 0;
    size_t i = 0;
    while (i < n) {
        size_t start = i, eol, after;
        for (;;) {
            if (i >= n) {
                eol = after = n;
                break;
            }
            uint8_t c = d[i];
            if (c == '\n' || c == '\r') {
                eol = i;
                after = i + 1;
                if (c == '\r' && after < n && d[after] == '\n') after++;
                break;
            }
            if (unicode) {
                if (c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d || c == 0x1e) {
                    eol = i;
                    after = i + 1;
                    break;
                }
                if (c >= 0x80) {
                    size_t p = i;
                    uint32_t cp = pync_utf8_decode((const char *)d, &p);
                    if (cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
                        eol = i;
                        after = p;
                        break;
                    }
                    i = p;
                    continue;
                }
            }
            i++;
        }
        if (pync_txt_list_add(list, piece(src, start, keepends ? after : eol)) < 0) return 0;
        i = after;
    }
    return list;
}

/* ==== split / rsplit / splitlines / partition for str ============================================== */

static int split_args(const char *name, pv *args, size_t nargs, pv kwnames, pv *sep, int64_t *maxsplit) {
    static const char *const names[] = {"sep", "maxsplit"};
    pv a[2];
    if (pync_txt_kwargs(name, args, nargs, kwnames, names, 0, 2, a) < 0) return -1;
    *sep = a[0] ? a[0] : pync_None;
    *maxsplit = -1;
    if (*sep != pync_None && !pync_txt_is_str(*sep)) {
        pync_raise_fmt(&pync_TypeError_type, "must be str or None, not %s", pync_type_name(*sep));
        return -1;
    }
    if (a[1] && pync_txt_ssize(a[1], maxsplit) < 0) return -1;
    return 0;
}

pv pync_txt_m_split(pv self, pv *args, size_t nargs, pv kwnames) {
    pv sep;
    int64_t maxsplit;
    if (split_args("split", args, nargs, kwnames, &sep, &maxsplit) < 0) return 0;
    if (sep == pync_None) return pync_txt_split_ws(self, D(self), N(self), maxsplit, str_piece, true);
    if (N(sep) == 0) return pync_raise_fmt(&pync_ValueError_type, "empty separator");
    return pync_txt_split_sep(self, D(self), N(self), D(sep), N(sep), maxsplit, str_piece);
}

pv pync_txt_m_rsplit(pv self, pv *args, size_t nargs, pv kwnames) {
    pv sep;
    int64_t maxsplit;
    if (split_args("rsplit", args, nargs, kwnames, &sep, &maxsplit) < 0) return 0;
    if (sep == pync_None) return pync_txt_rsplit_ws(self, D(self), N(self), maxsplit, str_piece, true);
    if (N(sep) == 0) return pync_raise_fmt(&pync_ValueError_type, "empty separator");
    return pync_txt_rsplit_sep(self, D(self), N(self), D(sep), N(sep), maxsplit, str_piece);
}

pv pync_txt_m_splitlines(pv self, pv *args, size_t nargs, pv kwnames) {
    static const char *const names[] = {"keepends"};
    pv a[1];
    if (pync_txt_kwargs("splitlines", args, nargs, kwnames, names, 0, 1, a) < 0) return 0;
    int keep = 0;
    if (a[0]) {
        /* Clinic's bool(accept={int}): an int by __index__ */
        if (!pync_txt_is_index(a[0]))
            return pync_raise_fmt(&pync_TypeError_type, "'%s' object cannot be interpreted as an integer",
                                  pync_type_name(a[0]));
        keep = pync_truth(a[0]);
        if (keep < 0) return 0;
    }
    return pync_txt_splitlines(self, D(self), N(self), keep != 0, str_piece, true);
}

pv pync_txt_partition(pv src, const uint8_t *d, size_t n, const uint8_t *sep, size_t sn, pv sepobj,
                      bool reverse, pync_txt_piece_fn piece, pv empty) {
    if (sn == 0) return pync_raise_fmt(&pync_ValueError_type, "empty separator");
    ptrdiff_t f = reverse ? pync_txt_rfind(d, n, sep, sn) : pync_txt_find(d, n, sep, sn);
    if (f < 0) {
        pv whole = piece(src, 0, n);
        if (!whole) return 0;
        return reverse ? pync_tuple_pack(3, empty, empty, whole) : pync_tuple_pack(3, whole, empty, empty);
    }
    pv a = piece(src, 0, (size_t)f);
    if (!a) return 0;
    pv c = piece(src, (size_t)f + sn, n);
    if (!c) return 0;
    return pync_tuple_pack(3, a, sepobj, c);
}

pv pync_txt_m_partition(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_txt_onearg("str.partition", nargs, kwnames) < 0) return 0;
    pv sep = args[0];
    if (!pync_txt_is_str(sep)) return need_str(sep);
    pv e = pync_txt_empty();
    if (!e) return 0;
    return pync_txt_partition(self, D(self), N(self), D(sep), N(sep), sep, false, str_piece, e);
}

pv pync_txt_m_rpartition(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_txt_onearg("str.rpartition", nargs, kwnames) < 0) return 0;
    pv sep = args[0];
    if (!pync_txt_is_str(sep)) return need_str(sep);
    pv e = pync_txt_empty();
    if (!e) return 0;
    return pync_txt_partition(self, D(self), N(self), D(sep), N(sep), sep, true, str_piece, e);
}

/* ==== replace ======================================================================================= */


size_t pync_txt_replace_size(const uint8_t *d, size_t n, size_t on, size_t nn, const uint8_t *old,
                             size_t count, bool unicode, size_t *k) {
    size_t found;
    if (on == 0) {
        size_t slots = (unicode ? pync_txt_count_cp((const char *)d, n) : n) + 1;
        found = slots < count ? slots : count;
    } else {
        found = pync_txt_count(d, n, old, on, count);
    }
    *k = found;
    return n - found * on + found * nn;
}

void pync_txt_replace_fill(uint8_t *w, const uint8_t *d, size_t n, const uint8_t *old, size_t on,
                           const uint8_t *nw, size_t nn, size_t k, bool unicode) {
    size_t pos = 0;
    if (on == 0) {
        while (k > 0) {
            pync_memcpy(w, nw, nn);
            w += nn;
            k--;
            if (pos >= n) break;
            size_t next = pos + 1;
            if (unicode)
                while (next < n && (d[next] & 0xC0) == 0x80) next++;
            pync_memcpy(w, d + pos, next - pos);
            w += next - pos;
            pos = next;
        }
        pync_memcpy(w, d + pos, n - pos);
        return;
    }
    while (k > 0) {
        ptrdiff_t f = pync_txt_find(d + pos, n - pos, old, on);
        if (f < 0) break;
        pync_memcpy(w, d + pos, (size_t)f);
        w += f;
        pync_memcpy(w, nw, nn);
        w += nn;
        pos += (size_t)f + on;
        k--;
    }
    pync_memcpy(w, d + pos, n - pos);
}

pv pync_txt_m_replace(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_txt_posargs("replace", "str.replace", nargs, kwnames, 2, 3) < 0) return 0;
    pv old = args[0], nw = args[1];
    if (!pync_txt_is_str(old))
        return pync_raise_fmt(&pync_TypeError_type, "replace() argument 1 must be str, not %s",
                              pync_txt_argtype(old));
    if (!pync_txt_is_str(nw))
        return pync_raise_fmt(&pync_TypeError_type, "replace() argument 2 must be str, not %s",
                              pync_txt_argtype(nw));
    int64_t count = -1;
    if (nargs > 2 && pync_txt_ssize(args[2], &count) < 0) return 0;
    size_t maxc = count < 0 ? SIZE_MAX : (size_t)count;
    size_t k;
    size_t size = pync_txt_replace_size(D(self), N(self), N(old), N(nw), D(old), maxc, true, &k);
    if (k == 0) {
        if (pync_txt_is_exact_str(self)) return self;
        return pync_txt_new(pync_str_data(self), N(self), LEN(self));
    }
    size_t length = LEN(self) - k * LEN(old) + k * LEN(nw);
    pv r = pync_txt_alloc(size, length);
    if (!r) return 0;
    pync_txt_replace_fill((uint8_t *)pync_txt_wdata(r), D(self), N(self), D(old), N(old), D(nw), N(nw), k,
                          true);
    return r;
}

/* ==== join ============================================================================================ */

pv pync_txt_join_list(pv sep, pv iterable) {
    /* materialise the items (a list or tuple is used directly) */
    pv seq = iterable;
    const pync_type *t = pv_type(iterable);
    pv *items;
    size_t n;
    if (t == &pync_list_type) {
        items = ((pync_list *)iterable)->items;
        n = ((pync_list *)iterable)->size;
    } else if (t == &pync_tuple_type) {
        items = ((pync_tuple *)iterable)->items;
        n = ((pync_tuple *)iterable)->size;
    } else {
        pv it = pync_iter(iterable);
        if (!it) {
            if (pync_current_exc && pync_isinstance_type(pync_current_exc, &pync_TypeError_type)) {
                pync_exc_clear();
                return pync_raise_fmt(&pync_TypeError_type, "can only join an iterable");
            }
            return 0;
        }
        seq = pync_list_new(0);
        if (!seq) return 0;
        for (;;) {
            pv x = pync_next(it);
            if (!x) {
                if (pync_current_exc) return 0;
                break;
            }
            if (pync_list_append(seq, x) < 0) return 0;
        }
        items = ((pync_list *)seq)->items;
        n = ((pync_list *)seq)->size;
    }
    if (n == 0) return pync_txt_empty();
    if (n == 1 && pync_txt_is_exact_str(items[0])) return items[0];
    size_t size = 0, length = 0;
    for (size_t i = 0; i < n; i++) {
        pv x = items[i];
        if (!pync_txt_is_str(x))
            return pync_raise_fmt(&pync_TypeError_type, "sequence item %zd: expected str instance, %s found",
                                  (ptrdiff_t)i, pync_type_name(x));
        size += N(x);
        length += LEN(x);
    }
    size_t sn = sep ? N(sep) : 0;
    size += sn * (n - 1);
    if (sep) length += LEN(sep) * (n - 1);
    pv r = pync_txt_alloc(size, length);
    if (!r) return 0;
    char *w = pync_txt_wdata(r);
    for (size_t i = 0; i < n; i++) {
        if (i && sn) {
            pync_memcpy(w, pync_str_data(sep), sn);
            w += sn;
        }
        /* the list may not change under us: no Python code runs here */
        pv x = items[i];
        pync_memcpy(w, pync_str_data(x), N(x));
        w += N(x);
    }
    (void)seq;
    return r;
}

pv pync_txt_m_join(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_txt_onearg("str.join", nargs, kwnames) < 0) return 0;
    return pync_txt_join_list(self, args[0]);
}

/* ==== strip ========================================================================================== */

/* which: 1 left, 2 right, 3 both */
static pv do_strip(const char *name, const char *qual, pv self, pv *args, size_t nargs, pv kwnames, int which) {
    if (pync_txt_posargs(name, qual, nargs, kwnames, 0, 1) < 0) return 0;
    pv chars = nargs ? args[0] : pync_None;
    const uint8_t *d = D(self);
    size_t n = N(self), i = 0, j = n, next;
    if (chars == pync_None) {
        if (which & 1)
            while (i < j && space_at(d, n, i, &next, true)) i = next;
        if (which & 2)
            while (j > i && space_before(d, j, &next, true)) j = next;
    } else {
        if (!pync_txt_is_str(chars))
            return pync_raise_fmt(&pync_TypeError_type, "%s arg must be None or str", name);
        const uint8_t *c = D(chars);
        size_t cn = N(chars);
        if (pync_txt_s(chars)->ascii) {
            uint8_t set[32] = {0};
            for (size_t k = 0; k < cn; k++) set[c[k] >> 3] |= (uint8_t)(1u << (c[k] & 7));
#define INSET(b) ((b) < 128 && (set[(b) >> 3] >> ((b) & 7)) & 1)
            if (which & 1)
                while (i < j && INSET(d[i])) i++;
            if (which & 2)
                while (j > i && INSET(d[j - 1])) j--;
#undef INSET
        } else {
            /* compare whole code points against the UTF-8 of chars */
            if (which & 1) {
                while (i < j) {
                    size_t p = i;
                    pync_utf8_decode((const char *)d, &p);
                    if (pync_txt_find(c, cn, d + i, p - i) < 0) break;
                    i = p;
                }
            }
            if (which & 2) {
                while (j > i) {
                    size_t p = j;
                    pync_txt_decode_back((const char *)d, &p);
                    if (pync_txt_find(c, cn, d + p, j - p) < 0) break;
                    j = p;
                }
            }
        }
    }
    return str_piece(self, i, j);
}

pv pync_txt_m_strip(pv self, pv *args, size_t nargs, pv kwnames) {
    return do_strip("strip", "str.strip", self, args, nargs, kwnames, 3);
}
pv pync_txt_m_lstrip(pv self, pv *args, size_t nargs, pv kwnames) {
    return do_strip("lstrip", "str.lstrip", self, args, nargs, kwnames, 1);
}
pv pync_txt_m_rstrip(pv self, pv *args, size_t nargs, pv kwnames) {
    return do_strip("rstrip", "str.rstrip", self, args, nargs, kwnames, 2);
}

/* ==== removeprefix / removesuffix ====================================================================== */

static pv remove_affix(const char *name, const char *qual, pv self, pv *args, size_t nargs, pv kwnames,
                       bool suffix) {
    if (pync_txt_onearg(qual, nargs, kwnames) < 0) return 0;
    pv a = args[0];
    if (!pync_txt_is_str(a))
        return pync_raise_fmt(&pync_TypeError_type, "%s() argument must be str, not %s", name, pync_txt_argtype(a));
    size_t n = N(self), an = N(a);
    if (an <= n && an > 0) {
        const uint8_t *d = D(self) + (suffix ? n - an : 0), *p = D(a);
        size_t k = 0;
        while (k < an && d[k] == p[k]) k++;
        if (k == an) {
            size_t from = suffix ? 0 : an, to = suffix ? n - an : n;
            return pync_txt_new(pync_str_data(self) + from, to - from, LEN(self) - LEN(a));
        }
    }
    if (pync_txt_is_exact_str(self)) return self;
    return pync_txt_new(pync_str_data(self), n, LEN(self));
}

pv pync_txt_m_removeprefix(pv self, pv *args, size_t nargs, pv kwnames) {
    return remove_affix("removeprefix", "str.removeprefix", self, args, nargs, kwnames, false);
}
pv pync_txt_m_removesuffix(pv self, pv *args, size_t nargs, pv kwnames) {
    return remove_affix("removesuffix", "str.removesuffix", self, args, nargs, kwnames, true);
}

/* ==== expandtabs ========================================================================================= */

pv pync_txt_m_expandtabs(pv self, pv *args, size_t nargs, pv kwnames) {
    static const char *const names[] = {"tabsize"};
    pv a[1];
    if (pync_txt_kwargs("expandtabs", args, nargs, kwnames, names, 0, 1, a) < 0) return 0;
    int64_t tabsize = 8;
    if (a[0] && pync_txt_ssize(a[0], &tabsize) < 0) return 0;
    if (tabsize < INT32_MIN || tabsize > INT32_MAX) /* a C int in CPython */
        return pync_raise_fmt(&pync_OverflowError_type, "Python int too large to convert to C int");
    const uint8_t *d = D(self);
    size_t n = N(self);
    if (pync_txt_memchr(d, n, '\t') < 0) {
        if (pync_txt_is_exact_str(self)) return self;
        return pync_txt_new(pync_str_data(self), n, LEN(self));
    }
    /* first pass: sizes */
    uint64_t col = 0, extra = 0;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = d[i];
        if (c == '\t') {
            if (tabsize > 0) {
                uint64_t inc = (uint64_t)tabsize - col % (uint64_t)tabsize;
                extra += inc;
                col += inc;
                if (extra > (uint64_t)INT64_MAX / 2) return pync_raise_fmt(&pync_OverflowError_type, "result too long");
            }
        } else if ((c & 0xC0) != 0x80) {
            col++;
            if (c == '\n' || c == '\r') col = 0;
        }
    }
    if (pync_check_alloc_size(n + extra) < 0) return 0;
    size_t tabs = pync_txt_count(d, n, (const uint8_t *)"\t", 1, SIZE_MAX);
    size_t size = n - tabs + (size_t)extra;
    pv r = pync_txt_alloc(size, LEN(self) - tabs + (size_t)extra);
    if (!r) return 0;
    char *w = pync_txt_wdata(r);
    col = 0;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = d[i];
        if (c == '\t') {
            if (tabsize > 0) {
                uint64_t inc = (uint64_t)tabsize - col % (uint64_t)tabsize;
                col += inc;
                while (inc--) *w++ = ' ';
            }
        } else {
            *w++ = (char)c;
            if ((c & 0xC0) != 0x80) {
                col++;
                if (c == '\n' || c == '\r') col = 0;
            }
        }
    }
    return r;
}

/* ==== translate / maketrans =============================================================================== */

pv pync_txt_m_translate(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_txt_onearg("str.translate", nargs, kwnames) < 0) return 0;
    pv table = args[0];
    /* cache of lookups for ASCII code points: 0 = not looked up yet */
    pv cache[128];
    for (int i = 0; i < 128; i++) cache[i] = 0;
    pync_strbuf b;
    const txt_str *p = pync_txt_s(self);
    if (pync_strbuf_init(&b, p->size) < 0) return 0;
    size_t pos = 0;
    while (pos < p->size) {
        size_t start = pos;
        uint32_t cp = pync_utf8_decode(p->data, &pos);
        pv r = cp < 128 ? cache[cp] : 0;
        if (!r) {
            pv key = pync_int_from_i64(cp);
            r = pync_getitem(table, key);
            if (!r) {
                if (pync_current_exc && pync_isinstance_type(pync_current_exc, &pync_LookupError_type)) {
                    pync_exc_clear();
                    r = key; /* unmapped: kept */
                } else {
                    return 0;
                }
            }
            if (cp < 128) cache[cp] = r;
        }
        if (r == pync_None) continue;
        if (pv_is_small(r) || pync_isinstance_type(r, &pync_int_type)) {
            int64_t v;
            if (!pync_txt_as_i64(r, &v) || v < 0 || v > 0x10FFFF)
                return pync_raise_fmt(&pync_ValueError_type, "character mapping must be in range(0x110000)");
            if ((uint32_t)v == cp) {
                if (pync_strbuf_append(&b, p->data + start, pos - start) < 0) return 0;
            } else if (pync_strbuf_append_cp(&b, (uint32_t)v) < 0) {
                return 0;
            }
        } else if (pync_txt_is_str(r)) {
            if (pync_strbuf_append_str(&b, r) < 0) return 0;
        } else {
            return pync_raise_fmt(&pync_TypeError_type, "character mapping must return integer, None or str");
        }
    }
    return pync_strbuf_finish(&b);
}

pv pync_txt_m_maketrans(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_txt_posargs("maketrans", "str.maketrans", nargs, kwnames, 1, 3) < 0) return 0;
    pv d = pync_dict_new();
    if (!d) return 0;
    if (nargs == 1) {
        pv x = args[0];
        if (pv_is_small(x) || !pync_isinstance_type(x, &pync_dict_type))
            return pync_raise_fmt(&pync_TypeError_type,
                                  "if you give only one argument to maketrans it must be a dict");
        size_t pos = 0;
        pv k, v;
        while (pync_dict_next(x, &pos, &k, &v)) {
            if (pync_txt_is_str(k)) {
                if (LEN(k) != 1)
                    return pync_raise_fmt(&pync_ValueError_type,
                                          "string keys in translate table must be of length 1");
                size_t q = 0;
                pv key = pync_int_from_i64(pync_utf8_decode(pync_str_data(k), &q));
                if (!key || pync_dict_setitem(d, key, v) < 0) return 0;
            } else if (pv_is_small(k) || pync_isinstance_type(k, &pync_int_type)) {
                if (pync_dict_setitem(d, k, v) < 0) return 0;
            } else {
                return pync_raise_fmt(&pync_TypeError_type, "keys in translate table must be strings or integers");
            }
        }
        return d;
    }
    pv x = args[0], y = args[1];
    if (!pync_txt_is_str(y))
        return pync_raise_fmt(&pync_TypeError_type, "maketrans() argument 2 must be str, not %s", pync_txt_argtype(y));
    if (nargs > 2 && !pync_txt_is_str(args[2]))
        return pync_raise_fmt(&pync_TypeError_type, "maketrans() argument 3 must be str, not %s",
                              pync_txt_argtype(args[2]));
    if (!pync_txt_is_str(x))
        return pync_raise_fmt(&pync_TypeError_type,
                              "first maketrans argument must be a string if there is a second argument");
    if (LEN(x) != LEN(y))
        return pync_raise_fmt(&pync_ValueError_type, "the first two maketrans arguments must have equal length");
    size_t px = 0, py = 0;
    while (px < N(x)) {
        pv k = pync_int_from_i64(pync_utf8_decode(pync_str_data(x), &px));
        if (!k) return 0;
        pv v = pync_int_from_i64(pync_utf8_decode(pync_str_data(y), &py));
        if (!v || pync_dict_setitem(d, k, v) < 0) return 0;
    }
    if (nargs > 2) {
        pv z = args[2];
        size_t pz = 0;
        while (pz < N(z)) {
            pv k = pync_int_from_i64(pync_utf8_decode(pync_str_data(z), &pz));
            if (!k || pync_dict_setitem(d, k, pync_None) < 0) return 0;
        }
    }
    return d;
}
