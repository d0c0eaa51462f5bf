// swift-tools-version:6.0
import PackageDescription

// Swift code is built for the architecture's baseline (no -target-cpu), so the binary
// runs on every x86-64 CPU and builds on arm64. The kernels that gain from AVX2 are
// reached through the C target CVectorMath, which picks a per-CPU version at run time:
// the four-lane ones in CVectorMathAVX2 on CPUs with AVX2 and FMA, the AVX-512 ones in
// CVectorMathWide on CPUs that have AVX-512F.

let package = Package(
    name: "Gradbook",
    products: [
        .executable(name: "gradbook", targets: ["gradbook"]),
        .library(name: "Tensor", targets: ["Tensor"]),
        .library(name: "Autodiff", targets: ["Autodiff"]),
        .library(name: "NN", targets: ["NN"]),
        .library(name: "Symbolic", targets: ["Symbolic"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // 4.x imports FoundationEssentials, not the whole of Foundation (about 5 ms of start-up).
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
    ],
    targets: [
        .systemLibrary(name: "CBLAS", path: "Sources/CBLAS"),
        .systemLibrary(name: "CReadline", path: "Sources/CReadline"),
        .systemLibrary(name: "CZMQ", path: "Sources/CZMQ"),
        .target(name: "CVectorMath", dependencies: ["CVectorMathAVX2", "CVectorMathWide"],
                linkerSettings: [.linkedLibrary("m")]),
        // AVX2 and FMA for this one file, AVX-512 for the next: clang passes 256- and
        // 512-bit vectors to libmvec in registers only when the whole file targets the
        // instruction set (see FourLane.c and Wide.c). Other architectures ignore the
        // features with a warning; the files are empty for them.
        .target(name: "CVectorMathAVX2",
                cSettings: [.unsafeFlags(["-Xclang", "-target-feature", "-Xclang", "+avx2",
                                          "-Xclang", "-target-feature", "-Xclang", "+fma"])],
                linkerSettings: [.linkedLibrary("mvec"), .linkedLibrary("m")]),
        .target(name: "CVectorMathWide",
                cSettings: [.unsafeFlags(["-Xclang", "-target-feature", "-Xclang", "+avx512f",
                                          "-Xclang", "-target-feature", "-Xclang", "+evex512"])],
                linkerSettings: [.linkedLibrary("mvec"), .linkedLibrary("m")]),
        .target(name: "Support"),
        .target(name: "Tensor", dependencies: ["CBLAS", "CVectorMath"]),
        .executableTarget(name: "tensor-bench", dependencies: ["Tensor", "Support"], path: "Sources/TensorBench"),
        .target(name: "Autodiff", dependencies: ["Tensor"]),
        .target(name: "NN", dependencies: ["Autodiff", "Tensor", "Support"]),
        .target(name: "Plots", dependencies: ["Support"]),
        // Its own BigInt: attaswift/BigInt imports all of Foundation (and ICU) at start-up.
        .target(name: "Symbolic"),
        .target(name: "Lang", dependencies: ["NN", "Autodiff", "Tensor", "Plots", "Symbolic", "Support"]),
        .target(name: "Notebook", dependencies: ["Lang", "Tensor", "Plots", "Support"]),
        .target(name: "Console", dependencies: ["Notebook", "Lang", "Support"]),
        .target(name: "REPL", dependencies: ["Console", "Notebook", "Lang", "Plots", "Support", "CReadline"]),
        .target(
            name: "Kernel",
            dependencies: ["Console", "Lang", "Tensor", "Plots", "Support", "CZMQ",
                           .product(name: "Crypto", package: "swift-crypto")]),
        .executableTarget(
            name: "gradbook",
            dependencies: ["REPL", "Kernel", "Console", "Notebook", "Lang", "Tensor", "Support",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .testTarget(name: "SupportTests", dependencies: ["Support"]),
        .testTarget(name: "PlotsTests", dependencies: ["Plots"]),
        .testTarget(name: "TensorTests", dependencies: ["Tensor", "CVectorMath"], exclude: ["Fixtures"]),
        .testTarget(name: "AutodiffTests", dependencies: ["Autodiff", "Tensor"]),
        .testTarget(name: "NNTests", dependencies: ["NN", "Autodiff", "Tensor"], exclude: ["Fixtures"]),
        .testTarget(name: "SymbolicTests", dependencies: ["Symbolic"], exclude: ["Fixtures"]),
        .testTarget(name: "LangTests", dependencies: ["Lang", "Tensor"]),
        .testTarget(name: "NotebookTests", dependencies: ["Notebook", "Lang", "Plots", "Support"], exclude: ["golden"]),
        .testTarget(name: "ConsoleTests", dependencies: ["Console", "Notebook", "Lang", "Support"]),
        .testTarget(name: "REPLTests", dependencies: ["REPL", "Console", "Notebook", "Lang", "Support"]),
        .testTarget(name: "KernelTests", dependencies: ["Kernel", "Console", "Lang", "Tensor", "Support"]),
    ],
    swiftLanguageModes: [.v5]
)
