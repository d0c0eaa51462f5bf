import Lang
import Testing

/// Runs every golden script and compares its output and error with its comments.
extension LangSuite {
    @Suite struct GoldenTests {
        @Test(arguments: GoldenScript.all())
        func script(_ script: GoldenScript) {
            let (lines, diagnostic) = script.run()
            #expect(lines == script.expectedLines, "output of \(script)")
            if let expected = script.expectedError {
                #expect(diagnostic?.message == expected, "error of \(script)")
                if let loc = script.expectedLocation, let d = diagnostic {
                    let actual = d.location(in: script.source)
                    #expect(actual.line == loc.line && actual.column == loc.column, "error location of \(script)")
                }
            } else {
                #expect(diagnostic == nil, "unexpected error in \(script): \(diagnostic?.message ?? "")")
            }
        }

        @Test func goldenFoldersAreFound() {
            let folders = Set(GoldenScript.all().map { $0.description.split(separator: "/")[0] })
            #expect(folders.isSuperset(of: ["syntax", "tensor", "errors"]))
        }
    }
}
