/* class_slots.c — instance attributes at fixed offsets, for classes whose attributes the
 * compiler knows completely (the inference saw every store, nothing reads __dict__, nothing
 * calls setattr/vars, the class has no subclass and no attribute hooks).
 *
 * The compiler calls pync_class_add_slots right after creating such a class: instances grow one
 * word per attribute after the __dict__ word, and the class dict gets a slot member for each
 * name, so code that goes through getattr/setattr (the runtime, dynamic code) reads and writes
 * the same words typed code reaches directly. A word holding 0 is an attribute not set:
 * reading it raises AttributeError as CPython does.
 *
 * On 64-bit targets a slot the inference proved always holds a float is raw: its word holds the
 * double's bits XOR PYNC_RAW_FLOAT_KEY (so the zeroed word of a new instance still means "not
 * set"), and the collector skips it. Typed code reads and writes such a slot without boxing; the
 * one double whose bits equal the key (a NaN with one particular payload) is stored as a NaN
 * with the payload's lowest bit flipped. */
#include "pync.h"
#include "internal.h"

/* XORed into a raw float slot's word: a signalling NaN's bits no arithmetic produces */
#define PYNC_RAW_FLOAT_KEY UINT64_C(0x7FF4504E59430001)

typedef struct slot_member {
    pync_object ob;
    pv name;                 /* str */
    const pync_type *owner;
    uint32_t offset;         /* byte offset in the instance */
    bool raw;                /* the word holds a double (see above) */
} slot_member;

extern const pync_type pync_slot_member_type;

static void member_trace(pync_object *o) {
    slot_member *m = (slot_member *)o;
    pync_gc_visit(m->name);
    pync_gc_visit((pv)m->owner);
}

/* Every word after the header (rounded to 8 bytes): the __dict__ word if any, then the slots,
   then a subclass's words. */
#define PYNC_AFTER_HEADER (((uint32_t)sizeof(pync_object) + 7) & ~(uint32_t)7)
#define PYNC_FIRST_SLOT (PYNC_AFTER_HEADER + (uint32_t)sizeof(pv))
static void slotted_instance_trace(pync_object *o) {
    const pync_type *t = o->type;
    for (uint32_t off = PYNC_AFTER_HEADER; off + sizeof(pv) <= t->basicsize; off += sizeof(pv)) {
        if (t->raw_slots && off >= PYNC_FIRST_SLOT) {
            uint32_t k = (off - PYNC_FIRST_SLOT) / (uint32_t)sizeof(pv);
            if (k < 32 && (t->raw_slots >> k & 1)) continue;
        }
        pync_gc_visit(*(pv *)((char *)o + off));
    }
}

static int add_member(pync_type *t, pv name, uint32_t offset) {
    pync_type_cache_invalidate();
    slot_member *m = pync_gc_alloc(sizeof(slot_member), &pync_slot_member_type);
    if (!m) return -1;
    m->name = name;
    m->owner = t;
    m->offset = offset;
    return pync_dict_setitem(t->state[0]->dict, name, (pv)m);
}

/*
 * A class body's `__slots__ = ('x', 'y')`: instances hold exactly those attributes (and a
 * __dict__ only if '__dict__' is listed). Applied right after the class is made, for classes
 * with object's layout; others keep their __dict__ (the attributes then still work, without
 * the restriction). 0 or -1.
 */
int pync_class_set_user_slots(pv cls) {
    pync_type *t = (pync_type *)cls;
    pv spec = pync_dict_get(t->state[0]->dict, pync_str_from_cstr("__slots__"));
    if (!spec) return pync_current_exc ? -1 : 0;
    if (t->dictoffset != PYNC_AFTER_HEADER || t->basicsize != PYNC_AFTER_HEADER + sizeof(pv)) return 0;
    pv names = pync_isinstance_type(spec, &pync_str_type) ? pync_tuple_pack(1, spec) : pync_call1((pv)&pync_tuple_type, spec);
    if (!names) return -1;
    const pync_tuple *n = (const pync_tuple *)names;
    bool has_dict = false;
    for (size_t i = 0; i < n->size; i++) {
        if (!pync_isinstance_type(n->items[i], &pync_str_type)) {
            pync_raise_fmt(&pync_TypeError_type, "__slots__ items must be strings, not '%T'", n->items[i]);
            return -1;
        }
        if (pync_str_eq_cstr(n->items[i], "__dict__")) has_dict = true;
    }
    uint32_t offset = has_dict ? PYNC_AFTER_HEADER + (uint32_t)sizeof(pv) : PYNC_AFTER_HEADER;
    for (size_t i = 0; i < n->size; i++) {
        if (pync_str_eq_cstr(n->items[i], "__dict__") || pync_str_eq_cstr(n->items[i], "__weakref__")) continue;
        if (add_member(t, pync_str_intern(n->items[i]), offset) < 0) return -1;
        offset += sizeof(pv);
    }
    t->dictoffset = has_dict ? PYNC_AFTER_HEADER : 0;
    t->basicsize = offset;
    t->trace = slotted_instance_trace;
    return 0;
}

/*
 * Gives class `cls` a slot for each name of `names` (a tuple of str). Compiled code reaches slot
 * k at byte offset PYNC_SLOT_OFFSET(k): the class must have object's layout (the header word
 * rounded to 8 bytes, then the __dict__ word). 0 or -1.
 */
