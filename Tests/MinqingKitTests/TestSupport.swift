import Foundation
@testable import MinqingKit

/// Paths and helpers shared by the tests.
enum TestSupport {
    /// The package root (…/Tests/MinqingKitTests/TestSupport.swift → …).
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static var seeds: String { root + "/seeds" }
    static var fixtures: String { root + "/Tests/Fixtures" }

    /// A fresh empty directory under the system temp folder.
    static func temporaryDirectory(_ label: String = "test") throws -> String {
        let path = NSTemporaryDirectory() + "minqing-\(label)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes `text` as UTF-8 to `path`.
    static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// The example county's reference data.
    static func reference() throws -> ReferenceData {
        try ReferenceLoader.load(folder: seeds)
    }

    /// A demand input with defaults, for rule tests.
    static func input(
        id: String = "T1", received: String = "2026-10-03", channel: String = "来访", content: String = "路面坑洼",
        status: DemandStatus = .resolved, petitioner: String = "", phone: String = "", headcount: Int = 1,
        township: String = "", village: String = "", domain: String = "", grade: Grade? = nil,
        department: String = "", satisfaction: Satisfaction = .unrated
    ) -> DemandInput {
        DemandInput(
            id: id, received: DateParser.parse(received) ?? DateTimeValue(day: Day(dayNumber: 0), secondsOfDay: nil),
            channel: channel, content: content, status: status, petitioner: petitioner, phone: phone,
            headcount: headcount, township: township, village: village, domain: domain, grade: grade,
            department: department, resolved: nil, satisfaction: satisfaction, sourceFile: "t.csv", sourceLine: 2)
    }
}

/// A value shared between a test's threads.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value { lock.withLock { stored } }

    func mutate(_ body: (inout Value) -> Void) { lock.withLock { body(&stored) } }
}
