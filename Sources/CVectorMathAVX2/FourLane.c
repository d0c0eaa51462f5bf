/* This file alone is compiled with AVX2 and FMA enabled (Package.swift): clang decides
   how vector arguments are passed from the whole file's target, not a function's target
   attribute, so only here do libmvec's four-lane functions get their operands in ymm
   registers, as their ABI says. In a baseline file, even inside a target("avx2")
   function, clang passed the __m256d on the stack and the call worked only because
   ymm0 (and ymm1 for atan2) still happened to hold the value. Nothing here may run
   unless the CPU has AVX2 and FMA. */
#include "CVectorMathAVX2.h"

#if defined(__x86_64__)
#include <immintrin.h>
#include <math.h>

/* glibc's libmvec AVX2 variants (vector ABI names: 'd' = AVX2, N4 = four lanes). */
__m256d _ZGVdN4v_exp(__m256d);
__m256d _ZGVdN4v_log(__m256d);
__m256d _ZGVdN4v_tanh(__m256d);
__m256d _ZGVdN4v_sin(__m256d);
__m256d _ZGVdN4v_cos(__m256d);
__m256d _ZGVdN4v_log1p(__m256d);
__m256d _ZGVdN4v_expm1(__m256d);
__m256d _ZGVdN4v_log2(__m256d);
__m256d _ZGVdN4v_log10(__m256d);
__m256d _ZGVdN4v_tan(__m256d);
__m256d _ZGVdN4v_asin(__m256d);
__m256d _ZGVdN4v_acos(__m256d);
__m256d _ZGVdN4v_atan(__m256d);
__m256d _ZGVdN4v_sinh(__m256d);
__m256d _ZGVdN4v_cosh(__m256d);
__m256d _ZGVdN4vv_atan2(__m256d, __m256d);

/* The tail (n % 4 elements) goes through a zero-padded vector so results do not
   depend on where an element sits in the buffer. */
#define VECTOR_MAP(NAME, VFUNC)                                                 \
    void NAME(const double *x, double *y, size_t n) {                           \
        size_t i = 0;                                                           \
        for (; i + 4 <= n; i += 4)                                              \
            _mm256_storeu_pd(y + i, VFUNC(_mm256_loadu_pd(x + i)));             \
        if (i < n) {                                                            \
            double in[4] = {0, 0, 0, 0}, out[4];                                \
            for (size_t k = 0; i + k < n; k++) in[k] = x[i + k];                \
            _mm256_storeu_pd(out, VFUNC(_mm256_loadu_pd(in)));                  \
            for (size_t k = 0; i + k < n; k++) y[i + k] = out[k];               \
        }                                                                       \
    }

VECTOR_MAP(gb_avx2_exp, _ZGVdN4v_exp)
VECTOR_MAP(gb_avx2_log, _ZGVdN4v_log)
VECTOR_MAP(gb_avx2_tanh, _ZGVdN4v_tanh)
VECTOR_MAP(gb_avx2_sin, _ZGVdN4v_sin)
VECTOR_MAP(gb_avx2_cos, _ZGVdN4v_cos)
VECTOR_MAP(gb_avx2_expm1, _ZGVdN4v_expm1)
VECTOR_MAP(gb_avx2_log2, _ZGVdN4v_log2)
VECTOR_MAP(gb_avx2_log10, _ZGVdN4v_log10)
VECTOR_MAP(gb_avx2_tan, _ZGVdN4v_tan)
VECTOR_MAP(gb_avx2_asin, _ZGVdN4v_asin)
VECTOR_MAP(gb_avx2_acos, _ZGVdN4v_acos)
VECTOR_MAP(gb_avx2_atan, _ZGVdN4v_atan)
VECTOR_MAP(gb_avx2_sinh, _ZGVdN4v_sinh)
VECTOR_MAP(gb_avx2_cosh, _ZGVdN4v_cosh)

/* log1p: a lane at or below -1 (or nan, or +inf) sends libmvec's whole vector down
   its scalar path, and a sixth of normal samples are below -1, which cost 60% of the
   time. Such lanes go in as 0 and get scalar libm's values here: nan (x86's default
   nan, as libm returns) below -1, -inf at -1, nan and +inf themselves. */
