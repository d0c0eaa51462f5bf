#include "CVectorMath.h"
#include "CVectorMathWide.h"

#include <math.h>

#if defined(__x86_64__)
#include <immintrin.h>

#include "CVectorMathAVX2.h"

static int accelerated = -1;

int gb_vector_math_accelerated(void) {
    /* A benign race: every thread computes the same answer. */
    if (accelerated < 0) {
        __builtin_cpu_init();
        accelerated = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    }
    return accelerated;
}

static int wide = -1;

int gb_vector_math_wide(void) {
    if (wide < 0) {
        __builtin_cpu_init();
        wide = gb_vector_math_accelerated() && __builtin_cpu_supports("avx512f");
    }
    return wide;
}

/* This file is compiled for the baseline CPU and only chooses: the four-lane loops live
   in CVectorMathAVX2 (and the eight-lane ones in CVectorMathWide), each a file compiled
   whole for its instruction set, because only there does clang pass vectors to libmvec
   in registers as its ABI requires (see FourLane.c). Nothing in this file may call
   libmvec itself. */
#define VECTOR_MAP(NAME, FOUR, SFUNC)                                           \
    void NAME(const double *x, double *y, size_t n) {                           \
        if (gb_vector_math_accelerated()) { FOUR(x, y, n); return; }            \
        for (size_t i = 0; i < n; i++) y[i] = SFUNC(x[i]);                      \
    }

static double sigmoid1(double v) { return 1.0 / (1.0 + exp(-v)); }
static double softplus1(double v) { return (v > 0 ? v : 0) + log1p(exp(-fabs(v))); }

VECTOR_MAP(gb_vexp, gb_avx2_exp, exp)
VECTOR_MAP(gb_vlog, gb_avx2_log, log)
VECTOR_MAP(gb_vtanh, gb_avx2_tanh, tanh)
VECTOR_MAP(gb_vsin, gb_avx2_sin, sin)
VECTOR_MAP(gb_vcos, gb_avx2_cos, cos)
VECTOR_MAP(gb_vexpm1, gb_avx2_expm1, expm1)
VECTOR_MAP(gb_vlog2, gb_avx2_log2, log2)
VECTOR_MAP(gb_vlog10, gb_avx2_log10, log10)
VECTOR_MAP(gb_vtan, gb_avx2_tan, tan)
VECTOR_MAP(gb_vasin, gb_avx2_asin, asin)
VECTOR_MAP(gb_vacos, gb_avx2_acos, acos)
VECTOR_MAP(gb_vsinh, gb_avx2_sinh, sinh)
VECTOR_MAP(gb_vcosh, gb_avx2_cosh, cosh)
VECTOR_MAP(gb_vsigmoid, gb_avx2_sigmoid, sigmoid1)
VECTOR_MAP(gb_vsoftplus, gb_avx2_softplus, softplus1)
VECTOR_MAP(gb_vfloor, gb_avx2_floor, floor)
VECTOR_MAP(gb_vceil, gb_avx2_ceil, ceil)
VECTOR_MAP(gb_vtrunc, gb_avx2_trunc, trunc)
VECTOR_MAP(gb_vrint, gb_avx2_rint, nearbyint)
VECTOR_MAP(gb_vlog1p_four, gb_avx2_log1p, log1p)
VECTOR_MAP(gb_vatan_four, gb_avx2_atan, atan)

/* Eight lanes where the CPU has them (CVectorMathWide): 1.4x (atan) to 2.3x (log1p)
   the four-lane rate, and where NumPy's own AVX-512 loops were ahead. */
void gb_vlog1p(const double *x, double *y, size_t n) {
    if (gb_vector_math_wide()) { gb_wide_log1p(x, y, n); return; }
    gb_vlog1p_four(x, y, n);
}

void gb_vatan(const double *x, double *y, size_t n) {
    if (gb_vector_math_wide()) { gb_wide_atan(x, y, n); return; }
    gb_vatan_four(x, y, n);
}

void gb_vatan2(const double *y, const double *x, double *z, size_t n) {
    if (gb_vector_math_wide()) { gb_wide_atan2(y, x, z, n); return; }
    if (gb_vector_math_accelerated()) { gb_avx2_atan2(y, x, z, n); return; }
    for (size_t i = 0; i < n; i++) z[i] = atan2(y[i], x[i]);
}

#else /* not x86-64: scalar libm only */

#define SCALAR_MAP(NAME, SFUNC)                                                 \
    void NAME(const double *x, double *y, size_t n) {                           \
        for (size_t i = 0; i < n; i++) y[i] = SFUNC(x[i]);                      \
    }

static double sigmoid1(double v) { return 1.0 / (1.0 + exp(-v)); }
static double softplus1(double v) { return (v > 0 ? v : 0) + log1p(exp(-fabs(v))); }

