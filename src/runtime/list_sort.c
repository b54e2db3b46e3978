/* list_sort.c — list.sort: CPython's timsort (Objects/listsort.txt), so that sorts with
 * inconsistent comparisons (NaN), comparisons with side effects, and comparisons that raise
 * part-way leave exactly the list CPython leaves, after exactly the same comparisons.
 *
 * Natural runs (non-descending, or strictly descending and reversed) are extended to minrun by
 * binary insertion; the run stack is merged by the powersort policy (3.11); merges gallop when
 * one side keeps winning. While sorting, the list is empty and its store is a marker, so a
 * key function or comparison that mutates it is detected ("list modified during sort"). */
#include "containers.h"

static inline pync_list *L(pv v) { return (pync_list *)v; }

static void set_store(pync_list *l, pync_pvarray *store) {
    l->store = store;
    l->items = store ? store->items : NULL;
}

#define MAX_MERGE_PENDING 64
#define MIN_GALLOP 7
#define MERGESTATE_TEMP_SIZE 256

/* keys[i] belongs with values[i]; values is NULL when the keys are the items */
typedef struct sortslice {
    pv *keys;
    pv *values;
} sortslice;

typedef struct s_slice {
    sortslice base;
    int64_t len;
    int power;
} s_slice;

typedef struct merge_state {
    int64_t min_gallop;
    int64_t listlen;
    pv *basekeys;
    sortslice a;            /* temp storage: alloced keys (and values) */
    int64_t alloced;
    pync_pvarray *heap_temp; /* when the stack buffer is too small (traced while referenced here) */
    int n;
    s_slice pending[MAX_MERGE_PENDING];
    pv temparray[MERGESTATE_TEMP_SIZE];
} merge_state;

static inline void ss_copy(sortslice *s1, int64_t i, sortslice *s2, int64_t j) {
    s1->keys[i] = s2->keys[j];
    if (s1->values) s1->values[i] = s2->values[j];
}

static inline void ss_copy_incr(sortslice *dst, sortslice *src) {
    *dst->keys++ = *src->keys++;
    if (dst->values) *dst->values++ = *src->values++;
}

static inline void ss_copy_decr(sortslice *dst, sortslice *src) {
    *dst->keys-- = *src->keys--;
    if (dst->values) *dst->values-- = *src->values--;
}

static inline void ss_memcpy(sortslice *s1, int64_t i, sortslice *s2, int64_t j, int64_t n) {
    pync_memcpy(&s1->keys[i], &s2->keys[j], sizeof(pv) * (size_t)n);
    if (s1->values) pync_memcpy(&s1->values[i], &s2->values[j], sizeof(pv) * (size_t)n);
}

static inline void ss_memmove(sortslice *s1, int64_t i, sortslice *s2, int64_t j, int64_t n) {
    pync_memmove(&s1->keys[i], &s2->keys[j], sizeof(pv) * (size_t)n);
    if (s1->values) pync_memmove(&s1->values[i], &s2->values[j], sizeof(pv) * (size_t)n);
}

static inline void ss_advance(sortslice *s, int64_t n) {
    s->keys += n;
    if (s->values) s->values += n;
}

/* The comparison of the sort in progress (CPython's pre-sort check): keys that are all small
   ints, all floats or all strs compare directly, which gives the same answers as `<` for them;
   anything else goes through the generic protocol. Saved and restored around each sort, so a key
   function or __lt__ may sort too. 1 if x < y, 0 if not, -1 on error. */
typedef int (*sort_compare)(pv, pv);

static int generic_lt(pv a, pv b) { return pync_compare_bool(a, b, PYNC_LT); }
static int small_int_lt(pv a, pv b) { return pv_small(a) < pv_small(b); }
static int float_lt(pv a, pv b) { return pync_float_value(a) < pync_float_value(b); }
static int str_lt(pv a, pv b) {
    /* UTF-8 byte order is code point order */
    const uint8_t *x = (const uint8_t *)pync_str_data(a), *y = (const uint8_t *)pync_str_data(b);
    size_t nx = pync_str_size(a), ny = pync_str_size(b), n = nx < ny ? nx : ny;
    for (size_t i = 0; i < n; i++) {
        if (x[i] != y[i]) return x[i] < y[i];
    }
    return nx < ny;
}

