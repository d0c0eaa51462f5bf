import Plots
import Testing
import Lang

@Test func plotOfAHistoryDrawsTrainAndValidationLossPerEpoch() throws {
    let interpreter = Interpreter()
    var found: [PlotSpec] = []
    var echoed: [[Double]] = []
    interpreter.outputHandler = { if case .plot(let spec) = $0 { found.append(spec) } }
    interpreter.echoHandler = { if let t = $0.tensor { echoed.append(t.scalars) } }
    let source = """
        seed(0); X = randn(12, 2); y = [0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1];
        h = fit(Dense(2, 2), X, y, loss=cross_entropy, epochs=3, validation_data=(X, y), verbose=false);
        plot(h)
        h.train
        h.val
        """
    #expect(interpreter.run(source, origin: "test") == nil)
    let spec = try #require(found.first)
    #expect(spec.series.map(\.label) == ["train loss", "val loss"])
    #expect(spec.series[0].x == [1, 2, 3] && spec.series[1].x == [1, 2, 3])
    // The curves are the history's own numbers.
    #expect(echoed.count == 2 && spec.series[0].y == echoed[0] && spec.series[1].y == echoed[1])
    #expect(spec.xlabel == "epoch" && spec.ylabel == "loss")
}
