import Autodiff
import NN
import Tensor

// Dense ReLU LeakyReLU Sigmoid Tanh ELU Dropout BatchNorm Sequential
// mse cross_entropy binary_cross_entropy l1 l2 elastic fit

extension BuiltinGroup {
    /// Layers, losses, regularisers and the training loop.
    static let nn = BuiltinGroup(topic: "Layers, losses and training", builtins: [
        Builtin("Dense", [.init("n_in", .integer, doc: "inputs per sample"), .init("n_out", .integer, doc: "outputs per sample"),
                          .init("init", .string, default: Value("xavier"), doc: "\"xavier\", \"he\", \"normal\" or \"zeros\""),
                          .init("std", .number, default: .number(0.01), doc: "the standard deviation for init=\"normal\"")],
                doc: "Fully connected layer X @ W + b: .W is n_in × n_out, .b has n_out zeros; init \"xavier\" (std √(2/(n_in+n_out))), \"he\" (√(2/n_in)), \"normal\" (with std=) or \"zeros\".",
                example: "Dense(2, 8, init=\"he\")") { args, context in
            let initialiser = try NNBindings.run { try Initialiser.named(try args.string("init"), std: try args.number("std")) }
            let layer = try NNBindings.run { try Dense(try args.int("n_in"), try args.int("n_out"), initialiser: initialiser, using: context.random) }
            return Value(LayerObject(layer))
        },
        Builtin("ReLU", [], doc: "Activation layer max(0, x).", example: "ReLU()") { _, _ in
            Value(LayerObject(Activation(.relu)))
        },
        Builtin("LeakyReLU", [.init("alpha", .number, default: .number(0.01), doc: "the slope below zero")],
                doc: "Activation layer: x for x > 0, alpha·x otherwise.", example: "LeakyReLU(0.1)") { args, _ in
            Value(LayerObject(Activation(.leakyRelu(alpha: try args.number("alpha")))))
        },
        Builtin("Sigmoid", [], doc: "Activation layer 1 / (1 + e^-x).", example: "Sigmoid()") { _, _ in
            Value(LayerObject(Activation(.sigmoid)))
        },
        Builtin("Tanh", [], doc: "Activation layer tanh(x).", example: "Tanh()") { _, _ in
            Value(LayerObject(Activation(.tanh)))
        },
        Builtin("ELU", [.init("alpha", .number, default: .number(1), doc: "the limit -alpha far below zero")],
                doc: "Activation layer: x for x > 0, alpha·(e^x - 1) otherwise.", example: "ELU(1)") { args, _ in
            Value(LayerObject(Activation(.elu(alpha: try args.number("alpha")))))
        },
        Builtin("Dropout", [.init("p", .number, default: .number(0.5), doc: "the probability of keeping a unit")],
                doc: "Inverted dropout keeping each unit with probability p (the notes' convention) and dividing by p in training; the identity after model.eval().",
                example: "Dropout(0.5)") { args, context in
            Value(LayerObject(try NNBindings.run { try Dropout(p: try args.number("p"), using: context.random) }))
        },
        Builtin("BatchNorm", [.init("n", .integer, doc: "features per sample"),
                              .init("momentum", .number, default: .number(0.9), doc: "the weight of the old running statistics"),
                              .init("eps", .number, default: .number(1e-5), doc: "added to the variance before the square root")],
                doc: "Batch normalisation of n features: batch mean/variance in training (updating running ones by momentum), running statistics after eval(); learned .gamma and .beta.",
                example: "BatchNorm(8)") { args, _ in
            Value(LayerObject(try NNBindings.run {
                try BatchNorm(try args.int("n"), momentum: try args.number("momentum"), eps: try args.number("eps"))
            }))
        },
        Builtin("Sequential", [.variadic("layers", .layer, doc: "the layers, first applied first")],
                doc: "Layers applied in order; model.params lists every parameter, model.train()/model.eval() set every layer's mode.",
                example: "Sequential(Dense(2, 8), Tanh(), Dense(8, 1))") { args, _ in
            var layers: [Layer] = []
            for v in args.rest {
                // The registry checked that every argument is a layer.
                if case .object(let box) = v, let l = box.object as? LayerObject { layers.append(l.layer) }
            }
            return Value(LayerObject(Sequential(layers)))
        },
        NNBindings.pairLoss("mse", .init("pred", .differentiable, doc: "the predictions, one row per sample"),
                            .init("Y", .differentiable, doc: "the targets, the shape of pred"),
                            doc: "Mean squared error with the notes' halving: sum((pred - Y)^2) / (2N), N the number of rows.",
                            example: "mse([[1, 2]], [[0, 2]])", Losses.mse),
        Builtin("cross_entropy", [.init("scores", .differentiable, doc: "raw scores, one row per sample"),
                                  .init("Y", .tensor, doc: "one-hot rows or class indices"),
                                  .init("label_smoothing", .number, default: .number(0), doc: "ε: targets become 1-ε and ε/(k-1)")],
                doc: "Cross-entropy of raw scores (log-softmax inside) against one-hot rows or class indices, averaged over rows; label_smoothing=ε uses 1-ε and ε/(k-1).",
                example: "cross_entropy([[2, 0, -1]], [0])") { args, _ in
            let r = try NNBindings.run {
                try Losses.crossEntropy(try args.variable("scores"), try args.tensor("Y"), labelSmoothing: try args.number("label_smoothing"))
            }
            return NNBindings.wrap(r)
        },
        NNBindings.pairLoss("binary_cross_entropy", .init("p", .differentiable, doc: "probabilities in (0, 1)"),
                            .init("y", .differentiable, doc: "0/1 targets"),
                            doc: "Binary cross-entropy of probabilities p against 0/1 targets: -mean(y log p + (1-y) log(1-p)).",
                            example: "binary_cross_entropy([0.9, 0.2], [1, 0])", Losses.binaryCrossEntropy),
        Builtin("l1", NNBindings.penaltyParameters,
                doc: "L1 penalty lambda · Σ|w| over a tensor or a list of them (such as model.params).",
                example: "l1([1, -2, 3], 0.1)") { args, _ in
            let ps = try NNBindings.variables(args)
            return NNBindings.wrap(try NNBindings.run { try Regularisers.l1(ps, lambda: try args.number("lambda")) })
        },
        Builtin("l2", NNBindings.penaltyParameters,
                doc: "L2 penalty lambda · Σw² over a tensor or a list of them; its gradient 2·lambda·w is weight decay.",
                example: "l2([1, -2, 3], 0.1)") { args, _ in
            let ps = try NNBindings.variables(args)
            return NNBindings.wrap(try NNBindings.run { try Regularisers.l2(ps, lambda: try args.number("lambda")) })
        },
        Builtin("elastic", [NNBindings.penaltyParameters[0],
                            .init("l1", .number, default: .number(1), doc: "the weight of Σ|w|"),
                            .init("l2", .number, default: .number(1), doc: "the weight of Σw²")],
                doc: "Elastic-net penalty l1 · Σ|w| + l2 · Σw² over a tensor or a list of them.",
                example: "elastic([1, -2], l1=0.1, l2=0.01)") { args, _ in
            let ps = try NNBindings.variables(args)
            return NNBindings.wrap(try NNBindings.run { try Regularisers.elastic(ps, l1: try args.number("l1"), l2: try args.number("l2")) })
        },
        Builtin("fit", [.init("model", .layer, doc: "the layer or model to train, in place"),
                        .init("X", .tensor, doc: "the inputs, one sample per row"),
                        .init("Y", .tensor, doc: "the targets, one row per sample"),
                        .init("loss", .loss, default: .nothing, doc: "loss(pred, Y); mse when nothing"),
                        .init("opt", .optimiser, default: .nothing, doc: "the optimiser; SGD(lr=0.1) when nothing"),
                        .init("epochs", .integer, default: .number(1), doc: "passes over the data"),
                        .init("batch_size", .integer, default: .number(32), doc: "rows per step"),
                        .init("shuffle", .bool, default: .bool(true), doc: "reshuffle the rows every epoch (seeded generator)"),
                        .init("val", .described("[Xv, Yv]"), default: .nothing, doc: "validation data in one argument"),
                        .init("early_stopping", .integer, default: .nothing, doc: "stop after this many epochs without a better val loss"),
                        .init("penalty", .function, default: .nothing, doc: "p(params) added to the loss, such as p -> l2(p, 1e-3)"),
                        .init("val_X", .tensor, default: .nothing, doc: "validation inputs (with val_Y)"),
                        .init("val_Y", .tensor, default: .nothing, doc: "validation targets (with val_X)"),
                        .init("restore_best", .bool, default: .bool(true), doc: "with early_stopping, put back the best epoch's weights"),
                        .init("validation_data", .described("(Xv, Yv)"), default: .nothing, doc: "validation data, as Keras names it (same as val=)"),
                        .init("validation_split", .number, default: .nothing, doc: "hold out this last fraction of the rows (before shuffling) as validation data, as Keras"),
                        .init("accuracy", .bool, default: .nothing, doc: "record train and validation accuracy; on by default with loss=cross_entropy"),
                        .init("verbose", .bool, default: .bool(true), doc: "show the progress bar (epoch, loss, acc, val_loss, val_acc, rows/s, ETA)")],
                doc: "Trains model on rows of X, Y by mini-batches (default loss=mse, opt=SGD(lr=0.1)); val_X=Xv, val_Y=Yv (or val=[Xv, Yv]) add a validation loss per epoch, early_stopping=k stops after k epochs without improvement and, with restore_best=true (the default), puts back the weights of the best epoch, penalty=p -> l2(p, 1e-3) adds a regulariser; validation_data=(Xv, Yv) or validation_split=0.2 (the last rows, as Keras) also add validation, accuracy=true (the default with cross_entropy) records .acc and .val_acc, verbose=false hides the progress bar; returns the history (.train, .val, .acc, .val_acc, .best_epoch, .restored_epoch), which plot(history) draws; Ctrl-C stops keeping the model.",
                example: "fit(model, X, Y, loss=mse, opt=Adam(lr=0.01), epochs=100, batch_size=4)") { args, context in
            try NNBindings.fit(args, context)
        },
    ])
}

