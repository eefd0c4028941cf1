// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way: nianbao (CLI) → NianbaoCore; NianbaoSamples only carries files.
let package = Package(
    name: "nianbao",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "nianbao", targets: ["nianbao"]),
        .library(name: "NianbaoCore", targets: ["NianbaoCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
    ],
    targets: [
        // decode → sections → tables → rules; value types only, no UI, no storage.
        .target(name: "NianbaoCore", dependencies: ["CByteSearch"]),
        // glibc's memmem, which Swift cannot import directly: the core's substring search.
        .target(name: "CByteSearch"),
        // The built-in sample reports (the five seeds) and the accessor that finds them.
        .target(
            name: "NianbaoSamples",
            path: "Resources",
            exclude: ["README.md"],
            sources: ["SampleReports.swift"],
            resources: [.copy("samples")]
        ),
        // ArgumentParser commands only: they parse arguments and call the core.
        .executableTarget(
            name: "nianbao",
            dependencies: [
                "NianbaoCore", "NianbaoSamples",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Reports made from the samples with other numbers, encodings and line ends: for the
        // tests and the benchmark, never for the command line.
        .target(name: "NianbaoFixtures", dependencies: ["NianbaoCore", "NianbaoSamples"]),
        // Throughput of extract+check on thousands of reports made from the samples.
        .executableTarget(name: "NianbaoBench", dependencies: ["NianbaoCore", "NianbaoFixtures", "NianbaoSamples"]),
        .testTarget(name: "NianbaoCoreTests", dependencies: ["NianbaoCore", "NianbaoFixtures", "NianbaoSamples"]),
        .testTarget(name: "NianbaoCLITests", dependencies: ["NianbaoSamples"]),
    ]
)
