/* gc.c — the allocator and the tracing garbage collector.
 *
 * Memory comes from the platform in segments of SEG_SIZE bytes, aligned to SEG_SIZE:
 *
 *   small segment (objects up to MAX_SMALL bytes, one size class per segment):
 *     +---------+-----------+----------+------------------------------------------+
 *     | segment | mark bits | in-use   | objects: obj 0 | obj 1 | ... | obj n-1   |
 *     | header  |           | bits     |                                          |
 *     +---------+-----------+----------+------------------------------------------+
 *   large object (one object, one or more whole segments):
 *     +---------+------------------------------------------------------------------+
 *     | segment | the object                                                       |
 *     +---------+------------------------------------------------------------------+
 *
 * A table maps every segment address to its header, so any word can be checked cheaply: the
 * collector is precise inside the heap (each type's trace function names the references an
 * object holds) and conservative for the C stack and registers (any word pointing anywhere
 * inside an allocated object keeps it alive). Mark-sweep, non-moving; a collection runs when the
 * bytes allocated since the last one pass a threshold that grows with the live heap, so a
 * program allocating without end runs in memory proportional to what it keeps. */
#include "pync.h"
#include "internal.h"
#include "platform/platform.h"

#ifndef PYNC_GC_SEGMENT_SHIFT
#define PYNC_GC_SEGMENT_SHIFT 16
#endif
#ifndef PYNC_GC_MIN_THRESHOLD
#define PYNC_GC_MIN_THRESHOLD ((size_t)2 << 20)
#endif

/* Boards with a small static heap set smaller segments and smaller first sizes for the
   collector's own arrays (defines from the target); memory from mmap is page-aligned anyway. */
#ifndef PYNC_GC_META_ALIGN
#define PYNC_GC_META_ALIGN 4096
#endif
#ifndef PYNC_GC_TABLE_MIN
#define PYNC_GC_TABLE_MIN 1024
#endif
#ifndef PYNC_GC_ARRAY_MIN
#define PYNC_GC_ARRAY_MIN 256
#endif

#define SEG_SIZE ((size_t)1 << PYNC_GC_SEGMENT_SHIFT)
#define SEG_MASK (~(uintptr_t)(SEG_SIZE - 1))
#define GRANULE 16
/* objects above a quarter of a segment get segments of their own */
#define MAX_SMALL (SEG_SIZE / 4 < 8192 ? SEG_SIZE / 4 : 8192)

/* SEG_CACHED: a dead large span kept for reuse (no object in it) */
enum seg_kind { SEG_SMALL = 1, SEG_LARGE = 2, SEG_CACHED = 3 };

typedef struct segment {
    uint32_t kind;
    uint32_t objsize;        /* small: the size class; large: unused */
    uint32_t nobjs;          /* small: object slots */
    uint32_t nfree;          /* small: free slots */
    uint32_t cursor;         /* small: the inuse word where the search for a free slot resumes */
    uint32_t nwords;         /* small: words in each bitmap */
    struct segment *next;    /* small: next segment of the class with free slots */
    char *objs;              /* first object */
    size_t span;             /* bytes of the whole allocation (large: n segments) */
    uint64_t *mark;          /* one bit per slot */
    uint64_t *inuse;         /* one bit per slot (bits past nobjs are always set) */
    uint8_t on_list;         /* small: linked into its class's free-slot list */
    uint8_t marked_large;    /* large: the mark bit */
} segment;

/* Size classes: multiples of 16 up to 128, then a few steps per power of two up to MAX_SMALL. */
static const uint16_t class_sizes[] = {
    16, 32, 48, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 448, 512,
    640, 768, 896, 1024, 1280, 1536, 1792, 2048, 2560, 3072, 3584, 4096, 5120, 6144, 7168, 8192,
};
#define NCLASSES (sizeof(class_sizes) / sizeof(class_sizes[0]))
static uint8_t class_of_granules[MAX_SMALL / GRANULE + 1];

/* ---- the segment table: segment address -> header -------------------------------------- */

