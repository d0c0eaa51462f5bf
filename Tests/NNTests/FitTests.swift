import Testing
import Autodiff
import Tensor
import NN

let xorX = try! Tensor(shape: [4, 2], values: [0, 0, 0, 1, 1, 0, 1, 1]) // safe: literal shape
let xorY = try! Tensor(shape: [4, 1], values: [0, 1, 1, 0]) // safe: literal shape

@Test func aSmallNetworkLearnsXOR() throws {
    let g = RandomGenerator(seed: 5)
    let model = Sequential([try Dense(2, 8, initialiser: .xavier, using: g), Activation(.tanh),
                            try Dense(8, 1, initialiser: .xavier, using: g)])
    var options = FitOptions()
    options.epochs = 400
    options.batchSize = 4
    options.generator = g
    let history = try fit(model, xorX, xorY, loss: Losses.mse, optimiser: Adam(lr: 0.05), options: options)
    let out = try model(xorX).scalars
    // Zero classification error: every output on the right side of 1/2.
    #expect(zip(out, xorY.scalars).allSatisfy { ($0 > 0.5) == ($1 == 1) }, "\(out)")
    #expect(history.train.count == 400)
    #expect(history.train.last! < history.train.first! / 10) // safe: 400 epochs ran
}

@Test func oneFullBatchEpochIsOneGradientStep() throws {
    // fit with one batch and SGD must equal W − lr·∂L/∂W computed directly.
    let layer = try Dense(2, 1, initialiser: .normal(std: 1), using: RandomGenerator(seed: 9))
    let w0 = layer.W.value, b0 = layer.b.value
    let loss = try Losses.mse(layer(Variable(xorX)), Variable(xorY))
    let grads = try gradients(of: loss, withRespect: [layer.W.variable, layer.b.variable])
    var options = FitOptions()
    options.batchSize = 4
    options.shuffle = false
    let history = try fit(layer, xorX, xorY, loss: Losses.mse, optimiser: SGD(lr: 0.5), options: options)
    #expect(close(layer.W.value.scalars, zip(w0.scalars, grads[0].value.scalars).map { $0 - 0.5 * $1 }))
    #expect(close(layer.b.value.scalars, zip(b0.scalars, grads[1].value.scalars).map { $0 - 0.5 * $1 }))
    #expect(history.train == [try loss.value.scalar()])
}

@Test func stopCheckEndsTrainingKeepingTheModel() throws {
    let layer = try Dense(2, 1, using: RandomGenerator(seed: 2))
    var asked = 0
    var options = FitOptions()
    options.epochs = 10
    options.batchSize = 1
    var reports: [FitProgress] = []
    let history = try fit(layer, xorX, xorY, loss: Losses.mse, optimiser: SGD(lr: 0.1), options: options,
                          progress: { reports.append($0) }, shouldStop: { asked += 1; return asked > 6 })
    #expect(history.interrupted)
    #expect(reports.map(\.done) == [1, 2, 3, 4, 5, 6])
    #expect(reports.allSatisfy { $0.total == 40 && $0.rate > 0 && $0.message.contains("rows/s  ETA ") })
    #expect(reports.map(\.epoch) == [1, 1, 1, 1, 2, 2])
    #expect(history.train.count == 2) // one full epoch, then the part of the second
}

@Test func validationAndEarlyStopping() throws {
    // lr so large that SGD diverges: the validation loss never improves after epoch 1.
    let layer = try Dense(2, 1, using: RandomGenerator(seed: 4))
    var options = FitOptions()
    options.epochs = 50
    options.batchSize = 4
    options.validation = (xorX, xorY)
    options.earlyStopping = 3
    let history = try fit(layer, xorX, xorY, loss: Losses.mse, optimiser: SGD(lr: 10), options: options)
    #expect(history.stoppedEarly)
    #expect(history.validation.count == history.train.count)
    #expect(history.train.count == 4)
}

