/* platform/baremetal.c — the platform layer on a Cortex-M board with no operating system.
 *
 * Takes the board's layout from the linker script pync generates (targets/boards/linker-script.ts:
 * the pync_* symbols) and its console from defines the target sets (PYNC_UART_BASE with
 * PYNC_UART_CMSDK_APB or PYNC_UART_PL011, PYNC_STDOUT_UART). Hands on the platform interface
 * (platform.h) and what starts a program: the vector table, the reset handler (copies .data,
 * zeroes .bss, enables the FPU where there is one, calls main) and the fault handlers.
 *
 * The host is reached through ARM semihosting (`bkpt 0xab` with an operation in r0 and its
 * argument block in r1), which a debugger or QEMU (-semihosting-config enable=on) serves:
 *   - stdin/stdout/stderr are the handles SYS_OPEN gives for ":tt" opened for read, write and
 *     append (QEMU maps them to its own stdin, stdout and stderr); with PYNC_STDOUT_UART=1,
 *     stdout and stderr go to the board's UART instead, as on a board's serial console;
 *   - the exit status goes through SYS_EXIT_EXTENDED (QEMU exits with it; plain SYS_EXIT can
 *     only say success or failure on 32-bit ARM);
 *   - the command line (sys.argv), clocks and source files for tracebacks come from the host.
 * With no debugger attached, `bkpt` faults; the HardFault handler recognises a semihosting call
 * and makes it fail (r0 = -1) instead, so the same firmware runs on a board without a debugger
 * (output on the UART, no exit status).
 *
 * Memory: the heap is the linker script's .heap section, handed to the collector in chunks by a
 * first-fit allocator over an address-ordered free list; there is no mmap. */
#include "platform.h"

#include <stdbool.h>

/* ---- the board's layout (linker script symbols) -------------------------------------------- */

extern char pync_stack_top[];
extern uint32_t pync_data_load[], pync_data_start[], pync_data_end[];
extern uint32_t pync_bss_start[], pync_bss_end[];
extern char pync_heap_start[], pync_heap_end[];
extern char pync_code_start[], pync_code_end[];

int main(int argc, char **argv);

/* The stack: the linker script puts this section at the bottom of RAM (pync_stack_top is its
   end), so an overflow faults instead of running into data. */
__attribute__((section(".bss.pync_stack"), aligned(8), used)) static uint8_t stack[PYNC_STACK_SIZE];

/* ---- semihosting --------------------------------------------------------------------------- */

enum {
    SYS_OPEN = 0x01, SYS_CLOSE = 0x02, SYS_WRITE = 0x05, SYS_READ = 0x06, SYS_SEEK = 0x0a, SYS_FLEN = 0x0c, SYS_ERRNO = 0x13,
    SYS_CLOCK = 0x10, SYS_TIME = 0x11, SYS_GET_CMDLINE = 0x15, SYS_EXIT = 0x18,
    SYS_EXIT_EXTENDED = 0x20, SYS_ELAPSED = 0x30, SYS_TICKFREQ = 0x31,
};
enum { ADP_STOPPED_APPLICATION_EXIT = 0x20026, ADP_STOPPED_RUNTIME_ERROR_UNKNOWN = 0x20023 };
/* SYS_OPEN modes: "r" = 0, "w" = 4, "a" = 8 (ISO C fopen modes in the order the spec lists them) */
enum { OPEN_READ = 0, OPEN_WRITE = 4, OPEN_APPEND = 8, OPEN_BINARY = 1 };

