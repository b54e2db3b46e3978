/* platform/posix_common.h — the platform layer's code shared by the POSIX systems (posix.c for
 * Linux, darwin.c for macOS). Not a header to include elsewhere: it holds definitions.
 *
 * Takes: the few facts that differ between the systems, defined by the including file before it
 * includes this one —
 *   PYNC_MAP_ANONYMOUS    mmap's flag for memory backed by no file
 *   PYNC_CLOCK_MONOTONIC  clock_gettime's id of a clock that never goes back
 *   pync_errno()          the calling thread's errno, as an int lvalue
 *   pync_os_random(b, n)  fills b with n random bytes (n <= 256): 0, or -1 on failure.
 *   PYNC_O_CREAT, PYNC_O_EXCL, PYNC_O_TRUNC, PYNC_O_APPEND, PYNC_O_CLOEXEC  open(2)'s flags
 * Hands on: every function of platform.h. The C library's functions are declared here, since the
 * runtime includes no libc headers; their types are those of LP64 and ILP32 Linux and of LP64
 * macOS, where `long` is the word size and off_t (mmap's offset) is passed as a long. Symbols get
 * macOS's leading underscore from the compiler (the target's data layout), not from us. */
#ifndef PYNC_POSIX_COMMON_H
#define PYNC_POSIX_COMMON_H

#include "platform.h"

typedef long pync_ssize;
typedef long pync_off;

void *mmap(void *addr, size_t len, int prot, int flags, int fd, pync_off off);
int munmap(void *addr, size_t len);
pync_ssize write(int fd, const void *buf, size_t n);
pync_ssize read(int fd, void *buf, size_t n);
int open(const char *path, int flags, ...);
int close(int fd);
char *strerror(int err);
_Noreturn void _exit(int status);
struct pync_timespec { long tv_sec; long tv_nsec; };
int clock_gettime(int clk, struct pync_timespec *ts);
int nanosleep(const struct pync_timespec *req, struct pync_timespec *rem);

/* The same on every POSIX system pync targets. */
enum { PROT_READ = 1, PROT_WRITE = 2, MAP_PRIVATE = 2, EINTR = 4, O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, CLOCK_REALTIME = 0 };
#define MAP_FAILED ((void *)-1)

void *pync_platform_chunk_alloc(size_t size, size_t align) {
    /* Over-allocate and trim so the chunk is aligned; fresh anonymous pages are zero. */
    size_t total = size + align;
    if (total < size) return NULL;
    char *p = mmap(NULL, total, PROT_READ | PROT_WRITE, MAP_PRIVATE | PYNC_MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return NULL;
    uintptr_t start = ((uintptr_t)p + align - 1) & ~(uintptr_t)(align - 1);
    size_t head = start - (uintptr_t)p;
    if (head) munmap(p, head);
    size_t tail = total - head - size;
    if (tail) munmap((char *)start + size, tail);
    return (void *)start;
}

void pync_platform_chunk_free(void *p, size_t size) { munmap(p, size); }

/* no limit but the system's: the heap grows with the program */
size_t pync_platform_heap_limit(void) { return 0; }

long pync_platform_write(int fd, const void *buf, size_t n) {
    const char *b = buf;
    size_t done = 0;
    while (done < n) {
        pync_ssize r = write(fd, b + done, n - done);
        if (r < 0) {
            if (pync_errno() == EINTR) continue;
            return -(long)pync_errno();
        }
        done += (size_t)r;
    }
    return (long)done;
}

long pync_platform_read(int fd, void *buf, size_t n) {
    for (;;) {
        pync_ssize r = read(fd, buf, n);
        if (r < 0 && pync_errno() == EINTR) continue;
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
    clock_gettime(PYNC_CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int pync_platform_sleep(double seconds) {
    if (seconds <= 0) return 0;
    struct pync_timespec req = {(long)seconds, (long)((seconds - (double)(long)seconds) * 1e9)};
    struct pync_timespec rem;
    while (nanosleep(&req, &rem) != 0 && pync_errno() == EINTR) req = rem;
    return 0;
}

size_t pync_platform_read_file(const char *path, char *buf, size_t cap) {
    int fd = open(path, O_RDONLY);
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
        size_t part = n < 256 ? n : 256;
        if (pync_os_random(b, part) != 0) return -1;
        b += part;
        n -= part;
    }
    return 0;
}

int pync_platform_open(const char *path, int flags) {
    int f = PYNC_O_CLOEXEC;
    int rd = flags & PYNC_OPEN_READ, wr = flags & PYNC_OPEN_WRITE;
    f |= rd && wr ? O_RDWR : wr ? O_WRONLY : O_RDONLY;
    if (flags & PYNC_OPEN_CREATE) f |= PYNC_O_CREAT;
    if (flags & PYNC_OPEN_TRUNCATE) f |= PYNC_O_TRUNC;
    if (flags & PYNC_OPEN_APPEND) f |= PYNC_O_APPEND;
    if (flags & PYNC_OPEN_EXCLUSIVE) f |= PYNC_O_EXCL;
    for (;;) {
        int fd = open(path, f, 0666);
        if (fd >= 0) return fd;
        int err = pync_errno();
        if (err != EINTR) return -err;
    }
}

int pync_platform_close(int fd) {
    /* the descriptor is closed even when close reports EINTR: never retry */
    return close(fd) == 0 ? 0 : -pync_errno();
}

const char *pync_platform_strerror(int err) {
    const char *m = strerror(err);
    return m ? m : "Unknown error";
}

#endif