static sort_compare key_compare = generic_lt;

static sort_compare choose_compare(const pv *keys, int64_t n) {
    if (n < 2) return generic_lt;
    pv k0 = keys[0];
    if (pv_is_small(k0)) {
        for (int64_t i = 1; i < n; i++) {
            if (!pv_is_small(keys[i])) return generic_lt;
        }
        return small_int_lt;
    }
    const pync_type *t = pv_type(k0);
    if (t != &pync_float_type && t != &pync_str_type) return generic_lt;
    for (int64_t i = 1; i < n; i++) {
        if (pv_is_small(keys[i]) || pv_type(keys[i]) != t) return generic_lt;
    }
    return t == &pync_float_type ? float_lt : str_lt;
}

#define ISLT(X, Y) key_compare((X), (Y))
#define IFLT(X, Y)                        \
    if ((k = ISLT(X, Y)) < 0) goto fail; \
    if (k)

/* Binary insertion sort of [lo, hi) where [lo, start) is already sorted. */
static int binarysort(sortslice lo, pv *hi, pv *start) {
    int k;
    pv *l, *p, *r;
    pv pivot;
    if (lo.keys == start) ++start;
    for (; start < hi; ++start) {
        l = lo.keys;
        r = start;
        pivot = *r;
        do {
            p = l + ((r - l) >> 1);
            IFLT(pivot, *p) r = p;
            else l = p + 1;
        } while (l < r);
        for (p = start; p > l; --p) *p = *(p - 1);
        *l = pivot;
        if (lo.values) {
            ptrdiff_t offset = lo.values - lo.keys;
            p = start + offset;
            pivot = *p;
            l += offset;
            for (p = start + offset; p > l; --p) *p = *(p - 1);
            *l = pivot;
        }
    }
    return 0;
fail:
    return -1;
}

/* The length of the run at lo: non-descending, or strictly descending (*descending set). */
static int64_t count_run(pv *lo, pv *hi, int *descending) {
    int k;
    int64_t n;
    *descending = 0;
    ++lo;
    if (lo == hi) return 1;
    n = 2;
    IFLT(*lo, *(lo - 1)) {
        *descending = 1;
        for (lo = lo + 1; lo < hi; ++lo, ++n) {
            IFLT(*lo, *(lo - 1));
            else break;
        }
    }
    else {
        for (lo = lo + 1; lo < hi; ++lo, ++n) {
            IFLT(*lo, *(lo - 1)) break;
        }
    }
    return n;
fail:
    return -1;
}

/* The k in 0..n with a[k-1] < key <= a[k], searching from hint. -1 on error. */
static int64_t gallop_left(pv key, pv *a, int64_t n, int64_t hint) {
    int64_t ofs, lastofs, k;
    a += hint;
    lastofs = 0;
    ofs = 1;
    IFLT(*a, key) {
        const int64_t maxofs = n - hint;
        while (ofs < maxofs) {
            IFLT(a[ofs], key) {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            }
            else break;
        }
        if (ofs > maxofs) ofs = maxofs;
        lastofs += hint;
        ofs += hint;
    }
    else {
        const int64_t maxofs = hint + 1;
        while (ofs < maxofs) {
            IFLT(*(a - ofs), key) break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs) ofs = maxofs;
        k = lastofs;
        lastofs = hint - ofs;
        ofs = hint - k;
    }
    a -= hint;
    ++lastofs;
    while (lastofs < ofs) {
        int64_t m = lastofs + ((ofs - lastofs) >> 1);
        IFLT(a[m], key) lastofs = m + 1;
        else ofs = m;
    }
    return ofs;
fail:
    return -1;
}

