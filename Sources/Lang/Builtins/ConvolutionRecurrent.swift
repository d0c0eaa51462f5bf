import NN
import Tensor

// Conv2D MaxPool2D AvgPool2D Flatten RNN LSTM

extension BuiltinGroup {
    /// Layers over images (N × C × H × W) and sequences (batch × time × features).
    static let convolutionRecurrent = BuiltinGroup(topic: "Convolution, pooling and recurrent layers", builtins: [
        Builtin("Conv2D", [.init("c_in", .integer, doc: "input channels"),
                           .init("c_out", .integer, doc: "output channels (kernels)"),
                           .init("k", .integer, doc: "kernel side: k × k"),
                           .init("stride", .integer, default: .number(1), doc: "step between kernel positions"),
                           .init("padding", .integer, default: .number(0), doc: "zeros added on each side"),
                           .init("init", .string, default: Value("he"), doc: "\"he\", \"xavier\", \"normal\" or \"zeros\" (fan-in c_in·k²)")],
                doc: "2-D convolution (cross-correlation, as PyTorch's Conv2d) of images N × c_in × H × W into N × c_out × ((H+2p-k)/s+1) × ((W+2p-k)/s+1); .W is c_out × c_in × k × k, .b has c_out zeros; im2col on BLAS.",
                example: "Conv2D(1, 8, 3, padding=1)") { args, context in
            let initialiser = try NNBindings.run { try Initialiser.named(try args.string("init")) }
            return Value(LayerObject(try NNBindings.run {
                try Conv2D(try args.int("c_in"), try args.int("c_out"), try args.int("k"), stride: try args.int("stride"),
                           padding: try args.int("padding"), initialiser: initialiser, using: context.random)
            }))
        },
        Builtin("MaxPool2D", [.init("k", .integer, default: .number(2), doc: "window side and stride")],
                doc: "Max pooling over non-overlapping k × k windows of images N × C × H × W (leftover rows and columns dropped); the gradient goes to each window's first maximum.",
                example: "MaxPool2D(2)") { args, _ in
            Value(LayerObject(try NNBindings.run { try Pool2D(.max, try args.int("k")) }))
        },
        Builtin("AvgPool2D", [.init("k", .integer, default: .number(2), doc: "window side and stride")],
                doc: "Average pooling over non-overlapping k × k windows of images N × C × H × W (leftover rows and columns dropped).",
                example: "AvgPool2D(2)") { args, _ in
            Value(LayerObject(try NNBindings.run { try Pool2D(.average, try args.int("k")) }))
        },
        Builtin("Flatten", [], doc: "Flattens each sample to one row: N × C × H × W becomes N × (C·H·W), between convolutions and Dense layers.",
                example: "Flatten()") { _, _ in
            Value(LayerObject(Flatten()))
        },
        recurrent("RNN", .rnn, doc: "Elman recurrent layer over sequences batch × time × n_in: h_t = tanh(x_t Wx + h_{t-1} Wh + b) from h_0 = 0; returns the last h (batch × n_hidden), or every h (batch × time × n_hidden) with return_sequences=true. Gradients flow back through time."),
        recurrent("LSTM", .lstm, doc: "LSTM over sequences batch × time × n_in (gates i, f, g, o in blocks of Wx: n_in × 4h, Wh: h × 4h, b: 4h, forget bias 1): c_t = f c_{t-1} + i g, h_t = o tanh(c_t) from zero state; returns the last h, or every h with return_sequences=true."),
    ])

    /// `RNN` and `LSTM`.
    private static func recurrent(_ name: String, _ cell: RecurrentCell, doc: String) -> Builtin {
        Builtin(name, [.init("n_in", .integer, doc: "features per time step"),
                       .init("n_hidden", .integer, doc: "size of the hidden state"),
                       .init("return_sequences", .bool, default: .bool(false), doc: "return every step's state, not only the last")],
                doc: doc, example: "\(name)(1, 16)") { args, context in
            Value(LayerObject(try NNBindings.run {
                try Recurrent(cell, try args.int("n_in"), try args.int("n_hidden"),
                              returnSequences: try args.bool("return_sequences"), using: context.random)
            }))
        }
    }
}
