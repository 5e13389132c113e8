import Foundation
import Testing

/// SPEC §5–§6 with real processes, real files and real SQLite: a `minqing run` killed with SIGKILL at
/// any moment leaves the database and the previous reports as they were, and a second run on a
/// workspace another run holds exits 75 naming the holder's pid.
@Suite("崩溃安全 crash safety", .serialized)
struct CrashSafetyTests {
    static let month = "2026-10"
    static let reportNames = ["民情月报-2026-10.xlsx", "督办清单-2026-10.xlsx", "民情月报-2026-10.md", "数据问题-2026-10.csv"]

    /// Generated once for the suite: a small baseline month and a much larger changed one.
    private static let inputs: Result<Inputs, any Error> = Result {
        let folder = try TestSupport.temporaryDirectory("crash-inputs")
        let inputs = Inputs(baseline: folder + "/baseline-2026-10.csv", big: folder + "/big-2026-10.csv")
        try EndToEnd.generateDemands(month: month, rows: 3_000, seed: 1, to: inputs.baseline)
        try EndToEnd.generateDemands(month: month, rows: 10_000, seed: 2, badRows: 5, to: inputs.big)
        return inputs
    }

    // MARK: - 1. Killed runs change nothing

    @Test func killedRunsChangeNothing() throws {
        let inputs = try Self.inputs.get()
        let space = try Space("crash-kill")

        // The baseline month, run to completion.
        let baseline = try EndToEnd.run(space.arguments(inputs.baseline), in: space.directory)
        try #require(baseline.status == 0, "baseline run failed: \(baseline.stderr)")
        let baselineFacts = try databaseFacts(space.database)
        try #require(baselineFacts.integrity == "ok", "baseline database: \(baselineFacts.integrity)")
        try #require(baselineFacts.demands > 2_500, "baseline holds only \(baselineFacts.demands) demands")
        let baselineDB = try bytes(space.database)
        let baselineReports = try space.reportBytes()
        try #require(baselineReports.count == Self.reportNames.count)
        // Compared by sha256 (comparing the Data in #expect makes a failure diff megabytes byte by byte).
        let baselineDigest = sha256(space.database)
        let baselineReportDigests = space.reportDigests()
        print("[crash] baseline: \(baselineFacts.demands) demands, \(baselineFacts.ingests) ingest(s); database \(baselineDB.count) bytes sha256 \(baselineDigest); -journal left behind: \(FileManager.default.fileExists(atPath: space.database + "-journal"))")

        // How long the big run takes and when its phases start, on a copy of the baseline workspace.
        let timing = try measure(inputs.big, from: space)
        print("[crash] big run to completion: \(timing)")
        try #require(timing.status == 0, "timing run failed")

        var killsWithDatabaseWritten = 0
        for point in killPoints(timing) {
            try space.restore(database: baselineDB, reports: baselineReports)
            let killed = try runAndKill(space, inputs.big, at: point)
            let label = "kill \(point) (at \(format(killed.killedAt ?? -1)) s, aimed at \(point.aim))"
            print("[crash] \(label): \(killed.describe())")
            if killed.finishedByItself {
                print("[crash] \(label): the run had already finished (exit 0); no assertions for this point")
                continue
            }
            #expect(killed.signalled, "\(label): the run ended by itself with status \(killed.status) before the kill: \(killed.stderr)")

            // Before recovery: with a 1 MB page cache the run writes pages into the database file long
            // before its commit (their originals saved in -journal first), so the file may differ now.
            let afterKill = sha256(space.database)
            let journal = fileSize(space.database + "-journal")
            if afterKill != baselineDigest { killsWithDatabaseWritten += 1 }
            print("[crash] \(label): before recovery the database file is \(afterKill == baselineDigest ? "unchanged" : "changed (\(fileSize(space.database)) bytes)"), -journal \(journal) B")
            // SQLite itself (opening the database rolls the interrupted transaction back): a sound database
            // holding the baseline month.
            let facts = try databaseFacts(space.database)
            #expect(facts.integrity == "ok", "\(label): PRAGMA integrity_check says \(facts.integrity)")
            #expect(facts.demands == baselineFacts.demands, "\(label): \(facts.demands) demands, baseline had \(baselineFacts.demands); phase: \(killed.phase)")
            #expect(facts.ingests == baselineFacts.ingests, "\(label): \(facts.ingests) ingests in the history, baseline had \(baselineFacts.ingests)")
            // After that rollback, the main file is byte for byte the baseline.
            let afterOpen = sha256(space.database)
            #expect(afterOpen == baselineDigest, "\(label): after SQLite opened it, the main database file differs from the baseline (\(baselineDB.count) → \(fileSize(space.database)) bytes); phase: \(killed.phase)")
            // The reports: byte-identical to the baseline.
            let reports = space.reportDigests()
            for name in Self.reportNames {
                #expect(reports[name] == baselineReportDigests[name], "\(label): \(name) differs from the baseline (\(baselineReports[name]?.count ?? -1) → \(fileSize(space.reports + "/" + name)) bytes); phase: \(killed.phase)")
            }
        }
        // The kills must have exercised the rollback: at least one found the database file written.
        #expect(killsWithDatabaseWritten > 0, "no kill found the database file written before the commit: the rollback of a written file was not tested")

        // The big input to completion: new data lands and nothing temporary is left.
        try space.restore(database: baselineDB, reports: baselineReports)
        print("[crash] temporary files the killed runs left in the report folder: \(try space.hiddenReportFiles())")
        let final = try runAndKill(space, inputs.big, at: nil)
        #expect(final.status == 0 && !final.signalled, "the big run after the kills failed with status \(final.status): \(final.stderr)")
        let finalReports = space.reportDigests()
        for name in Self.reportNames {
            #expect(finalReports[name] != "missing" && finalReports[name] != baselineReportDigests[name], "\(name) is unchanged after the big run completed: the new data did not land")
        }
        let finalFacts = try databaseFacts(space.database)
        #expect(finalFacts.integrity == "ok")
        #expect(finalFacts.demands == 10_000, "after the big run: \(finalFacts.demands) demands, not the 10,000 good rows of the big input")
        #expect(finalFacts.ingests == baselineFacts.ingests + 1)

        let hidden = try space.hiddenReportFiles()
        let own = hidden.filter { $0.hasSuffix(".tmp-\(final.pid)") || $0.contains(".tmp-\(final.pid).") }
        let stale = hidden.filter { !own.contains($0) }
        print("[crash] report folder after the final run: \(try space.reportFolderListing())")
        #expect(own.isEmpty, "the successful run left its own temporary files in \(space.reports): \(own)")
        #expect(stale.isEmpty, "stale temporary files from the killed runs remain in \(space.reports) after a successful run (the next run should remove a killed run's temporary files): \(stale)")
    }