/* The k in 0..n with a[k-1] <= key < a[k]. -1 on error. */
static int64_t gallop_right(pv key, pv *a, int64_t n, int64_t hint) {
    int64_t ofs, lastofs, k;
    a += hint;
    lastofs = 0;
    ofs = 1;
    IFLT(key, *a) {
        const int64_t maxofs = hint + 1;
        while (ofs < maxofs) {
            IFLT(key, *(a - ofs)) {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            }
            else break;
        }
        if (ofs > maxofs) ofs = maxofs;
        k = lastofs;
        lastofs = hint - ofs;
        ofs = hint - k;
    }
    else {
        const int64_t maxofs = n - hint;
        while (ofs < maxofs) {
            IFLT(key, a[ofs]) break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs) ofs = maxofs;
        lastofs += hint;
        ofs += hint;
    }
    a -= hint;
    ++lastofs;
    while (lastofs < ofs) {
        int64_t m = lastofs + ((ofs - lastofs) >> 1);
        IFLT(key, a[m]) ofs = m;
        else lastofs = m + 1;
    }
    return ofs;
fail:
    return -1;
}

static void merge_init(merge_state *ms, int64_t list_size, bool has_keyfunc, sortslice *lo) {
    if (has_keyfunc) {
        ms->alloced = (list_size + 1) / 2;
        if (MERGESTATE_TEMP_SIZE / 2 < ms->alloced) ms->alloced = MERGESTATE_TEMP_SIZE / 2;
        ms->a.values = &ms->temparray[ms->alloced];
    } else {
        ms->alloced = MERGESTATE_TEMP_SIZE;
        ms->a.values = NULL;
    }
    ms->a.keys = ms->temparray;
    ms->heap_temp = NULL;
    ms->n = 0;
    ms->min_gallop = MIN_GALLOP;
    ms->listlen = list_size;
    ms->basekeys = lo->keys;
}

static int merge_getmem(merge_state *ms, int64_t need) {
    if (need <= ms->alloced) return 0;
    int multiplier = ms->a.values ? 2 : 1;
    if ((uint64_t)need > (uint64_t)PYNC_SSIZE_MAX / sizeof(pv) / (uint64_t)multiplier) {
        pync_raise_nomem();
        return -1;
    }
    ms->heap_temp = NULL;
    pync_pvarray *buf = pync_pvarray_new((size_t)(multiplier * need));
    if (!buf) return -1;
    ms->heap_temp = buf;
    ms->a.keys = buf->items;
    ms->alloced = need;
    if (ms->a.values) ms->a.values = &ms->a.keys[need];
    return 0;
}
#define MERGE_GETMEM(MS, NEED) ((NEED) <= (MS)->alloced ? 0 : merge_getmem(MS, NEED))

