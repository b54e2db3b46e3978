/* array_methods.c — the methods of array.array (append, extend, pop, tobytes, ...), with
 * CPython 3.11's argument handling and messages. The type itself is in mod_array.c. */
#include "mod_array.h"

static array_obj *A(pv v) { return (array_obj *)v; }

static pv item(array_obj *a, size_t i) { return pync_array_item_at(a->desc, pync_array_data(a) + i * a->desc->itemsize); }

pv pync_array_tolist(array_obj *a) {
    pv l = pync_list_new(a->n);
    if (!l) return 0;
    for (size_t i = 0; i < a->n && i < ((pync_list *)l)->size; i++) {
        pv x = item(a, i);
        if (!x) return 0;
        ((pync_list *)l)->items[i] = x;
    }
    return l;
}

pv pync_array_tounicode(array_obj *a) {
    pync_strbuf b;
    if (pync_strbuf_init(&b, a->n + 1) < 0) return 0;
    for (size_t i = 0; i < a->n; i++) {
        pv c = item(a, i);
        if (!c || pync_strbuf_append_str(&b, c) < 0) return 0;
    }
    return pync_strbuf_finish(&b);
}

static pv m_append(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("array.append", nargs, kwnames) < 0) return 0;
    return pync_array_append(A(self), args[0]) < 0 ? 0 : pync_None;
}

static pv m_buffer_info(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("array.buffer_info", nargs, kwnames) < 0) return 0;
    array_obj *a = A(self);
    /* the address is the storage's (it moves when the array grows, as in CPython) */
    uintptr_t addr = a->buf ? (uintptr_t)a->buf->data : 0;
    return pync_tuple_pack(2, pync_int_from_u64(addr), pync_int_from_u64(a->n));
}

static pv m_byteswap(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("array.byteswap", nargs, kwnames) < 0) return 0;
    array_obj *a = A(self);
    size_t isz = a->desc->itemsize;
    uint8_t *p = pync_array_data(a);
    for (size_t i = 0; i < a->n; i++, p += isz) {
        for (size_t j = 0; j < isz / 2; j++) {
            uint8_t t = p[j];
            p[j] = p[isz - 1 - j];
            p[isz - 1 - j] = t;
        }
    }
    return pync_None;
}

static pv m_count(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("array.count", nargs, kwnames) < 0) return 0;
    array_obj *a = A(self);
    int64_t count = 0;
    for (size_t i = 0; i < a->n; i++) {
        pv x = item(a, i);
        if (!x) return 0;
        int c = pync_equal(x, args[0]);
        if (c < 0) return 0;
        count += c;
    }
    return pync_int_from_i64(count);
}

static pv m_extend(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_no_kwargs("extend", kwnames) < 0) return 0;
    if (nargs != 1) {
        return pync_raise_fmt(&pync_TypeError_type, "extend() takes exactly 1 positional argument (%zd given)", (ptrdiff_t)nargs);
    }
    array_obj *a = A(self);
    int r = pync_array_check(args[0]) ? pync_array_extend_array(a, A(args[0])) : pync_array_extend_iter(a, args[0]);
    return r < 0 ? 0 : pync_None;
}

static pv m_frombytes(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("array.frombytes", nargs, kwnames) < 0) return 0;
    pync_bview bv;
    if (pync_array_check(args[0]) && A(args[0])->desc->itemsize != 1) {
        /* a buffer of items wider than a byte is refused, as in CPython */
        return pync_raise_fmt(&pync_TypeError_type, "a bytes-like object is required");
    }
    if (!pync_txt_bytes_like(args[0], &bv)) {
        return pync_raise_fmt(&pync_TypeError_type, "a bytes-like object is required, not '%s'", pync_type_name(args[0]));
    }
    array_obj *a = A(self);
    if (bv.n % a->desc->itemsize) return pync_raise_fmt(&pync_ValueError_type, "bytes length not a multiple of item size");
    pv copy = pync_bytes_new(bv.p, bv.n);   /* the source may be the array itself */
    if (!copy) return 0;
    return pync_array_append_bytes(a, pync_bytes_data(copy), bv.n) < 0 ? 0 : pync_None;
}

