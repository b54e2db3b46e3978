/* platform/posix.c — the platform layer on Linux, over the C library.
 *
 * The runtime includes no libc headers, so the few functions used are declared here with the
 * types of the targets we support (LP64 and ILP32 Linux; `long` is the word size on both). */
#include "platform.h"

typedef long pync_ssize;
typedef long pync_off;

void *mmap(void *addr, size_t len, int prot, int flags, int fd, pync_off off);
int munmap(void *addr, size_t len);
pync_ssize write(int fd, const void *buf, size_t n);
pync_ssize read(int fd, void *buf, size_t n);
int open(const char *path, int flags, ...);
int close(int fd);
_Noreturn void _exit(int status);
int *__errno_location(void);
struct pync_timespec { long tv_sec; long tv_nsec; };
int clock_gettime(int clk, struct pync_timespec *ts);
int nanosleep(const struct pync_timespec *req, struct pync_timespec *rem);
pync_ssize getrandom(void *buf, size_t n, unsigned flags);

enum { PROT_READ = 1, PROT_WRITE = 2, MAP_PRIVATE = 2, MAP_ANONYMOUS = 0x20, EINTR = 4 };
enum { CLOCK_REALTIME = 0, CLOCK_MONOTONIC = 1 };
#define MAP_FAILED ((void *)-1)

void *pync_platform_chunk_alloc(size_t size, size_t align) {
    /* Over-allocate and trim so the chunk is aligned; fresh anonymous pages are zero. */
    size_t total = size + align;
    if (total < size) return NULL;
    char *p = mmap(NULL, total, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return NULL;
    uintptr_t start = ((uintptr_t)p + align - 1) & ~(uintptr_t)(align - 1);
    size_t head = start - (uintptr_t)p;
    if (head) munmap(p, head);
    size_t tail = total - head - size;
    if (tail) munmap((char *)start + size, tail);
    return (void *)start;
}

void pync_platform_chunk_free(void *p, size_t size) { munmap(p, size); }

size_t pync_platform_heap_limit(void) { return 0; }

long pync_platform_write(int fd, const void *buf, size_t n) {
    const char *b = buf;
    size_t done = 0;
    while (done < n) {
        pync_ssize r = write(fd, b + done, n - done);
        if (r < 0) {
            if (*__errno_location() == EINTR) continue;
            return -1;
        }
        done += (size_t)r;
    }
    return (long)done;
}

long pync_platform_read(int fd, void *buf, size_t n) {
    for (;;) {
        pync_ssize r = read(fd, buf, n);
        if (r < 0 && *__errno_location() == EINTR) continue;
        return r;
    }
}

_Noreturn void pync_platform_exit(int status) { _exit(status); }

double pync_platform_time(void) {
    struct pync_timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

double pync_platform_monotonic(void) {
    struct pync_timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int pync_platform_sleep(double seconds) {
    if (seconds <= 0) return 0;
    struct pync_timespec req = {(long)seconds, (long)((seconds - (double)(long)seconds) * 1e9)};
    struct pync_timespec rem;
    while (nanosleep(&req, &rem) != 0 && *__errno_location() == EINTR) req = rem;
    return 0;
}

size_t pync_platform_read_file(const char *path, char *buf, size_t cap) {
    int fd = open(path, 0 /* O_RDONLY */);
    if (fd < 0) return 0;
    size_t n = 0;
    while (n < cap) {
        pync_ssize r = read(fd, buf + n, cap - n);
        if (r <= 0) break;
        n += (size_t)r;
    }
    close(fd);
    return n;
}

int pync_platform_random_bytes(void *buf, size_t n) {
    char *b = buf;
    while (n > 0) {
        pync_ssize r = getrandom(b, n, 0);
        if (r <= 0) return -1;
        b += r;
        n -= (size_t)r;
    }
    return 0;
}
