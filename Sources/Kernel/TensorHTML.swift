import Tensor

/// A vector or matrix as an HTML table, for Jupyter front ends; large ones
/// keep their first and last rows and columns, as the text printing does.
enum TensorHTML {
    /// Rows or columns beyond this many are elided to the first and last `edge`.
    static let limit = 40
    static let edge = 10

    /// The table, or nil for scalars, empty tensors and rank 3 and up (the text shows those).
    static func table(_ tensor: Tensor) -> String? {
        guard tensor.rank == 1 || tensor.rank == 2, tensor.count > 0 else { return nil }
        let rows = tensor.rank == 1 ? 1 : tensor.shape[0]
        let columns = tensor.rank == 1 ? tensor.shape[0] : tensor.shape[1]
        let values = tensor.contiguous().scalars
        let formatter = TensorFormatter()
        let rowIndices = shown(rows), columnIndices = shown(columns)
        let shape = tensor.shape.map(String.init).joined(separator: " × ")
        var html = "<table class=\"gradbook-tensor\">"
        html += "<caption style=\"text-align: left\">tensor \(shape)</caption><thead><tr><th></th>"
        for j in columnIndices { html += j < 0 ? "<th>…</th>" : "<th>\(j)</th>" }
        html += "</tr></thead><tbody>"
        for i in rowIndices {
            html += "<tr><th>\(i < 0 ? "⋮" : String(i))</th>"
            for j in columnIndices {
                if i < 0 || j < 0 {
                    html += "<td>\(i < 0 && j < 0 ? "⋱" : (i < 0 ? "⋮" : "…"))</td>"
                } else {
                    html += "<td style=\"text-align: right; font-family: monospace\">\(formatter.format(values[i * columns + j]))</td>"
                }
            }
            html += "</tr>"
        }
        return html + "</tbody></table>"
    }

    /// The indices to show out of `count`, with -1 where the elision mark goes.
    static func shown(_ count: Int) -> [Int] {
        if count <= limit { return Array(0..<count) }
        return Array(0..<edge) + [-1] + Array((count - edge)..<count)
    }
}
