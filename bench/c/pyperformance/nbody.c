/* bench/c/pyperformance/nbody.c — mirrors ../shared/corpus/bench/pyperformance/nbody.py: five
 * bodies, all ten pairs visited in combinations() order, advance(0.01, 500000) between two energy
 * reports, each printed with "%.9f". `**` is pow() as in CPython's float_pow. */
#include <math.h>
#include <stdio.h>

#define PI 3.14159265358979323
#define SOLAR_MASS (4 * PI * PI)
#define DAYS_PER_YEAR 365.24
#define NBODIES 5

typedef struct {
    double r[3];
    double v[3];
    double m;
} Body;

/* BODIES.values() in insertion order: sun, jupiter, saturn, uranus, neptune */
static Body bodies[NBODIES] = {
    {{0.0, 0.0, 0.0}, {0.0, 0.0, 0.0}, SOLAR_MASS},
    {{4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01},
     {1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR, -6.90460016972063023e-05 * DAYS_PER_YEAR},
     9.54791938424326609e-04 * SOLAR_MASS},
    {{8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01},
     {-2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR, 2.30417297573763929e-05 * DAYS_PER_YEAR},
     2.85885980666130812e-04 * SOLAR_MASS},
    {{1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01},
     {2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR, -2.96589568540237556e-05 * DAYS_PER_YEAR},
     4.36624404335156298e-05 * SOLAR_MASS},
    {{1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01},
     {2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR, -9.51592254519715870e-05 * DAYS_PER_YEAR},
     5.15138902046611451e-05 * SOLAR_MASS},
};

typedef struct {
    Body *a, *b;
} Pair;

static Pair pairs[NBODIES * (NBODIES - 1) / 2];
static int npairs;

static void combinations(void) {
    for (int x = 0; x < NBODIES - 1; x++)
        for (int y = x + 1; y < NBODIES; y++) pairs[npairs++] = (Pair){&bodies[x], &bodies[y]};
}

static void advance(double dt, long n) {
    for (long i = 0; i < n; i++) {
        for (int p = 0; p < npairs; p++) {
            Body *b1 = pairs[p].a, *b2 = pairs[p].b;
            double dx = b1->r[0] - b2->r[0];
            double dy = b1->r[1] - b2->r[1];
            double dz = b1->r[2] - b2->r[2];
            double mag = dt * pow(dx * dx + dy * dy + dz * dz, -1.5);
            double b1m = b1->m * mag;
            double b2m = b2->m * mag;
            b1->v[0] -= dx * b2m;
            b1->v[1] -= dy * b2m;
            b1->v[2] -= dz * b2m;
            b2->v[0] += dx * b1m;
            b2->v[1] += dy * b1m;
            b2->v[2] += dz * b1m;
        }
        for (int k = 0; k < NBODIES; k++) {
            Body *b = &bodies[k];
            double vx = b->v[0], vy = b->v[1], vz = b->v[2];
            b->r[0] += dt * vx;
            b->r[1] += dt * vy;
            b->r[2] += dt * vz;
        }
    }
}

static double report_energy(void) {
    double e = 0.0;
    for (int p = 0; p < npairs; p++) {
        Body *b1 = pairs[p].a, *b2 = pairs[p].b;
        double dx = b1->r[0] - b2->r[0];
        double dy = b1->r[1] - b2->r[1];
        double dz = b1->r[2] - b2->r[2];
        e -= (b1->m * b2->m) / pow(dx * dx + dy * dy + dz * dz, 0.5);
    }
    for (int k = 0; k < NBODIES; k++) {
        Body *b = &bodies[k];
        e += b->m * (b->v[0] * b->v[0] + b->v[1] * b->v[1] + b->v[2] * b->v[2]) / 2.;
    }
    return e;
}

static void offset_momentum(Body *ref) {
    double px = 0.0, py = 0.0, pz = 0.0;
    for (int k = 0; k < NBODIES; k++) {
        px -= bodies[k].v[0] * bodies[k].m;
        py -= bodies[k].v[1] * bodies[k].m;
        pz -= bodies[k].v[2] * bodies[k].m;
    }
    ref->v[0] = px / ref->m;
    ref->v[1] = py / ref->m;
    ref->v[2] = pz / ref->m;
}

int main(void) {
    combinations();
    offset_momentum(&bodies[0]);
    printf("%.9f\n", report_energy());
    advance(0.01, 500000);
    printf("%.9f\n", report_energy());
    return 0;
}
