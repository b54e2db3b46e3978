/* bench/c/pyperformance/float.c — mirrors ../shared/corpus/bench/pyperformance/float.py: 24 calls
 * of benchmark(100000), each making 100000 Point objects (each allocated on its own, as Python
 * objects are), normalizing each and folding them with maximize() over a copy of points[1:]; the
 * last result is printed as "<Point: x=%s, y=%s, z=%s>" with Python's float repr (str). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../pyfloat.h"

#define POINTS 100000

typedef struct {
    double x, y, z;
} Point;

static Point *point_new(long i) {
    Point *self = malloc(sizeof *self);
    double x;
    self->x = x = sin((double)i);
    self->y = cos((double)i) * 3;
    self->z = (x * x) / 2;
    return self;
}

static void normalize(Point *self) {
    double x = self->x, y = self->y, z = self->z;
    double norm = sqrt(x * x + y * y + z * z);
    self->x /= norm;
    self->y /= norm;
    self->z /= norm;
}

static Point *maximize_point(Point *self, const Point *other) {
    self->x = self->x > other->x ? self->x : other->x;
    self->y = self->y > other->y ? self->y : other->y;
    self->z = self->z > other->z ? self->z : other->z;
    return self;
}

static Point *maximize(Point **points, long n) {
    Point *next = points[0];
    Point **rest = malloc((n - 1) * sizeof *rest); /* points[1:] */
    memcpy(rest, points + 1, (n - 1) * sizeof *rest);
    for (long k = 0; k < n - 1; k++) next = maximize_point(next, rest[k]);
    free(rest);
    return next;
}

/* Returns the maximized point; every other point is freed, as the Python list's are. */
static Point *benchmark(long n) {
    Point **points = malloc(n * sizeof *points);
    for (long i = 0; i < n; i++) points[i] = point_new(i);
    for (long i = 0; i < n; i++) normalize(points[i]);
    Point *result = maximize(points, n);
    for (long i = 0; i < n; i++)
        if (points[i] != result) free(points[i]);
    free(points);
    return result;
}

int main(void) {
    Point *p = NULL;
    for (int i = 0; i < 24; i++) {
        Point *next = benchmark(POINTS);
        free(p); /* the previous result is dropped when p is rebound */
        p = next;
    }
    char x[32], y[32], z[32];
    py_float_repr(p->x, x);
    py_float_repr(p->y, y);
    py_float_repr(p->z, z);
    printf("<Point: x=%s, y=%s, z=%s>\n", x, y, z);
    free(p);
    return 0;
}