    // MARK: - 2. Two concurrent runs

    @Test func secondRunExitsSeventyFiveNamingTheHolder() throws {
        let inputs = try Self.inputs.get()
        let space = try Space("crash-lock")
        let started = Date()
        let a = try Running(space, inputs.big, label: "a")
        defer { if a.process.isRunning { kill(a.process.processIdentifier, SIGKILL); a.process.waitUntilExit() } }
        let lock = space.database + ".lock"

        // Wait until A holds the lock and has written its pid there.
        var holder = ""
        while Date().timeIntervalSince(started) < 10 {
            holder = ((try? String(contentsOfFile: lock, encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if holder == "\(a.pid)" || !a.process.isRunning { break }
            usleep(5_000)
        }
        let lockedAfter = Date().timeIntervalSince(started)
        try #require(holder == "\(a.pid)", "after \(format(lockedAfter)) s \(lock) holds «\(holder)», not run A's pid \(a.pid) (A running: \(a.process.isRunning))")

        let bStarted = Date()
        let b = try EndToEnd.run(space.arguments(inputs.big), in: space.directory)
        let bSeconds = Date().timeIntervalSince(bStarted)
        let aStillRunning = a.process.isRunning
        print("[crash] lock: A (pid \(a.pid)) held the lock after \(format(lockedAfter)) s; B exited \(b.status) in \(format(bSeconds)) s; A still running then: \(aStillRunning); B said: \(b.stderr.trimmingCharacters(in: .whitespacesAndNewlines))")
        #expect(aStillRunning, "run A finished before run B did, so B did not meet a busy workspace")
        #expect(b.status == 75, "run B exited \(b.status), not 75: \(b.stderr)")
        #expect(bSeconds < 5, "run B took \(format(bSeconds)) s to give up")
        #expect(b.stderr.contains("pid \(a.pid)"), "run B's stderr does not name pid \(a.pid): \(b.stderr)")
        #expect(b.stdout.isEmpty, "run B printed a summary: \(b.stdout)")

        // `history` does not wait on a database a run is writing either: 75, naming the run.
        let history = try EndToEnd.run(["history", "--db", space.database], in: space.directory)
        print("[crash] lock: history exited \(history.status) while A ran (A still running: \(a.process.isRunning)): \(history.stderr.trimmingCharacters(in: .whitespacesAndNewlines))")
        if a.process.isRunning {
            #expect(history.status == 75, "history exited \(history.status), not 75: \(history.stderr)")
            #expect(history.stderr.contains("pid \(a.pid)"), "history does not name pid \(a.pid): \(history.stderr)")
        }

        let finishedA = a.wait(timeout: 60)
        print("[crash] lock: A exited \(finishedA.status) after \(format(Date().timeIntervalSince(started))) s")
        #expect(!finishedA.signalled && finishedA.status == 0, "run A exited \(finishedA.status): \(finishedA.stderr)")
        #expect(!space.reportDigests().values.contains("missing"), "run A did not write its three reports")
    }
}

// MARK: - Helpers

private struct Inputs: Sendable {
    let baseline: String
    let big: String
}

/// A temporary workspace: database, report folder and the run's stdout/stderr logs.
private struct Space {
    let directory: String
    var database: String { directory + "/minqing.sqlite" }
    var out: String { directory + "/reports" }
    var reports: String { out + "/" + CrashSafetyTests.month }

    init(_ label: String) throws {
        directory = try TestSupport.temporaryDirectory(label)
    }

    init(directory: String) { self.directory = directory }

    func arguments(_ input: String, logLevel: String = "info") -> [String] {
        [
            "run", "--month", CrashSafetyTests.month, "--seeds", TestSupport.seeds, "--db", database, "--out", out,
            "--log-level", logLevel, input,
        ]
    }

    /// The three reports' bytes, by name (missing ones left out).
    func reportBytes() throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in CrashSafetyTests.reportNames where FileManager.default.fileExists(atPath: reports + "/" + name) {
            result[name] = try bytes(reports + "/" + name)
        }
        return result
    }

    /// The three reports' sha256, by name ("missing" for a missing one).
    func reportDigests() -> [String: String] {
        Dictionary(uniqueKeysWithValues: CrashSafetyTests.reportNames.map { ($0, sha256(reports + "/" + $0)) })
    }

    /// Names in the report folder starting with "." (temporary files).
    func hiddenReportFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: reports).filter { $0.hasPrefix(".") }.sorted()
    }