static uintptr_t *table_keys;      /* segment addresses; 0 = empty, 1 = deleted */
static segment **table_vals;
static size_t table_cap;           /* power of two */
static size_t table_used;          /* including deleted */
static size_t table_live;

static size_t hash_addr(uintptr_t a) {
    uint64_t h = (uint64_t)(a >> PYNC_GC_SEGMENT_SHIFT) * 0x9E3779B97F4A7C15ull;
    return (size_t)(h >> 20);
}

static segment *table_find(uintptr_t addr) {
    if (!table_cap) return NULL;
    size_t mask = table_cap - 1;
    for (size_t i = hash_addr(addr) & mask;; i = (i + 1) & mask) {
        uintptr_t k = table_keys[i];
        if (k == addr) return table_vals[i];
        if (k == 0) return NULL;
    }
}

static bool table_grow(void) {
    size_t ncap = table_cap ? table_cap * 2 : PYNC_GC_TABLE_MIN;
    uintptr_t *nk = pync_platform_chunk_alloc(ncap * sizeof(uintptr_t), PYNC_GC_META_ALIGN);
    segment **nv = pync_platform_chunk_alloc(ncap * sizeof(segment *), PYNC_GC_META_ALIGN);
    if (!nk || !nv) {
        if (nk) pync_platform_chunk_free(nk, ncap * sizeof(uintptr_t));
        if (nv) pync_platform_chunk_free(nv, ncap * sizeof(segment *));
        return false;
    }
    size_t mask = ncap - 1;
    for (size_t i = 0; i < table_cap; i++) {
        uintptr_t k = table_keys[i];
        if (k <= 1) continue;
        size_t j = hash_addr(k) & mask;
        while (nk[j]) j = (j + 1) & mask;
        nk[j] = k;
        nv[j] = table_vals[i];
    }
    if (table_cap) {
        pync_platform_chunk_free(table_keys, table_cap * sizeof(uintptr_t));
        pync_platform_chunk_free(table_vals, table_cap * sizeof(segment *));
    }
    table_keys = nk;
    table_vals = nv;
    table_cap = ncap;
    table_used = table_live;
    return true;
}

static bool table_insert(uintptr_t addr, segment *s) {
    if ((table_used + 1) * 2 > table_cap && !table_grow()) return false;
    size_t mask = table_cap - 1;
    size_t i = hash_addr(addr) & mask;
    while (table_keys[i] > 1) i = (i + 1) & mask;
    if (table_keys[i] == 0) table_used++;
    table_keys[i] = addr;
    table_vals[i] = s;
    table_live++;
    return true;
}

static void table_remove(uintptr_t addr) {
    size_t mask = table_cap - 1;
    for (size_t i = hash_addr(addr) & mask;; i = (i + 1) & mask) {
        if (table_keys[i] == addr) {
            table_keys[i] = 1;
            table_vals[i] = NULL;
            table_live--;
            return;
        }
        if (table_keys[i] == 0) return;
    }
}

/* ---- state ---------------------------------------------------------------------------- */

static segment *class_free[NCLASSES];   /* segments with free slots, per class */
static segment *empty_segments;          /* whole free small segments kept for reuse */
static size_t n_empty_segments;
static segment **all_small;              /* every small segment, for sweeping */
static size_t n_small, cap_small;
static segment **all_large;
static size_t n_large, cap_large;

static size_t heap_bytes;                /* bytes of segments held */
static size_t live_bytes;                /* object bytes found live by the last collection */
static size_t allocated_since_gc;
static size_t min_threshold = PYNC_GC_MIN_THRESHOLD;
static size_t threshold = PYNC_GC_MIN_THRESHOLD;
static size_t n_collections;
static size_t allocated_total;
static bool collecting;

static char *stack_top;
typedef struct root_range { pv *start; size_t count; } root_range;
static root_range *roots;
static size_t n_roots, cap_roots;

/* the mark stack */
static pync_object **mstack;
static size_t mstack_len, mstack_cap;
static bool mstack_overflowed;

/* ---- helpers -------------------------------------------------------------------------- */