/// The glue between language values and the NN module.
enum NNBindings {
    /// `l1` and `l2`: the weights and the penalty's weight.
    static let penaltyParameters: [Parameter] = [
        .init("params", .described("tensor or list of tensors"), doc: "the weights, such as model.params"),
        .init("lambda", .number, default: .number(1), doc: "the penalty's weight"),
    ]

    /// A loss of two differentiable arguments, prediction first (mse, binary_cross_entropy).
    static func pairLoss(_ name: String, _ prediction: Parameter, _ target: Parameter, doc: String, example: String,
                     _ loss: @escaping (Variable, Variable) throws -> Variable) -> Builtin {
        Builtin(name, [prediction, target], doc: doc, example: example) { args, _ in
            wrap(try run { try loss(try args.variable(prediction.name), try args.variable(target.name)) })
        }
    }

    /// Runs `body`, turning NN and Autodiff errors into builtin errors.
    static func run<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as NNError {
            throw BuiltinError(e.description, kind: .value)
        } catch let e as AutodiffError {
            throw BuiltinError(e.description)
        }
    }

    /// A result: a Variable when it is on a graph (inside grad), a number or tensor otherwise.
    static func wrap(_ v: Variable) -> Value {
        if v.requiresGradient { return .variable(v) }
        return Operators.wrap(v.value)
    }

    /// Parameter `params` as a list of Variables: one tensor, or a list of tensors.
    static func variables(_ args: Arguments) throws -> [Variable] {
        if case .list(let l) = args["params"] {
            return try l.items.enumerated().map { k, v in
                if case .variable(let x) = v { return x }
                guard let t = v.asTensor else {
                    throw args.error("params", "expected a list of tensors, got \(v.typeName) at position \(k)")
                }
                return Variable(t)
            }
        }
        return [try args.variable("params")]
    }

    /// Parameter `name` as a layer.
    static func layer(_ args: Arguments, _ name: String) throws -> Layer {
        guard case .object(let box) = args[name], let l = box.object as? LayerObject else {
            throw args.error(name, "expected a layer or model, got \(args[name].typeName)")
        }
        return l.layer
    }

    /// A loss value as a Swift loss: the builtin losses run directly, a language
    /// function is called with (pred, Y).
    static func loss(_ value: Value, _ context: CallContext) throws -> Loss {
        if case .builtin(let b) = value {
            switch b.name {
            case "mse": return Losses.mse
            case "cross_entropy": return { try Losses.crossEntropy($0, $1.value) }
            case "binary_cross_entropy": return Losses.binaryCrossEntropy
            default: break
            }
        }
        return { pred, y in
            let r = try context.call(value, [.variable(pred), Operators.wrap(y.value)])
            if case .variable(let v) = r { return v }
            guard let t = r.asTensor else {
                throw context.error("fit(): the loss must return a number, got \(r.typeName)", kind: .type)
            }
            return Variable(t)
        }
    }

    /// The validation data of `fit`: `val_X=` with `val_Y=`, or `val=[Xv, Yv]`, which the
    /// language makes a list, or stacks into one tensor when Xv and Yv have one shape.
    static func validation(_ args: Arguments) throws -> (x: Tensor, y: Tensor)? {
        let given = ["val", "val_X", "validation_data", "validation_split"].filter { args.has($0) }
        if given.count > 1 {
            throw args.error(given[1], "fit() takes one kind of validation data, got \(given.joined(separator: " and "))", kind: .argument)
        }
        if args.has("validation_data") { return try pair(args, "validation_data") }
        if args.has("val_X") || args.has("val_Y") {
            guard args.has("val_X"), args.has("val_Y") else {
                throw args.error(args.has("val_X") ? "val_X" : "val_Y", "fit() needs both val_X and val_Y", kind: .argument)
            }
            return (try args.tensor("val_X"), try args.tensor("val_Y"))
        }
        guard args.has("val") else { return nil }
        return try pair(args, "val")
    }

    /// Parameter `name` as [Xv, Yv]: a list of two tensors, or one tensor of two rows
    /// when Xv and Yv have one shape and the literal stacked them.
    static func pair(_ args: Arguments, _ name: String) throws -> (x: Tensor, y: Tensor) {
        switch args[name] {
        case .list(let l) where l.items.count == 2:
            if let vx = l.items[0].asTensor, let vy = l.items[1].asTensor { return (vx, vy) }
        case .tuple(let t) where t.items.count == 2:
            if let vx = t.items[0].asTensor, let vy = t.items[1].asTensor { return (vx, vy) }
        case .tensor(let t) where t.tensor.rank >= 1 && t.tensor.shape[0] == 2:
            return (try t.tensor.subscripted([.at(0)]), try t.tensor.subscripted([.at(1)]))
        default: break
        }
        throw args.error(name, "fit() expects \(name) to be (Xv, Yv) or [Xv, Yv] (or use val_X= and val_Y=)")
    }

    /// `fit(...)`.
    static func fit(_ args: Arguments, _ context: CallContext) throws -> Value {
        let model = try layer(args, "model")
        var x = try args.tensor("X"), y = try args.tensor("Y")
        let lossFunction = args.has("loss") ? try loss(args["loss"], context) : Losses.mse
        let optimiser = args.has("opt") ? try OptimiserBindings.optimiser(args, "opt") : SGD(lr: 0.1)
        var options = FitOptions()
        options.epochs = try args.int("epochs")
        options.batchSize = try args.int("batch_size")
        options.shuffle = try args.bool("shuffle")
        options.generator = context.random
        options.validation = try validation(args)
        if args.has("validation_split") {
            let split = try args.number("validation_split")
            let rows = x.rank >= 1 ? x.shape[0] : 0
            let held = Int((split * Double(rows)).rounded(.down))
            guard split > 0, split < 1, held >= 1, held < rows, y.rank >= 1, y.shape[0] == rows else {
                throw args.error("validation_split", "fit() needs validation_split in (0, 1) leaving rows on both sides, got \(split) of \(rows) rows", kind: .value)
            }
            // Keras holds out the last rows, before any shuffling.
            let cut = rows - held
            options.validation = (try x.subscripted([.range(start: cut, stop: nil, step: 1)]),
                                  try y.subscripted([.range(start: cut, stop: nil, step: 1)]))
            x = try x.subscripted([.range(start: 0, stop: cut, step: 1)])
            y = try y.subscripted([.range(start: 0, stop: cut, step: 1)])
        }
        if args.has("accuracy") {
            options.accuracy = try args.bool("accuracy")
        } else if case .builtin(let b) = args["loss"], b.name == "cross_entropy" {
            options.accuracy = true
        }
        options.earlyStopping = try args.optionalInt("early_stopping")
        options.restoreBest = try args.bool("restore_best")
        if args.has("penalty") {
            let penalty = args["penalty"]
            options.regulariser = { params in
                let r = try context.call(penalty, [Value(list: params.map { .variable($0) })])
                if case .variable(let v) = r { return v }
                return Variable(r.asTensor ?? Tensor(0))
            }
        }
        let handler = try args.bool("verbose") ? context.progressHandler : nil
        let history = try run {
            try NN.fit(model, x, y, loss: lossFunction, optimiser: optimiser, options: options,
                       progress: handler.map { h in { p in h(Progress(done: p.done, total: p.total, message: p.message)) } },
                       shouldStop: { context.isInterrupted })
        }
        return Value(HistoryObject(history))
    }
}