int pync_class_add_slots(pv cls, pv names) {
    pync_type *t = (pync_type *)cls;
    const pync_tuple *n = (const pync_tuple *)names;
    const uint32_t first_offset = PYNC_FIRST_SLOT;
    if (!(t->flags & PYNC_TF_HEAPTYPE) || t->basicsize != first_offset || t->dictoffset + sizeof(pv) != first_offset) {
        pync_bad_internal_call("pync_class_add_slots: the class layout is not the one the compiler expected");
        return -1;
    }
    for (size_t i = 0; i < n->size; i++) {
        if (add_member(t, n->items[i], (uint32_t)(first_offset + i * sizeof(pv))) < 0) return -1;
    }
    t->basicsize = (uint32_t)(first_offset + n->size * sizeof(pv));
    t->trace = slotted_instance_trace;
    return 0;
}

/*
 * Marks the slots of `mask` (bit k: slot k, as given to pync_class_add_slots) raw doubles. Only
 * where a word holds a double (64-bit targets): elsewhere the slots stay boxed, and the
 * compiler's code reaches them through pync_slot_getf/pync_slot_setf. Called right after
 * pync_class_add_slots, before any instance exists. 0 or -1.
 */
int pync_class_set_raw_slots(pv cls, int32_t mask) {
    pync_type *t = (pync_type *)cls;
    if (sizeof(pv) < sizeof(double) || mask == 0) return 0;
    t->raw_slots = (uint32_t)mask;
    size_t pos = 0;
    pv key, value;
    while (pync_dict_next(t->state[0]->dict, &pos, &key, &value)) {
        if (pv_is_small(value) || pv_type(value) != &pync_slot_member_type) continue;
        slot_member *m = (slot_member *)value;
        if (m->owner != t || m->offset < PYNC_FIRST_SLOT) continue;
        uint32_t k = (m->offset - PYNC_FIRST_SLOT) / (uint32_t)sizeof(pv);
        m->raw = k < 32 && (t->raw_slots >> k & 1);
    }
    return 0;
}

static uint64_t raw_of_double(double d) {
    uint64_t bits;
    pync_memcpy(&bits, &d, sizeof bits);
    uint64_t word = bits ^ PYNC_RAW_FLOAT_KEY;
    return word ? word : 1;
}

static double double_of_raw(uint64_t word) {
    uint64_t bits = word ^ PYNC_RAW_FLOAT_KEY;
    double d;
    pync_memcpy(&d, &bits, sizeof d);
    return d;
}

static pv *member_word(const slot_member *m, pv obj) {
    return (pv *)((char *)obj + m->offset);
}

/* Whether obj is an instance the member belongs to (its class or a subclass). */
static bool member_applies(const slot_member *m, pv obj) {
    return !pv_is_small(obj) && pync_isinstance_type(obj, m->owner);
}

pv pync_slot_member_get(pv descr, pv obj) {
    const slot_member *m = (const slot_member *)descr;
    if (!obj) {
        return pync_raise_fmt(&pync_AttributeError_type, "type object '%s' has no attribute '%U'", m->owner->name, m->name);
    }
    if (!member_applies(m, obj)) {
        return pync_raise_fmt(&pync_TypeError_type, "descriptor '%U' for '%s' objects doesn't apply to a '%T' object",
                              m->name, m->owner->name, obj);
    }
    pv v = *member_word(m, obj);
    if (!v) return pync_raise_fmt(&pync_AttributeError_type, "'%T' object has no attribute '%U'", obj, m->name);
    return m->raw ? pync_float_new(double_of_raw((uint64_t)v)) : v;
}

/* value 0: delete */
int pync_slot_member_set(pv descr, pv obj, pv value) {
    const slot_member *m = (const slot_member *)descr;
    if (!member_applies(m, obj)) {
        pync_raise_fmt(&pync_TypeError_type, "descriptor '%U' for '%s' objects doesn't apply to a '%T' object",
                       m->name, m->owner->name, obj);
        return -1;
    }
    pv *w = member_word(m, obj);
    if (!value && !*w) {
        pync_raise_fmt(&pync_AttributeError_type, "'%T' object has no attribute '%U'", obj, m->name);
        return -1;
    }
    if (value && m->raw) {
        /* the inference saw every store: only a float can arrive here */
        if (pv_type(value) != &pync_float_type) {
            pync_bad_internal_call("a raw float slot was given a value that is not a float");
            return -1;
        }
        *w = (pv)raw_of_double(pync_float_value(value));
        return 0;
    }
    *w = value;
    return 0;
}

/* Slot k of obj as a double (compiled code, for a slot the inference typed float); on 64-bit
   targets the compiler inlines this for raw slots. Raises AttributeError when not set. */
double pync_slot_getf(pv obj, int32_t k, pv name) {
    pv w = *(pv *)((char *)obj + PYNC_FIRST_SLOT + (uint32_t)k * sizeof(pv));
    if (!w) {
        pync_raise_fmt(&pync_AttributeError_type, "'%T' object has no attribute '%U'", obj, name);
        return -1.0;
    }
    if (pv_type(obj)->raw_slots >> k & 1) return double_of_raw((uint64_t)w);
    return pync_float_value(w);
}

/* Stores v into slot k of obj (see pync_slot_getf). 0 or -1 (out of memory). */
int pync_slot_setf(pv obj, int32_t k, double v) {
    pv *w = (pv *)((char *)obj + PYNC_FIRST_SLOT + (uint32_t)k * sizeof(pv));
    if (pv_type(obj)->raw_slots >> k & 1) {
        *w = (pv)raw_of_double(v);
        return 0;
    }
    pv boxed = pync_float_new(v);
    if (!boxed) return -1;
    *w = boxed;
    return 0;
}

static pv member_repr(pv self) {
    const slot_member *m = (const slot_member *)self;
    return pync_str_fmt("<member '%U' of '%s' objects>", m->name, m->owner->name);
}

const pync_type pync_slot_member_type = {
    .ob = {&pync_type_type}, PYNC_TYPE_STATE, .name = "member_descriptor", .basicsize = sizeof(slot_member), .trace = member_trace,
    .repr = member_repr, .hash = pync_object_hash,
};
