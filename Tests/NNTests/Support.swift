import Glibc
import NN
import Tensor

/// True when every element of `a` is within `tol` (absolute plus relative) of `b`.
func close(_ a: [Double], _ b: [Double], tol: Double = 1e-12) -> Bool {
    guard a.count == b.count else { return false }
    for (x, y) in zip(a, b) where !(abs(x - y) <= tol * (1 + abs(y))) { return false }
    return true
}

/// The gradient of f(x) = ½xᵀAx − bᵀx with A = [[3, 1], [1, 2]], b = [1, 1].
func quadraticGradient(_ x: Tensor) throws -> Tensor {
    let v = x.scalars
    return Tensor([3 * v[0] + v[1] - 1, v[0] + 2 * v[1] - 1])
}

/// The value of that quadratic.
func quadraticValue(_ x: Tensor) -> Double {
    let v = x.scalars
    return 0.5 * (3 * v[0] * v[0] + 2 * v[0] * v[1] + 2 * v[1] * v[1]) - v[0] - v[1]
}

/// The bytes of a file, read with stdio so the tests need no Foundation.
func readBytes(_ path: String) throws -> [UInt8] {
    guard let f = fopen(path, "rb") else { throw NNError.file(path: path, message: "cannot open") }
    defer { fclose(f) }
    var out: [UInt8] = []
    var c = fgetc(f)
    while c != EOF { out.append(UInt8(c)); c = fgetc(f) }
    return out
}
