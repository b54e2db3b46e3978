/* main.c — starting and ending a program: runtime start-up in dependency order, the root
 * registry the collector scans, the recursion limit, and pync_main (called by the generated
 * main() with the program's __main__ module). */
#include "pync.h"
#include "internal.h"
#include "platform/platform.h"

int32_t pync_recursion_depth;
int32_t pync_recursion_limit = 1000;

/* How much C stack compiled code may use before RecursionError: the main thread's default is
   8 MiB on Linux; boards set their own. */
#ifndef PYNC_STACK_BUDGET
#define PYNC_STACK_BUDGET ((size_t)7 << 20)
#endif

static char *stack_top;

int pync_recursion_check(void) {
    char here;
    bool stack_low = stack_top && (size_t)(stack_top - &here) > PYNC_STACK_BUDGET;
    if (pync_recursion_depth <= pync_recursion_limit && !stack_low) return 0;
    /* room for the handler: creating the exception calls functions too */
    int32_t saved = pync_recursion_limit;
    pync_recursion_limit = pync_recursion_depth + 50;
    pync_raise_fmt(&pync_RecursionError_type, "maximum recursion depth exceeded");
    pync_recursion_limit = saved;
    pync_recursion_depth--;
    return -1;
}

/* ---- roots ------------------------------------------------------------------------------------ */

#define MAX_ROOT_TRACERS 64
static void (*root_tracers[MAX_ROOT_TRACERS])(void);
static size_t n_root_tracers;

void pync_register_static_roots(void (*trace)(void)) {
    for (size_t i = 0; i < n_root_tracers; i++) {
        if (root_tracers[i] == trace) return;
    }
    if (n_root_tracers < MAX_ROOT_TRACERS) root_tracers[n_root_tracers++] = trace;
}

void pync_runtime_trace_roots(void) {
    for (size_t i = 0; i < n_root_tracers; i++) root_tracers[i]();
}

/* ---- start-up --------------------------------------------------------------------------------- */

extern const pync_type pync_NoneType_type, pync_NotImplementedType_type, pync_ellipsis_type;
extern const pync_type pync_method_type, pync_builtin_function_type, pync_cell_type, pync_module_type;
extern const pync_type pync_generator_type, pync_coroutine_type, pync_slot_member_type, pync_async_generator_type;

/* Built-in types get their dict and MRO when first needed (pync_type_ready through
   pync_type_mro, attribute lookup, subclassing): a program pays in heap only for the types it
   uses. object and type are readied at start-up: every other MRO ends in object. */
void pync_sys_set_argv(int argc, char **argv);

int pync_runtime_start(void *top, int argc, char **argv) {
    stack_top = top;
    pync_gc_init(top);
    /* str and tuple first: type dicts need strings */
    if (pync_str_init() < 0 || pync_tuple_init() < 0) return -1;
    if (pync_type_ready(&pync_object_type) < 0 || pync_type_ready(&pync_type_type) < 0) return -1;
    if (pync_exc_init() < 0 || pync_class_init() < 0 || pync_builtins_init() < 0) return -1;
    pync_sys_set_argv(argc, argv);
    return 0;
}

void pync_files_flush_all(void);   /* fileio.c */

int pync_runtime_finish(int status) {
    pync_files_flush_all();
    if (pync_flush(1) < 0 && status == 0) status = 120;
    return status;
}

int pync_main(int argc, char **argv, const pync_module_def *main_module) {
    volatile char top = 0;
    if (pync_runtime_start((void *)(&top + 64), argc, argv) < 0) {
        pync_write(2, "pync: the runtime could not start (out of memory)\n", 50);
        return pync_runtime_finish(1);
    }
    int status = 0;
    if (!pync_import(main_module->name)) status = pync_report_uncaught();
    (void)top;
    return pync_runtime_finish(status);
}
