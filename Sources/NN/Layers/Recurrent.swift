import Autodiff
import Tensor

/// The cell of a recurrent layer: how one step maps (x_t, state) to the next state.
public enum RecurrentCell: Equatable {
    /// Elman: h_t = tanh(x_t·Wx + h_{t−1}·Wh + b).
    case rnn
    /// LSTM with PyTorch's gate order i, f, g, o (columns of Wx, Wh and b in blocks of n_hidden):
    /// i, f, o = σ(·), g = tanh(·); c_t = f ⊙ c_{t−1} + i ⊙ g; h_t = o ⊙ tanh(c_t).
    case lstm
}

/// A recurrent layer over sequences batch × time × features, started from zero state.
///
/// It returns the last hidden state (batch × n_hidden), or every hidden state
/// (batch × time × n_hidden) with `returnSequences`, as Keras' `return_sequences`.
/// The loop over time is unrolled on the autodiff graph, so `fit` and `grad`
/// back-propagate through time with no rule of their own.
public final class Recurrent: Layer {
    /// Elman RNN or LSTM.
    public let cell: RecurrentCell
    /// Features per time step.
    public let nIn: Int
    /// Size of the hidden state.
    public let nHidden: Int
    /// Every hidden state instead of the last.
    public let returnSequences: Bool
    /// Input weights, n_in × n_hidden (× 4 for the LSTM's gates).
    public let Wx: Parameter
    /// Recurrent weights, n_hidden × n_hidden (× 4 for the LSTM).
    public let Wh: Parameter
    /// Bias, zeros at the start except the LSTM's forget gate, 1 (Jozefowicz et al. 2015, Keras' `unit_forget_bias`).
    public let b: Parameter
    /// Recurrent layers have no mode; kept for the protocol.
    public var isTraining = true

    /// A layer of `cell` from `nIn` features to `nHidden` units, weights N(0, 1/n) with
    /// n = n_in for Wx and n_hidden for Wh (Xavier-like, keeps tanh out of saturation).
    /// - Throws: `NNError.invalidArgument` for a non-positive size.
    public init(_ cell: RecurrentCell, _ nIn: Int, _ nHidden: Int, returnSequences: Bool = false,
                using generator: RandomGenerator) throws {
        let name = cell == .rnn ? "RNN" : "LSTM"
        guard nIn > 0, nHidden > 0 else {
            throw NNError.invalidArgument("\(name) needs positive sizes, got \(name)(\(nIn), \(nHidden))")
        }
        self.cell = cell
        self.nIn = nIn
        self.nHidden = nHidden
        self.returnSequences = returnSequences
        let width = cell == .lstm ? 4 * nHidden : nHidden
        func draw(_ rows: Int) throws -> Tensor {
            let std = 1 / Double(rows).squareRoot()
            return try Tensor(shape: [rows, width]) { out in
                for i in 0..<out.count { out[i] = std * generator.nextNormal() }
            }
        }
        Wx = Parameter("Wx", try draw(nIn))
        Wh = Parameter("Wh", try draw(nHidden))
        b = Parameter("b", try Tensor(shape: [width]) { out in
            for i in 0..<width { out[i] = cell == .lstm && i >= nHidden && i < 2 * nHidden ? 1 : 0 }
        })
    }

    /// The layer run over a batch of sequences.
    /// - Throws: `TensorError.invalidShape` naming the shape for an input that is not
    ///   batch × time × n_in (or has no time steps).
    public func callAsFunction(_ x: Variable) throws -> Variable {
        guard x.rank == 3, x.shape[2] == nIn, x.shape[1] >= 1 else {
            throw TensorError.invalidShape("\(summary) expects sequences batch × time × \(nIn) with at least one step, got shape \(formatShape(x.shape))")
        }
        let n = x.shape[0], steps = x.shape[1]
        var h = Variable(try Tensor.zeros([n, nHidden]))
        var c = h
        // One product for every step's input part, reshaped so step t is a slice.
        let inputs = try x.reshape([n * steps, nIn]).matmul(Wx.variable).reshape([n, steps, -1])
        var states: [Variable] = []
        for t in 0..<steps {
            let z = try inputs.subscripted([.all, .at(t)]) + h.matmul(Wh.variable) + b.variable
            switch cell {
            case .rnn:
                h = z.unary(.tanh)
            case .lstm:
                func gate(_ j: Int) throws -> Variable {
                    try z.subscripted([.all, .range(start: j * nHidden, stop: (j + 1) * nHidden, step: 1)])
                }
                let i = try gate(0).unary(.sigmoid), f = try gate(1).unary(.sigmoid)
                let g = try gate(2).unary(.tanh), o = try gate(3).unary(.sigmoid)
                c = try f * c + i * g
                h = try o * c.unary(.tanh)
            }
            if returnSequences { states.append(h) }
        }
        return returnSequences ? try Variable.stack(states, axis: 1) : h
    }

    /// Wx, Wh and b.
    public var parameters: [Parameter] { [Wx, Wh, b] }

    /// `LSTM(1, 16)` or `RNN(2, 8, return_sequences=true)`.
    public var summary: String {
        "\(cell == .rnn ? "RNN" : "LSTM")(\(nIn), \(nHidden)\(returnSequences ? ", return_sequences=true" : ""))"
    }
}
