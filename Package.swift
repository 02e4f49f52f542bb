// swift-tools-version: 6.0
import PackageDescription

// Layers, dependencies pointing one way:
//   LifelineCLI -> Lifeline (the repository) -> LifelineCore (values, records, the engine, the parsers)
//                                            -> LifelineStorage -> CSQLite (system SQLite)
// LifelineCore is pure: no I/O, nothing but the standard library; `make fuzz` builds it
// alone. Only LifelineStorage imports CSQLite, and the CLI never imports it. Migrations/*.sql,
// docs/queries/*.sql, data/*.csv and docs/schema.md are embedded into Lifeline at build
// time by the EmbedFiles plugin, so the binary never looks for them at run time.
let package = Package(
    name: "lifeline",
    products: [
        .executable(name: "lifeline", targets: ["LifelineCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(
            name: "LifelineStorage",
            dependencies: ["CSQLite"]
        ),
        .executableTarget(
            name: "EmbedFilesTool",
            dependencies: ["LifelineStorage"]
        ),
        .plugin(
            name: "EmbedFiles",
            capability: .buildTool(),
            dependencies: ["EmbedFilesTool"]
        ),
        .target(
            name: "LifelineCore"
        ),
        .target(
            name: "Lifeline",
            dependencies: ["LifelineCore", "LifelineStorage"],
            plugins: ["EmbedFiles"]
        ),
        .executableTarget(
            name: "LifelineCLI",
            dependencies: [
                "Lifeline",
                "LifelineCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "LifelineStorageTests",
            dependencies: ["LifelineStorage"]
        ),
        .testTarget(
            name: "LifelineTests",
            dependencies: ["Lifeline", "LifelineCore", "LifelineStorage"]
        ),
        .testTarget(
            name: "LifelineCLITests",
            dependencies: ["LifelineCLI", "Lifeline", "LifelineCore", "LifelineStorage"]
        ),
    ]
)