/// A one-weight problem whose validation loss falls, then rises, in closed form.
///
/// Dense(1, 1) from zeros trains on the row x = 1, y = 2 and validates on x = 1, y = 1.
/// With mse = (p − y)²/2 both W and b move by lr·(2 − p) per full-batch SGD step, so with
/// lr = 0.1 the prediction is p_t = 2(1 − 0.8^t) and W_t = b_t = 1 − 0.8^t. The validation
/// loss (p_t − 1)²/2 is 0.18, 0.0392, 0.000288, 0.01634, … : epoch 3 is the best.
private func overfittingRun(epochs: Int, patience: Int, restoreBest: Bool) throws -> (Dense, History) {
    let layer = try Dense(1, 1, initialiser: .zeros, using: RandomGenerator(seed: 0))
    var options = FitOptions()
    options.epochs = epochs
    options.batchSize = 1
    options.shuffle = false
    options.validation = (try Tensor(shape: [1, 1], values: [1]), try Tensor(shape: [1, 1], values: [1]))
    options.earlyStopping = patience
    options.restoreBest = restoreBest
    let x = try Tensor(shape: [1, 1], values: [1]), y = try Tensor(shape: [1, 1], values: [2])
    let history = try fit(layer, x, y, loss: Losses.mse, optimiser: SGD(lr: 0.1), options: options)
    return (layer, history)
}

/// W_t = 1 − 0.8^t from the closed form above.
private func closedFormWeight(_ t: Int) -> Double {
    var p = 1.0
    for _ in 0..<t { p *= 0.8 }
    return 1 - p
}

@Test func earlyStoppingRestoresTheBestEpochInClosedForm() throws {
    let (layer, history) = try overfittingRun(epochs: 50, patience: 2, restoreBest: true)
    // Epochs 4 and 5 do not beat epoch 3, so patience 2 stops after epoch 5.
    #expect(history.stoppedEarly)
    #expect(history.train.count == 5)
    #expect(history.bestEpoch == 3)
    #expect(history.restoredEpoch == 3)
    #expect(abs(layer.W.value.scalars[0] - closedFormWeight(3)) < 1e-12)
    #expect(abs(layer.b.value.scalars[0] - closedFormWeight(3)) < 1e-12)
    // (p_3 − 1)²/2 with p_3 = 2(1 − 0.8³) = 0.976.
    #expect(abs(history.validation[2] - 0.000288) < 1e-12)
}

@Test func withoutRestoreTheModelKeepsTheLastEpoch() throws {
    let (layer, history) = try overfittingRun(epochs: 50, patience: 2, restoreBest: false)
    #expect(history.stoppedEarly)
    #expect(history.bestEpoch == 3)
    #expect(history.restoredEpoch == nil)
    #expect(abs(layer.W.value.scalars[0] - closedFormWeight(5)) < 1e-12)
}

@Test func aRunThatEndsNormallyRestoresAnEarlierBest() throws {
    let (layer, history) = try overfittingRun(epochs: 5, patience: 10, restoreBest: true)
    #expect(!history.stoppedEarly)
    #expect(history.restoredEpoch == 3)
    #expect(abs(layer.W.value.scalars[0] - closedFormWeight(3)) < 1e-12)
    // When the best epoch is the last, there is nothing to put back.
    let (last, lastHistory) = try overfittingRun(epochs: 3, patience: 10, restoreBest: true)
    #expect(lastHistory.bestEpoch == 3)
    #expect(lastHistory.restoredEpoch == nil)
    #expect(abs(last.W.value.scalars[0] - closedFormWeight(3)) < 1e-12)
}

