// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "minqing",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "minqing", targets: ["minqing"]),
        // Reads .xls workbooks through FreeXL in a process of its own; minqing starts it from beside itself.
        .executable(name: "minqing-xls", targets: ["minqing-xls"]),
        .library(name: "MinqingKit", targets: ["MinqingKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(
            name: "CIsal",
            pkgConfig: "libisal",
            providers: [.apt(["libisal-dev"])]
        ),
        .systemLibrary(
            name: "CZip",
            pkgConfig: "libzip",
            providers: [.apt(["libzip-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CFreeXL",
            pkgConfig: "freexl",
            providers: [.apt(["libfreexl-dev"])]
        ),
        .target(
            name: "CSQLiteSetup",
            linkerSettings: [.linkedLibrary("sqlite3")]
        ),
        .target(
            name: "MinqingKit",
            dependencies: [
                "CSQLiteSetup",
                "CCrypto",
                "CXlsxWriter",
                "CIsal",
                "CZlib",
                "CZip",
                "CLibXML2",
                "CFreeXL",
                "XLSWire",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: [
                // Release builds skip the run-time exclusivity checks on class properties (about 3 % of
                // a large month's time); debug builds, which the tests use, keep them.
                .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
            ]
        ),
        // The frames minqing-xls writes and minqing reads (SPEC §10: FreeXL runs outside minqing).
        .target(name: "XLSWire"),
        .executableTarget(
            name: "minqing-xls",
            dependencies: ["CFreeXL", "XLSWire"]
        ),
        .executableTarget(
            name: "minqing",
            dependencies: [
                "MinqingKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "MinqingKitTests",
            dependencies: ["MinqingKit"]
        ),
    ]
)
