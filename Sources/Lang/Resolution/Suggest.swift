/// "Did you mean" suggestions by edit distance.
enum Suggest {
    /// The candidate closest to `name` within a distance that still looks like a typo, if any;
    /// failing that, the one candidate that `name` abbreviates (`hess` → `hessian`), since
    /// a half-typed name is as common at a prompt as a misspelt one.
    static func closest(to name: String, in candidates: [String]) -> String? {
        let limit = Swift.max(1, name.count / 3)
        var best: (String, Int)?
        for c in candidates.sorted() where c != name {
            let d = distance(Array(name.lowercased()), Array(c.lowercased()))
            if d <= limit, best == nil || d < best!.1 { best = (c, d) } // safe: best checked non-nil first
        }
        if let best { return best.0 }
        guard name.count >= 3 else { return nil }
        let extensions = candidates.filter { $0 != name && $0.hasPrefix(name) }
        return extensions.count == 1 ? extensions[0] : nil
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = Swift.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = Swift.min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