static long semihost(long op, const void *arg) {
    register long r0 __asm__("r0") = op;
    register const void *r1 __asm__("r1") = arg;
    __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

static size_t cstr_len(const char *s) {
    size_t n = 0;
    while (s[n]) n++;
    return n;
}

/* Handles of ":tt" for fds 0, 1, 2, opened on first use; 0 = not yet, -1 = refused. */
static long console_handle[3];

static long console(int fd) {
    if (console_handle[fd] == 0) {
        static const uint8_t modes[3] = {OPEN_READ, OPEN_WRITE, OPEN_APPEND};
        uintptr_t block[3] = {(uintptr_t)":tt", modes[fd], 3};
        long h = semihost(SYS_OPEN, block);
        /* a handle may be 0; keep 0 meaning "not opened" by storing handle + 1 */
        console_handle[fd] = h < 0 ? -1 : h + 1;
    }
    return console_handle[fd] < 0 ? -1 : console_handle[fd] - 1;
}

/* ---- the UART ------------------------------------------------------------------------------- */

#if PYNC_STDOUT_UART
#define UART_REG(offset) (*(volatile uint32_t *)(uintptr_t)(PYNC_UART_BASE + (offset)))
#if PYNC_UART_PL011
/* ARM PL011: data at +0, flags at +0x18 (bit 5: transmit FIFO full) */
static void uart_init(void) {}
static void uart_putc(char c) {
    while (UART_REG(0x18) & (1u << 5)) {}
    UART_REG(0x00) = (uint8_t)c;
}
#elif PYNC_UART_CMSDK_APB
/* ARM CMSDK APB UART: data +0, state +4 (bit 0: transmit buffer full), control +8 (bit 0:
   transmit enable), baud divider +0x10 (must be at least 16) */
static void uart_init(void) {
    UART_REG(0x10) = 16;
    UART_REG(0x08) = 1;
}
static void uart_putc(char c) {
    while (UART_REG(0x04) & 1u) {}
    UART_REG(0x00) = (uint8_t)c;
}
#else
#error "PYNC_STDOUT_UART needs PYNC_UART_PL011 or PYNC_UART_CMSDK_APB"
#endif
#endif

/* ---- I/O ------------------------------------------------------------------------------------ */

/* Files open()ed by the program are host files reached through semihosting: descriptor
   FILE_FD_BASE + the semihosting handle. */
#define FILE_FD_BASE 3

/* the host's errno after a failed semihosting call */
static int host_errno(void) {
    long e = semihost(SYS_ERRNO, 0);
    return e > 0 ? (int)e : 2;   /* ENOENT when the host says nothing */
}

long pync_platform_write(int fd, const void *buf, size_t n) {
    if (fd >= FILE_FD_BASE) {
        uintptr_t block[3] = {(uintptr_t)(fd - FILE_FD_BASE), (uintptr_t)buf, n};
        return semihost(SYS_WRITE, block) == 0 ? (long)n : -(long)host_errno();
    }
    if (fd < 1 || fd > 2) return -9;   /* EBADF */
#if PYNC_STDOUT_UART
    const char *b = buf;
    for (size_t i = 0; i < n; i++) uart_putc(b[i]);
    return (long)n;
#else
    long h = console(fd);
    if (h < 0) return -5;   /* EIO */
    uintptr_t block[3] = {(uintptr_t)h, (uintptr_t)buf, n};
    /* SYS_WRITE returns the number of bytes NOT written */
    long left = semihost(SYS_WRITE, block);
    return left == 0 ? (long)n : -5;   /* EIO: the console is the debugger's */
#endif
}

long pync_platform_read(int fd, void *buf, size_t n) {
    if (fd != 0 && fd < FILE_FD_BASE) return -1;
    long h = fd == 0 ? console(0) : fd - FILE_FD_BASE;
    if (h < 0) return -1;
    uintptr_t block[3] = {(uintptr_t)h, (uintptr_t)buf, n};
    long left = semihost(SYS_READ, block);
    if (left < 0 || (size_t)left > n) return -1;
    return (long)(n - (size_t)left);
}

size_t pync_platform_read_file(const char *path, char *buf, size_t cap) {
    uintptr_t open_block[3] = {(uintptr_t)path, OPEN_READ, cstr_len(path)};
    long h = semihost(SYS_OPEN, open_block);
    if (h < 0) return 0;
    uintptr_t len_block[1] = {(uintptr_t)h};
    long len = semihost(SYS_FLEN, len_block);
    size_t want = len < 0 ? 0 : ((size_t)len < cap ? (size_t)len : cap);
    size_t got = 0;
    if (want > 0) {
        uintptr_t read_block[3] = {(uintptr_t)h, (uintptr_t)buf, want};
        long left = semihost(SYS_READ, read_block);
        if (left >= 0 && (size_t)left <= want) got = want - (size_t)left;
    }
    uintptr_t close_block[1] = {(uintptr_t)h};
    semihost(SYS_CLOSE, close_block);
    return got;
}

_Noreturn void pync_platform_exit(int status) {
    uintptr_t block[2] = {ADP_STOPPED_APPLICATION_EXIT, (uintptr_t)(uint32_t)status};
    semihost(SYS_EXIT_EXTENDED, block);
    /* a debugger without the extension: success or failure only */
    semihost(SYS_EXIT, (const void *)(uintptr_t)(status == 0 ? ADP_STOPPED_APPLICATION_EXIT : ADP_STOPPED_RUNTIME_ERROR_UNKNOWN));
    /* no debugger: nothing to return to */
    for (;;) __asm__ volatile("wfi");
}

/* ---- clocks --------------------------------------------------------------------------------- */

double pync_platform_monotonic(void) {
    static long tick_freq;
    if (tick_freq == 0) tick_freq = semihost(SYS_TICKFREQ, 0);
    uint32_t ticks[2];
    if (tick_freq > 0 && semihost(SYS_ELAPSED, ticks) == 0) {
        return (double)(((uint64_t)ticks[1] << 32) | ticks[0]) / (double)tick_freq;
    }
    /* older debuggers: centiseconds since the program started */
    long cs = semihost(SYS_CLOCK, 0);
    return cs < 0 ? 0.0 : (double)cs / 100.0;
}

double pync_platform_time(void) {
    /* SYS_TIME has whole seconds only: the wall clock is its value at the first call plus the
       monotonic clock's progress since */
    static bool have_base;
    static double base;
    if (!have_base) {
        long now = semihost(SYS_TIME, 0);
        base = (now < 0 ? 0.0 : (double)now) - pync_platform_monotonic();
        have_base = true;
    }
    return base + pync_platform_monotonic();
}

int pync_platform_sleep(double seconds) {
    double until = pync_platform_monotonic() + seconds;
    while (pync_platform_monotonic() < until) {}
    return 0;
}

/* open(): the host's file through semihosting (SYS_OPEN with an fopen mode). Semihosting has no
   exclusive creation: 'x' checks first that the file cannot be opened for reading. */
static long host_open(const char *path, int mode) {
    uintptr_t block[3] = {(uintptr_t)path, (uintptr_t)mode, cstr_len(path)};
    return semihost(SYS_OPEN, block);
}


int pync_platform_open(const char *path, int flags) {
    int mode = OPEN_READ;
    if (flags & PYNC_OPEN_APPEND) mode = OPEN_APPEND;
    else if (flags & PYNC_OPEN_WRITE) mode = OPEN_WRITE;
    if (flags & PYNC_OPEN_EXCLUSIVE) {
        long h = host_open(path, OPEN_READ | OPEN_BINARY);
        if (h >= 0) {
            uintptr_t block[1] = {(uintptr_t)h};
            semihost(SYS_CLOSE, block);
            return -17;   /* EEXIST */
        }
    }
    long h = host_open(path, mode | OPEN_BINARY);
    if (h < 0) return -host_errno();
    if (mode == OPEN_READ) {
        /* a directory opens, then reads as empty though its length is not 0: refuse it here, as
           a hosted open() of a directory for reading fails at its first read */
        uintptr_t len_block[1] = {(uintptr_t)h};
        long len = semihost(SYS_FLEN, len_block);
        char probe;
        uintptr_t read_block[3] = {(uintptr_t)h, (uintptr_t)&probe, 1};
        uintptr_t seek_block[2] = {(uintptr_t)h, 0};
        bool empty_read = len > 0 && semihost(SYS_READ, read_block) == 1;
        if (empty_read || (len > 0 && semihost(SYS_SEEK, seek_block) != 0)) {
            uintptr_t close_block[1] = {(uintptr_t)h};
            semihost(SYS_CLOSE, close_block);
            return -21;   /* EISDIR */
        }
    }
    if (mode == OPEN_APPEND) {
        /* QEMU's semihosting writes an "ab" file from its start: move to its end first */
        uintptr_t len_block[1] = {(uintptr_t)h};
        long len = semihost(SYS_FLEN, len_block);
        uintptr_t seek_block[2] = {(uintptr_t)h, (uintptr_t)(len > 0 ? len : 0)};
        if (len < 0 || semihost(SYS_SEEK, seek_block) != 0) {
            int err = host_errno();
            uintptr_t close_block[1] = {(uintptr_t)h};
            semihost(SYS_CLOSE, close_block);
            return -err;
        }
    }
    return (int)(h + FILE_FD_BASE);
}

int pync_platform_close(int fd) {
    if (fd < FILE_FD_BASE) return -9;   /* EBADF */
    uintptr_t block[1] = {(uintptr_t)(fd - FILE_FD_BASE)};
    return semihost(SYS_CLOSE, block) == 0 ? 0 : -host_errno();
}

/* The messages of the errors a host file operation reports (Linux's numbering and wording, as
   QEMU's semihosting passes the host's errno through) */
const char *pync_platform_strerror(int err) {
    switch (err) {
    case 1: return "Operation not permitted";
    case 2: return "No such file or directory";
    case 5: return "Input/output error";
    case 9: return "Bad file descriptor";
    case 13: return "Permission denied";
    case 17: return "File exists";
    case 20: return "Not a directory";
    case 21: return "Is a directory";
    case 24: return "Too many open files";
    case 28: return "No space left on device";
    case 30: return "Read-only file system";
    case 36: return "File name too long";
    case 38: return "Function not implemented";
    default: return "Unknown error";
    }
}

int pync_platform_random_bytes(void *buf, size_t n) {
    /* no entropy source: random.seed() falls back to the clocks */
    (void)buf;
    (void)n;
    return -1;
}

/* ---- the static heap ------------------------------------------------------------------------ */

/* Free blocks, in address order, each starting with its header; sizes are multiples of
   HEAP_GRAIN. */
typedef struct free_block {
    size_t size;
    struct free_block *next;
} free_block;

#define HEAP_GRAIN 16
static free_block *free_list;
static bool heap_ready;

static size_t round_up(size_t n, size_t to) { return (n + to - 1) & ~(to - 1); }

static void heap_init(void) {
    uintptr_t start = round_up((uintptr_t)pync_heap_start, HEAP_GRAIN);
    uintptr_t end = (uintptr_t)pync_heap_end & ~(uintptr_t)(HEAP_GRAIN - 1);
    free_list = NULL;
    if (end > start + sizeof(free_block)) {
        free_list = (free_block *)start;
        free_list->size = end - start;
        free_list->next = NULL;
    }
    heap_ready = true;
}

size_t pync_platform_heap_limit(void) { return (size_t)(pync_heap_end - pync_heap_start); }

void *pync_platform_chunk_alloc(size_t size, size_t align) {
    if (!heap_ready) heap_init();
    if (size == 0 || size > pync_platform_heap_limit()) return NULL;
    size = round_up(size, HEAP_GRAIN);
    if (align < HEAP_GRAIN) align = HEAP_GRAIN;
    for (free_block **link = &free_list; *link; link = &(*link)->next) {
        free_block *b = *link;
        uintptr_t start = round_up((uintptr_t)b, align);
        uintptr_t end = (uintptr_t)b + b->size;
        if (start + size > end || start + size < start) continue;
        /* split: what lies before the chunk stays in b, what lies after becomes a new block */
        free_block *next = b->next;
        uintptr_t tail = start + size;
        if (tail < end) {
            free_block *t = (free_block *)tail;
            t->size = end - tail;
            t->next = next;
            next = t;
        }
        if (start > (uintptr_t)b) {
            b->size = start - (uintptr_t)b;
            b->next = next;
        } else {
            *link = next;
        }
        uint32_t *w = (uint32_t *)start;
        for (size_t i = 0; i < size / sizeof(uint32_t); i++) w[i] = 0;
        return (void *)start;
    }
    return NULL;
}

void pync_platform_chunk_free(void *p, size_t size) {
    if (!p || size == 0) return;
    size = round_up(size, HEAP_GRAIN);
    free_block *b = p;
    b->size = size;
    free_block *prev = NULL, *next = free_list;
    while (next && next < b) {
        prev = next;
        next = next->next;
    }
    /* join with the following block, then with the preceding one */
    if (next && (char *)b + b->size == (char *)next) {
        b->size += next->size;
        next = next->next;
    }
    b->next = next;
    if (prev && (char *)prev + prev->size == (char *)b) {
        prev->size += b->size;
        prev->next = b->next;
    } else if (prev) {
        prev->next = b;
    } else {
        free_list = b;
    }
}

/* ---- what the C library would provide ------------------------------------------------------- */

/* clang lowers struct copies and large zeroings to these ARM EABI helpers; newlib's libm sets
   errno through __errno(). */
void __aeabi_memcpy(void *dst, const void *src, size_t n) {
    char *d = dst;
    const char *s = src;
    while (n--) *d++ = *s++;
}
void __aeabi_memcpy4(void *dst, const void *src, size_t n) __attribute__((alias("__aeabi_memcpy")));
void __aeabi_memcpy8(void *dst, const void *src, size_t n) __attribute__((alias("__aeabi_memcpy")));

void __aeabi_memmove(void *dst, const void *src, size_t n) {
    char *d = dst;
    const char *s = src;
    if (d < s) {
        while (n--) *d++ = *s++;
    } else {
        while (n--) d[n] = s[n];
    }
}
void __aeabi_memmove4(void *dst, const void *src, size_t n) __attribute__((alias("__aeabi_memmove")));
void __aeabi_memmove8(void *dst, const void *src, size_t n) __attribute__((alias("__aeabi_memmove")));

void __aeabi_memset(void *dst, size_t n, int c) {
    char *d = dst;
    while (n--) *d++ = (char)c;
}
void __aeabi_memset4(void *dst, size_t n, int c) __attribute__((alias("__aeabi_memset")));
void __aeabi_memset8(void *dst, size_t n, int c) __attribute__((alias("__aeabi_memset")));

void __aeabi_memclr(void *dst, size_t n) { __aeabi_memset(dst, n, 0); }
void __aeabi_memclr4(void *dst, size_t n) __attribute__((alias("__aeabi_memclr")));
void __aeabi_memclr8(void *dst, size_t n) __attribute__((alias("__aeabi_memclr")));

void *memcpy(void *dst, const void *src, size_t n) {
    __aeabi_memcpy(dst, src, n);
    return dst;
}
void *memmove(void *dst, const void *src, size_t n) {
    __aeabi_memmove(dst, src, n);
    return dst;
}
void *memset(void *dst, int c, size_t n) {
    __aeabi_memset(dst, n, c);
    return dst;
}

static int errno_value;
int *__errno(void) { return &errno_value; }

/* ---- faults --------------------------------------------------------------------------------- */

static void write_str(const char *s) { pync_platform_write(2, s, cstr_len(s)); }

static void write_hex(uint32_t v) {
    char buf[10] = {'0', 'x'};
    for (int i = 0; i < 8; i++) buf[2 + i] = "0123456789abcdef"[(v >> (28 - 4 * i)) & 15];
    pync_platform_write(2, buf, sizeof buf);
}

#define SCB_CFSR (*(volatile uint32_t *)0xE000ED28u)
#define SCB_HFSR (*(volatile uint32_t *)0xE000ED2Cu)
#define SCB_CPACR (*(volatile uint32_t *)0xE000ED88u)

/* Called by hardfault_entry with the stacked frame: r0-r3, r12, lr, pc, xpsr. */
__attribute__((used)) void pync_hardfault(uint32_t *frame) {
    uint32_t pc = frame[6];
    if (pc >= (uintptr_t)pync_code_start && pc + 2 <= (uintptr_t)pync_code_end && (pc & 1) == 0 &&
        *(const uint16_t *)(uintptr_t)pc == 0xbeab) {
        /* `bkpt 0xab` with no debugger attached: the semihosting call fails */
        frame[6] = pc + 2;
        frame[0] = (uint32_t)-1;
        return;
    }
    write_str("Fatal Python error: hard fault at pc ");
    write_hex(pc);
    write_str(" (CFSR ");
    write_hex(SCB_CFSR);
    write_str(", HFSR ");
    write_hex(SCB_HFSR);
    write_str(")\n");
    /* as CPython's fatal errors, which abort(): 128 + SIGABRT */
    pync_platform_exit(134);
}

/* The faulting code's frame is on the main or the process stack (bit 2 of EXC_RETURN); lr
   still holds EXC_RETURN when pync_hardfault returns, so its return resumes the code. */
__attribute__((naked)) static void hardfault_entry(void) {
    __asm__ volatile(
        "tst lr, #4\n"
        "ite eq\n"
        "mrseq r0, msp\n"
        "mrsne r0, psp\n"
        "b pync_hardfault\n");
}

static void unexpected_exception(void) {
    uint32_t ipsr;
    __asm__ volatile("mrs %0, ipsr" : "=r"(ipsr));
    write_str("Fatal Python error: unexpected exception ");
    write_hex(ipsr & 0x1ff);
    write_str("\n");
    pync_platform_exit(134);
}

/* ---- start-up ------------------------------------------------------------------------------- */

#define MAX_ARGS 32
#define CMDLINE_SIZE 512

/* sys.argv from the debugger's command line (QEMU: -semihosting-config arg=...), split at
   spaces; ["firmware"] when there is none. */
static int read_argv(char *cmdline, char **argv) {
    uintptr_t block[2] = {(uintptr_t)cmdline, CMDLINE_SIZE - 1};
    int argc = 0;
    if (semihost(SYS_GET_CMDLINE, block) == 0) {
        size_t len = block[1] < CMDLINE_SIZE - 1 ? block[1] : CMDLINE_SIZE - 1;
        cmdline[len] = 0;
        char *p = cmdline;
        while (*p && argc < MAX_ARGS) {
            while (*p == ' ') *p++ = 0;
            if (!*p) break;
            argv[argc++] = p;
            while (*p && *p != ' ') p++;
        }
    }
    if (argc == 0) {
        static char firmware[] = "firmware";
        argv[argc++] = firmware;
    }
    argv[argc] = NULL;
    return argc;
}

_Noreturn void pync_reset(void) {
    for (uint32_t *src = pync_data_load, *dst = pync_data_start; dst < pync_data_end;) *dst++ = *src++;
    for (uint32_t *p = pync_bss_start; p < pync_bss_end;) *p++ = 0;
#if defined(__ARM_FP)
    /* full access to the FPU (coprocessors 10 and 11) before any floating-point instruction */
    SCB_CPACR |= 0xfu << 20;
    __asm__ volatile("dsb\n isb" ::: "memory");
#endif
#if PYNC_STDOUT_UART
    uart_init();
#endif
    /* the command line lives on the stack for the whole program: no static RAM for it */
    char cmdline[CMDLINE_SIZE];
    char *argv[MAX_ARGS + 1];
    int argc = read_argv(cmdline, argv);
    pync_platform_exit(main(argc, argv));
}

/* The Cortex-M vector table: the initial stack pointer, then the handlers of the system
   exceptions (reset, NMI, HardFault, MemManage, BusFault, UsageFault, 4 reserved, SVCall,
   DebugMonitor, reserved, PendSV, SysTick). Faults not enabled escalate to HardFault. */
__attribute__((section(".isr_vector"), used)) static const void *const vector_table[16] = {
    pync_stack_top,          (const void *)pync_reset,           (const void *)unexpected_exception,
    (const void *)hardfault_entry, (const void *)unexpected_exception, (const void *)unexpected_exception,
    (const void *)unexpected_exception, 0, 0, 0, 0, (const void *)unexpected_exception,
    (const void *)unexpected_exception, 0, (const void *)unexpected_exception, (const void *)unexpected_exception,
};
