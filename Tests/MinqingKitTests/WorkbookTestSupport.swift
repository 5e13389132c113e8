import Foundation
import Testing
@testable import MinqingKit

/// One row as a workbook source gives it.
struct WorkbookRow: Equatable, CustomStringConvertible {
    var number: Int
    var cells: [String]
    var description: String { "\(number): \(cells)" }
}

enum WorkbookFixtures {
    /// The committed fixtures (Tests/Fixtures/forms, written by make-fixtures.py).
    static func committed(_ name: String) -> String { TestSupport.fixtures + "/forms/" + name }

    /// The workbooks make_workbooks.py writes with openpyxl and zipfile (hostile ones included), made once
    /// per test run. Fails loudly, never skips, when python3 or openpyxl is missing.
    static let generated: Result<String, WorkbookFixtureFailure> = {
        do {
            let directory = try TestSupport.temporaryDirectory("workbooks")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", TestSupport.fixtures + "/forms/make_workbooks.py", directory, "--hostile"]
            let err = Pipe()
            process.standardError = err
            try process.run()
            let message = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                return .failure(WorkbookFixtureFailure(description: "make_workbooks.py failed (these tests need python3 "
                    + "with openpyxl): " + String(decoding: message, as: UTF8.self)))
            }
            return .success(directory)
        } catch {
            return .failure(WorkbookFixtureFailure(description: "cannot run python3: \(error)"))
        }
    }()

    static func generated(_ name: String) throws -> String { try generated.get() + "/" + name }

    /// Every row of a source, with the number each row has.
    static func rows(_ source: TableSource) throws -> [WorkbookRow] {
        var rows: [WorkbookRow] = []
        while try source.nextRow() {
            rows.append(WorkbookRow(number: source.rowNumber, cells: (0..<source.fieldCount).map(source.field)))
        }
        return rows
    }

    /// The refusal that reading `open()` and all its rows throws, and the seconds it took.
    static func refusal(_ open: () throws -> TableSource) -> (refused: InputRefused?, seconds: Double) {
        let start = Date()
        var refused: InputRefused?
        do {
            _ = try rows(try open())
        } catch let error as InputRefused {
            refused = error
        } catch {
            Issue.record("expected InputRefused, got \(error)")
        }
        return (refused, Date().timeIntervalSince(start))
    }
}

struct WorkbookFixtureFailure: Error, CustomStringConvertible {
    let description: String
}