static void *grow_array(void *old, size_t *cap, size_t elem) {
    size_t ncap = *cap ? *cap * 2 : PYNC_GC_ARRAY_MIN;
    void *n = pync_platform_chunk_alloc(ncap * elem, PYNC_GC_META_ALIGN);
    if (!n) return NULL;
    if (old) {
        pync_memcpy(n, old, *cap * elem);
        pync_platform_chunk_free(old, *cap * elem);
    }
    *cap = ncap;
    return n;
}

static inline bool bit_get(const uint64_t *bits, size_t i) { return (bits[i >> 6] >> (i & 63)) & 1; }
static inline void bit_set(uint64_t *bits, size_t i) { bits[i >> 6] |= (uint64_t)1 << (i & 63); }

void pync_gc_init(void *top) {
    stack_top = top;
    /* a bounded heap (a board's) is collected after a quarter of it is allocated */
    size_t limit = pync_platform_heap_limit();
    if (limit && limit / 4 < min_threshold) min_threshold = threshold = limit / 4;
    size_t c = 0;
    for (size_t g = 0; g <= MAX_SMALL / GRANULE; g++) {
        while (class_sizes[c] < g * GRANULE) c++;
        class_of_granules[g] = (uint8_t)c;
    }
}

/* ---- small objects -------------------------------------------------------------------- */

/* Free slots are the clear bits of `inuse`: allocation finds the next one, and a collection's
   sweep is a copy of the mark bits (nothing is written into dead objects, so a sweep touches
   only the bitmaps). */

static void set_tail_bits(segment *s) {
    for (size_t w = s->nobjs / 64; w < s->nwords; w++) {
        size_t first = w * 64 < s->nobjs ? s->nobjs - w * 64 : 0;
        s->inuse[w] |= ~(uint64_t)0 << first;
    }
}

static size_t popcount64(uint64_t x) {
    x = x - ((x >> 1) & 0x5555555555555555ull);
    x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
    x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
    return (size_t)((x * 0x0101010101010101ull) >> 56);
}

static segment *new_small_segment(unsigned cls) {
    segment *s = empty_segments;
    if (s) {
        empty_segments = s->next;
        n_empty_segments--;
    } else {
        s = pync_platform_chunk_alloc(SEG_SIZE, SEG_SIZE);
        if (!s) return NULL;
        if (!table_insert((uintptr_t)s, s)) {
            pync_platform_chunk_free(s, SEG_SIZE);
            return NULL;
        }
        if (n_small == cap_small) {
            segment **n = grow_array(all_small, &cap_small, sizeof(segment *));
            if (!n) return NULL;
            all_small = n;
        }
        all_small[n_small++] = s;
        heap_bytes += SEG_SIZE;
    }
    uint32_t size = class_sizes[cls];
    /* header, then two bitmaps, then objects aligned to GRANULE */
    size_t header = (sizeof(segment) + 7) & ~(size_t)7;
    size_t maxobjs = (SEG_SIZE - header) / size;
    size_t words = (maxobjs + 63) / 64;
    size_t objs_off = (header + 2 * words * 8 + GRANULE - 1) & ~(size_t)(GRANULE - 1);
    size_t nobjs = (SEG_SIZE - objs_off) / size;
    s->kind = SEG_SMALL;
    s->objsize = size;
    s->nobjs = (uint32_t)nobjs;
    s->nfree = (uint32_t)nobjs;
    s->mark = (uint64_t *)((char *)s + header);
    s->inuse = s->mark + words;
    pync_memset(s->mark, 0, 2 * words * 8);
    s->objs = (char *)s + objs_off;
    s->span = SEG_SIZE;
    s->nwords = (uint32_t)words;
    s->cursor = 0;
    set_tail_bits(s);
    s->next = class_free[cls];
    s->on_list = 1;
    class_free[cls] = s;
    return s;
}