/// A seeded network with BatchNorm fitting six rows of noise: it overfits, so its loss on
/// other noise rises after a few epochs. Returns the model (in evaluation mode) and history.
private func noisyNetworkRun(restoreBest: Bool) throws -> (Layer, History, x: Tensor, y: Tensor) {
    let g = RandomGenerator(seed: 11)
    let x = try Tensor.randn([6, 3], using: g), y = try Tensor.randn([6, 1], using: g)
    let vx = try Tensor.randn([20, 3], using: g), vy = try Tensor.randn([20, 1], using: g)
    let model = Sequential([try Dense(3, 16, initialiser: .xavier, using: g), try BatchNorm(16), Activation(.tanh),
                            try Dense(16, 1, initialiser: .xavier, using: g)])
    var options = FitOptions()
    options.epochs = 300
    options.batchSize = 3
    options.generator = g
    options.validation = (vx, vy)
    options.earlyStopping = 10
    options.restoreBest = restoreBest
    let history = try fit(model, x, y, loss: Losses.mse, optimiser: Adam(lr: 0.05), options: options)
    model.eval()
    return (model, history, vx, vy)
}

@Test func restoredNetworkReproducesItsBestValidationLoss() throws {
    let (model, history, vx, vy) = try noisyNetworkRun(restoreBest: true)
    let best = try #require(history.restoredEpoch)
    #expect(history.stoppedEarly)
    #expect(best < history.train.count)
    #expect(history.validation[best - 1] == history.validation.min())
    // A fresh forward pass from the restored weights and running statistics.
    let recomputed = try Losses.mse(model(Variable(vx)), Variable(vy)).value.scalar()
    #expect(abs(recomputed - history.validation[best - 1]) <= 1e-12 * history.validation[best - 1])
    let last = try #require(history.validation.last)
    #expect(recomputed < last)
}

@Test func unrestoredNetworkKeepsItsLastValidationLoss() throws {
    let (model, history, vx, vy) = try noisyNetworkRun(restoreBest: false)
    let last = try #require(history.validation.last)
    let recomputed = try Losses.mse(model(Variable(vx)), Variable(vy)).value.scalar()
    #expect(history.stoppedEarly)
    #expect(abs(recomputed - last) <= 1e-12 * last)
}

@Test func fitRejectsMismatchedRows() throws {
    let layer = try Dense(2, 1, using: RandomGenerator(seed: 0))
    #expect(throws: NNError.self) {
        try fit(layer, xorX, Tensor([1, 2]), loss: Losses.mse, optimiser: SGD())
    }
}

@Test func newtonSolvesAQuadraticInOneStep() throws {
    let objective = Objective(valueAndGradient: { x in (quadraticValue(x), try quadraticGradient(x)) },
                              hessian: { _ in try Tensor(shape: [2, 2], values: [3, 1, 1, 2]) })
    let path = try minimize(objective, from: Tensor([1, -1]), optimiser: Newton(), steps: 3)
    #expect(path.count >= 2)
    for p in path.dropFirst() { #expect(close(p.scalars, [0.2, 0.4], tol: 1e-15)) }
}

@Test func dampedNewtonMatchesNumPy() throws {
    // NumPy: x = x - np.linalg.solve(A + 0.5*np.eye(2), A @ x - b), three times from [1, -1].
    let objective = Objective(valueAndGradient: { x in (quadraticValue(x), try quadraticGradient(x)) },
                              hessian: { _ in try Tensor(shape: [2, 2], values: [3, 1, 1, 2]) })
    let path = try minimize(objective, from: Tensor([1, -1]), optimiser: Newton(damping: 0.5), steps: 3)
    let expected: [[Double]] = [[0.4193548387096774, 0.032258064516129004],
                                [0.25910509885535904, 0.3028095733610822],
                                [0.21580343056627843, 0.37424054244570504]]
    for (p, e) in zip(path.dropFirst(), expected) { #expect(close(p.scalars, e, tol: 1e-14)) }
}

@Test func lbfgsMinimisesRosenbrock() throws {
    // f = (1 − x)² + 100(y − x²)², minimum at (1, 1).
    let objective = Objective(valueAndGradient: { t in
        let v = t.scalars, x = v[0], y = v[1]
        let f = (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x)
        return (f, Tensor([-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)]))
    })
    let path = try minimize(objective, from: Tensor([-1.2, 1]), optimiser: try LBFGS(m: 5), steps: 100)
    #expect(close(path.last!.scalars, [1, 1], tol: 1e-6)) // safe: path holds x0 at least
}
