"""Writes the .npy fixtures of NpyTests once; run with NumPy (2.4 was used):
    cd Tests/NNTests/Fixtures && python3 make_fixtures.py
The committed files are the reference: do not regenerate them casually."""
import numpy as np
from numpy.lib import format as npf

a = np.array([[1.5, -2.0, 3.25], [0.1, 1e300, -0.0]])           # float64, 2 x 3
np.save("f8_2x3.npy", a)
np.save("f4_vec.npy", np.array([0.5, -1.25, 3.0, 1e-3], dtype=np.float32))
np.save("i4_vec.npy", np.array([1, -2, 2147483647], dtype=np.int32))
np.save("i8_2x2x2.npy", np.arange(-4, 4, dtype=np.int64).reshape(2, 2, 2))
np.save("scalar.npy", np.array(7.5))
np.save("empty_0x3.npy", np.zeros((0, 3)))
np.save("big_endian.npy", np.array([1.0, -2.5], dtype=">f8"))
with open("v2_f8.npy", "wb") as f:                               # version 2 header
    npf.write_array(f, np.array([[1.0, 2.0], [3.0, 4.0]]), version=(2, 0))
np.save("fortran.npy", np.asfortranarray(np.arange(6.0).reshape(2, 3)))
np.save("object.npy", np.array([1, "a"], dtype=object), allow_pickle=True)
np.save("bool.npy", np.array([True, False]))
data = open("f8_2x3.npy", "rb").read()
open("truncated.npy", "wb").write(data[:-5])                    # last element cut short
# The float64 array Gradbook's writer must reproduce byte for byte.
np.save("ours_expected.npy", np.array([[1.0, 2.0, 3.0], [4.0, 5.5, -6.0]]))