static void *alloc_small(size_t size) {
    unsigned cls = class_of_granules[(size + GRANULE - 1) / GRANULE];
    segment *s = class_free[cls];
    while (s && s->nfree == 0) {
        s->on_list = 0;
        s = s->next;
        class_free[cls] = s;
    }
    if (!s) {
        s = new_small_segment(cls);
        if (!s) return NULL;
    }
    size_t w = s->cursor;
    while (s->inuse[w] == ~(uint64_t)0) w++;   /* nfree > 0: a clear bit exists at or after cursor */
    s->cursor = (uint32_t)w;
    uint64_t free_bits = ~s->inuse[w];
    size_t idx = w * 64 + (size_t)__builtin_ctzll(free_bits);
    s->inuse[w] |= free_bits & (~free_bits + 1);   /* the lowest clear bit */
    s->nfree--;
    uint64_t *obj = (uint64_t *)(s->objs + idx * s->objsize);
    /* sizes are multiples of GRANULE: clear word by word */
    for (size_t i = 0, n = s->objsize / 8; i < n; i++) obj[i] = 0;
    allocated_since_gc += s->objsize;
    return obj;
}

/* ---- large objects -------------------------------------------------------------------- */

/* Dead large spans kept for reuse: mapping and unmapping them for every big int of a
   computation costs more than the computation (page faults, TLB flushes). */
#define LARGE_CACHE_MAX 32
static segment *large_cache[LARGE_CACHE_MAX];
static size_t n_large_cache, large_cache_bytes;

static segment *take_cached_span(size_t span) {
    for (size_t i = 0; i < n_large_cache; i++) {
        segment *s = large_cache[i];
        if (s->span >= span && s->span <= 2 * span) {
            large_cache[i] = large_cache[--n_large_cache];
            large_cache_bytes -= s->span;
            return s;
        }
    }
    return NULL;
}

static void *alloc_large(size_t size) {
    size_t header = (sizeof(segment) + GRANULE - 1) & ~(size_t)(GRANULE - 1);
    size_t span = (header + size + SEG_SIZE - 1) & ~(size_t)(SEG_SIZE - 1);
    if (span < size) return NULL;
    segment *cached = take_cached_span(span);
    if (cached) {
        if (n_large == cap_large) {
            segment **n = grow_array(all_large, &cap_large, sizeof(segment *));
            if (!n) return NULL;
            all_large = n;
        }
        all_large[n_large++] = cached;
        cached->kind = SEG_LARGE;
        cached->marked_large = 0;
        allocated_since_gc += cached->span;
        pync_memset(cached->objs, 0, size);
        return cached->objs;
    }
    segment *s = pync_platform_chunk_alloc(span, SEG_SIZE);
    if (!s) return NULL;
    for (size_t off = 0; off < span; off += SEG_SIZE) {
        if (!table_insert((uintptr_t)s + off, s)) {
            for (size_t o = 0; o < off; o += SEG_SIZE) table_remove((uintptr_t)s + o);
            pync_platform_chunk_free(s, span);
            return NULL;
        }
    }
    if (n_large == cap_large) {
        segment **n = grow_array(all_large, &cap_large, sizeof(segment *));
        if (!n) return NULL;
        all_large = n;
    }
    all_large[n_large++] = s;
    s->kind = SEG_LARGE;
    s->objs = (char *)s + header;
    s->span = span;
    s->objsize = 0;
    s->marked_large = 0;
    heap_bytes += span;
    allocated_since_gc += span;
    return s->objs; /* fresh pages are zero */
}

/* ---- allocation ----------------------------------------------------------------------- */

/* Out of memory: the whole free segments and dead large spans kept for reuse go back to the
   platform, so that an allocation of another size (a large one, on a board's fixed heap) can
   have their space. */
static void release_kept_memory(void) {
    for (size_t i = 0; i < n_small; i++) {
        segment *s = all_small[i];
        if (s->kind != 0) continue; /* only parked segments */
        table_remove((uintptr_t)s);
        pync_platform_chunk_free(s, SEG_SIZE);
        heap_bytes -= SEG_SIZE;
        all_small[i] = all_small[--n_small];
        i--;
    }
    empty_segments = NULL;
    n_empty_segments = 0;
    for (size_t i = 0; i < n_large_cache; i++) {
        segment *s = large_cache[i];
        for (size_t off = 0; off < s->span; off += SEG_SIZE) table_remove((uintptr_t)s + off);
        heap_bytes -= s->span;
        pync_platform_chunk_free(s, s->span);
    }
    n_large_cache = 0;
    large_cache_bytes = 0;
}