static __m256d log1p4(__m256d v) {
    const __m256d minusOne = _mm256_set1_pd(-1.0);
    __m256d ok = _mm256_and_pd(_mm256_cmp_pd(v, minusOne, _CMP_GT_OQ),
                               _mm256_cmp_pd(v, _mm256_set1_pd(INFINITY), _CMP_LT_OQ));
    if (_mm256_movemask_pd(ok) == 0xF) return _ZGVdN4v_log1p(v);
    __m256d r = _ZGVdN4v_log1p(_mm256_and_pd(v, ok));
    const __m256d invalid = _mm256_castsi256_pd(_mm256_set1_epi64x((long long)0xfff8000000000000ULL));
    __m256d special = _mm256_blendv_pd(_mm256_add_pd(v, v), invalid, _mm256_cmp_pd(v, minusOne, _CMP_LT_OQ));
    special = _mm256_blendv_pd(special, _mm256_set1_pd(-INFINITY), _mm256_cmp_pd(v, minusOne, _CMP_EQ_OQ));
    return _mm256_blendv_pd(special, r, ok);
}

VECTOR_MAP(gb_avx2_log1p, log1p4)

static inline __m256d sigmoid4(__m256d v) {
    const __m256d one = _mm256_set1_pd(1.0);
    __m256d e = _ZGVdN4v_exp(_mm256_sub_pd(_mm256_setzero_pd(), v));
    return _mm256_div_pd(one, _mm256_add_pd(one, e));
}

VECTOR_MAP(gb_avx2_sigmoid, sigmoid4)

static inline __m256d softplus4(__m256d v) {
    const __m256d sign = _mm256_set1_pd(-0.0);
    __m256d negabs = _mm256_or_pd(v, sign);                 /* -|x| */
    __m256d pos = _mm256_max_pd(v, _mm256_setzero_pd());    /* max(x, 0); nan -> 0 */
    __m256d r = _mm256_add_pd(pos, _ZGVdN4v_log1p(_ZGVdN4v_exp(negabs)));
    /* max_pd drops nan; put it back. */
    __m256d isnan = _mm256_cmp_pd(v, v, _CMP_UNORD_Q);
    return _mm256_blendv_pd(r, v, isnan);
}

VECTOR_MAP(gb_avx2_softplus, softplus4)

/* One roundpd each: Swift's rounded(_:) went through a slower generic path (0.17x NumPy). */
static inline __m256d floor4(__m256d v) { return _mm256_round_pd(v, _MM_FROUND_TO_NEG_INF | _MM_FROUND_NO_EXC); }
static inline __m256d ceil4(__m256d v) { return _mm256_round_pd(v, _MM_FROUND_TO_POS_INF | _MM_FROUND_NO_EXC); }
static inline __m256d trunc4(__m256d v) { return _mm256_round_pd(v, _MM_FROUND_TO_ZERO | _MM_FROUND_NO_EXC); }
static inline __m256d rint4(__m256d v) { return _mm256_round_pd(v, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC); }
VECTOR_MAP(gb_avx2_floor, floor4)
VECTOR_MAP(gb_avx2_ceil, ceil4)
VECTOR_MAP(gb_avx2_trunc, trunc4)
VECTOR_MAP(gb_avx2_rint, rint4)

void gb_avx2_atan2(const double *y, const double *x, double *z, size_t n) {
    size_t i = 0;
    for (; i + 4 <= n; i += 4)
        _mm256_storeu_pd(z + i, _ZGVdN4vv_atan2(_mm256_loadu_pd(y + i), _mm256_loadu_pd(x + i)));
    if (i < n) {
        /* Masked loads pad the unused lanes with (0, 1), away from atan2's special cases. */
        const __m256i lane = _mm256_setr_epi64x(0, 1, 2, 3);
        __m256i mask = _mm256_cmpgt_epi64(_mm256_set1_epi64x((long long)(n - i)), lane);
        __m256d a = _mm256_maskload_pd(y + i, mask);
        __m256d b = _mm256_blendv_pd(_mm256_set1_pd(1.0), _mm256_maskload_pd(x + i, mask), _mm256_castsi256_pd(mask));
        _mm256_maskstore_pd(z + i, mask, _ZGVdN4vv_atan2(a, b));
    }
}

#endif
