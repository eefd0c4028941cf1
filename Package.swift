// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way: nianbao (CLI) → NianbaoTUI → NianbaoStore / NianbaoCore.
// NianbaoSamples only carries files; CNcursesw and CByteSearch only expose C.
let package = Package(
    name: "nianbao",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "nianbao", targets: ["nianbao"]),
        .library(name: "NianbaoCore", targets: ["NianbaoCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
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
        // libxml2 through a module map: its HTML parser reads real-world pages (pkg-config libxml-2.0).
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // Readers of the files users hold (HTML pages, Word files) that turn them into text for the core.
        // zlib's inflate through a module map: the members of a .docx, read with every length checked.
        .systemLibrary(name: "CInflate", path: "Sources/CInflate", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // posix_spawn's closefrom, which needs _GNU_SOURCE: children get none of our descriptors.
        .target(name: "CSpawn"),
        .target(name: "NianbaoFormats", dependencies: ["NianbaoCore", "CLibXML2", "CInflate", "CSpawn"]),
        // Reading each file in a worker process nianbao supervises: one bad file costs that file only.
        .target(name: "NianbaoWorkers", dependencies: ["NianbaoCore", "NianbaoFormats"]),
        // Review decisions, notes and their history: SQLite (GRDB) for one office, PostgreSQL
        // (postgres-nio) for a team, behind one interface; committed as they are made.
        .target(
            name: "NianbaoStore",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"), .product(name: "Logging", package: "swift-log"),
            ]),
        // What a review hands in: spreadsheets (CSV as Excel and WPS read it), the findings with
        // their rulings, the HTML report of the review, correction notices as Word files.
        .target(name: "NianbaoDeliverables", dependencies: ["NianbaoCore", "NianbaoStore", "ZIPFoundation"]),
        // ncursesw through a module map and a shim for the macros Swift cannot import.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // The review screen: state, update(key), render(into: Screen); the ncurses Screen.
        .target(name: "NianbaoTUI", dependencies: ["NianbaoCore", "NianbaoFormats", "NianbaoStore", "CNcursesw"]),
        // ArgumentParser commands only: they parse arguments and call the core, store and TUI.
        .executableTarget(
            name: "nianbao",
            dependencies: [
                "NianbaoCore", "NianbaoDeliverables", "NianbaoFormats", "NianbaoSamples", "NianbaoStore", "NianbaoTUI", "NianbaoWorkers",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Reports made from the samples with other numbers, encodings and line ends, and fresh
        // review databases: for the tests and the benchmark, never for the command line.
        .target(name: "NianbaoFixtures", dependencies: ["NianbaoCore", "NianbaoSamples", "NianbaoStore", "ZIPFoundation"]),
        // Throughput of extract+check on thousands of reports made from the samples.
        .executableTarget(
            name: "NianbaoBench",
            dependencies: [
                "NianbaoCore", "NianbaoFixtures", "NianbaoFormats", "NianbaoSamples", "NianbaoStore", "NianbaoTUI",
            ]),
        .testTarget(name: "NianbaoCoreTests", dependencies: ["NianbaoCore", "NianbaoFixtures", "NianbaoSamples"]),
        .testTarget(
            name: "NianbaoFormatsTests",
            dependencies: ["NianbaoFormats", "NianbaoCore", "NianbaoFixtures", "NianbaoSamples", "CLibXML2", "ZIPFoundation"]),
        .testTarget(name: "NianbaoDeliverablesTests", dependencies: ["NianbaoDeliverables", "NianbaoCore", "NianbaoStore"]),
        .testTarget(name: "NianbaoStoreTests", dependencies: ["NianbaoStore", "NianbaoFixtures", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(
            name: "NianbaoTUITests",
            dependencies: ["NianbaoTUI", "NianbaoCore", "NianbaoStore", "NianbaoSamples", "NianbaoFixtures", .product(name: "GRDB", package: "GRDB.swift")]),
        // Runs the real binary (and tmux), so it depends on it: `swift test` builds it first.
        .testTarget(name: "NianbaoCLITests", dependencies: ["nianbao", "NianbaoSamples", "NianbaoFormats", "NianbaoFixtures", "NianbaoStore", "NianbaoTUI"]),
    ]
)
