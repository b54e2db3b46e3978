/* mod_types.c — the types module: coroutine(), and the names of the built-in types a program
 * can meet (GeneratorType, CoroutineType, FunctionType, ...).
 *
 * types.coroutine(f) of a generator function marks the function, as CPython marks its code
 * object: the generators it creates from then on can be awaited (generator.c). Of any other
 * callable it returns a wrapper that marks the generators the callable returns. */
#include "pync.h"
#include "generator.h"
#include "internal.h"

extern const pync_type pync_NoneType_type, pync_NotImplementedType_type, pync_ellipsis_type;

/* the wrapper's call: f(*args), a generator result marked awaitable */
static pv coroutine_wrapper_call(pv func, pv *args, size_t nargs, pv kwnames) {
    pv r = pync_call(func, args, nargs, kwnames);
    if (r && pv_type(r) == &pync_generator_type) ((pync_generator *)r)->flags |= PYNC_GEN_ITERABLE_COROUTINE;
    return r;
}

static pv types_coroutine(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)self;
    if (pync_check_args("coroutine", nargs, kwnames, 1, 1) < 0) return 0;
    pv func = args[0];
    if (!pv_type(func)->call && pv_type(func) != &pync_type_type) {
        return pync_raise_fmt(&pync_TypeError_type, "types.coroutine() expects a callable");
    }
    if (pv_type(func) == &pync_function_type) {
        pync_function *f = (pync_function *)func;
        if (f->code->flags & PYNC_CO_COROUTINE) return func;
        if (f->code->flags & PYNC_CO_GENERATOR) {
            f->flags |= PYNC_FUNC_ITERABLE_COROUTINE;
            return func;
        }
    }
    return pync_builtin_new("coroutine_wrapper", coroutine_wrapper_call, func);
}

static const pync_method_def types_functions[] = {
    {"coroutine", types_coroutine, 0},
    {NULL, NULL, 0},
};

static int types_init(pv m) {
    if (pync_module_add_functions(m, types_functions) < 0) return -1;
    struct { const char *name; const pync_type *type; } names[] = {
        {"GeneratorType", &pync_generator_type}, {"CoroutineType", &pync_coroutine_type},
        {"AsyncGeneratorType", &pync_async_generator_type}, {"FunctionType", &pync_function_type},
        {"LambdaType", &pync_function_type}, {"MethodType", &pync_method_type},
        {"BuiltinFunctionType", &pync_builtin_function_type}, {"BuiltinMethodType", &pync_builtin_function_type},
        {"ModuleType", &pync_module_type}, {"CellType", &pync_cell_type}, {"NoneType", &pync_NoneType_type},
        {"EllipsisType", &pync_ellipsis_type}, {"NotImplementedType", &pync_NotImplementedType_type},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (pync_module_add(m, names[i].name, (pv)names[i].type) < 0) return -1;
    }
    return 0;
}

const pync_builtin_module pync_mod_types = {"types", types_init};
