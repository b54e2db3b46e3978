/* class_slots.c — instance attributes at fixed offsets, for classes whose attributes the
 * compiler knows completely (the inference saw every store, nothing reads __dict__, nothing
 * calls setattr/vars, the class has no subclass and no attribute hooks).
 *
 * The compiler calls pync_class_add_slots right after creating such a class: instances grow one
 * word per attribute after the __dict__ word, and the class dict gets a slot member for each
 * name, so code that goes through getattr/setattr (the runtime, dynamic code) reads and writes
 * the same words typed code reaches directly. A word holding 0 is an attribute not set:
 * reading it raises AttributeError as CPython does. */
#include "pync.h"
#include "internal.h"

typedef struct slot_member {
    pync_object ob;
    pv name;                 /* str */
    const pync_type *owner;
    uint32_t offset;         /* byte offset in the instance */
} slot_member;

extern pync_type pync_slot_member_type;

static void member_trace(pync_object *o) {
    slot_member *m = (slot_member *)o;
    pync_gc_visit(m->name);
    pync_gc_visit((pv)m->owner);
}

/* The instance's words: the type's layout base, the __dict__ word, then the slots. */
static void slotted_instance_trace(pync_object *o) {
    const pync_type *t = o->type;
    if (t->dictoffset) pync_gc_visit(*(pv *)((char *)o + t->dictoffset));
    uint32_t first = t->dictoffset + sizeof(pv);
    for (uint32_t off = first; off + sizeof(pv) <= t->basicsize; off += sizeof(pv)) pync_gc_visit(*(pv *)((char *)o + off));
}

/*
 * Gives class `cls` a slot for each name of `names` (a tuple of str). Compiled code reaches slot
 * k at byte offset PYNC_SLOT_OFFSET(k): the class must have object's layout (the header word
 * rounded to 8 bytes, then the __dict__ word). 0 or -1.
 */
#define PYNC_FIRST_SLOT ((((uint32_t)sizeof(pync_object) + 7) & ~(uint32_t)7) + (uint32_t)sizeof(pv))
int pync_class_add_slots(pv cls, pv names) {
    pync_type *t = (pync_type *)cls;
    const pync_tuple *n = (const pync_tuple *)names;
    const uint32_t first_offset = PYNC_FIRST_SLOT;
    if (!(t->flags & PYNC_TF_HEAPTYPE) || t->basicsize != first_offset || t->dictoffset + sizeof(pv) != first_offset) {
        pync_bad_internal_call("pync_class_add_slots: the class layout is not the one the compiler expected");
        return -1;
    }
    for (size_t i = 0; i < n->size; i++) {
        slot_member *m = pync_gc_alloc(sizeof(slot_member), &pync_slot_member_type);
        if (!m) return -1;
        m->name = n->items[i];
        m->owner = t;
        m->offset = (uint32_t)(first_offset + i * sizeof(pv));
        if (pync_dict_setitem(t->dict, n->items[i], (pv)m) < 0) return -1;
    }
    t->basicsize = (uint32_t)(first_offset + n->size * sizeof(pv));
    t->trace = slotted_instance_trace;
    return 0;
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
    return v;
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
    *w = value;
    return 0;
}

static pv member_repr(pv self) {
    const slot_member *m = (const slot_member *)self;
    return pync_str_fmt("<member '%U' of '%s' objects>", m->name, m->owner->name);
}

pync_type pync_slot_member_type = {
    .ob = {&pync_type_type}, .name = "member_descriptor", .basicsize = sizeof(slot_member), .trace = member_trace,
    .repr = member_repr, .hash = pync_object_hash,
};
