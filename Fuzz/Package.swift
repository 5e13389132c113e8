// swift-tools-version:6.1
// libFuzzer harnesses for MinqingKit's CSV reader, date parser and header matcher (issue #5), and its
// .xlsx and .xls readers (issue 12).
// Build and run through scripts/fuzz.sh. The targets only link with `-Xswiftc -sanitize=fuzzer`, which
// brings in libFuzzer. Each has an `@main` type that hands its test to libFuzzer's driver
// (LLVMFuzzerRunDriver, through FuzzSupport's runFuzzer): SwiftPM on Linux links every executable
// with `--defsym main=<Target>_main`, so libFuzzer's own `main` cannot be used. The harnesses reach
// MinqingKit's internal types through `@testable import` (scripts/fuzz.sh builds with -enable-testing).
import PackageDescription

let package = Package(
    name: "minqing-fuzz",
    dependencies: [
        .package(name: "minqing", path: ".."),
    ],
    targets: [
        .target(name: "FuzzSupport"),
        fuzzer("FuzzCSV"),
        fuzzer("FuzzDates"),
        fuzzer("FuzzHeaders"),
        fuzzer("FuzzXLSX"),
        fuzzer("FuzzXLS"),
    ]
)

/// A fuzz target: one source file with `@main` (so SwiftPM compiles it with -parse-as-library).
func fuzzer(_ name: String) -> Target {
    .executableTarget(name: name, dependencies: ["FuzzSupport", .product(name: "MinqingKit", package: "minqing")])
}
