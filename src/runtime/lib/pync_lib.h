/* pync_lib.h — the few freestanding helpers shared by the runtime's self-contained libraries
 * (dtoa, bigint, random, unicode). The runtime includes no libc headers, and with "no-builtins"
 * clang will not supply memcpy/memset for us, so these are plain loops the optimiser is free
 * to vectorise. Only clang's own freestanding headers are used. */
#ifndef PYNC_LIB_H
#define PYNC_LIB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

static inline void *pync_memcpy(void *dst, const void *src, size_t n) {
    unsigned char *d = (unsigned char *)dst;
    const unsigned char *s = (const unsigned char *)src;
    while (n--) *d++ = *s++;
    return dst;
}

static inline void *pync_memmove(void *dst, const void *src, size_t n) {
    unsigned char *d = (unsigned char *)dst;
    const unsigned char *s = (const unsigned char *)src;
    if (d < s) {
        while (n--) *d++ = *s++;
    } else {
        d += n;
        s += n;
        while (n--) *--d = *--s;
    }
    return dst;
}

static inline void *pync_memset(void *dst, int c, size_t n) {
    unsigned char *d = (unsigned char *)dst;
    while (n--) *d++ = (unsigned char)c;
    return dst;
}

static inline size_t pync_strlen(const char *s) {
    size_t n = 0;
    while (s[n]) n++;
    return n;
}

#endif
