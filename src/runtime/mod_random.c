/* mod_random.c — the random module: CPython 3.11's Mersenne Twister (Modules/_randommodule.c)
 * and the algorithms of Lib/random.py, bit for bit, so a seeded program draws the same numbers
 * as under CPython: seed(int) feeds init_by_array the 32-bit chunks of abs(n); seed(str/bytes)
 * appends the SHA-512 of the text (version 2); random() builds 53 bits from two outputs;
 * getrandbits fills 32-bit words from the least significant end; _randbelow rejects samples of
 * n.bit_length() bits; shuffle/sample/choices/choice and the distributions draw in the same order
 * as random.py and compute with the same floating-point operations.
 *
 * random.Random is a type whose instances hold a generator; the module's functions are methods
 * bound to a hidden instance seeded from the platform's random bytes. */
#include "numeric.h"
#include "platform/platform.h"

/* Every floating-point operation rounds on its own, as in CPython: no fused multiply-add. */
#pragma STDC FP_CONTRACT OFF

#define MT_N 624
#define MT_M 397

typedef struct random_obj {
    pync_object ob;
    pv gauss_next; /* 0: None */
    int32_t index;
    uint32_t state[MT_N];
} random_obj;

extern pync_type pync_random_type;

/* ---- the generator -------------------------------------------------------------------------------------- */

static void init_genrand(random_obj *r, uint32_t s) {
    uint32_t *mt = r->state;
    mt[0] = s;
    for (int i = 1; i < MT_N; i++) mt[i] = 1812433253u * (mt[i - 1] ^ (mt[i - 1] >> 30)) + (uint32_t)i;
    r->index = MT_N;
}

static void init_by_array(random_obj *r, const uint32_t *key, size_t len) {
    uint32_t *mt = r->state;
    init_genrand(r, 19650218u);
    size_t i = 1, j = 0;
    size_t k = MT_N > len ? MT_N : len;
    for (; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint32_t)j;
        i++;
        j++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
        if (j >= len) j = 0;
    }
    for (k = MT_N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - (uint32_t)i;
        i++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000u;
}