int gb_vector_math_accelerated(void) { return 0; }
int gb_vector_math_wide(void) { return 0; }
SCALAR_MAP(gb_vexp, exp)
SCALAR_MAP(gb_vlog, log)
SCALAR_MAP(gb_vtanh, tanh)
SCALAR_MAP(gb_vsin, sin)
SCALAR_MAP(gb_vcos, cos)
SCALAR_MAP(gb_vlog1p, log1p)
SCALAR_MAP(gb_vexpm1, expm1)
SCALAR_MAP(gb_vlog2, log2)
SCALAR_MAP(gb_vlog10, log10)
SCALAR_MAP(gb_vtan, tan)
SCALAR_MAP(gb_vasin, asin)
SCALAR_MAP(gb_vacos, acos)
SCALAR_MAP(gb_vatan, atan)
SCALAR_MAP(gb_vsinh, sinh)
SCALAR_MAP(gb_vcosh, cosh)
SCALAR_MAP(gb_vsigmoid, sigmoid1)
SCALAR_MAP(gb_vfloor, floor)
SCALAR_MAP(gb_vceil, ceil)
SCALAR_MAP(gb_vtrunc, trunc)
SCALAR_MAP(gb_vrint, nearbyint)
void gb_vatan2(const double *y, const double *x, double *z, size_t n) {
    for (size_t i = 0; i < n; i++) z[i] = atan2(y[i], x[i]);
}
SCALAR_MAP(gb_vsoftplus, softplus1)

#endif

/* Reductions. Eight accumulators in two four-lane vectors, summed lane by lane at the
   end: the same order of additions on every CPU, so a sum rounds the same everywhere;
   the AVX2 version only does each four-lane add in one instruction instead of two. */
typedef double gb_v4d __attribute__((vector_size(32)));

#define REDUCTIONS(SUFFIX, ATTRIBUTES)                                              \
    ATTRIBUTES static double gb_sum_##SUFFIX(const double *x, size_t n) {           \
        gb_v4d a0 = {0, 0, 0, 0}, a1 = {0, 0, 0, 0};                                \
        size_t i = 0;                                                               \
        for (; i + 8 <= n; i += 8) {                                                \
            gb_v4d v0, v1;                                                          \
            __builtin_memcpy(&v0, x + i, sizeof v0);                                \
            __builtin_memcpy(&v1, x + i + 4, sizeof v1);                            \
            a0 += v0;                                                               \
            a1 += v1;                                                               \
        }                                                                           \
        gb_v4d a = a0 + a1;                                                         \
        double total = (a[0] + a[1]) + (a[2] + a[3]);                               \
        for (; i < n; i++) total += x[i];                                           \
        return total;                                                               \
    }                                                                               \
    ATTRIBUTES static double gb_sum_squares_##SUFFIX(const double *x, size_t n,     \
                                                     double center) {               \
        gb_v4d a0 = {0, 0, 0, 0}, a1 = {0, 0, 0, 0};                                \
        gb_v4d c = {center, center, center, center};                                \
        size_t i = 0;                                                               \
        for (; i + 8 <= n; i += 8) {                                                \
            gb_v4d v0, v1;                                                          \
            __builtin_memcpy(&v0, x + i, sizeof v0);                                \
            __builtin_memcpy(&v1, x + i + 4, sizeof v1);                            \
            v0 -= c;                                                                \
            v1 -= c;                                                                \
            a0 += v0 * v0;                                                          \
            a1 += v1 * v1;                                                          \
        }                                                                           \
        gb_v4d a = a0 + a1;                                                         \
        double total = (a[0] + a[1]) + (a[2] + a[3]);                               \
        for (; i < n; i++) { double d = x[i] - center; total += d * d; }            \
        return total;                                                               \
    }

/* Four rows at a time, each with gb_sum's accumulators and order (so each row's sum is
   gb_sum's, bit for bit): one row's two add chains leave the core idle most cycles. */
#define ROW_SUMS(SUFFIX, ATTRIBUTES)                                                \
    ATTRIBUTES static void gb_sum_rows_##SUFFIX(const double *x, size_t rows,       \
                                                size_t n, double *out) {            \
        size_t r = 0;                                                               \
        for (; r + 4 <= rows; r += 4) {                                             \
            const double *p[4] = {x + r * n, x + (r + 1) * n, x + (r + 2) * n,      \
                                  x + (r + 3) * n};                                 \
            gb_v4d a0 = {0, 0, 0, 0}, a1 = a0, b0 = a0, b1 = a0;                    \
            gb_v4d c0 = a0, c1 = a0, d0 = a0, d1 = a0;                              \
            size_t i = 0;                                                           \
            for (; i + 8 <= n; i += 8) {                                            \
                gb_v4d v0, v1, w0, w1, y0, y1, z0, z1;                              \
                __builtin_memcpy(&v0, p[0] + i, sizeof v0);                         \
                __builtin_memcpy(&v1, p[0] + i + 4, sizeof v1);                     \
                __builtin_memcpy(&w0, p[1] + i, sizeof w0);                         \
                __builtin_memcpy(&w1, p[1] + i + 4, sizeof w1);                     \
                __builtin_memcpy(&y0, p[2] + i, sizeof y0);                         \
                __builtin_memcpy(&y1, p[2] + i + 4, sizeof y1);                     \
                __builtin_memcpy(&z0, p[3] + i, sizeof z0);                         \
                __builtin_memcpy(&z1, p[3] + i + 4, sizeof z1);                     \
                a0 += v0; a1 += v1; b0 += w0; b1 += w1;                             \
                c0 += y0; c1 += y1; d0 += z0; d1 += z1;                             \
            }                                                                       \
            gb_v4d acc[4] = {a0 + a1, b0 + b1, c0 + c1, d0 + d1};                   \
            for (int k = 0; k < 4; k++) {                                           \
                double total = (acc[k][0] + acc[k][1]) + (acc[k][2] + acc[k][3]);   \
                for (size_t j = i; j < n; j++) total += p[k][j];                    \
                out[r + k] = total;                                                 \
            }                                                                       \
        }                                                                           \
        for (; r < rows; r++) out[r] = gb_sum_##SUFFIX(x + r * n, n);               \
    }

