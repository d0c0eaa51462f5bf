/* This file alone is compiled with AVX-512F enabled (Package.swift): clang decides how
   vector arguments are passed from the whole file's target, not a function's target
   attribute, so only here do libmvec's eight-lane functions get their operands in
   zmm registers, as their ABI says (elsewhere clang passes them on the stack). Nothing
   here may run unless the CPU has AVX-512F. */
#include "CVectorMathWide.h"

#if defined(__x86_64__)
#include <immintrin.h>
#include <math.h>

__m512d _ZGVeN8v_atan(__m512d);
__m512d _ZGVeN8v_log1p(__m512d);
__m512d _ZGVeN8vv_atan2(__m512d, __m512d);

/* The lanes of a tail (fewer than eight elements). */
static __mmask8 tail(size_t count) { return (__mmask8)((1u << count) - 1); }

void gb_wide_atan(const double *x, double *y, size_t n) {
    size_t i = 0;
    for (; i + 8 <= n; i += 8) _mm512_storeu_pd(y + i, _ZGVeN8v_atan(_mm512_loadu_pd(x + i)));
    if (i < n) {
        /* Zero-padded, so a result does not depend on where its element sits. */
        __mmask8 m = tail(n - i);
        _mm512_mask_storeu_pd(y + i, m, _ZGVeN8v_atan(_mm512_maskz_loadu_pd(m, x + i)));
    }
}

/* log1p: a lane at or below -1 (or nan, or +inf) sends libmvec's whole vector down its
   scalar path, and a sixth of normal samples are below -1. Such lanes go in as 0 and
   get libm's values here: x86's default nan (what libm returns) below -1, -inf at -1,
   nan and +inf themselves. */
static __m512d log1p8(__m512d v) {
    const __m512d minusOne = _mm512_set1_pd(-1.0);
    __mmask8 ok = _mm512_cmp_pd_mask(v, minusOne, _CMP_GT_OQ) & _mm512_cmp_pd_mask(v, _mm512_set1_pd(INFINITY), _CMP_LT_OQ);
    if (ok == 0xFF) return _ZGVeN8v_log1p(v);
    __m512d r = _ZGVeN8v_log1p(_mm512_maskz_mov_pd(ok, v));
    __m512d special = _mm512_add_pd(v, v);
    special = _mm512_mask_mov_pd(special, _mm512_cmp_pd_mask(v, minusOne, _CMP_LT_OQ),
                                 _mm512_castsi512_pd(_mm512_set1_epi64((long long)0xfff8000000000000ULL)));
    special = _mm512_mask_mov_pd(special, _mm512_cmp_pd_mask(v, minusOne, _CMP_EQ_OQ), _mm512_set1_pd(-INFINITY));
    return _mm512_mask_mov_pd(special, ok, r);
}

void gb_wide_log1p(const double *x, double *y, size_t n) {
    size_t i = 0;
    for (; i + 8 <= n; i += 8) _mm512_storeu_pd(y + i, log1p8(_mm512_loadu_pd(x + i)));
    if (i < n) {
        __mmask8 m = tail(n - i);
        _mm512_mask_storeu_pd(y + i, m, log1p8(_mm512_maskz_loadu_pd(m, x + i)));
    }
}

void gb_wide_atan2(const double *y, const double *x, double *z, size_t n) {
    size_t i = 0;
    for (; i + 8 <= n; i += 8)
        _mm512_storeu_pd(z + i, _ZGVeN8vv_atan2(_mm512_loadu_pd(y + i), _mm512_loadu_pd(x + i)));
    if (i < n) {
        /* Unused lanes as (0, 1), away from atan2's special cases. */
        __mmask8 m = tail(n - i);
        __m512d b = _mm512_mask_loadu_pd(_mm512_set1_pd(1.0), m, x + i);
        _mm512_mask_storeu_pd(z + i, m, _ZGVeN8vv_atan2(_mm512_maskz_loadu_pd(m, y + i), b));
    }
}

#else
void gb_wide_atan(const double *x, double *y, size_t n) { (void)x; (void)y; (void)n; }
void gb_wide_log1p(const double *x, double *y, size_t n) { (void)x; (void)y; (void)n; }
void gb_wide_atan2(const double *y, const double *x, double *z, size_t n) { (void)y; (void)x; (void)z; (void)n; }
#endif
