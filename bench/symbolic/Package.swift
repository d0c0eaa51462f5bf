// swift-tools-version:6.0
// The Symbolic benchmark, a package of its own so it builds against the library
// product without adding a target to the root package.
import PackageDescription

let package = Package(
    name: "SymbolicBench",
    dependencies: [.package(name: "Gradbook", path: "../..")],
    targets: [
        .executableTarget(
            name: "SymbolicBench",
            dependencies: [.product(name: "Symbolic", package: "Gradbook")]),
    ],
    swiftLanguageModes: [.v5]
)
