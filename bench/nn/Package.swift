// swift-tools-version:6.0
// The NN training benchmark: a package of its own so the main package needs no
// benchmark target. Build and run with ./run.sh (release).
import PackageDescription

let package = Package(
    name: "NNBench",
    dependencies: [.package(name: "Gradbook", path: "../..")],
    targets: [
        .executableTarget(
            name: "nn-bench",
            dependencies: [.product(name: "NN", package: "Gradbook"), .product(name: "Autodiff", package: "Gradbook"),
                           .product(name: "Tensor", package: "Gradbook")]),
    ],
    swiftLanguageModes: [.v5]
)
