// swift-tools-version:6.0
// The Hessian benchmark, a package of its own so it builds against the library
// products without adding a target to the root package.
import PackageDescription

let package = Package(
    name: "AutodiffBench",
    dependencies: [.package(name: "Gradbook", path: "../..")],
    targets: [
        .executableTarget(
            name: "HessianBench",
            dependencies: [.product(name: "Autodiff", package: "Gradbook"), .product(name: "Tensor", package: "Gradbook")]),
    ],
    swiftLanguageModes: [.v5]
)
