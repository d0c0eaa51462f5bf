import Foundation
import Lang
import Testing

extension LangSuite {
    /// `docs/reference.md` is generated from the registry; this fails when it is stale.
    @Suite struct ReferenceTests {
        static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/reference.md").path

        @Test func referenceMatchesTheRegistry() throws {
            let generated = Registry.referenceMarkdown()
            if ProcessInfo.processInfo.environment["GRADBOOK_WRITE_REFERENCE"] == "1" {
                try generated.write(toFile: ReferenceTests.path, atomically: true, encoding: .utf8)
            }
            let current = try? String(contentsOfFile: ReferenceTests.path, encoding: .utf8)
            #expect(current == generated,
                    "docs/reference.md is stale: regenerate it with GRADBOOK_WRITE_REFERENCE=1 swift test --filter ReferenceTests")
        }

        @Test func everyBuiltinHasDocAndExample() {
            for group in Registry.groups {
                for b in group.builtins {
                    #expect(!b.doc.isEmpty && !b.example.isEmpty, "\(b.name) lacks a doc line or example")
                }
            }
        }
    }
}
