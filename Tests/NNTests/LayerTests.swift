import Glibc
import Testing
import Autodiff
import Tensor
import NN

@Test func denseComputesXWPlusB() throws {
    let layer = try Dense(3, 2, initialiser: .normal(std: 1), using: RandomGenerator(seed: 1))
    let x = try Tensor(shape: [2, 3], values: [1, 2, 3, -1, 0.5, 0])
    let y = try layer(x)
    // The product written out as loops over the same W and b.
    layer.b.value = Tensor([0.25, -1])
    let w = layer.W.value.scalars, xv = x.scalars
    let out = try layer(x).scalars
    for i in 0..<2 {
        for j in 0..<2 {
            var s = [0.25, -1.0][j]
            for k in 0..<3 { s += xv[i * 3 + k] * w[k * 2 + j] }
            #expect(abs(out[i * 2 + j] - s) < 1e-14)
        }
    }
    #expect(y.shape == [2, 2])
    #expect(layer.W.value.shape == [3, 2] && layer.b.value.shape == [2])
}

@Test func denseRejectsTheWrongWidth() throws {
    let layer = try Dense(3, 2, using: RandomGenerator(seed: 0))
    #expect(throws: TensorError.self) { try layer(Tensor.zeros([4, 2])) }
    #expect(throws: NNError.self) { try Dense(0, 2, using: RandomGenerator(seed: 0)) }
}

// Sample std of 250,000 normals has relative standard error 1/√(2·250000) ≈ 0.14%;
// 1% is seven of those. The mean's standard error is std/500; allow five.
@Test(arguments: [("xavier", 2.0 / 1000), ("he", 2.0 / 500), ("normal", 0.0001)])
func initialisersHaveTheirStandardDeviation(_ name: String, _ variance: Double) throws {
    let layer = try Dense(500, 500, initialiser: try Initialiser.named(name, std: 0.01), using: RandomGenerator(seed: 42))
    let w = layer.W.value.scalars
    let mean = w.reduce(0, +) / Double(w.count)
    let std = (w.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(w.count)).squareRoot()
    #expect(abs(std / variance.squareRoot() - 1) < 0.01, "\(name): std \(std)")
    #expect(abs(mean) < 5 * variance.squareRoot() / 500)
    #expect(layer.b.value.scalars.allSatisfy { $0 == 0 })
}

@Test func zerosInitAndUnknownNames() throws {
    let layer = try Dense(4, 3, initialiser: .zeros, using: RandomGenerator(seed: 0))
    #expect(layer.W.value.scalars.allSatisfy { $0 == 0 })
    #expect(throws: NNError.self) { try Initialiser.named("uniform") }
}

@Test func activationsMatchTheirFormulas() throws {
    let x = Tensor([-2, -0.5, 0, 1.5])
    let v = x.scalars
    let cases: [(Activation.Kind, (Double) -> Double)] = [
        (.relu, { max(0, $0) }),
        (.leakyRelu(alpha: 0.1), { $0 > 0 ? $0 : 0.1 * $0 }),
        (.sigmoid, { 1 / (1 + exp(-$0)) }),
        (.tanh, { tanh($0) }),
        (.elu(alpha: 2), { $0 > 0 ? $0 : 2 * (exp($0) - 1) }),
    ]
    for (kind, f) in cases {
        #expect(close(try Activation(kind)(x).scalars, v.map(f), tol: 1e-15), "\(kind)")
    }
}

@Test func dropoutIsTheIdentityInEvaluation() throws {
    let d = try Dropout(p: 0.5, using: RandomGenerator(seed: 3))
    d.eval()
    let x = try Tensor(shape: [2, 3], values: [1, 2, 3, 4, 5, 6])
    #expect(try d(x).scalars == x.scalars)
}