    func reportFolderListing() throws -> String {
        try FileManager.default.contentsOfDirectory(atPath: reports).sorted().map {
            "\($0) (\(fileSize(reports + "/" + $0)) B)"
        }.joined(separator: ", ")
    }

    /// Puts the baseline database (without a -journal) and reports back; temporary files are left alone.
    func restore(database baseline: Data, reports baselineReports: [String: Data]) throws {
        for suffix in ["-journal", "-wal", "-shm"] where FileManager.default.fileExists(atPath: database + suffix) {
            try FileManager.default.removeItem(atPath: database + suffix)
        }
        if (try? bytes(database)) != baseline { try baseline.write(to: URL(fileURLWithPath: database)) }
        for (name, data) in baselineReports where (try? bytes(reports + "/" + name)) != data {
            try data.write(to: URL(fileURLWithPath: reports + "/" + name))
        }
    }

    /// A copy of this workspace's database and reports in a new temporary directory.
    func copy(_ label: String) throws -> Space {
        let other = Space(directory: try TestSupport.temporaryDirectory(label))
        try FileManager.default.copyItem(atPath: database, toPath: other.database)
        try FileManager.default.createDirectory(atPath: other.out, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: reports, toPath: other.reports)
        return other
    }
}

/// A `minqing run` started in the background, with stdout and stderr going to files.
private final class Running {
    let process = Process()
    let pid: Int32
    let started = Date()
    let stdoutPath: String
    let stderrPath: String

