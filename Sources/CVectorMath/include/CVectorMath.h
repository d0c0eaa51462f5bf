#ifndef GRADBOOK_CVECTORMATH_H
#define GRADBOOK_CVECTORMATH_H

#include <stddef.h>

/* Elementwise math over contiguous double buffers: y[i] = f(x[i]) for i < n.
   On CPUs with AVX2 and FMA the work goes four lanes at a time through glibc's
   libmvec (accurate to a few ulp); elsewhere through scalar libm. x and y may be
   the same buffer. */
void gb_vexp(const double *x, double *y, size_t n);
void gb_vlog(const double *x, double *y, size_t n);
void gb_vtanh(const double *x, double *y, size_t n);
void gb_vsin(const double *x, double *y, size_t n);
void gb_vcos(const double *x, double *y, size_t n);
void gb_vlog1p(const double *x, double *y, size_t n);
void gb_vexpm1(const double *x, double *y, size_t n);
void gb_vlog2(const double *x, double *y, size_t n);
void gb_vlog10(const double *x, double *y, size_t n);
void gb_vtan(const double *x, double *y, size_t n);
void gb_vasin(const double *x, double *y, size_t n);
void gb_vacos(const double *x, double *y, size_t n);
void gb_vatan(const double *x, double *y, size_t n);
void gb_vsinh(const double *x, double *y, size_t n);
void gb_vcosh(const double *x, double *y, size_t n);
/* Rounding to an integer: down, up, towards zero, to nearest with halves to even. */
void gb_vfloor(const double *x, double *y, size_t n);
void gb_vceil(const double *x, double *y, size_t n);
void gb_vtrunc(const double *x, double *y, size_t n);
void gb_vrint(const double *x, double *y, size_t n);
/* z[i] = atan2(y[i], x[i]), the angle of the point (x, y); z may alias either input. */
void gb_vatan2(const double *y, const double *x, double *z, size_t n);
/* 1 / (1 + exp(-x)); exp overflowing to inf gives the correct limit 0. */
void gb_vsigmoid(const double *x, double *y, size_t n);
/* max(x, 0) + log1p(exp(-|x|)), stable for large |x|. */
void gb_vsoftplus(const double *x, double *y, size_t n);

/* x[0] + ... + x[n-1], with eight accumulators added in a fixed order (the same result
   on every CPU; AVX2 where available). */
double gb_sum(const double *x, size_t n);
/* out[r] = gb_sum(x + r * n, n) for each of `rows` contiguous rows, bit for bit, four rows at a time. */
void gb_sum_rows(const double *x, size_t rows, size_t n, double *out);
/* Sum of (x[i] - center)^2, in the same fixed order. */
double gb_sum_squares(const double *x, size_t n, double center);

/* The baseline versions of the two, whatever the CPU: tests check the fast path agrees bit for bit. */
double gb_sum_portable(const double *x, size_t n);
double gb_sum_squares_portable(const double *x, size_t n, double center);

/* dst[i] = max(dst[i], src[i]) and min, nan winning (NumPy's max and min): one input
   row folded into a reduction's output row. */
void gb_vmax_into(double *dst, const double *src, size_t n);
void gb_vmin_into(double *dst, const double *src, size_t n);
/* dst[i] += src[i], for sums along a leading axis (each element's additions in the same order). */
void gb_vadd_into(double *dst, const double *src, size_t n);

/* 1 when this CPU takes the libmvec (and AVX2 reduction) path. */
int gb_vector_math_accelerated(void);
/* 1 when atan, atan2 and log1p take eight AVX-512 lanes (CVectorMathWide). */
int gb_vector_math_wide(void);

#endif
