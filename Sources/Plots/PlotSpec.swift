#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The data of one plot, as the plot builtins build it; `SVGPlot` and `TerminalPlot`
/// draw it (SVG for export, braille in the terminal); `summary` is its one recorded line.
///
/// A line or scatter plot holds `series`; a histogram holds `bars`; a contour
/// or heatmap holds `grid`. Everything is plain numbers, so a plot compares,
/// hashes and renders without the interpreter.
public struct PlotSpec: Sendable, Equatable {
    /// What kind of picture the data is meant for.
    public enum Kind: String, Sendable, Equatable {
        /// Polylines through the points of each series.
        case line
        /// Markers at the points of each series.
        case scatter
        /// Bars over bin edges (`bars`).
        case hist
        /// Level curves of a function sampled on a grid (`grid`).
        case contour
        /// Colour cells of a matrix or sampled function (`grid`).
        case heatmap
    }

    /// One named sequence of points.
    public struct Series: Sendable, Equatable {
        /// Horizontal coordinates.
        public var x: [Double]
        /// Vertical coordinates, as many as `x`.
        public var y: [Double]
        /// Legend text, or nil for no legend entry.
        public var label: String?
        /// Makes a series; `x` and `y` should have the same length.
        public init(x: [Double], y: [Double], label: String? = nil) {
            self.x = x
            self.y = y
            self.label = label
        }
    }

    /// Histogram bars: `counts[i]` samples fell in `[edges[i], edges[i+1])`.
    public struct Bars: Sendable, Equatable {
        /// Bin edges, one more than the counts, increasing.
        public var edges: [Double]
        /// Samples per bin.
        public var counts: [Double]
        /// Legend text, or nil.
        public var label: String?
        /// Makes a set of bars; `edges.count == counts.count + 1`.
        public init(edges: [Double], counts: [Double], label: String? = nil) {
            self.edges = edges
            self.counts = counts
            self.label = label
        }
    }

    /// Values on a rectangular grid: `z[i * xs.count + j]` is the value at `(xs[j], ys[i])`.
    public struct Grid: Sendable, Equatable {
        /// Column coordinates, increasing.
        public var xs: [Double]
        /// Row coordinates, increasing.
        public var ys: [Double]
        /// Row-major values, `ys.count * xs.count` of them.
        public var z: [Double]
        /// Contour levels (empty for a heatmap).
        public var levels: [Double]
        /// Whether the grid is a matrix shown as printed: row 0 at the top.
        public var isMatrix: Bool
        /// Makes a grid.
        public init(xs: [Double], ys: [Double], z: [Double], levels: [Double] = [], isMatrix: Bool = false) {
            self.xs = xs
            self.ys = ys
            self.z = z
            self.levels = levels
            self.isMatrix = isMatrix
        }
    }

    /// The kind of plot.
    public var kind: Kind
    /// Line or scatter series (also used for points drawn over a contour).
    public var series: [Series]
    /// Histogram bars, for `.hist`.
    public var bars: [Bars]
    /// Sampled values, for `.contour` and `.heatmap`.
    public var grid: Grid?
    /// Title above the plot, or nil.
    public var title: String?
    /// Horizontal axis label, or nil.
    public var xlabel: String?
    /// Vertical axis label, or nil.
    public var ylabel: String?
    /// Columns of the terminal drawing area when the call asked for them (`width=`);
    /// nil: the front end's choice (the terminal's width, 72 off a terminal).
    public var width: Int?
    /// Rows of the terminal drawing area when the call asked for them (`height=`).
    public var height: Int?

    /// Makes a plot description; every part but the kind is optional.
    public init(kind: Kind, series: [Series] = [], bars: [Bars] = [], grid: Grid? = nil,
                title: String? = nil, xlabel: String? = nil, ylabel: String? = nil) {
        self.kind = kind
        self.series = series
        self.bars = bars
        self.grid = grid
        self.title = title
        self.xlabel = xlabel
        self.ylabel = ylabel
    }
}
