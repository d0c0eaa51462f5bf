import Tensor

/// A model's state at one moment, to put back later: every parameter's value and
/// every BatchNorm's running statistics (evaluation-mode outputs depend on both, so
/// restoring the parameters alone would not reproduce the recorded validation loss).
///
/// Tensors have value semantics, so holding them is a copy: later optimiser steps
/// replace `Parameter.value` and cannot reach the tensors kept here.
struct ModelSnapshot {
    private let parameters: [(Parameter, Tensor)]
    private let statistics: [(BatchNorm, mean: Tensor, variance: Tensor)]

    /// The current state of `model`.
    init(_ model: Layer) {
        parameters = model.parameters.map { ($0, $0.value) }
        statistics = ModelSnapshot.batchNorms(in: model).map { ($0, $0.runningMean, $0.runningVariance) }
    }

    /// Puts the saved values back into the layers they came from.
    func restore() {
        for (parameter, value) in parameters { parameter.value = value }
        for (layer, mean, variance) in statistics { layer.restoreRunningStatistics(mean: mean, variance: variance) }
    }

    /// The BatchNorm layers of a model, looking inside Sequential containers.
    private static func batchNorms(in layer: Layer) -> [BatchNorm] {
        switch layer {
        case let b as BatchNorm: return [b]
        case let s as Sequential: return s.layers.flatMap(batchNorms)
        default: return []
        }
    }
}
