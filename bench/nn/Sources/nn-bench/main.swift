// Trains an MLP 784→128(ReLU)→10 with mse and plain SGD, 3 epochs of 100 batches
// of 64 on seeded synthetic data, through NN's `fit` (autodiff backward pass),
// and prints the best of five timed runs in seconds on one line: `gradbook <s> <final loss>`.
import Autodiff
import Glibc
import NN
import Tensor

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

func run() throws -> (Double, Double) {
    let g = RandomGenerator(seed: 0)
    let rows = 6400
    let x = try Tensor.randn([rows, 784], using: g)
    var labels = [Double](repeating: 0, count: rows * 10)
    for i in 0..<rows { labels[i * 10 + g.nextInt(below: 10)] = 1 }
    let y = try Tensor(shape: [rows, 10], values: labels)
    let model = Sequential([try Dense(784, 128, initialiser: .he, using: g), Activation(.relu),
                            try Dense(128, 10, initialiser: .xavier, using: g)])
    var options = FitOptions()
    options.epochs = 3
    options.batchSize = 64
    options.shuffle = false
    let start = now()
    let history = try fit(model, x, y, loss: Losses.mse, optimiser: SGD(lr: 0.01), options: options)
    return (now() - start, history.train.last ?? .nan)
}

do {
    var best = Double.infinity, loss = 0.0
    for _ in 0..<5 {
        let (t, l) = try run()
        if t < best { best = t; loss = l }
    }
    print("gradbook \(best) \(loss)")
} catch {
    print("error: \(error)")
    exit(1)
}
