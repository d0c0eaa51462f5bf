import NN
import Plots

extension PlotBuiltins {
    /// `plot(history)`: the loss per epoch of a `fit`, train and (when recorded)
    /// validation, against epochs 1, 2, …, as Keras users draw `history.history`.
    /// Nil when `value` is not a history.
    static func historySpec(_ value: Value) -> PlotSpec? {
        guard case .object(let box) = value, let h = box.object as? HistoryObject else { return nil }
        let history = h.history
        let epochs = (0..<history.train.count).map { Double($0 + 1) }
        var series = [PlotSpec.Series(x: epochs, y: history.train, label: "train loss")]
        if !history.validation.isEmpty {
            series.append(.init(x: (0..<history.validation.count).map { Double($0 + 1) }, y: history.validation, label: "val loss"))
        }
        var spec = PlotSpec(kind: .line, series: series)
        spec.xlabel = "epoch"
        spec.ylabel = "loss"
        return spec
    }
}