    init(_ space: Space, _ input: String, label: String) throws {
        stdoutPath = space.directory + "/\(label).stdout"
        stderrPath = space.directory + "/\(label).stderr"
        _ = FileManager.default.createFile(atPath: stdoutPath, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: EndToEnd.binary)
        process.arguments = space.arguments(input, logLevel: "debug")
        process.currentDirectoryURL = URL(fileURLWithPath: space.directory)
        // A 1 MB page cache: the run writes into the database file long before its commit, so the
        // kills also test SQLite's rollback of a written file (with the default 128 MB, a month this
        // size is written only at the commit).
        process.environment = ProcessInfo.processInfo.environment.merging(["MINQING_SQLITE_CACHE_MB": "1"]) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle(forWritingAtPath: stdoutPath)
        process.standardError = FileHandle(forWritingAtPath: stderrPath)
        try process.run()
        pid = process.processIdentifier
    }

    var elapsed: TimeInterval { Date().timeIntervalSince(started) }

    /// Waits for the process (SIGKILL after `timeout` seconds) and collects what it did.
    func wait(timeout: TimeInterval) -> Ended {
        while process.isRunning && elapsed < timeout { usleep(2_000) }
        if process.isRunning { kill(pid, SIGKILL) }
        process.waitUntilExit()
        return ended(killedAt: nil)
    }

    func ended(killedAt: TimeInterval?) -> Ended {
        Ended(
            pid: pid, killedAt: killedAt, seconds: elapsed,
            signalled: process.terminationReason == .uncaughtSignal, status: process.terminationStatus,
            stdout: (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "", phase: "")
    }
}

/// How a run ended.
private struct Ended {
    var pid: Int32
    var killedAt: TimeInterval?
    var seconds: TimeInterval
    var signalled: Bool
    var status: Int32
    var stdout: String
    var stderr: String
    /// Where the run was when it was killed: the last stage it logged and its temporary files.
    var phase: String

    var finishedByItself: Bool { !signalled && status == 0 }

    /// The `stage NAME: N.NNN s` lines the run logged at debug level.
    var stages: [String] {
        stderr.split(separator: "\n").compactMap { line in
            guard let range = line.range(of: "stage ") else { return nil }
            return String(line[range.upperBound...])
        }
    }

