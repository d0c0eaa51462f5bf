import Testing
import Plots
#if canImport(FoundationXML)
import FoundationXML
#else
import Foundation
#endif

private let xs = (0...100).map { Double($0) * 0.0628 }  // 0 ... 6.28
private let waves = PlotSpec(kind: .line,
                             series: [.init(x: xs, y: xs.map { $0 * $0 }, label: "x^2 < \"y\" & z"),
                                      .init(x: xs, y: xs, label: "x")],
                             title: "Two", xlabel: "x", ylabel: "y")
private let grid: PlotSpec.Grid = {
    let g = (0..<21).map { -2 + Double($0) * 0.2 }
    var z: [Double] = []
    for y in g { for x in g { z.append(x * x + y * y) } }
    return PlotSpec.Grid(xs: g, ys: g, z: z, levels: [0.5, 1, 2])
}()
private let kinds: [PlotSpec] = [
    waves,
    PlotSpec(kind: .scatter, series: [.init(x: [1, 2, 3], y: [3, 1, 2], label: "pts")]),
    PlotSpec(kind: .hist, bars: [.init(edges: [0, 1, 2, 3], counts: [2, 5, 1], label: "h")]),
    PlotSpec(kind: .contour, grid: grid),
    PlotSpec(kind: .heatmap, grid: PlotSpec.Grid(xs: [0, 1, 2], ys: [0, 1], z: [1, 2, 3, 4, 5, 6], isMatrix: true)),
    PlotSpec(kind: .line, series: [.init(x: [0, 1, 2], y: [1, .nan, .infinity])]),
    PlotSpec(kind: .line),
]

@Test(arguments: kinds)
func svgIsWellFormedXML(plot: PlotSpec) throws {
    let svg = SVGPlot.render(plot)
    let document = try XMLDocument(xmlString: svg)
    #expect(document.rootElement()?.name == "svg")
}

/// Tick labels of the x axis: the texts centred under the frame, read back from the SVG.
private func labels(_ svg: String, anchor: String) throws -> [String] {
    let document = try XMLDocument(xmlString: svg)
    let texts = try document.nodes(forXPath: "//*[local-name()='text'][@text-anchor='\(anchor)']")
    return texts.compactMap { $0.stringValue }
}

@Test func ticksFallOnNiceNumbers() throws {
    // x spans [0, 6.28]: a step of 1 gives 0...6; y spans [0, 39.44] padded by 5% (1.97) to
    // [-1.97, 41.41]: a rough step of 43.4 / 5 = 8.7 rounds to 10, so 0...40.
    let svg = SVGPlot.render(waves)
    let x = try labels(svg, anchor: "middle")
    #expect(x.starts(with: ["0", "1", "2", "3", "4", "5", "6"]))
    let y = try labels(svg, anchor: "end")
    #expect(y == ["0", "10", "20", "30", "40"])
}

@Test func legendTextIsEscaped() {
    let svg = SVGPlot.render(waves)
    #expect(svg.contains("x^2 &lt; &quot;y&quot; &amp; z"))
}

@Test func summaryHashIgnoresFloatNoiseButNotChanges() {
    var noisy = waves
    noisy.series[0].y = noisy.series[0].y.map { $0 * (1 + 1e-12) }
    var changed = waves
    changed.series[0].y[50] += 1e-3
    #expect(noisy.summary == waves.summary)
    #expect(changed.dataHash != waves.dataHash)
    #expect(waves.summary.hasPrefix("<plot: line, 2 series, 202 points, x=[0, 6.28], y=[0, 39.44], hash="))
}

@Test func terminalPlotDrawsTheDiagonalCorners() throws {
    let plot = PlotSpec(kind: .line, series: [.init(x: [0, 1], y: [0, 1])])
    let text = TerminalPlot.render(plot, width: 8, height: 3)
    let rows = text.split(separator: "\n").filter { $0.contains("┤") || $0.contains("│") }
    #expect(rows.count == 3)
    // Braille dots: top-right dot of a cell is bit 0x08, bottom-left is 0x40 (Unicode U+2800 block).
    let topRight = try #require(rows[0].unicodeScalars.last).value - 0x2800
    let bottomLeft = try #require(rows[2].unicodeScalars.drop { $0 != "┤" }.dropFirst().first).value - 0x2800
    #expect(topRight & 0x08 != 0)
    #expect(bottomLeft & 0x40 != 0)
}

@Test func extremeValuesNeitherCrashNorBreakTheXML() throws {
    let huge = PlotSpec(kind: .contour, series: [.init(x: [1e300, -1e300], y: [1e20, 0])], grid: grid)
    let wide = PlotSpec(kind: .heatmap, grid: PlotSpec.Grid(xs: [0, 1], ys: [0], z: [-1e308, 1e308]))
    for plot in [huge, wide] {
        _ = try XMLDocument(xmlString: SVGPlot.render(plot))
        #expect(!TerminalPlot.render(plot).isEmpty)
    }
}
