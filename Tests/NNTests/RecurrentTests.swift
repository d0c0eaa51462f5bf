import Glibc
import Testing
import Autodiff
import Tensor
import NN

// Reference values from Tests/NNTests/Fixtures/lstm_reference.py (a NumPy LSTM cell and
// Elman RNN, run once); its closed-form inputs are rebuilt here.
private let xs = try! Tensor(shape: [2, 3, 2], values: (0..<12).map { cos(0.9 * Double($0)) })
private let wx = (0..<24).map { 0.3 * sin(0.5 * Double($0) + 0.1) }
private let wh = (0..<36).map { 0.2 * cos(0.3 * Double($0)) }
private let bias = (0..<12).map { 0.05 * Double($0) - 0.2 }

private let lstmSequence: [Double] = [0.03398777664383902, -0.0036409321550076746, -0.046239585321958654, 0.02491554372907676, 0.06223912447241372, 0.08046769954258445, 0.027412979658042805, 0.09787642988988601, 0.14389694396783423, 0.03945497783286389, 0.0031476455408019997, -0.040242151232359934, 0.04640641261347943, 0.02493869768903977, 0.004052173844901377, 0.022554335700635076, 0.09728163670854456, 0.13241905953259575]
private let rnnLast: [Double] = [-0.23863333178904278, -0.32600332034169505, -0.37124323126478437, -0.1990371631342787, -0.3890352402435626, -0.5075223789987513]

/// Columns `0..<width` of a row-major rows × 12 matrix.
private func leading(_ m: [Double], rows: Int, width: Int) -> [Double] {
    (0..<rows).flatMap { r in m[r * 12..<r * 12 + width] }
}

private func lstm(returnSequences: Bool) throws -> Recurrent {
    let layer = try Recurrent(.lstm, 2, 3, returnSequences: returnSequences, using: RandomGenerator(seed: 0))
    layer.Wx.value = try Tensor(shape: [2, 12], values: wx)
    layer.Wh.value = try Tensor(shape: [3, 12], values: wh)
    layer.b.value = Tensor(bias)
    return layer
}

@Test func lstmMatchesANumpyCell() throws {
    let all = try lstm(returnSequences: true)(xs)
    #expect(all.shape == [2, 3, 3])
    #expect(close(all.scalars, lstmSequence, tol: 1e-14))
    // Without return_sequences the layer gives the last step's state.
    let last = try lstm(returnSequences: false)(xs)
    #expect(last.shape == [2, 3])
    #expect(close(last.scalars, [2, 5].flatMap { t in [0, 1, 2].map { lstmSequence[t * 3 + $0] } }, tol: 1e-14))
}

@Test func rnnMatchesNumpy() throws {
    let layer = try Recurrent(.rnn, 2, 3, using: RandomGenerator(seed: 0))
    layer.Wx.value = try Tensor(shape: [2, 3], values: leading(wx, rows: 2, width: 3))
    layer.Wh.value = try Tensor(shape: [3, 3], values: leading(wh, rows: 3, width: 3))
    layer.b.value = Tensor(Array(bias[0..<3]))
    #expect(close(try layer(xs).scalars, rnnLast, tol: 1e-14))
}

@Test func lstmStartsWithForgetBiasOne() throws {
    let layer = try Recurrent(.lstm, 2, 3, using: RandomGenerator(seed: 0))
    #expect(layer.b.value.scalars == [0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0])
    #expect(layer.Wx.value.shape == [2, 12] && layer.Wh.value.shape == [3, 12])
}

@Test func gradientsThroughTimeMatchCentralDifferences() throws {
    let layer = try lstm(returnSequences: true)
    let weights = try Tensor(shape: [2, 3, 3], values: (0..<18).map { cos(0.41 * Double($0)) })
    let wrtX = try gradientCheck(of: { try (layer($0) * Variable(weights)).sum() }, at: xs)
    #expect(wrtX.passed(tolerance: 1e-7), "\(wrtX)")
    let rnn = try Recurrent(.rnn, 2, 3, using: RandomGenerator(seed: 2))
    // With respect to the recurrent weights, through every step: the layer's own leaf.
    let value = try rnn(Variable(xs)).sum()
    let analytic = try gradients(of: value, withRespect: [rnn.Wh.variable])[0].value.scalars
    let base = rnn.Wh.value
    let h = 1e-6
    for i in 0..<9 {
        var plus = base.scalars, minus = base.scalars
        plus[i] += h; minus[i] -= h
        rnn.Wh.value = try Tensor(shape: [3, 3], values: plus)
        let fp = try rnn(xs).scalars.reduce(0, +)
        rnn.Wh.value = try Tensor(shape: [3, 3], values: minus)
        let fm = try rnn(xs).scalars.reduce(0, +)
        #expect(abs((fp - fm) / (2 * h) - analytic[i]) < 1e-8)
    }
}

@Test(arguments: [
    ([2, 3], "LSTM(2, 3) expects sequences batch × time × 2 with at least one step, got shape (2, 3)"),
    ([2, 3, 4], "LSTM(2, 3) expects sequences batch × time × 2 with at least one step, got shape (2, 3, 4)"),
    ([2, 0, 2], "LSTM(2, 3) expects sequences batch × time × 2 with at least one step, got shape (2, 0, 2)"),
])
func recurrentRejectsBadSequencesNamingTheShape(shape: [Int], message: String) throws {
    let layer = try Recurrent(.lstm, 2, 3, using: RandomGenerator(seed: 0))
    #expect(throws: TensorError.invalidShape(message)) { try layer(Tensor.zeros(shape)) }
}
