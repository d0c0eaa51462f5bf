import Plots
import Testing
import Lang

/// Runs `source` in a fresh interpreter and returns the plots it emitted (and any error).
private func plots(_ source: String) -> ([PlotSpec], String?) {
    let interpreter = Interpreter()
    var found: [PlotSpec] = []
    interpreter.outputHandler = { if case .plot(let spec) = $0 { found.append(spec) } }
    let error = interpreter.run(source, origin: "test").map { $0.message }
    return (found, error)
}

@Test func histCountsMatchNumPy() throws {
    // numpy.histogram([1, 2, 2, 3], bins=3) gives counts [1, 2, 1], edges [1, 1.667, 2.333, 3].
    let (first, error) = plots("hist([1, 2, 2, 3], bins=3)")
    #expect(error == nil)
    let bars = try #require(first.first?.bars.first)
    #expect(bars.counts == [1, 2, 1])
    #expect(bars.edges.count == 4 && abs(bars.edges[1] - 5.0 / 3.0) < 1e-15)
    // numpy.histogram([0, 0.5, 1, 1, 4], bins=4) gives counts [2, 2, 0, 1]: edges 0, 1, 2, 3, 4,
    // and 4, the maximum, falls in the last bin [3, 4], which is closed.
    let (second, _) = plots("hist([0, 0.5, 1, 1, 4], bins=4)")
    #expect(second.first?.bars.first?.counts == [2, 2, 0, 1])
}

@Test func plotOfAFunctionSamplesTheInterval() throws {
    let (found, error) = plots("plot(x -> x^2, -1, 1, n=5, label=\"sq\")")
    #expect(error == nil)
    let series = try #require(found.first?.series.first)
    #expect(series.x == [-1, -0.5, 0, 0.5, 1])
    #expect(series.y == [1, 0.25, 0, 0.25, 1])
    #expect(series.label == "sq")
}

@Test func severalSeriesFromRowsListsOrColumns() throws {
    #expect(plots("plot([[1, 2, 3], [4, 5, 6]])").0.first?.series.map(\.y) == [[1, 2, 3], [4, 5, 6]])
    // matplotlib's plot(x, Y): Y's rows line up with x, so each column is a series.
    #expect(plots("plot([0, 1, 2], [[1, 4], [2, 5], [3, 6]])").0.first?.series.map(\.y) == [[1, 2, 3], [4, 5, 6]])
    let labels = plots("plot([0, 1], [[1, 2], [3, 4]], label=[\"a\", \"b\"])").0.first?.series.map(\.label)
    #expect(labels == ["a", "b"])
}

@Test func contourTakesFOfXAndYOrOfAVector() throws {
    // x^2 + 3y^2 at the grid's corner (-1, -1) is 4 and at (1, 0) on a 3-point grid is 1.
    let (two, _) = plots("contour((x, y) -> x^2 + 3*y^2, [-1, 1], [-1, 1], n=3, levels=[1, 2])")
    let (one, _) = plots("J(w) = w[0]^2 + 3*w[1]^2\ncontour(J, [-1, 1], [-1, 1], n=3, levels=[1, 2])")
    let grid = try #require(two.first?.grid)
    #expect(grid.z == [4, 3, 4, 1, 0, 1, 4, 3, 4])
    #expect(one.first?.grid == grid)
    #expect(grid.levels == [1, 2])
}

@Test func heatmapOfAMatrixKeepsRowsInOrder() throws {
    let grid = try #require(plots("heatmap([[1, 2, 3], [4, 5, 6]])").0.first?.grid)
    #expect(grid.isMatrix)
    #expect(grid.xs == [0, 1, 2] && grid.ys == [0, 1])
    #expect(grid.z == [1, 2, 3, 4, 5, 6])
}

@Test(arguments: [
    ("plot([1, 2], [3])", "as many y values"),
    ("plot([1, 2], label=[\"a\", \"b\"])", "label must be"),
    ("hist([1, 2], bins=0)", "bins between"),
    ("plot(x -> x, 1, 0)", "finite a < b"),
    ("contour((x, y) -> x, [1, 0], [0, 1])", "range [a, b]"),
    ("heatmap([1, 2, 3])", "2-D tensor"),
])
func badPlotCallsAreErrors(source: String, message: String) {
    let (found, error) = plots(source)
    #expect(found.isEmpty)
    #expect(error?.contains(message) == true, "\(error ?? "no error")")
}

@Test func widthAndHeightSizeTheTerminalDrawing() throws {
    let (found, error) = plots("plot([0, 1, 2], [0, 1, 4], width=40, height=6)")
    #expect(error == nil)
    let spec = try #require(found.first)
    #expect(spec.width == 40 && spec.height == 6)
    // Six canvas rows, each 40 braille cells after the axis.
    let rows = TerminalPlot.render(spec, width: spec.width ?? 0, height: spec.height ?? 0)
        .split(separator: "\n").filter { $0.contains("┤") || $0.contains("│") }
    #expect(rows.count == 6)
    #expect(rows.allSatisfy { row in row.unicodeScalars.drop { $0 != "┤" && $0 != "│" }.dropFirst().count == 40 })
    // The summary a notebook records does not depend on the size.
    #expect(spec.summary == plots("plot([0, 1, 2], [0, 1, 4])").0.first?.summary)
    #expect(plots("scatter([1, 2], [3, 4], width=60)").0.first?.width == 60)
}

@Test(arguments: [("width=4", "width= needs 8 to 1000 columns, got 4"),
                  ("height=0", "height= needs 3 to 500 rows, got 0"),
                  ("widht=30", "plot() has no parameter 'widht'")])
func aSizeOutOfRangeIsAnError(_ option: String, _ message: String) {
    #expect(plots("plot([1, 2], [3, 4], \(option))").1 == message)
}