@Test func dropoutTrainingMeanApproachesEvaluation() throws {
    // Each training output is x·mask/p with mask ~ Bernoulli(p): mean x, std x·√((1−p)/p).
    // Over 4000 passes the mean's standard error is x·√((1−p)/p)/√4000; allow 5 of them.
    let p = 0.3, passes = 4000
    let d = try Dropout(p: p, using: RandomGenerator(seed: 7))
    let x = Tensor([1, -2, 0.5, 3])
    var sum = [Double](repeating: 0, count: 4)
    var zeros = 0
    for _ in 0..<passes {
        let y = try d(x).scalars
        for i in 0..<4 { sum[i] += y[i]; if y[i] == 0 { zeros += 1 } }
    }
    d.eval()
    let expected = try d(x).scalars
    for i in 0..<4 {
        let se = abs(expected[i]) * ((1 - p) / p).squareRoot() / Double(passes).squareRoot()
        #expect(abs(sum[i] / Double(passes) - expected[i]) < 5 * se)
    }
    // The drop rate itself: 1 − p of 16000 units, binomial standard error √(n p (1−p)).
    let n = Double(4 * passes)
    #expect(abs(Double(zeros) - n * (1 - p)) < 5 * (n * p * (1 - p)).squareRoot())
    #expect(throws: NNError.self) { try Dropout(p: 0, using: RandomGenerator(seed: 0)) }
}

@Test func batchNormFollowsItsFormulaInBothModes() throws {
    let bn = try BatchNorm(2, momentum: 0.8, eps: 1e-5)
    bn.gamma.value = Tensor([2, 0.5])
    bn.beta.value = Tensor([1, -1])
    let x = try Tensor(shape: [4, 2], values: [1, 10, 2, 20, 4, 30, 5, 60])
    let y = try bn(x).scalars
    // By hand per column: μ, σ² (divide by N), then γ(x − μ)/√(σ² + eps) + β.
    let columns = [[1.0, 2, 4, 5], [10.0, 20, 30, 60]]
    let gamma = [2.0, 0.5], beta = [1.0, -1]
    var mus: [Double] = [], vars: [Double] = []
    for (j, c) in columns.enumerated() {
        let mu = c.reduce(0, +) / 4
        let v = c.map { ($0 - mu) * ($0 - mu) }.reduce(0, +) / 4
        mus.append(mu); vars.append(v)
        for i in 0..<4 {
            #expect(abs(y[i * 2 + j] - (gamma[j] * (c[i] - mu) / (v + 1e-5).squareRoot() + beta[j])) < 1e-12)
        }
    }
    // Running statistics moved from (0, 1) toward the batch's by 1 − momentum.
    #expect(close(bn.runningMean.scalars, mus.map { 0.2 * $0 }, tol: 1e-14))
    #expect(close(bn.runningVariance.scalars, vars.map { 0.8 + 0.2 * $0 }, tol: 1e-14))
    bn.eval()
    let z = try bn(x).scalars
    for j in 0..<2 {
        let rm = 0.2 * mus[j], rv = 0.8 + 0.2 * vars[j]
        for i in 0..<4 {
            #expect(abs(z[i * 2 + j] - (gamma[j] * (columns[j][i] - rm) / (rv + 1e-5).squareRoot() + beta[j])) < 1e-12)
        }
    }
    // Evaluation does not move the running statistics.
    #expect(close(bn.runningMean.scalars, mus.map { 0.2 * $0 }, tol: 1e-14))
}

@Test func sequentialChainsParametersAndModes() throws {
    let g = RandomGenerator(seed: 0)
    let model = Sequential([try Dense(2, 3, using: g), Activation(.relu), try Dropout(p: 0.5, using: g),
                            try BatchNorm(3), try Dense(3, 1, using: g)])
    #expect(model.parameters.map(\.name) == ["W", "b", "gamma", "beta", "W", "b"])
    model.eval()
    #expect(model.layers.allSatisfy { !$0.isTraining })
    model.train()
    #expect(model.layers.allSatisfy { $0.isTraining })
    #expect(model.summary == "Sequential(Dense(2, 3), ReLU(), Dropout(0.5), BatchNorm(3), Dense(3, 1))")
}
