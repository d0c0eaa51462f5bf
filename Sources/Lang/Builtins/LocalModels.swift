import NN
import Tensor

// kmeans rbf_network self_organising_map

extension BuiltinGroup {
    /// Local models of section J: clustering, RBF networks, self-organising maps.
    static let localModels = BuiltinGroup(topic: "Local models", builtins: [
        Builtin("kmeans", [.init("X", .tensor, doc: "the points, one per row"),
                           .init("k", .integer, doc: "the number of clusters"),
                           .init("iters", .integer, default: .number(100), doc: "the most Lloyd iterations")],
                doc: "k-means clustering: k-means++ start from the seeded generator, then Lloyd's iterations until no point changes cluster; the result has .centroids (k × d), .labels, .inertia (Σ squared distances), .iterations and .predict(X).",
                example: "km = kmeans([[0, 0], [0, 1], [5, 5], [5, 6]], 2)") { args, context in
            let r = try NNBindings.run { try KMeans.fit(try args.tensor("X"), k: try args.int("k"), maxIterations: try args.int("iters"), using: context.random,
                                                checkpoint: { try context.checkInterrupt() }) }
            return Value(KMeansObject(r))
        },
        Builtin("rbf_network", [.init("X", .tensor, doc: "the inputs, one per row"),
                                .init("Y", .tensor, doc: "the targets: a vector or one row per sample (one_hot(y, c) to classify)"),
                                .init("k", .integer, doc: "the number of Gaussian units (k-means centres)"),
                                .init("sigma", .number, default: .nothing, doc: "the common width; d_max/√(2k) when nothing")],
                doc: "Radial-basis-function network: k-means centres, activations exp(-|x - c|²/(2σ²)), then a linear layer on them (with a bias) fitted by least squares; call it on rows, net(X); .centres, .sigma, .W, .activations(X).",
                example: "net = rbf_network(reshape(linspace(0, 6, 40), 40, 1), sin(linspace(0, 6, 40)), 8)") { args, context in
            let net = try NNBindings.run {
                try RBFNetwork(try args.tensor("X"), try args.tensor("Y"), k: try args.int("k"),
                               sigma: args.has("sigma") ? try args.number("sigma") : nil, using: context.random,
                               checkpoint: { try context.checkInterrupt() })
            }
            return Value(RBFObject(net))
        },
        Builtin("self_organising_map", [.init("X", .tensor, doc: "the inputs, one per row"),
                        .init("rows", .integer, doc: "grid rows"),
                        .init("cols", .integer, doc: "grid columns"),
                        .init("epochs", .integer, default: .number(10), doc: "passes over the data, each in a new random order"),
                        .init("lr", .number, default: .number(0.5), doc: "the starting learning rate, falling to 1 %"),
                        .init("sigma", .number, default: .nothing, doc: "the starting neighbourhood width in grid steps; max(rows, cols)/2 when nothing")],
                doc: "Kohonen self-organising map (SOM) of rows × cols units trained online: the best-matching unit and its grid neighbours (Gaussian, width σ shrinking) move toward each sample; .weights ((rows·cols) × d, unit r·cols + c), .winners(X), .quantisation_error(X).",
                example: "m = self_organising_map(rand(50, 2), 4, 4, epochs=5)") { args, context in
            let map = try NNBindings.run {
                try SOM(try args.tensor("X"), rows: try args.int("rows"), cols: try args.int("cols"), epochs: try args.int("epochs"),
                        lr: try args.number("lr"), sigma: args.has("sigma") ? try args.number("sigma") : nil, using: context.random,
                        checkpoint: { try context.checkInterrupt() })
            }
            return Value(SOMObject(map))
        },
    ])
}

/// Row indices as a tensor of integers.
private func indexTensor(_ labels: [Int]) -> Value { Value(Tensor(labels.map(Double.init))) }

/// The result of `kmeans`.
final class KMeansObject: LangObject {
    let result: KMeansResult
    init(_ result: KMeansResult) { self.result = result }

    var typeName: String { "KMeans" }
    var attributeNames: [String] { ["centroids", "labels", "inertia", "iterations", "predict"] }
    var description: String {
        "KMeans(k=\(result.centroids.shape[0]), inertia \(NNText.number(result.inertia)), \(result.iterations) iterations)"
    }

    func attribute(_ name: String) -> Value? {
        switch name {
        case "centroids": return Value(result.centroids)
        case "labels": return indexTensor(result.labels)
        case "inertia": return .number(result.inertia)
        case "iterations": return .number(Double(result.iterations))
        case "predict":
            return .builtin(Builtin("predict", [.init("X", .tensor, doc: "points, one per row")],
                                    doc: "The nearest centroid of each row.", example: "km.predict([[0, 0]])") { [result] args, _ in
                indexTensor(try NNBindings.run { try KMeans.assign(try args.tensor("X"), centroids: result.centroids).labels })
            })
        default: return nil
        }
    }
}

/// The network `rbf_network` fits, callable on rows.
final class RBFObject: LangObject {
    let net: RBFNetwork
    init(_ net: RBFNetwork) { self.net = net }

    var typeName: String { "RBFNetwork" }
    var attributeNames: [String] { ["centres", "sigma", "W", "activations"] }
    var description: String { "RBFNetwork(k=\(net.centres.shape[0]), sigma=\(NNText.number(net.sigma)))" }

    func attribute(_ name: String) -> Value? {
        switch name {
        case "centres": return Value(net.centres)
        case "sigma": return .number(net.sigma)
        case "W": return Value(net.weights)
        case "activations":
            return .builtin(Builtin("activations", [.init("X", .tensor, doc: "inputs, one per row")],
                                    doc: "The Gaussian activations of each row, with a last column of ones.", example: "net.activations(X)") { [net] args, _ in
                Value(try NNBindings.run { try net.activations(try args.tensor("X")) })
            })
        default: return nil
        }
    }

    var callSignature: Builtin? {
        Builtin("RBFNetwork", [.init("X", .tensor, doc: "inputs, one per row")],
                doc: "The network's outputs for rows of X.", example: "net(X)") { [net] args, _ in
            Operators.wrap(try NNBindings.run { try net(try args.tensor("X")) })
        }
    }
}

/// The map `self_organising_map` trains.
final class SOMObject: LangObject {
    let map: SOM
    init(_ map: SOM) { self.map = map }

    var typeName: String { "SOM" }
    var attributeNames: [String] { ["weights", "rows", "cols", "winners", "quantisation_error"] }
    var description: String { "SOM(\(map.rows) × \(map.cols), \(map.weights.shape[1]) features)" }

    func attribute(_ name: String) -> Value? {
        switch name {
        case "weights": return Value(map.weights)
        case "rows": return .number(Double(map.rows))
        case "cols": return .number(Double(map.cols))
        case "winners":
            return .builtin(Builtin("winners", [.init("X", .tensor, doc: "inputs, one per row")],
                                    doc: "The best-matching unit (r·cols + c) of each row.", example: "m.winners(X)") { [map] args, _ in
                indexTensor(try NNBindings.run { try map.winners(try args.tensor("X")) })
            })
        case "quantisation_error":
            return .builtin(Builtin("quantisation_error", [.init("X", .tensor, doc: "inputs, one per row")],
                                    doc: "The mean distance of the rows to their best-matching units.", example: "m.quantisation_error(X)") { [map] args, _ in
                .number(try NNBindings.run { try map.quantisationError(try args.tensor("X")) })
            })
        default: return nil
        }
    }
}
