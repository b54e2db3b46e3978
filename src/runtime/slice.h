/* slice.h — the slice object and the index arithmetic every sequence type shares.
 *
 *   +------+-------+------+------+
 *   | type | start | stop | step |   each a value; None when omitted (as CPython stores them)
 *   +------+-------+------+------+
 */
#ifndef PYNC_SLICE_H
#define PYNC_SLICE_H

#include "pync.h"

typedef struct pync_slice {
    pync_object ob;
    pv start, stop, step;
} pync_slice;

/* CPython's PySlice_GetIndicesEx for a sequence of `length` items: PySlice_Unpack (None parts
   defaulted, indices clamped to the int64 range, "slice step cannot be zero", "slice indices must
   be integers or None or have an __index__ method") then PySlice_AdjustIndices. 0 or -1. */
int pync_slice_unpack(pv slice, int64_t length, int64_t *start, int64_t *stop, int64_t *step,
                      int64_t *slicelength);
/* The two halves separately (the list code calls __index__ before reading its own length). */
int pync_slice_unpack_raw(pv slice, int64_t *start, int64_t *stop, int64_t *step);
int64_t pync_slice_adjust(int64_t length, int64_t *start, int64_t *stop, int64_t step);
/* CPython's _PySlice_GetLongIndices: start, stop and step as ints for a sequence of `length`
   items (a non-negative int), with no clamping to machine size (slice.indices, range slicing). */
int pync_slice_long_indices(pv slice, pv length, pv *start, pv *stop, pv *step);

#endif
