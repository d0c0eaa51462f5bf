#ifndef GRADBOOK_CVECTORMATHWIDE_H
#define GRADBOOK_CVECTORMATHWIDE_H

#include <stddef.h>

/* Eight-lane (AVX-512) versions of the elementwise functions where NumPy's AVX-512
   loops ran ahead of libmvec's four-lane ones. Only for CPUs with AVX-512F: the
   caller (CVectorMath) checks. Empty on other architectures. */
void gb_wide_atan(const double *x, double *y, size_t n);
void gb_wide_log1p(const double *x, double *y, size_t n);
/* z[i] = atan2(y[i], x[i]). */
void gb_wide_atan2(const double *y, const double *x, double *z, size_t n);

#endif
