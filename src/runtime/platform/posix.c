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
char *strerror(int err);
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

/* Linux's open(2) flags (the same on every Linux architecture pync targets) */
enum { O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_CREAT = 0x40, O_EXCL = 0x80, O_TRUNC = 0x200,
       O_APPEND = 0x400, O_CLOEXEC = 0x80000 };

int pync_platform_open(const char *path, int flags) {
    int f = O_CLOEXEC;
    int rd = flags & PYNC_OPEN_READ, wr = flags & PYNC_OPEN_WRITE;
    f |= rd && wr ? O_RDWR : wr ? O_WRONLY : O_RDONLY;
    if (flags & PYNC_OPEN_CREATE) f |= O_CREAT;
    if (flags & PYNC_OPEN_TRUNCATE) f |= O_TRUNC;
    if (flags & PYNC_OPEN_APPEND) f |= O_APPEND;
    if (flags & PYNC_OPEN_EXCLUSIVE) f |= O_EXCL;
    for (;;) {
        int fd = open(path, f, 0666);
        if (fd >= 0) return fd;
        int err = *__errno_location();
        if (err != EINTR) return -err;
    }
}

int pync_platform_close(int fd) {
    /* Linux closes the descriptor even when close reports EINTR: never retry */
    return close(fd) == 0 ? 0 : -*__errno_location();
}

const char *pync_platform_strerror(int err) {
    const char *m = strerror(err);
    return m ? m : "Unknown error";
}