void *pync_gc_alloc(size_t size, const pync_type *type) {
    if (size < sizeof(pync_object)) size = sizeof(pync_object);
    if (allocated_since_gc >= threshold && !collecting) pync_gc_collect();
    void *p = size <= MAX_SMALL ? alloc_small(size) : alloc_large(size);
    if (!p) {
        /* out of memory: collect, give back what is kept for reuse, and try once more */
        if (!collecting) pync_gc_collect();
        release_kept_memory();
        p = size <= MAX_SMALL ? alloc_small(size) : alloc_large(size);
        if (!p) {
            pync_raise_nomem();
            return NULL;
        }
    }
    allocated_total += size;
    ((pync_object *)p)->type = type;
    return p;
}

/* ---- finding objects ------------------------------------------------------------------ */

/* The object containing address a, or NULL when a is not inside an allocated object. */
static pync_object *object_at(uintptr_t a, segment **seg_out, size_t *idx_out) {
    segment *s = table_find(a & SEG_MASK);
    if (!s) return NULL;
    if (s->kind == SEG_LARGE) {
        if (a < (uintptr_t)s->objs) return NULL;
        *seg_out = s;
        *idx_out = 0;
        return (pync_object *)s->objs;
    }
    if (s->kind != SEG_SMALL || a < (uintptr_t)s->objs) return NULL;
    size_t idx = (size_t)(a - (uintptr_t)s->objs) / s->objsize;
    if (idx >= s->nobjs || !bit_get(s->inuse, idx)) return NULL;
    *seg_out = s;
    *idx_out = idx;
    return (pync_object *)(s->objs + idx * s->objsize);
}

static void push_mark(pync_object *o) {
    if (mstack_len == mstack_cap) {
        pync_object **n = grow_array(mstack, &mstack_cap, sizeof(pync_object *));
        if (!n) {
            /* no room to remember it: it is marked; a rescan of marked objects finds it */
            mstack_overflowed = true;
            return;
        }
        mstack = n;
    }
    mstack[mstack_len++] = o;
}

/* Marks the object containing address a (if any) and queues it for tracing. */
static void mark_address(uintptr_t a) {
    segment *s;
    size_t idx;
    pync_object *o = object_at(a, &s, &idx);
    if (!o) return;
    if (s->kind == SEG_LARGE) {
        if (s->marked_large) return;
        s->marked_large = 1;
    } else {
        if (bit_get(s->mark, idx)) return;
        bit_set(s->mark, idx);
    }
    push_mark(o);
}

void pync_gc_visit(pv v) {
    if (v == 0 || pv_is_small(v)) return;
    mark_address((uintptr_t)v);
}

void pync_gc_visit_conservative(const void *start, size_t size) {
    const uintptr_t *w = (const uintptr_t *)start;
    for (size_t i = 0; i < size / sizeof(uintptr_t); i++) mark_address(w[i]);
}

static void trace_object(pync_object *o) {
    const pync_type *t = o->type;
    if (!t) return; /* allocated but not yet initialised */
    if (t->flags & PYNC_TF_HEAPTYPE) pync_gc_visit((pv)t);
    if (!(t->flags & PYNC_TF_LEAF) && t->trace) t->trace(o);
}

static void drain(void) {
    while (mstack_len > 0) trace_object(mstack[--mstack_len]);
}

/* After a mark stack overflow: trace every marked object again until nothing new is found. */
static void rescan_marked(void) {
    while (mstack_overflowed) {
        mstack_overflowed = false;
        for (size_t i = 0; i < n_small; i++) {
            segment *s = all_small[i];
            if (s->kind != SEG_SMALL) continue;
            for (size_t k = 0; k < s->nobjs; k++) {
                if (bit_get(s->mark, k)) {
                    trace_object((pync_object *)(s->objs + k * s->objsize));
                    drain();
                }
            }
        }
        for (size_t i = 0; i < n_large; i++) {
            if (all_large[i]->marked_large) {
                trace_object((pync_object *)all_large[i]->objs);
                drain();
            }
        }
    }
}

