import Glibc
import Testing
import Autodiff
import Tensor
import NN

@Test func mseIsHalfTheMeanSquaredRowNorm() throws {
    let yhat = Variable.leaf(try Tensor(shape: [2, 2], values: [1, 2, 3, 5]))
    let y = Variable(try Tensor(shape: [2, 2], values: [0, 2, 1, 1]))
    let l = try Losses.mse(yhat, y)
    // 1/(2·2)·(1 + 0 + 4 + 16) = 21/4; gradient (ŷ − y)/N.
    #expect(try l.value.scalar() == 5.25)
    let g = try gradients(of: l, withRespect: [yhat])[0].value.scalars
    #expect(close(g, [0.5, 0, 1, 2]))
    #expect(throws: TensorError.self) { try Losses.mse(yhat, Variable(Tensor([1, 2]))) }
}

@Test func crossEntropyMatchesItsClosedFormAndGradient() throws {
    let s: [Double] = [1, 2, 0.5, -1, 0, 3]
    let scores = Variable.leaf(try Tensor(shape: [2, 3], values: s))
    let labels = Tensor([1, 2])
    let l = try Losses.crossEntropy(scores, labels)
    // By hand: −(1/2)·Σ log softmax at the labels; gradient (softmax − Y)/N.
    func softmax(_ r: [Double]) -> [Double] { let e = r.map(exp); let z = e.reduce(0, +); return e.map { $0 / z } }
    let p0 = softmax(Array(s[0..<3])), p1 = softmax(Array(s[3..<6]))
    #expect(abs(try l.value.scalar() - (-(log(p0[1]) + log(p1[2])) / 2)) < 1e-14)
    let g = try gradients(of: l, withRespect: [scores])[0].value.scalars
    let y: [Double] = [0, 1, 0, 0, 0, 1]
    #expect(close(g, zip(p0 + p1, y).map { ($0 - $1) / 2 }, tol: 1e-14))
    // One-hot rows give the same loss as indices.
    let oneHot = try Losses.crossEntropy(scores, try Tensor(shape: [2, 3], values: y))
    #expect(try oneHot.value.scalar() == l.value.scalar())
}

@Test func labelSmoothingUsesEpsilonOverKMinusOne() throws {
    let s: [Double] = [0.2, -0.3, 1.1, 0.4]
    let scores = Variable(try Tensor(shape: [1, 4], values: s))
    let l = try Losses.crossEntropy(scores, Tensor([2]), labelSmoothing: 0.3)
    // Targets 0.1 for the three other classes and 0.7 for class 2.
    let z = s.map(exp).reduce(0, +)
    let logp = s.map { $0 - log(z) }
    let expected = -(0.1 * logp[0] + 0.1 * logp[1] + 0.7 * logp[2] + 0.1 * logp[3])
    #expect(abs(try l.value.scalar() - expected) < 1e-14)
}

@Test(arguments: [
    ([1.5], "class index 1.5"),
    ([3], "class index 3"),
    ([-1], "class index -1"),
])
func crossEntropyRejectsBadLabels(_ label: [Double], _ message: String) throws {
    let scores = Variable(try Tensor(shape: [1, 3], values: [0, 0, 0]))
    do {
        _ = try Losses.crossEntropy(scores, Tensor(label))
        Issue.record("accepted \(label)")
    } catch {
        #expect("\(error)".contains(message), "\(error)")
    }
}

@Test func binaryCrossEntropyMatchesItsClosedForm() throws {
    let p = Variable.leaf(Tensor([0.9, 0.2, 0.6]))
    let y = Variable(Tensor([1, 0, 0]))
    let l = try Losses.binaryCrossEntropy(p, y)
    #expect(abs(try l.value.scalar() - (-(log(0.9) + log(0.8) + log(0.4)) / 3)) < 1e-15)
    // d/dp of −[y log p + (1−y) log(1−p)]/n is (p − y)/(p(1 − p) n).
    let g = try gradients(of: l, withRespect: [p])[0].value.scalars
    #expect(close(g, [(0.9 - 1) / (0.9 * 0.1 * 3), 0.2 / (0.2 * 0.8 * 3), 0.6 / (0.6 * 0.4 * 3)], tol: 1e-12))
}

@Test func regularisersSumOverParameters() throws {
    let a = Variable.leaf(Tensor([1, -2])), b = Variable.leaf(Tensor([3]))
    #expect(try Regularisers.l1([a, b], lambda: 0.5).value.scalar() == 3)
    #expect(try Regularisers.l2([a, b], lambda: 0.5).value.scalar() == 7)
    #expect(try Regularisers.elastic([a, b], l1: 1, l2: 2).value.scalar() == 6 + 28)
    // The gradient of λ‖w‖² is the notes' weight decay 2λw.
    let g = try gradients(of: Regularisers.l2([a, b], lambda: 0.5), withRespect: [a])[0].value.scalars
    #expect(g == [1, -2])
}