    func describe() -> String {
        let how = signalled ? "killed by signal \(status)" : "exited \(status) by itself"
        return "\(how) after \(format(seconds)) s; \(phase)"
    }
}

/// Starts `minqing run` on `input` and sends SIGKILL at `point` (or lets it finish when nil).
private func runAndKill(_ space: Space, _ input: String, at point: KillPoint?) throws -> Ended {
    let running = try Running(space, input, label: "run-\(UUID().uuidString.prefix(8))")
    guard let point else { return running.wait(timeout: 60) }
    var from = 0.0
    if let stage = point.afterStage {
        // Wait until the run logs that `stage` is done (or it ends), then count the delay from there.
        while running.process.isRunning && running.elapsed < 60
            && !(((try? String(contentsOfFile: running.stderrPath, encoding: .utf8)) ?? "").contains("stage \(stage)")) {
            usleep(2_000)
        }
        from = running.elapsed
    }
    let remaining = from + point.delay - running.elapsed
    if remaining > 0 { usleep(UInt32(remaining * 1_000_000)) }
    let killedAt = running.elapsed
    kill(running.pid, SIGKILL)
    running.process.waitUntilExit()
    var ended = running.ended(killedAt: killedAt)
    // Where it was: its own temporary files in the report folder, and the last stage it logged.
    let temporary = ((try? space.hiddenReportFiles()) ?? []).filter {
        $0.hasSuffix(".tmp-\(running.pid)") || $0.contains(".tmp-\(running.pid).")
    }
    let inReport = temporary.isEmpty ? "no temporary report files" : "temporary files " + temporary.map { "\($0) (\(fileSize(space.reports + "/" + $0)) B)" }.joined(separator: ", ")
    let journalSize = fileSize(space.database + "-journal")
    ended.phase = "stages done: [\(ended.stages.joined(separator: "; "))]; \(inReport); -journal \(journalSize) B"
    return ended
}

/// Timings of one complete big run, seen from outside by polling the files.
private struct Timing: CustomStringConvertible {
    var status: Int32 = -1
    var total: TimeInterval = 0
    /// The main database file first changed (pages the small page cache could not hold, or the commit).
    var databaseChanged: TimeInterval?
    /// A temporary file of the workbook appeared (it is being saved, late in the report).
    var workbookStarted: TimeInterval?
    /// The Markdown's temporary file appeared (the reports are about to be renamed into place).
    var markdownStarted: TimeInterval?
    var stages: [String] = []

    var description: String {
        func at(_ t: TimeInterval?) -> String { t.map { format($0) + " s" } ?? "not seen" }
        return "exit \(status) after \(format(total)) s; main database file changed at \(at(databaseChanged)), workbook temp appeared at \(at(workbookStarted)), Markdown temp at \(at(markdownStarted)); stages: [\(stages.joined(separator: "; "))]"
    }
}

/// Runs the big input to completion on a copy of `space`, noting when each phase shows on disk.
private func measure(_ input: String, from space: Space) throws -> Timing {
    let copy = try space.copy("crash-timing")
    let original = fileStamp(copy.database)
    let running = try Running(copy, input, label: "timing")
    var timing = Timing()
    while running.process.isRunning {
        let t = running.elapsed
        if timing.databaseChanged == nil, fileStamp(copy.database) != original {
            timing.databaseChanged = t
        }
        let hidden = (try? copy.hiddenReportFiles()) ?? []
        if timing.workbookStarted == nil, hidden.contains(where: { $0.contains(".xlsx.tmp-") }) { timing.workbookStarted = t }
        if timing.markdownStarted == nil, hidden.contains(where: { $0.contains(".md.tmp-") }) { timing.markdownStarted = t }
        usleep(timing.databaseChanged == nil ? 20_000 : 3_000)
        if running.elapsed > 60 { break }
    }
    let ended = running.wait(timeout: 60)
    try? FileManager.default.removeItem(atPath: copy.directory)
    timing.status = ended.signalled ? -1 : ended.status
    timing.total = ended.seconds
    timing.stages = ended.stages
    return timing
}

/// A moment to kill the big run: `delay` seconds after it logs that `afterStage` is done (after its
/// start when nil), and the phase that is meant to fall in.
private struct KillPoint: CustomStringConvertible {
    var afterStage: String?
    var delay: TimeInterval
    var aim: String