static int merge_lo(merge_state *ms, sortslice ssa, int64_t na, sortslice ssb, int64_t nb) {
    int64_t k;
    sortslice dest;
    int result = -1;
    int64_t min_gallop;
    if (MERGE_GETMEM(ms, na) < 0) return -1;
    ss_memcpy(&ms->a, 0, &ssa, 0, na);
    dest = ssa;
    ssa = ms->a;
    ss_copy_incr(&dest, &ssb);
    --nb;
    if (nb == 0) goto Succeed;
    if (na == 1) goto CopyB;
    min_gallop = ms->min_gallop;
    for (;;) {
        int64_t acount = 0, bcount = 0;
        for (;;) {
            k = ISLT(ssb.keys[0], ssa.keys[0]);
            if (k) {
                if (k < 0) goto Fail;
                ss_copy_incr(&dest, &ssb);
                ++bcount;
                acount = 0;
                --nb;
                if (nb == 0) goto Succeed;
                if (bcount >= min_gallop) break;
            } else {
                ss_copy_incr(&dest, &ssa);
                ++acount;
                bcount = 0;
                --na;
                if (na == 1) goto CopyB;
                if (acount >= min_gallop) break;
            }
        }
        ++min_gallop;
        do {
            min_gallop -= min_gallop > 1;
            ms->min_gallop = min_gallop;
            k = gallop_right(ssb.keys[0], ssa.keys, na, 0);
            acount = k;
            if (k) {
                if (k < 0) goto Fail;
                ss_memcpy(&dest, 0, &ssa, 0, k);
                ss_advance(&dest, k);
                ss_advance(&ssa, k);
                na -= k;
                if (na == 1) goto CopyB;
                /* impossible with a consistent comparison, but we cannot assume one */
                if (na == 0) goto Succeed;
            }
            ss_copy_incr(&dest, &ssb);
            --nb;
            if (nb == 0) goto Succeed;
            k = gallop_left(ssa.keys[0], ssb.keys, nb, 0);
            bcount = k;
            if (k) {
                if (k < 0) goto Fail;
                ss_memmove(&dest, 0, &ssb, 0, k);
                ss_advance(&dest, k);
                ss_advance(&ssb, k);
                nb -= k;
                if (nb == 0) goto Succeed;
            }
            ss_copy_incr(&dest, &ssa);
            --na;
            if (na == 1) goto CopyB;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        ++min_gallop;
        ms->min_gallop = min_gallop;
    }
Succeed:
    result = 0;
Fail:
    if (na) ss_memcpy(&dest, 0, &ssa, 0, na);
    return result;
CopyB:
    ss_memmove(&dest, 0, &ssb, 0, nb);
    ss_copy(&dest, nb, &ssa, 0);
    return 0;
}

static int merge_hi(merge_state *ms, sortslice ssa, int64_t na, sortslice ssb, int64_t nb) {
    int64_t k;
    sortslice dest, basea, baseb;
    int result = -1;
    int64_t min_gallop;
    if (MERGE_GETMEM(ms, nb) < 0) return -1;
    dest = ssb;
    ss_advance(&dest, nb - 1);
    ss_memcpy(&ms->a, 0, &ssb, 0, nb);
    basea = ssa;
    baseb = ms->a;
    ssb.keys = ms->a.keys + nb - 1;
    if (ssb.values) ssb.values = ms->a.values + nb - 1;
    ss_advance(&ssa, na - 1);
    ss_copy_decr(&dest, &ssa);
    --na;
    if (na == 0) goto Succeed;
    if (nb == 1) goto CopyA;
    min_gallop = ms->min_gallop;
    for (;;) {
        int64_t acount = 0, bcount = 0;
        for (;;) {
            k = ISLT(ssb.keys[0], ssa.keys[0]);
            if (k) {
                if (k < 0) goto Fail;
                ss_copy_decr(&dest, &ssa);
                ++acount;
                bcount = 0;
                --na;
                if (na == 0) goto Succeed;
                if (acount >= min_gallop) break;
            } else {
                ss_copy_decr(&dest, &ssb);
                ++bcount;
                acount = 0;
                --nb;
                if (nb == 1) goto CopyA;
                if (bcount >= min_gallop) break;
            }
        }
        ++min_gallop;
        do {
            min_gallop -= min_gallop > 1;
            ms->min_gallop = min_gallop;
            k = gallop_right(ssb.keys[0], basea.keys, na, na - 1);
            if (k < 0) goto Fail;
            k = na - k;
            acount = k;
            if (k) {
                ss_advance(&dest, -k);
                ss_advance(&ssa, -k);
                ss_memmove(&dest, 1, &ssa, 1, k);
                na -= k;
                if (na == 0) goto Succeed;
            }
            ss_copy_decr(&dest, &ssb);
            --nb;
            if (nb == 1) goto CopyA;
            k = gallop_left(ssa.keys[0], baseb.keys, nb, nb - 1);
            if (k < 0) goto Fail;
            k = nb - k;
            bcount = k;
            if (k) {
                ss_advance(&dest, -k);
                ss_advance(&ssb, -k);
                ss_memcpy(&dest, 1, &ssb, 1, k);
                nb -= k;
                if (nb == 1) goto CopyA;
                if (nb == 0) goto Succeed;
            }
            ss_copy_decr(&dest, &ssa);
            --na;
            if (na == 0) goto Succeed;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        ++min_gallop;
        ms->min_gallop = min_gallop;
    }
Succeed:
    result = 0;
Fail:
    if (nb) ss_memcpy(&dest, -(nb - 1), &baseb, 0, nb);
    return result;
CopyA:
    ss_memmove(&dest, 1 - na, &ssa, 1 - na, na);
    ss_advance(&dest, -na);
    ss_advance(&ssa, -na);
    ss_copy(&dest, 0, &ssb, 0);
    return 0;
}

static int merge_at(merge_state *ms, int64_t i) {
    sortslice ssa = ms->pending[i].base, ssb = ms->pending[i + 1].base;
    int64_t na = ms->pending[i].len, nb = ms->pending[i + 1].len, k;
    ms->pending[i].len = na + nb;
    if (i == ms->n - 3) ms->pending[i + 1] = ms->pending[i + 2];
    --ms->n;
    /* where b's first element goes in a: what precedes it is already in place */
    k = gallop_right(*ssb.keys, ssa.keys, na, 0);
    if (k < 0) return -1;
    ss_advance(&ssa, k);
    na -= k;
    if (na == 0) return 0;
    /* where a's last element goes in b: what follows it is already in place */
    nb = gallop_left(ssa.keys[na - 1], ssb.keys, nb, nb - 1);
    if (nb <= 0) return (int)nb;
    if (na <= nb) return merge_lo(ms, ssa, na, ssb, nb);
    return merge_hi(ms, ssa, na, ssb, nb);
}

/* The "power" of the run [s1, s1+n1) followed by one of n2 items, in a list of n (powersort). */
static int powerloop(int64_t s1, int64_t n1, int64_t n2, int64_t n) {
    int result = 0;
    int64_t a = 2 * s1 + n1;
    int64_t b = a + n1 + n2;
    for (;;) {
        ++result;
        if (a >= n) {
            a -= n;
            b -= n;
        } else if (b >= n) {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    return result;
}

static int found_new_run(merge_state *ms, int64_t n2) {
    if (ms->n) {
        s_slice *p = ms->pending;
        int64_t s1 = p[ms->n - 1].base.keys - ms->basekeys;
        int64_t n1 = p[ms->n - 1].len;
        int power = powerloop(s1, n1, n2, ms->listlen);
        while (ms->n > 1 && p[ms->n - 2].power > power) {
            if (merge_at(ms, ms->n - 2) < 0) return -1;
        }
        p[ms->n - 1].power = power;
    }
    return 0;
}

static int merge_force_collapse(merge_state *ms) {
    s_slice *p = ms->pending;
    while (ms->n > 1) {
        int64_t n = ms->n - 2;
        if (n > 0 && p[n - 1].len < p[n + 1].len) --n;
        if (merge_at(ms, n) < 0) return -1;
    }
    return 0;
}

static int64_t merge_compute_minrun(int64_t n) {
    int64_t r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

static void reverse_sortslice(sortslice *s, int64_t n) {
    pync_reverse_items(s->keys, &s->keys[n]);
    if (s->values) pync_reverse_items(s->values, &s->values[n]);
}

int pync_list_sort(pv list, pv keyfunc, bool reverse) {
    pync_list *self = L(list);
    if (keyfunc == pync_None) keyfunc = 0;
    merge_state ms;
    sortslice lo;
    int result = -1;
    /* The list is empty while it is sorted, so comparisons that mutate it cannot disturb the
       items being sorted; the items live in the saved store (referenced from this frame). */
    int64_t saved_size = (int64_t)self->size;
    pync_pvarray *saved_store = self->store;
    pv *saved_items = self->items;
    self->size = 0;
    set_store(self, &pync_list_sort_marker);

    sort_compare saved_compare = key_compare;
    pv *keys = NULL;
    pync_pvarray *keys_store = NULL; /* keeps computed keys alive when the stack buffer is too small */
    if (!keyfunc) {
        lo.keys = saved_items;
        lo.values = NULL;
    } else {
        if (saved_size < MERGESTATE_TEMP_SIZE / 2) {
            keys = &ms.temparray[saved_size + 1];
        } else {
            keys_store = pync_pvarray_new((size_t)saved_size);
            if (!keys_store) goto keyfunc_fail;
            keys = keys_store->items;
        }
        for (int64_t i = 0; i < saved_size; i++) {
            keys[i] = pync_call(keyfunc, &saved_items[i], 1, 0);
            if (!keys[i]) goto keyfunc_fail;
        }
        lo.keys = keys;
        lo.values = saved_items;
    }

    merge_init(&ms, saved_size, keys != NULL, &lo);
    key_compare = choose_compare(lo.keys, saved_size);
    int64_t nremaining = saved_size;
    if (nremaining < 2) goto succeed;
    /* reverse sorts stay stable: reverse, sort forwards, reverse back */
    if (reverse) {
        if (keys) pync_reverse_items(&keys[0], &keys[saved_size]);
        pync_reverse_items(&saved_items[0], &saved_items[saved_size]);
    }
    int64_t minrun = merge_compute_minrun(nremaining);
    do {
        int descending;
        int64_t n = count_run(lo.keys, lo.keys + nremaining, &descending);
        if (n < 0) goto fail;
        if (descending) reverse_sortslice(&lo, n);
        if (n < minrun) {
            const int64_t force = nremaining <= minrun ? nremaining : minrun;
            if (binarysort(lo, lo.keys + force, lo.keys + n) < 0) goto fail;
            n = force;
        }
        if (found_new_run(&ms, n) < 0) goto fail;
        ms.pending[ms.n].base = lo;
        ms.pending[ms.n].len = n;
        ++ms.n;
        ss_advance(&lo, n);
        nremaining -= n;
    } while (nremaining);
    if (merge_force_collapse(&ms) < 0) goto fail;
succeed:
    result = 0;
fail:
    key_compare = saved_compare;
    if (self->store != &pync_list_sort_marker && result == 0) {
        pync_raise_fmt(&pync_ValueError_type, "list modified during sort");
        result = -1;
    }
    if (reverse && saved_size > 1) pync_reverse_items(saved_items, saved_items + saved_size);
keyfunc_fail:
    /* whatever the comparisons put into the list is discarded */
    self->size = (size_t)saved_size;
    set_store(self, saved_store);
    (void)keys_store;
    ms.heap_temp = NULL;
    return result;
}

/* list.sort(*, key=None, reverse=False) */
pv pync_list_sort_method(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (nargs) return pync_raise_fmt(&pync_TypeError_type, "sort() takes no positional arguments");
    pv key = 0, reverse = 0;
    size_t nkw = pync_kwcount(kwnames);
    for (size_t i = 0; i < nkw; i++) {
        if (pync_kwname_is(kwnames, i, "key")) key = args[nargs + i];
        else if (pync_kwname_is(kwnames, i, "reverse")) reverse = args[nargs + i];
        else {
            return pync_raise_fmt(&pync_TypeError_type, "'%U' is an invalid keyword argument for sort()",
                                  ((pync_tuple *)kwnames)->items[i]);
        }
    }
    bool rev = false;
    if (reverse) {
        pv r = pync_number_index(reverse);
        if (!r) return 0;
        int64_t v;
        if (!pync_int_as_i64(r, &v) || v < INT32_MIN || v > INT32_MAX) {
            return pync_raise_fmt(&pync_OverflowError_type, "Python int too large to convert to C int");
        }
        rev = v != 0;
    }
    if (pync_list_sort(self, key, rev) < 0) return 0;
    return pync_None;
}