/// A layer or model seen from the language: callable on a batch, with its
/// parameters as attributes.
final class LayerObject: LangObject {
    let layer: Layer
    init(_ layer: Layer) { self.layer = layer }

    var typeName: String {
        switch layer {
        case is Dense: return "Dense"
        case is Dropout: return "Dropout"
        case is BatchNorm: return "BatchNorm"
        case is Sequential: return "Sequential"
        // Activations and the section-J layers print as their constructor's name.
        default: return String(layer.summary.prefix { $0 != "(" })
        }
    }

    var description: String { layer.summary }

    var attributeNames: [String] {
        var names = ["params", "train", "eval", "training"]
        for p in layer.parameters where !(layer is Sequential) { names.append(p.name) }
        switch layer {
        case is Dense: names += ["n_in", "n_out"]
        case is BatchNorm: names += ["running_mean", "running_var"]
        case is Dropout: names += ["p"]
        case is Sequential: names += ["layers"]
        default: break
        }
        return names
    }

    func attribute(_ name: String) -> Value? {
        switch name {
        case "params": return Value(list: layer.parameters.map { Operators.wrap($0.value) })
        case "training": return .bool(layer.isTraining)
        case "train":
            return .builtin(Builtin("train", [], doc: "Puts the layer in training mode.", example: "model.train()") { [layer] _, _ in
                layer.train(); return .nothing
            })
        case "eval":
            return .builtin(Builtin("eval", [], doc: "Puts the layer in evaluation mode.", example: "model.eval()") { [layer] _, _ in
                layer.eval(); return .nothing
            })
        default: break
        }
        if !(layer is Sequential), let p = layer.parameters.first(where: { $0.name == name }) { return Operators.wrap(p.value) }
        switch (layer, name) {
        case let (d as Dense, "n_in"): return .number(Double(d.nIn))
        case let (d as Dense, "n_out"): return .number(Double(d.nOut))
        case let (b as BatchNorm, "running_mean"): return Value(b.runningMean)
        case let (b as BatchNorm, "running_var"): return Value(b.runningVariance)
        case let (d as Dropout, "p"): return .number(d.p)
        case let (s as Sequential, "layers"): return Value(list: s.layers.map { Value(LayerObject($0)) })
        default: return nil
        }
    }