/* Without -ffp-contract the compiler keeps the multiply and the add apart (no FMA),
   so both versions round identically. */
#pragma STDC FP_CONTRACT OFF
REDUCTIONS(baseline, )
ROW_SUMS(baseline, )
#if defined(__x86_64__)
REDUCTIONS(avx2, __attribute__((target("avx2"))))
ROW_SUMS(avx2, __attribute__((target("avx2"))))
#endif

void gb_sum_rows(const double *x, size_t rows, size_t n, double *out) {
#if defined(__x86_64__)
    if (gb_vector_math_accelerated()) { gb_sum_rows_avx2(x, rows, n, out); return; }
#endif
    gb_sum_rows_baseline(x, rows, n, out);
}

double gb_sum(const double *x, size_t n) {
#if defined(__x86_64__)
    if (gb_vector_math_accelerated()) return gb_sum_avx2(x, n);
#endif
    return gb_sum_baseline(x, n);
}

double gb_sum_portable(const double *x, size_t n) { return gb_sum_baseline(x, n); }

double gb_sum_squares_portable(const double *x, size_t n, double center) {
    return gb_sum_squares_baseline(x, n, center);
}

double gb_sum_squares(const double *x, size_t n, double center) {
#if defined(__x86_64__)
    if (gb_vector_math_accelerated()) return gb_sum_squares_avx2(x, n, center);
#endif
    return gb_sum_squares_baseline(x, n, center);
}

/* Row updates for reductions along a leading axis: each input row folded into the
   output row, element by element. nan wins, as in NumPy's max and min. */
static inline double gb_max1(double d, double s) { return (d != d || d > s) ? d : s; }
static inline double gb_min1(double d, double s) { return (d != d || d < s) ? d : s; }

#if defined(__x86_64__)
#define ROW_EXTREME_AVX2(NAME, PREDICATE, SCALAR)                                   \
    __attribute__((target("avx2"))) static void NAME##_avx2(double *dst, const double *src, size_t n) { \
        size_t i = 0;                                                               \
        for (; i + 4 <= n; i += 4) {                                                \
            __m256d d = _mm256_loadu_pd(dst + i), s = _mm256_loadu_pd(src + i);     \
            __m256d keep = _mm256_or_pd(_mm256_cmp_pd(d, d, _CMP_UNORD_Q),          \
                                        _mm256_cmp_pd(d, s, PREDICATE));            \
            _mm256_storeu_pd(dst + i, _mm256_blendv_pd(s, d, keep));                \
        }                                                                           \
        for (; i < n; i++) dst[i] = SCALAR(dst[i], src[i]);                         \
    }
ROW_EXTREME_AVX2(gb_vmax_into, _CMP_GT_OQ, gb_max1)
ROW_EXTREME_AVX2(gb_vmin_into, _CMP_LT_OQ, gb_min1)

__attribute__((target("avx2"))) static void gb_vadd_into_avx2(double *dst, const double *src, size_t n) {
    size_t i = 0;
    for (; i + 4 <= n; i += 4)
        _mm256_storeu_pd(dst + i, _mm256_add_pd(_mm256_loadu_pd(dst + i), _mm256_loadu_pd(src + i)));
    for (; i < n; i++) dst[i] += src[i];
}
#endif

void gb_vadd_into(double *dst, const double *src, size_t n) {
#if defined(__x86_64__)
    if (gb_vector_math_accelerated()) { gb_vadd_into_avx2(dst, src, n); return; }
#endif
    for (size_t i = 0; i < n; i++) dst[i] += src[i];
}

void gb_vmax_into(double *dst, const double *src, size_t n) {
#if defined(__x86_64__)
    if (gb_vector_math_accelerated()) { gb_vmax_into_avx2(dst, src, n); return; }
#endif
    for (size_t i = 0; i < n; i++) dst[i] = gb_max1(dst[i], src[i]);
}

void gb_vmin_into(double *dst, const double *src, size_t n) {
#if defined(__x86_64__)
    if (gb_vector_math_accelerated()) { gb_vmin_into_avx2(dst, src, n); return; }
#endif
    for (size_t i = 0; i < n; i++) dst[i] = gb_min1(dst[i], src[i]);
}