static pv m_fromlist(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("array.fromlist", nargs, kwnames) < 0) return 0;
    if (!pync_isinstance_type(args[0], &pync_list_type)) return pync_raise_fmt(&pync_TypeError_type, "arg must be list");
    array_obj *a = A(self);
    size_t old = a->n;
    pync_list *l = (pync_list *)args[0];
    for (size_t i = 0; i < l->size; i++) {
        if (pync_array_append(a, l->items[i]) < 0) {
            /* all or nothing */
            if (a->n > old) pync_array_resize(a, old);
            return 0;
        }
    }
    return pync_None;
}

static pv m_fromunicode(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("array.fromunicode", nargs, kwnames) < 0) return 0;
    if (pv_is_small(args[0]) || !pync_isinstance_type(args[0], &pync_str_type)) {
        return pync_raise_fmt(&pync_TypeError_type, "fromunicode() argument must be str, not %s", pync_type_name(args[0]));
    }
    array_obj *a = A(self);
    if (a->desc->code != 'u') {
        return pync_raise_fmt(&pync_ValueError_type, "fromunicode() may only be called on unicode type arrays");
    }
    return pync_array_extend_unicode(a, args[0]) < 0 ? 0 : pync_None;
}

static pv m_index(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_positional("index", nargs, kwnames, 1, 3) < 0) return 0;
    array_obj *a = A(self);
    int64_t start = 0, stop = PYNC_SSIZE_MAX, n = (int64_t)a->n;
    if (nargs > 1 && pync_slice_index_not_none(args[1], &start) < 0) return 0;
    if (nargs > 2 && pync_slice_index_not_none(args[2], &stop) < 0) return 0;
    if (start < 0) {
        start += n;
        if (start < 0) start = 0;
    }
    if (stop < 0) {
        stop += n;
        if (stop < 0) stop = 0;
    }
    for (int64_t i = start; i < stop && i < (int64_t)a->n; i++) {
        pv x = item(a, (size_t)i);
        if (!x) return 0;
        int c = pync_equal(x, args[0]);
        if (c < 0) return 0;
        if (c) return pync_int_from_i64(i);
    }
    return pync_raise_fmt(&pync_ValueError_type, "array.index(x): x not in array");
}

static pv m_insert(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_positional("insert", nargs, kwnames, 2, 2) < 0) return 0;
    int64_t i;
    if (pync_index_or_raise(args[0], &pync_OverflowError_type, &i) < 0) return 0;
    array_obj *a = A(self);
    int64_t n = (int64_t)a->n;
    if (i < 0) {
        i += n;
        if (i < 0) i = 0;
    }
    if (i > n) i = n;
    return pync_array_insert_at(a, (size_t)i, args[1]) < 0 ? 0 : pync_None;
}

static pv m_pop(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_positional("pop", nargs, kwnames, 0, 1) < 0) return 0;
    int64_t i = -1;
    if (nargs && pync_index_or_raise(args[0], &pync_OverflowError_type, &i) < 0) return 0;
    array_obj *a = A(self);
    if (a->n == 0) return pync_raise_fmt(&pync_IndexError_type, "pop from empty array");
    if (i < 0) i += (int64_t)a->n;
    if (i < 0 || i >= (int64_t)a->n) return pync_raise_fmt(&pync_IndexError_type, "pop index out of range");
    pv x = item(a, (size_t)i);
    if (!x) return 0;
    pync_array_delete(a, (size_t)i, (size_t)i + 1);
    return x;
}

static pv m_remove(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("array.remove", nargs, kwnames) < 0) return 0;
    array_obj *a = A(self);
    for (size_t i = 0; i < a->n; i++) {
        pv x = item(a, i);
        if (!x) return 0;
        int c = pync_equal(x, args[0]);
        if (c < 0) return 0;
        if (c) {
            if (i < a->n) pync_array_delete(a, i, i + 1);
            return pync_None;
        }
    }
    return pync_raise_fmt(&pync_ValueError_type, "array.remove(x): x not in array");
}

static pv m_reverse(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("array.reverse", nargs, kwnames) < 0) return 0;
    array_obj *a = A(self);
    size_t isz = a->desc->itemsize;
    uint8_t *p = pync_array_data(a), tmp[8];
    for (size_t i = 0, j = a->n ? a->n - 1 : 0; i < j; i++, j--) {
        pync_memcpy(tmp, p + i * isz, isz);
        pync_memcpy(p + i * isz, p + j * isz, isz);
        pync_memcpy(p + j * isz, tmp, isz);
    }
    return pync_None;
}

