import Foundation
import Testing

/// Runs the built `minqing` binary and reads its outputs with tools the project did not write.
enum EndToEnd {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The built binary: `$MINQING_BIN`, else beside the test bundle, else `.build/debug/minqing`.
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["MINQING_BIN"] { return path }
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("minqing").path
        for candidate in [beside, TestSupport.root + "/.build/debug/minqing"]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        return TestSupport.root + "/.build/debug/minqing"
    }

    /// Runs `minqing` with `arguments` in `directory`.
    static func run(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> Result {
        try execute(binary, arguments, in: directory, environment: environment)
    }

    /// Writes a month of `rows` generated demands (and `badRows` rows with one problem each) to `path`
    /// with scripts/gen_demands.py; 编号 are numbered from `startID`.
    static func generateDemands(month: String, rows: Int, seed: Int, badRows: Int = 0, startID: Int = 1, to path: String) throws {
        let result = try execute(
            "/usr/bin/env",
            [
                "python3", TestSupport.root + "/scripts/gen_demands.py", "--seeds", TestSupport.seeds, "--month", month,
                "--rows", "\(rows)", "--seed", "\(seed)", "--bad-rows", "\(badRows)", "--start-id", "\(startID)",
                "--out", path,
            ], in: TestSupport.root)
        guard result.status == 0 else {
            throw ReadError(message: "gen_demands.py failed (\(result.status)): \(result.stderr)")
        }
    }

    /// Runs any program, capturing stdout and stderr.
    static func execute(
        _ program: String, _ arguments: [String], in directory: String, environment: [String: String] = [:],
        stdin: String? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        if stdin != nil { process.standardInput = input }
        try process.run()
        if let stdin {
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try input.fileHandleForWriting.close()
        }
        let (outData, errData) = drain(out, err)
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Reads a child's two pipes to their ends at once: a child that fills one (64 KB of notices on
    /// stderr) while the other is read to its end would block for ever.
    static func drain(_ out: Pipe, _ err: Pipe) -> (stdout: Data, stderr: Data) {
        let errData = Locked(Data())
        let handle = err.fileHandleForReading
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errData.mutate { $0 = handle.readDataToEndOfFile() }
            drained.signal()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        return (outData, errData.value)
    }

    /// A workbook as openpyxl reads it (see Tests/Fixtures/read_workbook.py).
    struct Workbook {
        let json: [String: Any]

        var sheets: [String] { json["sheets"] as? [String] ?? [] }
        var charts: [String] { json["charts"] as? [String] ?? [] }
        var formulaCount: Int { json["formulas"] as? Int ?? -1 }

        func sheet(_ name: String) -> [String: Any] {
            (json["detail"] as? [String: Any])?[name] as? [String: Any] ?? [:]
        }

        /// The cell values of a sheet, row by row (nil cells as NSNull).
        func rows(_ name: String) -> [[Any]] { sheet(name)["rows"] as? [[Any]] ?? [] }

        /// The header row of a sheet as strings.
        func headers(_ name: String) -> [String] { rows(name).first?.map { "\($0)" } ?? [] }

        /// Row of a sheet whose first cell is `key`, as a dictionary header → value.
        func record(_ name: String, _ key: String) -> [String: Any]? {
            let all = rows(name), header = headers(name)
            guard let row = all.dropFirst().first(where: { ($0.first as? String) == key }) else { return nil }
            return Dictionary(zip(header, row), uniquingKeysWith: { a, _ in a })
        }
    }

    /// Reads a workbook with openpyxl.
    static func readWorkbook(_ path: String) throws -> Workbook {
        let result = try execute(
            "/usr/bin/env", ["python3", TestSupport.fixtures + "/read_workbook.py", path], in: TestSupport.root)
        guard result.status == 0 else {
            throw ReadError(message: "openpyxl could not read \(path) (is openpyxl installed? run scripts/install-deps.sh --test): \(result.stderr)")
        }
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        guard let json = object as? [String: Any] else { throw ReadError(message: "unexpected JSON") }
        return Workbook(json: json)
    }

    struct ReadError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}

/// A number from openpyxl's JSON (Int or Double).
func number(_ value: Any?) -> Double? {
    if let n = value as? NSNumber { return n.doubleValue }
    return nil
}