int pync_gc_try_add_roots(pv *start, size_t count) {
    if (n_roots == cap_roots) {
        root_range *n = grow_array(roots, &cap_roots, sizeof(root_range));
        if (!n) return -1;
        roots = n;
    }
    roots[n_roots].start = start;
    roots[n_roots].count = count;
    n_roots++;
    return 0;
}

void pync_gc_add_roots(pv *start, size_t count) { (void)pync_gc_try_add_roots(start, count); }

__attribute__((noinline)) static void scan_stack(void) {
    /* spill callee-saved registers into this frame so the scan sees them; a target can name
       them instead (clang's __builtin_unwind_init pushes d8-d15 even for a Cortex-M3, which has
       no such registers and faults) */
#ifdef PYNC_GC_CALLEE_SAVED
    __asm__ volatile("" ::: PYNC_GC_CALLEE_SAVED);
#else
    __builtin_unwind_init();
#endif
    volatile char here = 0;
    uintptr_t lo = (uintptr_t)&here;
    uintptr_t hi = (uintptr_t)stack_top;
    lo &= ~(uintptr_t)(sizeof(uintptr_t) - 1);
    for (uintptr_t p = lo; p + sizeof(uintptr_t) <= hi; p += sizeof(uintptr_t)) {
        mark_address(*(const uintptr_t *)p);
        drain();
    }
}

static void mark_roots(void) {
    for (size_t r = 0; r < n_roots; r++) {
        for (size_t i = 0; i < roots[r].count; i++) {
            pync_gc_visit(roots[r].start[i]);
            drain();
        }
    }
    pync_runtime_trace_roots();
    drain();
    scan_stack();
    drain();
    rescan_marked();
}

/* ---- sweeping ------------------------------------------------------------------------- */

static void sweep(void) {
    live_bytes = 0;
    for (unsigned c = 0; c < NCLASSES; c++) class_free[c] = NULL;
    /* empty segments are kept for the allocations up to the next collection (returning them
       to the system only to map them again costs page faults); the rest go back */
    size_t keep_empty = threshold / SEG_SIZE + 4;
    for (size_t i = 0; i < n_small; i++) {
        segment *s = all_small[i];
        if (s->kind != SEG_SMALL) continue; /* parked in the empty pool */
        size_t live = 0;
        for (size_t w = 0; w < s->nwords; w++) {
            s->inuse[w] = s->mark[w];
            s->mark[w] = 0;
            live += popcount64(s->inuse[w]);
        }
        set_tail_bits(s);
        s->nfree = (uint32_t)(s->nobjs - live);
        s->cursor = 0;
        live_bytes += live * s->objsize;
        s->on_list = 0;
        if (live == 0 && n_empty_segments < keep_empty) {
            s->kind = 0; /* parked: new_small_segment reinitialises it */
            s->next = empty_segments;
            empty_segments = s;
            n_empty_segments++;
            continue;
        }
        if (live == 0) {
            /* give it back to the system */
            table_remove((uintptr_t)s);
            pync_platform_chunk_free(s, SEG_SIZE);
            heap_bytes -= SEG_SIZE;
            all_small[i] = all_small[--n_small];
            i--;
            continue;
        }
        if (s->nfree) {
            unsigned cls = 0;
            while (class_sizes[cls] != s->objsize) cls++;
            s->next = class_free[cls];
            class_free[cls] = s;
            s->on_list = 1;
        }
    }
    for (size_t i = 0; i < n_large; i++) {
        segment *s = all_large[i];
        if (s->marked_large) {
            s->marked_large = 0;
            live_bytes += s->span;
            continue;
        }
        all_large[i] = all_large[--n_large];
        i--;
        if (n_large_cache < LARGE_CACHE_MAX && large_cache_bytes + s->span <= threshold) {
            s->kind = SEG_CACHED;
            large_cache[n_large_cache++] = s;
            large_cache_bytes += s->span;
            continue;
        }
        for (size_t off = 0; off < s->span; off += SEG_SIZE) table_remove((uintptr_t)s + off);
        heap_bytes -= s->span;
        pync_platform_chunk_free(s, s->span);
    }
}

