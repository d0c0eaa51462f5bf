#ifndef GRADBOOK_CVECTORMATHAVX2_H
#define GRADBOOK_CVECTORMATHAVX2_H

#include <stddef.h>

/* Four-lane (AVX2 + FMA) versions of CVectorMath's elementwise functions, most through
   glibc's libmvec: y[i] = f(x[i]) for i < n, x and y possibly the same buffer. Only for
   CPUs with AVX2 and FMA: the caller (CVectorMath) checks. Not defined on other
   architectures. */
void gb_avx2_exp(const double *x, double *y, size_t n);
void gb_avx2_log(const double *x, double *y, size_t n);
void gb_avx2_tanh(const double *x, double *y, size_t n);
void gb_avx2_sin(const double *x, double *y, size_t n);
void gb_avx2_cos(const double *x, double *y, size_t n);
void gb_avx2_log1p(const double *x, double *y, size_t n);
void gb_avx2_expm1(const double *x, double *y, size_t n);
void gb_avx2_log2(const double *x, double *y, size_t n);
void gb_avx2_log10(const double *x, double *y, size_t n);
void gb_avx2_tan(const double *x, double *y, size_t n);
void gb_avx2_asin(const double *x, double *y, size_t n);
void gb_avx2_acos(const double *x, double *y, size_t n);
void gb_avx2_atan(const double *x, double *y, size_t n);
void gb_avx2_sinh(const double *x, double *y, size_t n);
void gb_avx2_cosh(const double *x, double *y, size_t n);
void gb_avx2_sigmoid(const double *x, double *y, size_t n);
void gb_avx2_softplus(const double *x, double *y, size_t n);
void gb_avx2_floor(const double *x, double *y, size_t n);
void gb_avx2_ceil(const double *x, double *y, size_t n);
void gb_avx2_trunc(const double *x, double *y, size_t n);
void gb_avx2_rint(const double *x, double *y, size_t n);
/* z[i] = atan2(y[i], x[i]). */
void gb_avx2_atan2(const double *y, const double *x, double *z, size_t n);

#endif