    func setAttribute(_ name: String, _ value: Value) throws {
        if name == "params" { return try setParameters(value) }
        guard !(layer is Sequential), let p = layer.parameters.first(where: { $0.name == name }) else {
            throw BuiltinError("cannot set attribute '\(name)' of \(typeName)", kind: .type)
        }
        guard let t = value.asTensor else {
            throw BuiltinError("\(typeName).\(name) must be a tensor, got \(value.typeName)", kind: .type)
        }
        guard t.shape == p.value.shape else {
            throw BuiltinError("\(typeName).\(name) has shape \(formatShape(p.value.shape)), got \(formatShape(t.shape))", kind: .shape)
        }
        p.value = t
    }

    /// `model.params = ps`: every parameter at once, in the order `model.params` lists them.
    /// Checks the count and each shape before writing, so a failed assignment changes nothing.
    private func setParameters(_ value: Value) throws {
        let items: [Value]
        switch value {
        case .list(let l): items = l.items
        case .tuple(let t): items = t.items
        default: throw BuiltinError("\(typeName).params must be a list of tensors, got \(value.typeName)", kind: .type)
        }
        let params = layer.parameters
        guard items.count == params.count else {
            throw BuiltinError("\(typeName).params holds \(params.count) tensors, got \(items.count)", kind: .shape)
        }
        var tensors: [Tensor] = []
        for (i, (item, p)) in zip(items, params).enumerated() {
            guard let t = item.asTensor else {
                throw BuiltinError("\(typeName).params[\(i)] must be a tensor, got \(item.typeName)", kind: .type)
            }
            // A number stands for a one-element parameter of any shape, as Operators.wrap prints one.
            guard t.shape == p.value.shape || (t.count == 1 && p.value.count == 1) else {
                throw BuiltinError("\(typeName).params[\(i)] (\(p.name)) has shape \(formatShape(p.value.shape)), got \(formatShape(t.shape))", kind: .shape)
            }
            tensors.append(t.shape == p.value.shape ? t : try t.reshape(p.value.shape))
        }
        for (p, t) in zip(params, tensors) { p.value = t }
    }