static pv m_tobytes(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("array.tobytes", nargs, kwnames) < 0) return 0;
    array_obj *a = A(self);
    return pync_bytes_new(pync_array_data(a), a->n * a->desc->itemsize);
}

static pv m_tolist(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("array.tolist", nargs, kwnames) < 0) return 0;
    return pync_array_tolist(A(self));
}

static pv m_tounicode(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("array.tounicode", nargs, kwnames) < 0) return 0;
    if (A(self)->desc->code != 'u') {
        return pync_raise_fmt(&pync_ValueError_type, "tounicode() may only be called on unicode type arrays");
    }
    return pync_array_tounicode(A(self));
}

static pv copy_of(array_obj *a) { return pync_array_slice(a, 0, 1, (int64_t)a->n); }

static pv m_copy(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("array.__copy__", nargs, kwnames) < 0) return 0;
    return copy_of(A(self));
}

static pv m_deepcopy(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_one_arg("array.__deepcopy__", nargs, kwnames) < 0) return 0;
    return copy_of(A(self));
}

static pv m_sizeof(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("array.__sizeof__", nargs, kwnames) < 0) return 0;
    array_obj *a = A(self);
    return pync_int_from_u64(64 + (a->buf ? a->buf->capacity : 0));
}

static pv m_iadd(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("array.__iadd__", nargs, kwnames) < 0) return 0;
    return pync_inplace(self, args[0], PYNC_OP_ADD);
}

static pv m_imul(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("array.__imul__", nargs, kwnames) < 0) return 0;
    int64_t n;
    if (pync_index_or_raise(args[0], &pync_OverflowError_type, &n) < 0) return 0;
    return pync_inplace(self, args[0], PYNC_OP_MUL);
}

static pv m_add(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("array.__add__", nargs, kwnames) < 0) return 0;
    return pync_binary(self, args[0], PYNC_OP_ADD);
}

static pv m_mul(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("array.__mul__", nargs, kwnames) < 0) return 0;
    return pync_binary(self, args[0], PYNC_OP_MUL);
}

static pv m_getitem(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("array.__getitem__", nargs, kwnames) < 0) return 0;
    return pync_getitem(self, args[0]);
}

static pv m_setitem(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_positional("__setitem__", nargs, kwnames, 2, 2) < 0) return 0;
    return pync_setitem(self, args[0], args[1]) < 0 ? 0 : pync_None;
}

static pv m_delitem(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("array.__delitem__", nargs, kwnames) < 0) return 0;
    return pync_setitem(self, args[0], 0) < 0 ? 0 : pync_None;
}

static pv m_len(pv self, pv *args, size_t nargs, pv kwnames) {
    (void)args;
    if (pync_check_no_args("array.__len__", nargs, kwnames) < 0) return 0;
    return pync_int_from_u64(A(self)->n);
}

static pv m_contains(pv self, pv *args, size_t nargs, pv kwnames) {
    if (pync_check_one_arg("array.__contains__", nargs, kwnames) < 0) return 0;
    int r = pync_contains(self, args[0]);
    return r < 0 ? 0 : pync_bool(r);
}

const pync_method_def pync_array_methods[] = {
    {"__getitem__", m_getitem, 0},
    {"__setitem__", m_setitem, 0},
    {"__delitem__", m_delitem, 0},
    {"__len__", m_len, 0},
    {"__contains__", m_contains, 0},
    {"append", m_append, 0},
    {"buffer_info", m_buffer_info, 0},
    {"byteswap", m_byteswap, 0},
    {"count", m_count, 0},
    {"extend", m_extend, 0},
    {"frombytes", m_frombytes, 0},
    {"fromlist", m_fromlist, 0},
    {"fromunicode", m_fromunicode, 0},
    {"index", m_index, 0},
    {"insert", m_insert, 0},
    {"pop", m_pop, 0},
    {"remove", m_remove, 0},
    {"reverse", m_reverse, 0},
    {"tobytes", m_tobytes, 0},
    {"tolist", m_tolist, 0},
    {"tounicode", m_tounicode, 0},
    {"__copy__", m_copy, 0},
    {"__deepcopy__", m_deepcopy, 0},
    {"__sizeof__", m_sizeof, 0},
    {"__iadd__", m_iadd, 0},
    {"__imul__", m_imul, 0},
    {"__add__", m_add, 0},
    {"__mul__", m_mul, 0},
    {NULL, NULL, 0},
};
