// Hessian of an L2-regularised logistic loss, n = 100 weights, N = 200 samples:
// reverse-over-reverse autodiff against the closed form Xᵀdiag(s(1−s))X/N + λI.
// Prints the median time of each and the largest difference; run.sh adds NumPy.
import Autodiff
import Glibc
import Tensor

let samples = 200, dimension = 100, lambda = 0.1

/// The same deterministic data as numpy_hessian.py.
func data() throws -> (Tensor, Tensor, Tensor) {
    var x = [Double](), y = [Double]()
    for i in 0..<samples {
        for j in 0..<dimension { x.append(sin(0.37 * Double(i) + 1.3 * Double(j)) + 0.1 * cos(Double(i * j))) }
        y.append(sin(Double(i)) >= 0 ? 1 : -1)
    }
    let w = (0..<dimension).map { 0.05 * cos(Double($0)) }
    return (try Tensor(shape: [samples, dimension], values: x), Tensor(y), Tensor(w))
}

func seconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

func median(_ runs: Int, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
        let start = seconds()
        try body()
        times.append(seconds() - start)
    }
    times.sort()
    return times[runs / 2]
}

let (xData, yData, w0) = try data()
let x = Variable(xData), y = Variable(yData)
/// mean(log(1 + exp(-y ⊙ Xw))) + λ/2 ‖w‖²
func loss(_ w: Variable) throws -> Variable {
    let margins = try -(y * x.matmul(w))
    return try margins.unary(.softplus).mean() + (w * w).sum() * (lambda / 2)
}

func closedForm() throws -> Tensor {
    let s = try yData.binary(.multiply, xData.matmul(w0)).unary(.sigmoid)
    let weights = try s.binary(.multiply, Tensor(1).binary(.subtract, s)).binary(.divide, Tensor(Double(samples)))
    let scaled = try xData.binary(.multiply, weights.reshape([samples, 1]))
    return try xData.transposed().matmul(scaled).binary(.add, Tensor.eye(dimension).binary(.multiply, Tensor(lambda)))
}

var h = try hessian(of: loss, at: Variable(w0)).value
let reference = try closedForm()
let worst = try h.binary(.subtract, reference).unary(.abs).max().scalar()
let runs = 31
let autodiffTime = try median(runs) { h = try hessian(of: loss, at: Variable(w0)).value }
let closedTime = try median(runs) { _ = try closedForm() }
print("hessian_autodiff_seconds \(autodiffTime)")
print("hessian_closed_form_swift_seconds \(closedTime)")
print("hessian_max_abs_difference \(worst)")
print("hessian_checksum \(try h.sum().scalar())")
