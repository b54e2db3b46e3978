/* hash.c — the hash functions behind hash(): CPython's numeric hash for floats (so that
 * hash(1.0) == hash(1) == hash(1+0j) and x == y implies hash(x) == hash(y) across int, float,
 * complex and bool), identity hashes, and a keyed 64-bit hash for bytes and str.
 *
 * The numeric hash is defined on every target as on 64-bit CPython: reduction modulo the
 * Mersenne prime P = 2**61 - 1. A float m * 2**e (m an integer) hashes to m * 2**e mod P, and
 * since 2**61 == 1 (mod P), multiplying by 2**e is a rotation of the 61-bit residue by
 * e mod 61. inf and -inf hash to +-314159; a nan hashes by the identity of its object
 * (CPython 3.10+). The bytes/str hash is SipHash-1-3 with a fixed key: it need not match
 * CPython's (which is randomised per process), only be good and stable. */
#include "pync.h"
#include "internal.h"

/* Every floating-point operation rounds on its own, as in CPython: no fused multiply-add. */
#pragma STDC FP_CONTRACT OFF

int64_t pync_hash_pointer(const void *p) {
    /* CPython's _Py_HashPointer: rotate the address right by 4 (objects are aligned) */
    uint64_t y = (uint64_t)(uintptr_t)p;
    y = (y >> 4) | (y << 60);
    int64_t x = (int64_t)y;
    return x == -1 ? -2 : x;
}

int64_t pync_hash_double(double v, pv self) {
    uint64_t bits;
    pync_memcpy(&bits, &v, sizeof bits);
    bool neg = bits >> 63;
    int exp = (int)((bits >> 52) & 0x7ff);
    uint64_t mant = bits & (((uint64_t)1 << 52) - 1);
    if (exp == 0x7ff) {
        if (mant) return pync_hash_pointer((const void *)self); /* nan */
        return neg ? -PYNC_HASH_INF : PYNC_HASH_INF;
    }
    if (exp == 0) {
        exp = 1; /* subnormal */
    } else {
        mant |= (uint64_t)1 << 52;
    }
    /* |v| = mant * 2**(exp - 1075); mant < 2**53 < P */
    int e = exp - 1075;
    int r = e % 61;
    if (r < 0) r += 61;
    const uint64_t P = (uint64_t)PYNC_HASH_MODULUS;
    uint64_t x = mant;
    if (r) x = ((x << r) & P) | (x >> (61 - r));
    int64_t h = neg ? -(int64_t)x : (int64_t)x;
    return h == -1 ? -2 : h;
}

/* ---- SipHash-1-3 ------------------------------------------------------------------------------ */

static inline uint64_t rotl(uint64_t x, unsigned b) { return (x << b) | (x >> (64 - b)); }

#define SIPROUND                                                                                       \
    do {                                                                                               \
        v0 += v1;                                                                                      \
        v1 = rotl(v1, 13);                                                                             \
        v1 ^= v0;                                                                                      \
        v0 = rotl(v0, 32);                                                                             \
        v2 += v3;                                                                                      \
        v3 = rotl(v3, 16);                                                                             \
        v3 ^= v2;                                                                                      \
        v0 += v3;                                                                                      \
        v3 = rotl(v3, 21);                                                                             \
        v3 ^= v0;                                                                                      \
        v2 += v1;                                                                                      \
        v1 = rotl(v1, 17);                                                                             \
        v1 ^= v2;                                                                                      \
        v2 = rotl(v2, 32);                                                                             \
    } while (0)

int64_t pync_hash_bytes(const void *data, size_t size) {
    if (size == 0) return 0; /* as CPython: hash('') == hash(b'') == 0 */
    const uint8_t *p = data;
    const uint64_t k0 = 0x0706050403020100ull ^ 0x9e3779b97f4a7c15ull;
    const uint64_t k1 = 0x0f0e0d0c0b0a0908ull ^ 0xc2b2ae3d27d4eb4full;
    uint64_t v0 = k0 ^ 0x736f6d6570736575ull;
    uint64_t v1 = k1 ^ 0x646f72616e646f6dull;
    uint64_t v2 = k0 ^ 0x6c7967656e657261ull;
    uint64_t v3 = k1 ^ 0x7465646279746573ull;
    size_t n = size;
    while (n >= 8) {
        uint64_t m = 0;
        for (int i = 7; i >= 0; i--) m = (m << 8) | p[i];
        v3 ^= m;
        SIPROUND;
        v0 ^= m;
        p += 8;
        n -= 8;
    }
    uint64_t last = (uint64_t)(size & 0xff) << 56;
    for (size_t i = 0; i < n; i++) last |= (uint64_t)p[i] << (8 * i);
    v3 ^= last;
    SIPROUND;
    v0 ^= last;
    v2 ^= 0xff;
    SIPROUND;
    SIPROUND;
    SIPROUND;
    int64_t h = (int64_t)(v0 ^ v1 ^ v2 ^ v3);
    return h == -1 ? -2 : h;
}
