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
    #expect(reports.allSatisfy { $0.total == 40 && $0.rate > 0 && $0.message.hasSuffix("rows/s") })
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

@Test func fitRejectsMismatchedRows() throws {
    let layer = try Dense(2, 1)
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
