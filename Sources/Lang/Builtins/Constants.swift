import Glibc

// pi e inf nan

/// The predefined numbers. They are ordinary globals set when a session starts,
/// so a person may rebind them (`e = 0.5` in a loop is common) without an error.
enum Constants {
    /// Name, value and `?name` help of each constant.
    static let all: [(name: String, value: Double, doc: String)] = [
        ("pi", Double.pi, "π = 3.141592653589793, the ratio of a circle's circumference to its diameter."),
        ("e", M_E, "e = 2.718281828459045, the base of the natural logarithm (exp(1))."),
        ("inf", Double.infinity, "Positive infinity, as NumPy's np.inf; -inf is its negative."),
        ("nan", Double.nan, "Not a number, as NumPy's np.nan; nan != nan, test it with isnan(x)."),
    ]

    /// The `?name` help of a constant, or nil for other names.
    static func help(_ name: String) -> String? {
        guard let c = all.first(where: { $0.name == name }) else { return nil }
        return "\(c.name)\n    \(c.doc)\n    a number; assigning to '\(c.name)' rebinds it for this session"
    }
}