    var description: String {
        "\(format(delay)) s after " + (afterStage.map { "stage «\($0)»" } ?? "start")
    }
}

/// Kill points spread over the run: in the ingest, in the middle of the report and near its end. Each
/// waits for the stage before it to be logged (at debug level) and then for half the next stage's
/// duration in the timing run, so a slower or faster machine still lands in the stage aimed at.
private func killPoints(_ timing: Timing) -> [KillPoint] {
    let total = timing.total
    let stages = timing.stages.compactMap { line -> (name: String, seconds: Double)? in
        guard let colon = line.range(of: ": ", options: .backwards),
            let seconds = Double(line[colon.upperBound...].replacingOccurrences(of: " s", with: ""))
        else { return nil }
        return (String(line[..<colon.lowerBound]), seconds)
    }
    // Start-up (config, seeds, opening the database) comes before the first stage.
    let startup = max(0, total - stages.reduce(0) { $0 + $1.seconds })
    func stage(_ prefix: String) -> (name: String, seconds: Double)? { stages.first { $0.name.hasPrefix(prefix) } }
    guard let read = stage("ingest: read"), let finish = stage("ingest: repeat"), let gather = stage("report: gather"),
        let workbook = stage("report: score"), let markdown = stage("report: Markdown")
    else {
        // No stage lines: fractions of the whole run.
        return [0.02, 0.25, 0.45, 0.65, 0.92].map { KillPoint(afterStage: nil, delay: total * $0, aim: "\(Int($0 * 100)) % of the run") }
    }
    return [
        KillPoint(afterStage: nil, delay: 0.1, aim: "start-up / start of the ingest"),
        KillPoint(afterStage: nil, delay: startup + read.seconds * 0.5, aim: "middle of the ingest (read, check, classify, store)"),
        KillPoint(afterStage: read.name, delay: finish.seconds * 0.5, aim: "end of the ingest (repeat demands, corrections, history)"),
        KillPoint(afterStage: gather.name, delay: workbook.seconds * 0.5, aim: "middle of the report (scores and workbook)"),
        KillPoint(afterStage: workbook.name, delay: markdown.seconds * 0.5, aim: "near the end of the report (Markdown and 数据问题)"),
    ]
}

/// What SQLite (a tool the project did not write) says about a database.
private struct DatabaseFacts {
    var integrity: String
    var demands: Int
    var ingests: Int
}

private func databaseFacts(_ path: String) throws -> DatabaseFacts {
    let lines = try sqlite(path, ["PRAGMA integrity_check", "SELECT count(*) FROM demand", "SELECT count(*) FROM ingest"])
    guard lines.count >= 3 else {
        throw EndToEnd.ReadError(message: "unexpected answer from SQLite for \(path): \(lines)")
    }
    return DatabaseFacts(
        integrity: lines.dropLast(2).joined(separator: "\n"), demands: Int(lines[lines.count - 2]) ?? -1,
        ingests: Int(lines[lines.count - 1]) ?? -1)
}

/// Runs SQL statements with the `sqlite3` command-line shell, else Python's sqlite3; the result rows, one a line.
private func sqlite(_ path: String, _ statements: [String]) throws -> [String] {
    let directory = (path as NSString).deletingLastPathComponent
    var result = try EndToEnd.execute(
        "/usr/bin/env", ["sqlite3", "-batch", path] + statements.map { $0 + ";" }, in: directory)
    if result.status != 0 && result.stdout.isEmpty {
        let script = "import sqlite3, sys\nc = sqlite3.connect(sys.argv[1])\nfor s in sys.argv[2:]:\n    for r in c.execute(s):\n        print('|'.join(map(str, r)))\nc.close()\n"
        result = try EndToEnd.execute("/usr/bin/env", ["python3", "-c", script, path] + statements, in: directory)
    }
    guard result.status == 0 else {
        throw EndToEnd.ReadError(message: "SQLite could not read \(path): \(result.stderr)")
    }
    return result.stdout.split(separator: "\n").map(String.init)
}

/// Size and modification time of a file.
private func fileStamp(_ path: String) -> String {
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSinceReferenceDate ?? 0
    return "\(fileSize(path))@\(date)"
}

private func bytes(_ path: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: path))
}

private func fileSize(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? -1
}

/// The sha256 of a file, by `sha256sum` ("missing" when there is no such file).
private func sha256(_ path: String) -> String {
    guard FileManager.default.fileExists(atPath: path) else { return "missing" }
    guard let result = try? EndToEnd.execute("/usr/bin/env", ["sha256sum", path], in: TestSupport.root),
        result.status == 0
    else { return "?" }
    return String(result.stdout.prefix(64))
}

private func format(_ seconds: TimeInterval) -> String { String(format: "%.3f", seconds) }