/* ---- the bump region (floats allocated by compiled code) --------------------------------- */

/* Compiled code boxes floats by bumping pync_bump_next up to pync_bump_limit inside a segment of
   16-byte slots that no other allocation uses; the slots it hands out get their in-use bits when
   the region is committed (before a collection, or when it is full). */
char *pync_bump_next, *pync_bump_limit;
static segment *bump_segment;
static char *bump_start;

static void bump_commit(void) {
    segment *s = bump_segment;
    if (!s) return;
    size_t first = (size_t)(bump_start - s->objs) / s->objsize;
    size_t end = (size_t)(pync_bump_next - s->objs) / s->objsize;
    for (size_t i = first; i < end; i++) bit_set(s->inuse, i);
    s->nfree -= (uint32_t)(end - first);
    allocated_since_gc += (end - first) * s->objsize;
    bump_start = pync_bump_next;
}

static void bump_retire(void) {
    bump_commit();
    bump_segment = NULL;
    bump_start = pync_bump_next = pync_bump_limit = NULL;
}

/* A new region: a segment of the 16-byte class with every slot free, kept off the free list. */
static bool bump_refill(void) {
    bump_retire();
    if (allocated_since_gc >= threshold && !collecting) pync_gc_collect();
    unsigned cls = class_of_granules[1];
    segment *s = new_small_segment(cls);
    if (!s) return false;
    class_free[cls] = s->next;
    s->on_list = 0;
    bump_segment = s;
    bump_start = pync_bump_next = s->objs;
    pync_bump_limit = s->objs + (size_t)s->nobjs * s->objsize;
    return true;
}

/* The slow path of compiled code's bump allocation: a 16-byte object of `type`, zeroed. */
void *pync_gc_alloc_bump16(const pync_type *type) {
    if (!pync_bump_next || (size_t)(pync_bump_limit - pync_bump_next) < 16) {
        if (!bump_refill()) return pync_gc_alloc(16, type);
    }
    pync_object *o = (pync_object *)pync_bump_next;
    pync_bump_next += 16;
    o->type = type;
    ((uint64_t *)o)[1] = 0;
    return o;
}

void pync_gc_collect(void) {
    if (collecting || !stack_top) return;
    collecting = true;
    bump_retire();
    mark_roots();
    sweep();
    n_collections++;
    allocated_since_gc = 0;
    threshold = 2 * live_bytes > min_threshold ? 2 * live_bytes : min_threshold;
    collecting = false;
}

void pync_gc_get_stats(pync_gc_stats *out) {
    out->heap_bytes = heap_bytes;
    out->live_bytes = live_bytes;
    out->collections = n_collections;
    out->allocated_total = allocated_total;
}

/* ---- the two block types -------------------------------------------------------------- */

static void pvarray_trace(pync_object *o) {
    pync_pvarray *a = (pync_pvarray *)o;
    for (size_t i = 0; i < a->capacity; i++) pync_gc_visit(a->items[i]);
}

const pync_type pync_pvarray_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "pvarray", .basicsize = sizeof(pync_pvarray), .trace = pvarray_trace,
};
const pync_type pync_rawbuf_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "rawbuf", .flags = PYNC_TF_LEAF, .basicsize = sizeof(pync_rawbuf),
};

pync_pvarray *pync_pvarray_new(size_t capacity) {
    if (capacity > (SIZE_MAX - sizeof(pync_pvarray)) / sizeof(pv)) {
        pync_raise_nomem();
        return NULL;
    }
    pync_pvarray *a = pync_gc_alloc(sizeof(pync_pvarray) + capacity * sizeof(pv), &pync_pvarray_type);
    if (a) a->capacity = capacity;
    return a;
}

pync_rawbuf *pync_rawbuf_new(size_t capacity) {
    if (capacity > SIZE_MAX - sizeof(pync_rawbuf)) {
        pync_raise_nomem();
        return NULL;
    }
    pync_rawbuf *b = pync_gc_alloc(sizeof(pync_rawbuf) + capacity, &pync_rawbuf_type);
    if (b) b->capacity = capacity;
    return b;
}