static uint32_t genrand_uint32(random_obj *r) {
    static const uint32_t mag01[2] = {0x0u, 0x9908b0dfu};
    uint32_t *mt = r->state;
    uint32_t y;
    if (r->index >= MT_N) {
        int kk;
        for (kk = 0; kk < MT_N - MT_M; kk++) {
            y = (mt[kk] & 0x80000000u) | (mt[kk + 1] & 0x7fffffffu);
            mt[kk] = mt[kk + MT_M] ^ (y >> 1) ^ mag01[y & 1u];
        }
        for (; kk < MT_N - 1; kk++) {
            y = (mt[kk] & 0x80000000u) | (mt[kk + 1] & 0x7fffffffu);
            mt[kk] = mt[kk + (MT_M - MT_N)] ^ (y >> 1) ^ mag01[y & 1u];
        }
        y = (mt[MT_N - 1] & 0x80000000u) | (mt[0] & 0x7fffffffu);
        mt[MT_N - 1] = mt[MT_M - 1] ^ (y >> 1) ^ mag01[y & 1u];
        r->index = 0;
    }
    y = mt[r->index++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= (y >> 18);
    return y;
}

static double random_double(random_obj *r) {
    uint32_t a = genrand_uint32(r) >> 5, b = genrand_uint32(r) >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

/* ---- SHA-512 (FIPS 180-4), for seeding from text ---------------------------------------------------------- */

static const uint64_t sha512_k[80] = {
    0x428a2f98d728ae22ull, 0x7137449123ef65cdull, 0xb5c0fbcfec4d3b2full, 0xe9b5dba58189dbbcull,
    0x3956c25bf348b538ull, 0x59f111f1b605d019ull, 0x923f82a4af194f9bull, 0xab1c5ed5da6d8118ull,
    0xd807aa98a3030242ull, 0x12835b0145706fbeull, 0x243185be4ee4b28cull, 0x550c7dc3d5ffb4e2ull,
    0x72be5d74f27b896full, 0x80deb1fe3b1696b1ull, 0x9bdc06a725c71235ull, 0xc19bf174cf692694ull,
    0xe49b69c19ef14ad2ull, 0xefbe4786384f25e3ull, 0x0fc19dc68b8cd5b5ull, 0x240ca1cc77ac9c65ull,
    0x2de92c6f592b0275ull, 0x4a7484aa6ea6e483ull, 0x5cb0a9dcbd41fbd4ull, 0x76f988da831153b5ull,
    0x983e5152ee66dfabull, 0xa831c66d2db43210ull, 0xb00327c898fb213full, 0xbf597fc7beef0ee4ull,
    0xc6e00bf33da88fc2ull, 0xd5a79147930aa725ull, 0x06ca6351e003826full, 0x142929670a0e6e70ull,
    0x27b70a8546d22ffcull, 0x2e1b21385c26c926ull, 0x4d2c6dfc5ac42aedull, 0x53380d139d95b3dfull,
    0x650a73548baf63deull, 0x766a0abb3c77b2a8ull, 0x81c2c92e47edaee6ull, 0x92722c851482353bull,
    0xa2bfe8a14cf10364ull, 0xa81a664bbc423001ull, 0xc24b8b70d0f89791ull, 0xc76c51a30654be30ull,
    0xd192e819d6ef5218ull, 0xd69906245565a910ull, 0xf40e35855771202aull, 0x106aa07032bbd1b8ull,
    0x19a4c116b8d2d0c8ull, 0x1e376c085141ab53ull, 0x2748774cdf8eeb99ull, 0x34b0bcb5e19b48a8ull,
    0x391c0cb3c5c95a63ull, 0x4ed8aa4ae3418acbull, 0x5b9cca4f7763e373ull, 0x682e6ff3d6b2b8a3ull,
    0x748f82ee5defb2fcull, 0x78a5636f43172f60ull, 0x84c87814a1f0ab72ull, 0x8cc702081a6439ecull,
    0x90befffa23631e28ull, 0xa4506cebde82bde9ull, 0xbef9a3f7b2c67915ull, 0xc67178f2e372532bull,
    0xca273eceea26619cull, 0xd186b8c721c0c207ull, 0xeada7dd6cde0eb1eull, 0xf57d4f7fee6ed178ull,
    0x06f067aa72176fbaull, 0x0a637dc5a2c898a6ull, 0x113f9804bef90daeull, 0x1b710b35131c471bull,
    0x28db77f523047d84ull, 0x32caab7b40c72493ull, 0x3c9ebe0a15c9bebcull, 0x431d67c49c100d4cull,
    0x4cc5d4becb3e42b6ull, 0x597f299cfc657e2aull, 0x5fcb6fab3ad6faecull, 0x6c44198c4a475817ull,
};

static inline uint64_t ror64(uint64_t x, unsigned n) { return (x >> n) | (x << (64 - n)); }

static void sha512_block(uint64_t h[8], const uint8_t *p) {
    uint64_t w[80];
    for (int i = 0; i < 16; i++) {
        uint64_t v = 0;
        for (int k = 0; k < 8; k++) v = (v << 8) | p[8 * i + k];
        w[i] = v;
    }
    for (int i = 16; i < 80; i++) {
        uint64_t s0 = ror64(w[i - 15], 1) ^ ror64(w[i - 15], 8) ^ (w[i - 15] >> 7);
        uint64_t s1 = ror64(w[i - 2], 19) ^ ror64(w[i - 2], 61) ^ (w[i - 2] >> 6);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 80; i++) {
        uint64_t S1 = ror64(e, 14) ^ ror64(e, 18) ^ ror64(e, 41);
        uint64_t ch = (e & f) ^ (~e & g);
        uint64_t t1 = hh + S1 + ch + sha512_k[i] + w[i];
        uint64_t S0 = ror64(a, 28) ^ ror64(a, 34) ^ ror64(a, 39);
        uint64_t maj = (a & b) ^ (a & c) ^ (b & c);
        uint64_t t2 = S0 + maj;
        hh = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
}

static void sha512(const uint8_t *data, size_t len, uint8_t out[64]) {
    uint64_t h[8] = {
        0x6a09e667f3bcc908ull, 0xbb67ae8584caa73bull, 0x3c6ef372fe94f82bull, 0xa54ff53a5f1d36f1ull,
        0x510e527fade682d1ull, 0x9b05688c2b3e6c1full, 0x1f83d9abfb41bd6bull, 0x5be0cd19137e2179ull,
    };
    size_t i = 0;
    for (; i + 128 <= len; i += 128) sha512_block(h, data + i);
    uint8_t block[256];
    size_t rest = len - i;
    pync_memset(block, 0, sizeof block);
    pync_memcpy(block, data + i, rest);
    block[rest] = 0x80;
    size_t total = rest + 1 + 16 <= 128 ? 128 : 256;
    uint64_t bits = (uint64_t)len * 8;
    for (int k = 0; k < 8; k++) block[total - 1 - k] = (uint8_t)(bits >> (8 * k));
    sha512_block(h, block);
    if (total == 256) sha512_block(h, block + 128);
    for (int j = 0; j < 8; j++) {
        for (int k = 0; k < 8; k++) out[8 * j + k] = (uint8_t)(h[j] >> (56 - 8 * k));
    }
}

/* ---- seeding --------------------------------------------------------------------------------------------- */

static void seed_from_mp(random_obj *r, const pync_mp *n) {
    size_t len = (size_t)(n->size < 0 ? -(int64_t)n->size : n->size);
    uint32_t zero = 0;
    if (len == 0) init_by_array(r, &zero, 1);
    else init_by_array(r, n->d, len);
}

static int seed_urandom(random_obj *r) {
    uint32_t key[MT_N];
    if (pync_platform_random_bytes(key, sizeof key) < 0) {
        /* no random source: mix the clocks */
        double t = pync_platform_time(), m = pync_platform_monotonic();
        uint64_t a = pync_double_bits(t), b = pync_double_bits(m);
        uint32_t k[4] = {(uint32_t)a, (uint32_t)(a >> 32), (uint32_t)b, (uint32_t)(b >> 32)};
        init_by_array(r, k, 4);
        return 0;
    }
    init_by_array(r, key, MT_N);
    return 0;
}

/* The bytes of a str (UTF-8), bytes or bytearray. */
static pync_rawbuf *text_bytes(pv v, size_t *len) {
    if (pync_isinstance_type(v, &pync_str_type)) {
        size_t n = pync_str_size(v);
        pync_rawbuf *rb = pync_rawbuf_new(n + 1);
        if (!rb) return NULL;
        pync_memcpy(rb->data, pync_str_data(v), n);
        *len = n;
        return rb;
    }
    return pync_bytes_copy(v, len);
}

static pv do_seed(random_obj *r, pv a, pv version) {
    int64_t ver = 2;
    if (version && !pync_int_as_i64(version, &ver)) ver = 3;
    bool is_text = pync_isinstance_type(a, &pync_str_type) || pync_is_bytes_like(a);
    r->gauss_next = 0;
    if (!a || a == pync_None) {
        seed_urandom(r);
        return pync_None;
    }
    if (ver == 1 && (pync_isinstance_type(a, &pync_str_type) || pync_isinstance_type(a, &pync_bytes_type))) {
        /* the version 1 string hash, over the characters (bytes as latin-1) */
        uint64_t x = 0;
        size_t count = 0;
        bool first = true;
        if (pync_isinstance_type(a, &pync_str_type)) {
            const char *s = pync_str_data(a);
            size_t size = pync_str_size(a), pos = 0;
            while (pos < size) {
                uint32_t c = pync_utf8_decode(s, &pos);
                if (first) x = (uint64_t)c << 7;
                first = false;
                x = (1000003u * x) ^ c;
                count++;
            }
        } else {
            size_t n;
            pync_rawbuf *rb = pync_bytes_copy(a, &n);
            if (!rb) return 0;
            for (size_t i = 0; i < n; i++) {
                if (first) x = (uint64_t)rb->data[i] << 7;
                first = false;
                x = (1000003u * x) ^ rb->data[i];
            }
            count = n;
        }
        x ^= count;
        pync_mp *m = pync_mp_from_u64(x);
        if (!m) return pync_int_wrap(NULL);
        seed_from_mp(r, m);
        return pync_None;
    }
    if (ver == 2 && is_text) {
        size_t n;
        pync_rawbuf *rb = text_bytes(a, &n);
        if (!rb) return 0;
        pync_rawbuf *all = pync_rawbuf_new(n + 64);
        if (!all) return 0;
        pync_memcpy(all->data, rb->data, n);
        sha512(rb->data, n, all->data + n);
        pync_mp *m = pync_mp_from_bytes(all->data, n + 64, false, false);
        if (!m) return pync_int_wrap(NULL);
        seed_from_mp(r, m);
        return pync_None;
    }
    if (pync_is_int(a)) {
        pync_mp_buf64 buf;
        seed_from_mp(r, pync_int_mp(a, &buf));
        return pync_None;
    }
    if (!pync_is_float(a) && !is_text) {
        return pync_raise_fmt(&pync_TypeError_type, "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
    }
    int64_t h;
    if (pync_hash(a, &h) < 0) return 0;
    pync_mp *m = pync_mp_from_u64((uint64_t)h);
    if (!m) return pync_int_wrap(NULL);
    seed_from_mp(r, m);
    return pync_None;
}

/* ---- integers -------------------------------------------------------------------------------------------- */

static pv getrandbits(random_obj *r, int64_t k) {
    if (k < 0) return pync_raise_fmt(&pync_ValueError_type, "number of bits must be non-negative");
    if (k == 0) return pv_from_small(0);
    if (k <= 32) return pync_int_from_u64(genrand_uint32(r) >> (32 - k));
    uint64_t words = (uint64_t)(k - 1) / 32 + 1;
    if (words > ((uint64_t)SIZE_MAX >> 3)) return pync_raise_nomem();
    pync_rawbuf *rb = pync_rawbuf_new((size_t)words * 4);
    if (!rb) return 0;
    uint8_t *p = rb->data;
    for (uint64_t i = 0; i < words; i++, k -= 32) {
        uint32_t w = genrand_uint32(r);
        if (k < 32) w >>= (32 - k);
        p[4 * i] = (uint8_t)w;
        p[4 * i + 1] = (uint8_t)(w >> 8);
        p[4 * i + 2] = (uint8_t)(w >> 16);
        p[4 * i + 3] = (uint8_t)(w >> 24);
    }
    return pync_int_wrap(pync_mp_from_bytes(p, (size_t)words * 4, true, false));
}

/* a random int in [0, n) for an int n > 0 */
static int64_t randbelow64(random_obj *r, int64_t n) {
    if (n <= 0xffffffffLL) {
        uint32_t nn = (uint32_t)n;
        int k = 32 - __builtin_clz(nn);
        uint32_t v;
        do v = genrand_uint32(r) >> (32 - k);
        while (v >= nn);
        return v;
    }
    int k = 64 - __builtin_clzll((uint64_t)n);
    for (;;) {
        /* getrandbits(k) for 32 < k <= 63: the low word first */
        uint64_t lo = genrand_uint32(r);
        uint64_t hi = genrand_uint32(r) >> (64 - k);
        uint64_t v = lo | (hi << 32);
        if ((int64_t)v < n) return (int64_t)v;
    }
}

/* a random int in [0, n) for an int n > 0 */
static pv randbelow(random_obj *r, pv n) {
    int64_t small;
    if (pync_int_as_i64(n, &small)) return pync_int_from_i64(randbelow64(r, small));
    pync_mp_buf64 buf;
    uint64_t k = pync_mp_bit_length(pync_int_mp(n, &buf));
    for (;;) {
        pv v = getrandbits(r, (int64_t)k);
        if (!v) return 0;
        pync_mp_buf64 bv;
        if (pync_mp_cmp(pync_int_mp(v, &bv), pync_int_mp(n, &buf)) < 0) return v;
    }
}

/* operator.index(v), or int(v) for an integral float with `msg` for a non-integral one */
static pv range_arg(pv v, const char *msg) {
    if (pync_is_int(v)) return pync_int_exact(v);
    pv i = pync_number_index(v);
    if (i) return i;
    if (pync_exc_matches(pync_current_exc, (pv)&pync_TypeError_type) <= 0) return 0;
    pync_exc_clear();
    pv iv = pync_call1((pv)&pync_int_type, v);
    if (!iv) return 0;
    int eq = pync_equal(iv, v);
    if (eq < 0) return 0;
    if (!eq) return pync_raise_fmt(&pync_ValueError_type, "%s", msg);
    return iv;
}

static pv randrange(random_obj *r, pv start, pv stop, pv step) {
    pv istart = range_arg(start, "non-integer arg 1 for randrange()");
    if (!istart) return 0;
    if (!stop || stop == pync_None) {
        if (step && !(pv_is_small(step) && pv_small(step) == 1)) {
            return pync_raise_fmt(&pync_TypeError_type, "Missing a non-None stop argument");
        }
        pync_mp_buf64 b;
        if (pync_mp_sign(pync_int_mp(istart, &b)) > 0) return randbelow(r, istart);
        return pync_raise_fmt(&pync_ValueError_type, "empty range for randrange()");
    }
    pv istop = range_arg(stop, "non-integer stop for randrange()");
    if (!istop) return 0;
    pv width = pync_binary(istop, istart, PYNC_OP_SUB);
    if (!width) return 0;
    pv istep = step ? range_arg(step, "non-integer step for randrange()") : pv_from_small(1);
    if (!istep) return 0;
    pync_mp_buf64 bw, bs;
    int wsign = pync_mp_sign(pync_int_mp(width, &bw));
    if (pv_is_small(istep) && pv_small(istep) == 1) {
        if (wsign > 0) {
            pv k = randbelow(r, width);
            return k ? pync_binary(istart, k, PYNC_OP_ADD) : 0;
        }
        return pync_raise_fmt(&pync_ValueError_type, "empty range for randrange() (%S, %S, %S)", istart, istop, width);
    }
    int ssign = pync_mp_sign(pync_int_mp(istep, &bs));
    pv n;
    if (ssign > 0) {
        pv t = pync_binary(width, istep, PYNC_OP_ADD);
        t = t ? pync_binary(t, pv_from_small(1), PYNC_OP_SUB) : 0;
        n = t ? pync_binary(t, istep, PYNC_OP_FLOORDIV) : 0;
    } else if (ssign < 0) {
        pv t = pync_binary(width, istep, PYNC_OP_ADD);
        t = t ? pync_binary(t, pv_from_small(1), PYNC_OP_ADD) : 0;
        n = t ? pync_binary(t, istep, PYNC_OP_FLOORDIV) : 0;
    } else {
        return pync_raise_fmt(&pync_ValueError_type, "zero step for randrange()");
    }
    if (!n) return 0;
    pync_mp_buf64 bn;
    if (pync_mp_sign(pync_int_mp(n, &bn)) <= 0) return pync_raise_fmt(&pync_ValueError_type, "empty range for randrange()");
    pv k = randbelow(r, n);
    if (!k) return 0;
    pv off = pync_binary(istep, k, PYNC_OP_MUL);
    return off ? pync_binary(istart, off, PYNC_OP_ADD) : 0;
}

/* ---- methods ----------------------------------------------------------------------------------------------- */

#define SELF random_obj *r = (random_obj *)self

static int get_double(pv v, double *out) { return pync_as_double(v, out); }

static pv m_seed(pv self, pv *args, size_t nargs, pv kwnames) {
    SELF;
    static const char *const names[] = {"a", "version", NULL};
    pv v[2] = {0, 0};
    if (pync_parse_args_py("Random.seed", args, nargs, kwnames, names, 0, 2, v) < 0) return 0;
    return do_seed(r, v[0], v[1]);
}

static pv m_random(pv self, pv *args, size_t nargs, pv kwnames) {
    SELF;
    (void)args;
    if (pync_check_args("random", nargs, kwnames, 0, 0) < 0) return 0;
    return pync_float_new(random_double(r));
}

static pv m_getrandbits(pv self, pv *args, size_t nargs, pv kwnames) {
    SELF;
    if (pync_check_args("getrandbits", nargs, kwnames, 1, 1) < 0) return 0;
    int64_t k;
    if (pync_index(args[0], &k) < 0) return 0;
    return getrandbits(r, k);
}

static pv m_randbytes(pv self, pv *args, size_t nargs, pv kwnames) {
    SELF;
    if (pync_check_args("randbytes", nargs, kwnames, 1, 1) < 0) return 0;
    int64_t n;
    if (pync_index(args[0], &n) < 0) return 0;
    if (n < 0) return pync_raise_fmt(&pync_ValueError_type, "number of bits must be non-negative");
    pv bits = getrandbits(r, n * 8);
    if (!bits) return 0;
    pync_rawbuf *rb = pync_rawbuf_new((size_t)n + 1);
    if (!rb) return 0;
    pync_mp_buf64 buf;
    if (pync_mp_to_bytes(pync_int_mp(bits, &buf), rb->data, (size_t)n, true, false) != PYNC_MP_OK) {
        return pync_bad_internal_call("randbytes");
    }
    return pync_bytes_new(rb->data, (size_t)n);
}

static pv m_randrange(pv self, pv *args, size_t nargs, pv kwnames) {
    SELF;
    static const char *const names[] = {"start", "stop", "step", NULL};
    pv v[3] = {0, 0, 0};
    if (pync_parse_args_py("Random.randrange", args, nargs, kwnames, names, 0, 3, v) < 0) return 0;
    if (!v[0]) return pync_raise_fmt(&pync_TypeError_type, "Random.randrange() missing 1 required positional argument: 'start'");
    return randrange(r, v[0], v[1], v[2]);
}

static pv m_randint(pv self, pv *args, size_t nargs, pv kwnames) {
    SELF;
    static const char *const names[] = {"a", "b", NULL};
    pv v[2] = {0, 0};
    if (pync_parse_args_py("Random.randint", args, nargs, kwnames, names, 0, 2, v) < 0) return 0;
    if (!v[0] || !v[1]) {
        return pync_raise_fmt(&pync_TypeError_type, "Random.randint() missing %s required positional argument%s: %s",
                              v[0] ? "1" : "2", v[0] ? "" : "s", v[0] ? "'b'" : "'a' and 'b'");
    }
    pv b1 = pync_binary(v[1], pv_from_small(1), PYNC_OP_ADD);
    return b1 ? randrange(r, v[0], b1, 0) : 0;
}

static pv m_choice(pv self, pv *args, size_t nargs, pv kwnames) {
    SELF;
    if (pync_check_args("choice", nargs, kwnames, 1, 1) < 0) return 0;
    int64_t n = pync_len(args[0]);
    if (n < 0) return 0;
    if (n == 0) return pync_raise_fmt(&pync_IndexError_type, "Cannot choose from an empty sequence");
    pv i = pync_int_from_i64(randbelow64(r, n));
    return i ? pync_getitem(args[0], i) : 0;
}

static pv m_shuffle(pv self, pv *args, size_t nargs, pv kwnames) {
    SELF;
    if (pync_check_args("shuffle", nargs, kwnames, 1, 1) < 0) return 0;
    pv x = args[0];
    int64_t n = pync_len(x);
    if (n < 0) return 0;
    bool is_list = pv_type(x) == &pync_list_type;
    for (int64_t i = n - 1; i >= 1; i--) {
        int64_t j = randbelow64(r, i + 1);
        if (is_list && (size_t)n == ((pync_list *)x)->size) {
            pv *items = ((pync_list *)x)->items;
            pv t = items[i];
            items[i] = items[j];
            items[j] = t;
            continue;
        }
        pv ki = pync_int_from_i64(i), kj = pync_int_from_i64(j);
        if (!ki || !kj) return 0;
        pv xj = pync_getitem(x, kj);
        if (!xj) return 0;
        pv xi = pync_getitem(x, ki);
        if (!xi) return 0;
        if (pync_setitem(x, ki, xj) < 0 || pync_setitem(x, kj, xi) < 0) return 0;
    }
    return pync_None;
}

/* k distinct indices in [0, n) in selection order (random.py's sample) */
static int sample_indices(random_obj *r, int64_t n, int64_t k, int64_t *out) {
    int64_t setsize = 21;
    if (k > 5) {
        double c = pync_ceil(log((double)(k * 3)) / log(4.0));
        setsize += c >= 62 ? INT64_MAX / 2 : (int64_t)1 << (2 * (int64_t)c);
    }
    if (n <= setsize) {
        pync_rawbuf *rb = pync_rawbuf_new((size_t)n * sizeof(int64_t));
        if (!rb) return -1;
        int64_t *pool = (int64_t *)rb->data;
        for (int64_t i = 0; i < n; i++) pool[i] = i;
        for (int64_t i = 0; i < k; i++) {
            int64_t j = randbelow64(r, n - i);
            out[i] = pool[j];
            pool[j] = pool[n - i - 1];
        }
        return 0;
    }
    /* a hash set of the selected indices */
    size_t cap = 16;
    while (cap < (size_t)k * 2 + 2) cap *= 2;
    pync_rawbuf *rb = pync_rawbuf_new(cap * sizeof(int64_t));
    if (!rb) return -1;
    int64_t *set = (int64_t *)rb->data;
    for (size_t i = 0; i < cap; i++) set[i] = -1;
    for (int64_t i = 0; i < k; i++) {
        for (;;) {
            int64_t j = randbelow64(r, n);
            size_t h = (size_t)((uint64_t)j * 0x9E3779B97F4A7C15ull >> 20) & (cap - 1);
            bool found = false;
            while (set[h] != -1) {
                if (set[h] == j) {
                    found = true;
                    break;
                }
                h = (h + 1) & (cap - 1);
            }
            if (found) continue;
            set[h] = j;
            out[i] = j;
            break;
        }
    }
    return 0;
}

static bool is_sequence(pv v) {
    const pync_type *t = pv_type(v);
    if (pync_isinstance_type(v, &pync_dict_type) || pync_isinstance_type(v, &pync_set_type) ||
        pync_isinstance_type(v, &pync_frozenset_type)) {
        return false;
    }
    return t->getitem && t->len;
}

/* bisect.bisect_right(a[0:hi], x) with a's items compared to x */
static int64_t bisect_right(const pv *a, int64_t hi, pv x) {
    int64_t lo = 0;
    while (lo < hi) {
        int64_t mid = (lo + hi) / 2;
        int lt = pync_compare_bool(x, a[mid], PYNC_LT);
        if (lt < 0) return -1;
        if (lt) hi = mid;
        else lo = mid + 1;
    }
    return lo;
}

/* list(itertools.accumulate(iterable)) */
static pv accumulate(pv iterable) {
    pv it = pync_iter(iterable);
    if (!it) return 0;
    pv out = pync_list_new(0);
    if (!out) return 0;
    pv total = 0;
    for (;;) {
        pv x = pync_next(it);
        if (!x) return pync_current_exc ? 0 : out;
        total = total ? pync_binary(total, x, PYNC_OP_ADD) : x;
        if (!total || pync_list_append(out, total) < 0) return 0;
    }
}

static pv m_sample(pv self, pv *args, size_t nargs, pv kwnames) {
    SELF;
    static const char *const names[] = {"population", "k", "counts", NULL};
    pv v[3] = {0, 0, 0};
    if (pync_parse_args_py("Random.sample", args, nargs, kwnames, names, 0, 2, v) < 0) return 0;
    if (!v[0] || !v[1]) {
        return pync_raise_fmt(&pync_TypeError_type, "Random.sample() missing %s required positional argument%s: %s",
                              v[0] ? "1" : "2", v[0] ? "" : "s", v[0] ? "'k'" : "'population' and 'k'");
    }
    pv population = v[0];
    if (!is_sequence(population)) {
        return pync_raise_fmt(&pync_TypeError_type, "Population must be a sequence.  For dicts or sets, use sorted(d).");
    }
    int64_t n = pync_len(population);
    if (n < 0) return 0;
    pv cum = 0;
    if (v[2] && v[2] != pync_None) {
        cum = accumulate(v[2]);
        if (!cum) return 0;
        pync_list *cl = (pync_list *)cum;
        if ((int64_t)cl->size != n) {
            return pync_raise_fmt(&pync_ValueError_type, "The number of counts does not match the population");
        }
        if (cl->size == 0) return pync_raise_fmt(&pync_IndexError_type, "pop from empty list");
        pv total = cl->items[--cl->size];
        if (!pync_is_int(total)) return pync_raise_fmt(&pync_TypeError_type, "Counts must be integers");
        int64_t t;
        if (!pync_int_as_i64(total, &t)) return pync_raise_nomem();
        if (t <= 0) return pync_raise_fmt(&pync_ValueError_type, "Total of counts must be greater than zero");
        n = t;
    }
    int64_t k;
    if (pync_index(v[1], &k) < 0) return 0;
    if (!(0 <= k && k <= n)) return pync_raise_fmt(&pync_ValueError_type, "Sample larger than population or is negative");
    pync_rawbuf *rb = pync_rawbuf_new((size_t)k * sizeof(int64_t) + 1);
    if (!rb) return 0;
    int64_t *idx = (int64_t *)rb->data;
    if (sample_indices(r, n, k, idx) < 0) return 0;
    pv result = pync_list_new((size_t)k);
    if (!result) return 0;
    for (int64_t i = 0; i < k; i++) {
        int64_t j = idx[i];
        if (cum) {
            pv s = pync_int_from_i64(j);
            if (!s) return 0;
            pync_list *cl = (pync_list *)cum;
            j = bisect_right(cl->items, (int64_t)cl->size, s);
            if (j < 0) return 0;
        }
        pv key = pync_int_from_i64(j);
        pv item = key ? pync_getitem(population, key) : 0;
        if (!item) return 0;
        ((pync_list *)result)->items[i] = item;
    }
    return result;
}

static pv m_choices(pv self, pv *args, size_t nargs, pv kwnames) {
    SELF;
    static const char *const names[] = {"population", "weights", "cum_weights", "k", NULL};
    pv v[4] = {0, 0, 0, 0};
    if (pync_parse_args_py("Random.choices", args, nargs, kwnames, names, 0, 2, v) < 0) return 0;
    if (!v[0]) return pync_raise_fmt(&pync_TypeError_type, "Random.choices() missing 1 required positional argument: 'population'");
    pv population = v[0], weights = v[1] == pync_None ? 0 : v[1], cum = v[2] == pync_None ? 0 : v[2];
    int64_t k = 1;
    if (v[3] && pync_index(v[3], &k) < 0) return 0;
    if (k < 0) k = 0;
    int64_t n = pync_len(population);
    if (n < 0) return 0;
    pv result = pync_list_new((size_t)k);
    if (!result) return 0;
    if (!cum) {
        if (!weights) {
            double nf = (double)n;
            for (int64_t i = 0; i < k; i++) {
                pv key = pync_float_floor_int(random_double(r) * nf);
                pv item = key ? pync_getitem(population, key) : 0;
                if (!item) return 0;
                ((pync_list *)result)->items[i] = item;
            }
            return result;
        }
        cum = accumulate(weights);
        if (!cum) {
            if (pync_is_int(weights) && pync_exc_matches(pync_current_exc, (pv)&pync_TypeError_type) > 0) {
                pync_exc_clear();
                return pync_raise_fmt(&pync_TypeError_type, "The number of choices must be a keyword argument: k=%S", weights);
            }
            return 0;
        }
    } else if (weights) {
        return pync_raise_fmt(&pync_TypeError_type, "Cannot specify both weights and cumulative weights");
    }
    if (!pync_isinstance_type(cum, &pync_list_type)) {
        cum = pync_list_from_iterable(cum);
        if (!cum) return 0;
    }
    pync_list *cl = (pync_list *)cum;
    if ((int64_t)cl->size != n) return pync_raise_fmt(&pync_ValueError_type, "The number of weights does not match the population");
    if (cl->size == 0) return pync_raise_fmt(&pync_IndexError_type, "list index out of range");
    pv totalv = pync_binary(cl->items[cl->size - 1], pync_float_new(0.0), PYNC_OP_ADD);
    if (!totalv) return 0;
    double total;
    if (get_double(totalv, &total) < 0) return 0;
    if (total <= 0.0) return pync_raise_fmt(&pync_ValueError_type, "Total of weights must be greater than zero");
    if (!pync_isfinite(total)) return pync_raise_fmt(&pync_ValueError_type, "Total of weights must be finite");
    int64_t hi = n - 1;
    for (int64_t i = 0; i < k; i++) {
        pv x = pync_float_new(random_double(r) * total);
        if (!x) return 0;
        int64_t j = bisect_right(cl->items, hi, x);
        if (j < 0) return 0;
        pv key = pync_int_from_i64(j);
        pv item = key ? pync_getitem(population, key) : 0;
        if (!item) return 0;
        ((pync_list *)result)->items[i] = item;
    }
    return result;
}

/* ---- real-valued distributions ------------------------------------------------------------------------------- */

#define TWOPI (2.0 * 3.141592653589793238462643383279502884197)
#define EULER_E 2.718281828459045235360287471352662498
static double NV_MAGICCONST, LOG4, SG_MAGICCONST;

static pv m_uniform(pv self, pv *args, size_t nargs, pv kwnames) {
    SELF;
    static const char *const names[] = {"a", "b", NULL};
    pv v[2] = {0, 0};
    if (pync_parse_args_py("Random.uniform", args, nargs, kwnames, names, 0, 2, v) < 0) return 0;
    if (!v[0] || !v[1]) return pync_raise_fmt(&pync_TypeError_type, "Random.uniform() missing required argument");
    pv d = pync_binary(v[1], v[0], PYNC_OP_SUB);
    if (!d) return 0;
    pv u = pync_float_new(random_double(r));
    pv t = u ? pync_binary(d, u, PYNC_OP_MUL) : 0;
    return t ? pync_binary(v[0], t, PYNC_OP_ADD) : 0;
}

static pv m_triangular(pv self, pv *args, size_t nargs, pv kwnames) {
    SELF;
    static const char *const names[] = {"low", "high", "mode", NULL};
    pv v[3] = {0, 0, 0};
    if (pync_parse_args_py("Random.triangular", args, nargs, kwnames, names, 0, 3, v) < 0) return 0;
    pv low = v[0] ? v[0] : pync_float_new(0.0);
    pv high = v[1] ? v[1] : pync_float_new(1.0);
    if (!low || !high) return 0;
    pv mode = v[2] && v[2] != pync_None ? v[2] : 0;
    pv u = pync_float_new(random_double(r));
    if (!u) return 0;
    pv c;
    if (!mode) {
        c = pync_float_new(0.5);
    } else {
        pv num = pync_binary(mode, low, PYNC_OP_SUB);
        pv den = num ? pync_binary(high, low, PYNC_OP_SUB) : 0;
        c = den ? pync_binary(num, den, PYNC_OP_TRUEDIV) : 0;
        if (!c && pync_exc_matches(pync_current_exc, (pv)&pync_ZeroDivisionError_type) > 0) {
            pync_exc_clear();
            return low;
        }
    }
    if (!c) return 0;
    int gt = pync_compare_bool(u, c, PYNC_GT);
    if (gt < 0) return 0;
    if (gt) {
        pv one = pync_float_new(1.0);
        if (!one) return 0;
        u = pync_binary(one, u, PYNC_OP_SUB);
        c = u ? pync_binary(one, c, PYNC_OP_SUB) : 0;
        if (!c) return 0;
        pv t = low;
        low = high;
        high = t;
    }
    pv uc = pync_binary(u, c, PYNC_OP_MUL);
    double x;
    if (!uc || get_double(uc, &x) < 0) return 0;
    double s = sqrt(x);
    if (pync_isnan(s) && !pync_isnan(x)) return pync_raise_fmt(&pync_ValueError_type, "math domain error");
    pv sv = pync_float_new(s);
    pv span = sv ? pync_binary(high, low, PYNC_OP_SUB) : 0;
    pv t = span ? pync_binary(span, sv, PYNC_OP_MUL) : 0;
    return t ? pync_binary(low, t, PYNC_OP_ADD) : 0;
}

static int two_reals(const char *name, pv *args, size_t nargs, pv kwnames, const char *const *names, double *a,
                     double *b, double da, double db) {
    pv v[2] = {0, 0};
    pv qualname = pync_str_fmt("Random.%s", name);
    if (!qualname || pync_parse_args_py(pync_str_data(qualname), args, nargs, kwnames, names, 0, 2, v) < 0) return -1;
    *a = da;
    *b = db;
    if (v[0] && get_double(v[0], a) < 0) return -1;
    if (v[1] && get_double(v[1], b) < 0) return -1;
    if ((!v[0] && pync_isnan(da)) || (!v[1] && pync_isnan(db))) {
        pync_raise_fmt(&pync_TypeError_type, "Random.%s() missing required argument", name);
        return -1;
    }
    return 0;
}

static double normalvariate(random_obj *r, double mu, double sigma) {
    double z;
    for (;;) {
        double u1 = random_double(r);
        double u2 = 1.0 - random_double(r);
        z = NV_MAGICCONST * (u1 - 0.5) / u2;
        double zz = z * z / 4.0;
        if (zz <= -log(u2)) break;
    }
    return mu + z * sigma;
}

static pv m_normalvariate(pv self, pv *args, size_t nargs, pv kwnames) {
    SELF;
    static const char *const names[] = {"mu", "sigma", NULL};
    double mu, sigma;
    if (two_reals("normalvariate", args, nargs, kwnames, names, &mu, &sigma, 0.0, 1.0) < 0) return 0;
    return pync_float_new(normalvariate(r, mu, sigma));
}

static pv m_lognormvariate(pv self, pv *args, size_t nargs, pv kwnames) {
    SELF;
    static const char *const names[] = {"mu", "sigma", NULL};
    double mu, sigma;
    if (two_reals("lognormvariate", args, nargs, kwnames, names, &mu, &sigma, PYNC_NAN, PYNC_NAN) < 0) return 0;
    double x = normalvariate(r, mu, sigma);
    double e = exp(x);
    if (pync_isinf(e) && pync_isfinite(x)) return pync_raise_fmt(&pync_OverflowError_type, "math range error");
    return pync_float_new(e);
}

static pv m_gauss(pv self, pv *args, size_t nargs, pv kwnames) {
    SELF;
    static const char *const names[] = {"mu", "sigma", NULL};
    double mu, sigma;
    if (two_reals("gauss", args, nargs, kwnames, names, &mu, &sigma, 0.0, 1.0) < 0) return 0;
    double z;
    if (r->gauss_next) {
        z = pync_float_value(r->gauss_next);
        r->gauss_next = 0;
    } else {
        double x2pi = random_double(r) * TWOPI;
        double g2rad = sqrt(-2.0 * log(1.0 - random_double(r)));
        z = cos(x2pi) * g2rad;
        r->gauss_next = pync_float_new(sin(x2pi) * g2rad);
        if (!r->gauss_next) return 0;
    }
    return pync_float_new(mu + z * sigma);
}

static pv m_expovariate(pv self, pv *args, size_t nargs, pv kwnames) {
    SELF;
    if (pync_check_args("expovariate", nargs, kwnames, 1, 1) < 0) return 0;
    double lambd;
    if (get_double(args[0], &lambd) < 0) return 0;
    double num = -log(1.0 - random_double(r));
    if (lambd == 0.0) return pync_raise_fmt(&pync_ZeroDivisionError_type, "float division by zero");
    return pync_float_new(num / lambd);
}

static pv m_vonmisesvariate(pv self, pv *args, size_t nargs, pv kwnames) {
    SELF;
    static const char *const names[] = {"mu", "kappa", NULL};
    double mu, kappa;
    if (two_reals("vonmisesvariate", args, nargs, kwnames, names, &mu, &kappa, PYNC_NAN, PYNC_NAN) < 0) return 0;
    if (kappa <= 1e-6) return pync_float_new(TWOPI * random_double(r));
    double s = 0.5 / kappa;
    double rr = s + sqrt(1.0 + s * s);
    double z;
    for (;;) {
        double u1 = random_double(r);
        z = cos(3.141592653589793238462643383279502884197 * u1);
        double d = z / (rr + z);
        double u2 = random_double(r);
        if (u2 < 1.0 - d * d || u2 <= (1.0 - d) * exp(d)) break;
    }
    double q = 1.0 / rr;
    double f = (q + z) / (1.0 + q * z);
    double u3 = random_double(r);
    pv theta = pync_float_new(u3 > 0.5 ? mu + acos(f) : mu - acos(f));
    pv tp = pync_float_new(TWOPI);
    return theta && tp ? pync_binary(theta, tp, PYNC_OP_MOD) : 0;
}

/* gammavariate; 0 on error (exception set) with *ok false */
static double gammavariate(random_obj *r, double alpha, double beta, bool *ok) {
    *ok = true;
    if (alpha <= 0.0 || beta <= 0.0) {
        pync_raise_fmt(&pync_ValueError_type, "gammavariate: alpha and beta must be > 0.0");
        *ok = false;
        return 0.0;
    }
    if (alpha > 1.0) {
        double ainv = sqrt(2.0 * alpha - 1.0);
        double bbb = alpha - LOG4;
        double ccc = alpha + ainv;
        for (;;) {
            double u1 = random_double(r);
            if (!(1e-7 < u1 && u1 < 0.9999999)) continue;
            double u2 = 1.0 - random_double(r);
            double v = log(u1 / (1.0 - u1)) / ainv;
            double x = alpha * exp(v);
            double z = u1 * u1 * u2;
            double rr = bbb + ccc * v - x;
            if (rr + SG_MAGICCONST - 4.5 * z >= 0.0 || rr >= log(z)) return x * beta;
        }
    }
    if (alpha == 1.0) return -log(1.0 - random_double(r)) * beta;
    double x;
    for (;;) {
        double u = random_double(r);
        double b = (EULER_E + alpha) / EULER_E;
        double p = b * u;
        if (p <= 1.0) {
            pv xv = pync_float_pow_values(p, 1.0 / alpha);
            if (!xv) {
                *ok = false;
                return 0.0;
            }
            x = pync_float_value(xv);
        } else {
            x = -log((b - p) / alpha);
        }
        double u1 = random_double(r);
        if (p > 1.0) {
            pv t = pync_float_pow_values(x, alpha - 1.0);
            if (!t) {
                *ok = false;
                return 0.0;
            }
            if (u1 <= pync_float_value(t)) break;
        } else if (u1 <= exp(-x)) {
            break;
        }
    }
    return x * beta;
}

static pv m_gammavariate(pv self, pv *args, size_t nargs, pv kwnames) {
    SELF;
    static const char *const names[] = {"alpha", "beta", NULL};
    double alpha, beta;
    if (two_reals("gammavariate", args, nargs, kwnames, names, &alpha, &beta, PYNC_NAN, PYNC_NAN) < 0) return 0;
    bool ok;
    double x = gammavariate(r, alpha, beta, &ok);
    return ok ? pync_float_new(x) : 0;
}

static pv m_betavariate(pv self, pv *args, size_t nargs, pv kwnames) {
    SELF;
    static const char *const names[] = {"alpha", "beta", NULL};
    double alpha, beta;
    if (two_reals("betavariate", args, nargs, kwnames, names, &alpha, &beta, PYNC_NAN, PYNC_NAN) < 0) return 0;
    bool ok;
    double y = gammavariate(r, alpha, 1.0, &ok);
    if (!ok) return 0;
    if (y == 0.0) return pync_float_new(0.0);
    double z = gammavariate(r, beta, 1.0, &ok);
    if (!ok) return 0;
    return pync_float_new(y / (y + z));
}

static pv m_paretovariate(pv self, pv *args, size_t nargs, pv kwnames) {
    SELF;
    if (pync_check_args("paretovariate", nargs, kwnames, 1, 1) < 0) return 0;
    double alpha;
    if (get_double(args[0], &alpha) < 0) return 0;
    double u = 1.0 - random_double(r);
    if (alpha == 0.0) return pync_raise_fmt(&pync_ZeroDivisionError_type, "float division by zero");
    return pync_float_pow_values(u, -1.0 / alpha);
}

static pv m_weibullvariate(pv self, pv *args, size_t nargs, pv kwnames) {
    SELF;
    static const char *const names[] = {"alpha", "beta", NULL};
    double alpha, beta;
    if (two_reals("weibullvariate", args, nargs, kwnames, names, &alpha, &beta, PYNC_NAN, PYNC_NAN) < 0) return 0;
    double u = 1.0 - random_double(r);
    if (beta == 0.0) return pync_raise_fmt(&pync_ZeroDivisionError_type, "float division by zero");
    pv p = pync_float_pow_values(-log(u), 1.0 / beta);
    return p ? pync_float_new(alpha * pync_float_value(p)) : 0;
}

/* ---- state ------------------------------------------------------------------------------------------------------- */

static pv m_getstate(pv self, pv *args, size_t nargs, pv kwnames) {
    SELF;
    (void)args;
    if (pync_check_args("getstate", nargs, kwnames, 0, 0) < 0) return 0;
    pv st = pync_tuple_new(MT_N + 1);
    if (!st) return 0;
    for (int i = 0; i < MT_N; i++) {
        pv v = pync_int_from_u64(r->state[i]);
        if (!v) return 0;
        ((pync_tuple *)st)->items[i] = v;
    }
    ((pync_tuple *)st)->items[MT_N] = pv_from_small(r->index);
    return pync_tuple_pack(3, pv_from_small(3), st, r->gauss_next ? r->gauss_next : pync_None);
}

static pv m_setstate(pv self, pv *args, size_t nargs, pv kwnames) {
    SELF;
    if (pync_check_args("setstate", nargs, kwnames, 1, 1) < 0) return 0;
    pv state = args[0];
    pv version = pync_getitem(state, pv_from_small(0));
    if (!version) return 0;
    int64_t ver = 0;
    if (!pync_is_int(version) || !pync_int_as_i64(version, &ver) || (ver != 2 && ver != 3)) {
        return pync_raise_fmt(&pync_ValueError_type, "state with version %S passed to Random.setstate() of version 3", version);
    }
    int64_t n = pync_len(state);
    if (n < 0) return 0;
    if (n != 3) {
        return n > 3 ? pync_raise_fmt(&pync_ValueError_type, "too many values to unpack (expected 3)")
                     : pync_raise_fmt(&pync_ValueError_type, "not enough values to unpack (expected 3, got %zd)", (ptrdiff_t)n);
    }
    pv internal = pync_getitem(state, pv_from_small(1));
    pv gauss = internal ? pync_getitem(state, pv_from_small(2)) : 0;
    if (!gauss) return 0;
    if (!pync_isinstance_type(internal, &pync_tuple_type)) {
        return pync_raise_fmt(&pync_TypeError_type, "state vector must be a tuple");
    }
    const pync_tuple *t = (const pync_tuple *)internal;
    if (t->size != MT_N + 1) return pync_raise_fmt(&pync_ValueError_type, "state vector is the wrong size");
    uint32_t mt[MT_N];
    for (int i = 0; i < MT_N; i++) {
        pv x = t->items[i];
        if (ver == 2) {
            x = pync_binary(x, pync_int_from_i64((int64_t)1 << 32), PYNC_OP_MOD);
            if (!x) return 0;
        }
        if (!pync_is_int(x)) return pync_raise_fmt(&pync_TypeError_type, "an integer is required");
        int64_t w;
        if (!pync_int_as_i64(x, &w) || w < 0 || w > 0xffffffffLL) {
            return pync_raise_fmt(&pync_OverflowError_type, "Python int too large to convert to C unsigned long");
        }
        mt[i] = (uint32_t)w;
    }
    int64_t index;
    if (pync_index(t->items[MT_N], &index) < 0) return 0;
    if (index < 0 || index > MT_N) return pync_raise_fmt(&pync_ValueError_type, "invalid state");
    pync_memcpy(r->state, mt, sizeof mt);
    r->index = (int32_t)index;
    if (gauss == pync_None) {
        r->gauss_next = 0;
    } else {
        double g;
        if (get_double(gauss, &g) < 0) return 0;
        r->gauss_next = pync_float_new(g);
        if (!r->gauss_next) return 0;
    }
    return pync_None;
}

/* ---- the type and the module ------------------------------------------------------------------------------------ */

static const pync_method_def random_methods[] = {
    {"seed", m_seed, 0},
    {"random", m_random, 0},
    {"getrandbits", m_getrandbits, 0},
    {"randbytes", m_randbytes, 0},
    {"randrange", m_randrange, 0},
    {"randint", m_randint, 0},
    {"choice", m_choice, 0},
    {"shuffle", m_shuffle, 0},
    {"sample", m_sample, 0},
    {"choices", m_choices, 0},
    {"uniform", m_uniform, 0},
    {"triangular", m_triangular, 0},
    {"normalvariate", m_normalvariate, 0},
    {"lognormvariate", m_lognormvariate, 0},
    {"gauss", m_gauss, 0},
    {"expovariate", m_expovariate, 0},
    {"vonmisesvariate", m_vonmisesvariate, 0},
    {"gammavariate", m_gammavariate, 0},
    {"betavariate", m_betavariate, 0},
    {"paretovariate", m_paretovariate, 0},
    {"weibullvariate", m_weibullvariate, 0},
    {"getstate", m_getstate, 0},
    {"setstate", m_setstate, 0},
    {NULL, NULL, 0},
};

static void random_trace(pync_object *o) { pync_gc_visit(((random_obj *)o)->gauss_next); }

static pv random_construct(const pync_type *type, pv *args, size_t nargs, pv kwnames) {
    if (kwnames && ((const pync_tuple *)kwnames)->size) {
        return pync_raise_fmt(&pync_TypeError_type, "Random() takes no keyword arguments");
    }
    if (nargs > 1) return pync_raise_fmt(&pync_TypeError_type, "Random() takes at most 1 argument (%zd given)", (ptrdiff_t)nargs);
    size_t size = type->basicsize > sizeof(random_obj) ? type->basicsize : sizeof(random_obj);
    random_obj *r = pync_gc_alloc(size, type);
    if (!r) return 0;
    if (!do_seed(r, nargs ? args[0] : pync_None, 0)) return 0;
    return (pv)r;
}

pync_type pync_random_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE,
    .name = "Random",
    .base = &pync_object_type,
    .flags = PYNC_TF_BASETYPE,
    .basicsize = sizeof(random_obj),
    .trace = random_trace,
    .construct = random_construct,
    .methods = random_methods,
};

static pv hidden_instance;
static void trace_roots(void) { pync_gc_visit(hidden_instance); }

static int random_init(pv module) {
    NV_MAGICCONST = 4.0 * exp(-0.5) / sqrt(2.0);
    LOG4 = log(4.0);
    SG_MAGICCONST = 1.0 + log(4.5);
    if (pync_type_ready(&pync_random_type) < 0) return -1;
    pv modname = pync_str_from_cstr("random");
    if (!modname) return -1;
    pync_random_type.state[0]->module = modname;
    if (pync_module_add(module, "Random", (pv)&pync_random_type) < 0) return -1;
    if (!hidden_instance) {
        pync_register_static_roots(trace_roots);
        hidden_instance = random_construct(&pync_random_type, NULL, 0, 0);
        if (!hidden_instance) return -1;
    }
    for (const pync_method_def *m = random_methods; m->name; m++) {
        pv f = pync_builtin_new(m->name, m->fn, hidden_instance);
        if (!f || pync_module_add(module, m->name, f) < 0) return -1;
    }
    return 0;
}

const pync_builtin_module pync_mod_random = {"random", random_init};