    var callSignature: Builtin? {
        Builtin(typeName, [.init("X", .differentiable, doc: "the batch, one sample per row")],
                doc: "The layer applied to a batch (one sample per row).",
                example: "Dense(2, 1)([[1, 2]])") { [layer] args, _ in
            let y = try NNBindings.run { try layer(try args.variable("X")) }
            return args.isVariable("X") ? .variable(y) : Operators.wrap(y.value)
        }
    }
}

/// The history `fit` returns: losses per epoch and how training ended.
final class HistoryObject: LangObject {
    let history: History
    init(_ history: History) { self.history = history }

    var typeName: String { "History" }
    var attributeNames: [String] { ["train", "val", "acc", "val_acc", "epochs", "stopped_early", "best_epoch", "restored_epoch", "interrupted"] }

    func attribute(_ name: String) -> Value? {
        switch name {
        case "train": return Value(Tensor(history.train))
        case "val": return Value(Tensor(history.validation))
        case "acc": return Value(Tensor(history.trainAccuracy))
        case "val_acc": return Value(Tensor(history.validationAccuracy))
        case "epochs": return .number(Double(history.train.count))
        case "stopped_early": return .bool(history.stoppedEarly)
        case "best_epoch": return history.bestEpoch.map { .number(Double($0)) } ?? .nothing
        case "restored_epoch": return history.restoredEpoch.map { .number(Double($0)) } ?? .nothing
        case "interrupted": return .bool(history.interrupted)
        default: return nil
        }
    }

    var description: String {
        func losses(_ xs: [Double]) -> String {
            guard let first = xs.first, let last = xs.last else { return "-" }
            return xs.count == 1 ? NNText.number(first) : "\(NNText.number(first)) -> \(NNText.number(last))"
        }
        var parts = ["epochs=\(history.train.count)", "train loss \(losses(history.train))"]
        if !history.validation.isEmpty { parts.append("val loss \(losses(history.validation))") }
        if let acc = history.validationAccuracy.last { parts.append("val acc \(NNText.number(acc))") }
        // The epochs run and the epoch restored say together what the model now holds.
        var ending: [String] = []
        if history.stoppedEarly { ending.append("stopped at epoch \(history.train.count)") }
        if let restored = history.restoredEpoch { ending.append("restored epoch \(restored)") }
        if !ending.isEmpty { parts.append(ending.joined(separator: ", ")) }
        if history.interrupted { parts.append("interrupted") }
        return "History(" + parts.joined(separator: ", ") + ")"
    }
}

/// Numbers in object descriptions: six significant digits, as echo shows them.
enum NNText {
    static func number(_ x: Double) -> String { ValueFormatter.number(x, precision: 6) }
}
