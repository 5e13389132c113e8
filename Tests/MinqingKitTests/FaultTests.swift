import Foundation
import GRDB
import Testing
@testable import MinqingKit

/// Faults other than a kill, with the built binary and real files (README "Nothing half-done", SPEC §5):
/// an output folder that cannot be created, writes that fail part-way (a file-size limit, a full
/// tmpfs), and a database of an older schema. Every failed run must leave the database and the
/// previous reports as they were, and say what went wrong.
///
/// CI may run as root, so nothing here relies on permission bits: the output folder is blocked by a
/// regular file, and writes fail through RLIMIT_FSIZE (`ulimit -f`) or a small tmpfs.
@Suite("故障 faults")
struct FaultTests {
    static let month = "2026-10"

    // MARK: - a. The output folder cannot be created

    enum BlockedOutput: String, CaseIterable, Sendable, CustomTestStringConvertible {
        /// `--out DIR/afile/reports` where `DIR/afile` is a regular file.
        case parentIsAFile
        /// `--out DIR/afile`: the output root itself is a regular file.
        case outIsAFile
        /// `--out DIR/reports2` where `reports2/2026-10` is a regular file.
        case monthFolderIsAFile

        var testDescription: String { rawValue }
    }

    @Test(arguments: BlockedOutput.allCases)
    func outputFolderCannotBeCreated(_ blocked: BlockedOutput) throws {
        let space = try FaultSpace.fromBaseline("fault-out-\(blocked.rawValue)")
        let out: String
        switch blocked {
        case .parentIsAFile:
            try TestSupport.write("not a folder\n", to: space.directory + "/afile")
            out = space.directory + "/afile/reports"
        case .outIsAFile:
            try TestSupport.write("not a folder\n", to: space.directory + "/afile")
            out = space.directory + "/afile"
        case .monthFolderIsAFile:
            try FileManager.default.createDirectory(atPath: space.directory + "/reports2", withIntermediateDirectories: true)
            try TestSupport.write("not a folder\n", to: space.directory + "/reports2/" + Self.month)
            out = space.directory + "/reports2"
        }
        let before = try space.state()

        let ran = try FaultHarness.minqing(space.runArguments(out: out, inputs: [try Fixture.corrected.get()]), in: space.directory)
        print("[fault] --out \(blocked.rawValue): \(ran.describe()); said: \(ran.errorLines)")

        // README: 1 when "the database or reports could not be written" (2 is usage/configuration).
        #expect(!ran.signalled && ran.status == 1, "\(blocked): exit \(ran.status), not 1: \(ran.stderr)")
        #expect(ran.stdout.isEmpty, "\(blocked): a summary line was printed: \(ran.stdout)")
        let folder = out + "/" + Self.month
        #expect(ran.errorLines.contains(folder), "\(blocked): the message does not name \(folder): \(ran.errorLines)")
        #expect(ran.errorLines.contains("无法创建输出文件夹"), "\(blocked): no clear Chinese message: \(ran.errorLines)")

        try space.expectUnchanged(since: before, "\(blocked)")
        #expect(!FileManager.default.fileExists(atPath: folder) || blocked == .monthFolderIsAFile)
    }

    /// The database's folder is blocked by a regular file: refused before anything is read.
    @Test func databaseFolderCannotBeUsed() throws {
        let space = try FaultSpace.fromBaseline("fault-db-parent")
        try TestSupport.write("not a folder\n", to: space.directory + "/afile")
        let before = try space.state()
        let database = space.directory + "/afile/minqing.sqlite"
        let ran = try FaultHarness.minqing(
            space.runArguments(database: database, inputs: [try Fixture.corrected.get()]), in: space.directory)
        print("[fault] --db under a regular file: \(ran.describe()); said: \(ran.errorLines)")
        #expect(!ran.signalled && ran.status == 1, "exit \(ran.status), not 1: \(ran.stderr)")
        #expect(ran.errorLines.contains(space.directory + "/afile/minqing.sqlite"), "the message does not name the database: \(ran.errorLines)")
        try space.expectUnchanged(since: before, "db under a file")
    }

    // MARK: - b. A write fails part-way: RLIMIT_FSIZE

    /// Where a file-size limit (`ulimit -f`, in 512-byte blocks) stops a re-run of 2026-10 on the
    /// 800-demand corrected input. The order of writes in a run: the rollback journal from the start of
    /// the ingest (the originals of the pages the run changes, about 430 KB by the end), SQLite's
    /// temporary table of the previous month (`temp.previous`, about 115 KB), the workbook's temporary
    /// file (about 240 KB), the Markdown and CSV, and last the database file itself at the commit (the
    /// six sample months make it 704 KB; it grows to 1.1 MB, and the first page written past the limit
    /// fails). The workbook never meets the limit first: the journal is larger.
    struct SizeLimit: Sendable, CustomTestStringConvertible {
        var blocks: Int
        var phase: String
        /// The last `stage …` line the run should have logged before the failing write ("" = none).
        var lastStage: String
        /// The message names a database or report file (false: a known issue, see below).
        var messageNamesFile: Bool
        /// SIGXFSZ ignored: the write fails with EFBIG and minqing must exit with a message.
        var ignoreSignal: Bool

        var testDescription: String {
            "ulimit -f \(blocks) (\(blocks / 2) KB): fails \(phase), " + (ignoreSignal ? "SIGXFSZ ignored (EFBIG)" : "killed by SIGXFSZ")
        }
    }

    static let sizeLimits: [SizeLimit] = [false, true].flatMap { ignore in
        [
            SizeLimit(
                blocks: 8, phase: "the start of the ingest (the journal's first page)", lastStage: "", messageNamesFile: false,
                ignoreSignal: ignore),
            SizeLimit(
                // Measured window (sh's 512-byte blocks): 600–860.
                blocks: 736, phase: "the ingest's corrections (the journal)", lastStage: "ingest: read, check, classify and store",
                messageNamesFile: false, ignoreSignal: ignore),
            SizeLimit(
                // Measured window: 900–2,200.
                blocks: 1536, phase: "the commit (the database file), after the reports were complete",
                lastStage: "report: Markdown and 数据问题", messageNamesFile: false, ignoreSignal: ignore),
        ]
    }

    @Test(arguments: sizeLimits)
    func writeFailsUnderAFileSizeLimit(_ limit: SizeLimit) throws {
        let space = try FaultSpace.fromBaseline("fault-fsize-\(limit.blocks)-\(limit.ignoreSignal)")
        let before = try space.state()
        let input = try Fixture.corrected.get()
        let ran = try FaultHarness.minqing(
            space.runArguments(inputs: [input]), in: space.directory, fileSizeBlocks: limit.blocks,
            ignoreSIGXFSZ: limit.ignoreSignal)
        let left = space.hiddenReportFiles()
        print("[fault] \(limit.testDescription): \(ran.describe()); stages: \(ran.stages); said: \(ran.errorLines); left in the report folder: \(left); -journal left: \(FileManager.default.fileExists(atPath: space.database + "-journal"))")

        if limit.ignoreSignal {
            #expect(!ran.signalled && ran.status == 1, "\(limit.testDescription): exit \(ran.status) (signalled: \(ran.signalled)), not 1: \(ran.stderr)")
            #expect(!ran.errorLines.isEmpty, "\(limit.testDescription): no error message")
            #expect(ran.stdout.isEmpty, "\(limit.testDescription): a summary line was printed: \(ran.stdout)")
            #expect(left.isEmpty, "\(limit.testDescription): the failed run left its temporary files: \(left)")
            if limit.messageNamesFile {
                #expect(
                    ran.errorLines.contains(space.database) || ran.errorLines.contains(space.reports),
                    "\(limit.testDescription): the message names neither the database nor the report folder: \(ran.errorLines)")
            } else {
                // An SQLite error inside the run's transaction (EFBIG, a full disk) names the database
                // and the cause in Chinese.
                #expect(
                    ran.errorLines.contains(space.database) && ran.errorLines.contains("数据库"),
                    "\(limit.testDescription): the message names no database: \(ran.errorLines)")
            }
        } else {
            #expect(ran.signalled && ran.status == SIGXFSZ, "\(limit.testDescription): exit \(ran.status) (signalled: \(ran.signalled)), not killed by SIGXFSZ: \(ran.stderr)")
        }
        // The limit stopped the run where this case means it to (sizes drifting would move it).
        #expect(ran.stages.last ?? "" == limit.lastStage, "\(limit.testDescription): the run stopped after stage «\(ran.stages.last ?? "")», not «\(limit.lastStage)»; stages: \(ran.stages)")

        try space.expectUnchanged(since: before, limit.testDescription)

        // A run killed at the commit leaves its complete temporary reports: the next run removes them.
        if limit.blocks == 1536 && !limit.ignoreSignal {
            #expect(!left.isEmpty, "the run killed at its commit left no temporary reports (it was meant to fail after writing them)")
            let next = try FaultHarness.minqing(space.runArguments(inputs: [input]), in: space.directory)
            #expect(!next.signalled && next.status == 0, "the next run failed: \(next.describe()) \(next.stderr)")
            #expect(space.hiddenReportFiles().isEmpty, "temporary files remain after the next successful run: \(space.hiddenReportFiles())")
            #expect(!FileManager.default.fileExists(atPath: space.database + "-journal"), "a -journal remains after the next successful run")
            let after = try space.state()
            #expect(after.facts.monthIngests == before.facts.monthIngests + 1)
            #expect(after.facts.monthDemands == 800)
            for name in FaultHarness.reportNames(Self.month) {
                #expect(after.digests[space.reports + "/" + name] != before.digests[space.reports + "/" + name], "\(name) did not change after the successful run")
            }
        }
    }

    // MARK: - b'. A really full disk (tmpfs), when this machine lets the test mount one

    @Test(.enabled(if: FaultHarness.canMountTmpfs, "needs root and permission to mount a tmpfs"))
    func outputFolderOnAFullDisk() throws {
        let space = try FaultSpace.fromBaseline("fault-tmpfs-out")
        let mountPoint = space.directory + "/full"
        try FaultHarness.mountTmpfs(at: mountPoint, size: "1m")
        defer { FaultHarness.unmount(mountPoint) }
        // The previous reports of the month live on the small disk.
        let out = mountPoint + "/reports"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: space.reports, toPath: out + "/" + Self.month)
        let reports = out + "/" + Self.month
        let filler = try FaultHarness.fill(mountPoint, leaving: 96 * 1024)
        let before = try space.state(reports: reports)
        print("[fault] tmpfs output: \(FaultHarness.freeBytes(mountPoint)) bytes free before the run")

        let input = try Fixture.corrected.get()
        let ran = try FaultHarness.minqing(space.runArguments(out: out, inputs: [input]), in: space.directory)
        let left = FaultHarness.hiddenFiles(reports)
        print("[fault] tmpfs output full: \(ran.describe()); stages: \(ran.stages); said: \(ran.errorLines); left: \(left)")
        #expect(!ran.signalled && ran.status == 1, "exit \(ran.status), not 1: \(ran.stderr)")
        #expect(ran.errorLines.contains("磁盘已满"), "the message does not say the disk is full: \(ran.errorLines)")
        #expect(left.isEmpty, "temporary files left on the full disk: \(left)")
        try space.expectUnchanged(since: before, "tmpfs output", reports: reports)

        // Room again: the same run goes through.
        try FileManager.default.removeItem(atPath: filler)
        let next = try FaultHarness.minqing(space.runArguments(out: out, inputs: [input]), in: space.directory)
        #expect(!next.signalled && next.status == 0, "the run after freeing space failed: \(next.stderr)")
        #expect(FaultHarness.hiddenFiles(reports).isEmpty)
        let after = try space.state(reports: reports)
        #expect(after.facts.monthIngests == before.facts.monthIngests + 1)
    }

    @Test(.enabled(if: FaultHarness.canMountTmpfs, "needs root and permission to mount a tmpfs"))
    func databaseOnAFullDisk() throws {
        let space = try FaultSpace.fromBaseline("fault-tmpfs-db")
        let mountPoint = space.directory + "/full"
        try FaultHarness.mountTmpfs(at: mountPoint, size: "1m")
        defer { FaultHarness.unmount(mountPoint) }
        let database = mountPoint + "/minqing.sqlite"
        try FileManager.default.copyItem(atPath: space.database, toPath: database)
        _ = try FaultHarness.fill(mountPoint, leaving: 96 * 1024)
        let before = try space.state(database: database)

        let ran = try FaultHarness.minqing(
            space.runArguments(database: database, inputs: [try Fixture.corrected.get()]), in: space.directory)
        let left = space.hiddenReportFiles()
        print("[fault] tmpfs database full: \(ran.describe()); stages: \(ran.stages); said: \(ran.errorLines); left: \(left)")
        #expect(!ran.signalled && ran.status == 1, "exit \(ran.status), not 1: \(ran.stderr)")
        #expect(ran.stdout.isEmpty)
        #expect(left.isEmpty, "temporary report files left: \(left)")
        #expect(ran.errorLines.contains(database) && ran.errorLines.contains("磁盘已满"), "the message names neither the database nor a full disk: \(ran.errorLines)")
        try space.expectUnchanged(since: before, "tmpfs database", database: database)
    }

    // MARK: - c. A database of an older schema is migrated

    enum OlderDatabase: String, CaseIterable, Sendable, CustomTestStringConvertible {
        /// A 0-byte file: SQLite's empty database, no migration applied.
        case emptyFile
        /// GRDB's `grdb_migrations` table with no rows (rollback journal, 4 KB pages: SQLite's defaults).
        case migrationsTableOnly
        /// The v1 schema as an earlier minqing wrote it, before 16 KB pages (4 KB pages), no data.
        case v1WithSmallPages
        /// The v1 schema in WAL mode, as minqing wrote it before the rollback journal, with a committed
        /// 2026-08 ingest still in the `-wal` file (not yet folded into the database).
        case v1InWALMode

        var testDescription: String { rawValue }
    }

    @Test(arguments: OlderDatabase.allCases)
    func olderSchemaIsMigrated(_ older: OlderDatabase) throws {
        let directory = try TestSupport.temporaryDirectory("fault-schema-\(older.rawValue)")
        let database = directory + "/minqing.sqlite"
        switch older {
        case .emptyFile:
            try Data().write(to: URL(fileURLWithPath: database))
        case .migrationsTableOnly, .v1WithSmallPages:
            var configuration = Configuration()
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA page_size = 4096") }
            let queue = try DatabaseQueue(path: database, configuration: configuration)
            try queue.write { db in
                try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
                if older == .v1WithSmallPages {
                    try db.execute(sql: Schema.v1)
                    try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v1-demands')")
                }
            }
            try queue.close()
        case .v1InWALMode:
            // Written elsewhere and copied with its -wal while still open, so the ingest stays in the WAL.
            let scratch = directory + "/scratch.sqlite"
            var configuration = Configuration()
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0")
            }
            let queue = try DatabaseQueue(path: scratch, configuration: configuration)
            try queue.write { db in
                try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
                try db.execute(sql: Schema.v1)
                try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v1-demands')")
            }
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO ingest (month, command, started_at, finished_at, accepted, rejected, notices, added,
                        changed, removed, late_updates, config_digest, seeds_digest)
                    VALUES ('2026-08', 'run', 't', 't', 0, 0, 0, 0, 0, 0, 0, '', '')
                    """)
            }
            for suffix in ["", "-wal"] {
                try FileManager.default.copyItem(atPath: scratch + suffix, toPath: database + suffix)
            }
            #expect(try FileManager.default.attributesOfItem(atPath: database + "-wal")[.size] as? Int ?? 0 > 0)
            try queue.close()
        }
        let beforeTables = try FaultHarness.sqlite(database, ["SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"])

        let ran = try FaultHarness.minqing(
            ["run", "--month", Self.month, "--seeds", TestSupport.seeds, "--db", database, "--out", directory + "/reports"]
                + Fixture.sample10, in: directory)
        print("[fault] older schema \(older.rawValue) (tables before: \(beforeTables)): \(ran.describe())")
        #expect(!ran.signalled && ran.status == 0, "\(older): exit \(ran.status): \(ran.stderr)")

        let tables = try FaultHarness.sqlite(database, ["SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"])
        for table in ["correction", "demand", "grdb_migrations", "ingest", "ingest_file", "late_update", "problem", "term_profile"] {
            #expect(tables.contains(table), "\(older): table \(table) missing after the run; tables: \(tables)")
        }
        let facts = try FaultHarness.sqlite(database, [
            "PRAGMA integrity_check", "SELECT group_concat(identifier) FROM grdb_migrations",
            "SELECT count(*) FROM ingest WHERE month = '\(Self.month)'", "PRAGMA journal_mode",
        ])
        #expect(facts == ["ok", "v1-demands,v2-deadline-type-resolution,v3-settled-month,v4-problem-place,v5-term-profile,v6-month-figures", "1", "delete"], "\(older): integrity, migrations, ingests, journal mode: \(facts)")
        #expect(!FileManager.default.fileExists(atPath: database + "-wal"), "\(older): a -wal file is left")
        if older == .v1InWALMode {
            let august = try FaultHarness.sqlite(database, ["SELECT count(*) FROM ingest WHERE month = '2026-08'"])
            #expect(august == ["1"], "the 2026-08 ingest that was in the WAL is gone: \(august)")
        }

        // The migrated database gives the very bytes a brand-new database gives — but for the bulletin of
        // the database that holds an (empty) 2026-08 ingest, whose 近12个月 shows August: 0 demands where
        // a new database shows —.
        let reference = try Fixture.freshReference.get()
        if older == .v1InWALMode {
            let markdown = try String(
                contentsOfFile: directory + "/reports/\(Self.month)/民情月报-\(Self.month).md", encoding: .utf8)
            #expect(markdown.contains("| 2026-08 | 0 | 0 | 0 | — | — | — | 0 |"))
            #expect(markdown.contains("| 2026-07 | — | — | — | — | — | — | — |"))
        }
        for name in FaultHarness.reportNames(Self.month) where older != .v1InWALMode || !name.hasPrefix("民情月报") {
            let path = directory + "/reports/\(Self.month)/" + name
            #expect(FaultHarness.sha256([path])[path] == reference[name], "\(older): \(name) differs from a run on a new database")
        }
    }
}

// MARK: - Fixtures

private enum Fixture {
    /// The sample half year 2026-05 … 2026-10 (SampleData/README.md), each month's files.
    static let sampleMonths = LateStatusTests.months
    /// October's files: 110 + 24 demands, late rows of July, August and September, 2 补录 of September.
    static let sample10 = sampleMonths.last!.files

    /// A workspace holding the sample months 2026-05 … 2026-10, each run to completion in order (a
    /// template every test copies).
    static let baseline: Result<String, any Error> = Result {
        let directory = try TestSupport.temporaryDirectory("fault-baseline")
        for (month, inputs) in sampleMonths {
            let ran = try FaultHarness.minqing(
                ["run", "--month", month, "--seeds", TestSupport.seeds, "--db", directory + "/minqing.sqlite", "--out", directory + "/reports"]
                    + inputs, in: directory)
            guard ran.status == 0 && !ran.signalled else {
                throw EndToEnd.ReadError(message: "baseline run of \(month) failed: \(ran.describe()) \(ran.stderr)")
            }
        }
        return directory
    }

    /// A different 2026-10: 800 generated demands with 编号 of their own, so a completed run would
    /// replace the month (remove the sample's 134 demands, add 800) and change every report.
    static let corrected: Result<String, any Error> = Result {
        let path = try TestSupport.temporaryDirectory("fault-inputs") + "/corrected-2026-10.csv"
        try EndToEnd.generateDemands(month: FaultTests.month, rows: 800, seed: 3, startID: 7001, to: path)
        return path
    }

    /// The sha256 of the 2026-10 sample month's reports on a brand-new database.
    static let freshReference: Result<[String: String], any Error> = Result {
        let directory = try TestSupport.temporaryDirectory("fault-fresh")
        let ran = try FaultHarness.minqing(
            ["run", "--month", FaultTests.month, "--seeds", TestSupport.seeds, "--db", directory + "/minqing.sqlite",
             "--out", directory + "/reports"] + sample10, in: directory)
        guard ran.status == 0 && !ran.signalled else {
            throw EndToEnd.ReadError(message: "reference run failed: \(ran.describe()) \(ran.stderr)")
        }
        let paths = FaultHarness.reportNames(FaultTests.month).map { directory + "/reports/\(FaultTests.month)/" + $0 }
        let digests = FaultHarness.sha256(paths)
        return Dictionary(uniqueKeysWithValues: FaultHarness.reportNames(FaultTests.month).map { name in
            (name, digests[directory + "/reports/\(FaultTests.month)/" + name] ?? "missing")
        })
    }
}

/// A copy of the baseline workspace: database and both months' reports.
private struct FaultSpace {
    let directory: String
    var database: String { directory + "/minqing.sqlite" }
    var out: String { directory + "/reports" }
    var reports: String { out + "/" + FaultTests.month }

    static func fromBaseline(_ label: String) throws -> FaultSpace {
        let baseline = try Fixture.baseline.get()
        let space = FaultSpace(directory: try TestSupport.temporaryDirectory(label))
        try FileManager.default.copyItem(atPath: baseline + "/minqing.sqlite", toPath: space.database)
        try FileManager.default.copyItem(atPath: baseline + "/reports", toPath: space.out)
        return space
    }

    func runArguments(out: String? = nil, database: String? = nil, inputs: [String]) -> [String] {
        [
            "run", "--month", FaultTests.month, "--seeds", TestSupport.seeds, "--db", database ?? self.database,
            "--out", out ?? self.out, "--log-level", "debug",
        ] + inputs
    }

    func hiddenReportFiles() -> [String] { FaultHarness.hiddenFiles(reports) }

    /// What must not change: the database file, both months' reports, the report folder's listing,
    /// SQLite's view of the month and `minqing history`.
    struct State {
        var digests: [String: String]
        var listing: [String]
        var facts: FaultHarness.Facts
        var history: String
        /// A `-journal` still beside the database after SQLite opened it: one whose header was never
        /// completed is not "hot" and is ignored, and the next run's first write removes it.
        var journalLeft: Bool
    }

    func state(database: String? = nil, reports: String? = nil) throws -> State {
        let database = database ?? self.database
        let reports = reports ?? self.reports
        let september = out + "/2026-09"
        let files = [database] + FaultHarness.reportNames(FaultTests.month).map { reports + "/" + $0 }
            + FaultHarness.reportNames("2026-09").map { september + "/" + $0 }
        // SQLite first: opening the database rolls back a transaction a failed or killed run left in
        // `-journal`, which must make the file exactly what it was; then the digests.
        let facts = try FaultHarness.facts(database)
        let journalLeft = FileManager.default.fileExists(atPath: database + "-journal")
        let digests = FaultHarness.sha256(files)
        let listing = ((try? FileManager.default.contentsOfDirectory(atPath: reports)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        let history = try FaultHarness.minqing(["history", "--db", database], in: directory)
        return State(digests: digests, listing: listing, facts: facts, history: history.stdout, journalLeft: journalLeft)
    }

    /// Checks that the database and the reports are as `before` (SQLite sound, month unchanged).
    func expectUnchanged(
        since before: State, _ label: String, database: String? = nil, reports: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let after = try state(database: database, reports: reports)
        for (path, digest) in before.digests.sorted(by: { $0.key < $1.key }) {
            #expect(after.digests[path] == digest, "\(label): \(path) changed (\(digest.prefix(12)) → \(after.digests[path]?.prefix(12) ?? "missing"))", sourceLocation: sourceLocation)
        }
        #expect(after.listing == before.listing, "\(label): the report folder now holds \(after.listing), before \(before.listing)", sourceLocation: sourceLocation)
        #expect(after.facts.integrity == "ok", "\(label): PRAGMA integrity_check says \(after.facts.integrity)", sourceLocation: sourceLocation)
        #expect(after.facts == before.facts, "\(label): the database's month changed: \(before.facts) → \(after.facts)", sourceLocation: sourceLocation)
        #expect(after.history == before.history, "\(label): minqing history changed:\n\(before.history)\n→\n\(after.history)", sourceLocation: sourceLocation)
    }
}

// MARK: - Helpers

enum FaultHarness {
    static func reportNames(_ month: String) -> [String] {
        ["民情月报-\(month).xlsx", "督办清单-\(month).xlsx", "民情月报-\(month).md", "数据问题-\(month).csv"]
    }

    /// How a run ended.
    struct Ran {
        var status: Int32
        var signalled: Bool
        var stdout: String
        var stderr: String
        var seconds: TimeInterval

        /// The `stage NAME` names the run logged at debug level.
        var stages: [String] {
            stderr.split(separator: "\n").compactMap { line in
                guard let start = line.range(of: "stage "), let end = line.range(of: ": ", options: .backwards),
                    start.upperBound <= end.lowerBound
                else { return nil }
                return String(line[start.upperBound..<end.lowerBound])
            }
        }

        /// The `error` lines on stderr.
        var errorLines: String {
            stderr.split(separator: "\n").filter { $0.contains(" error ") || $0.hasPrefix("Error") || $0.hasPrefix("错误") }
                .joined(separator: "\n")
        }

        func describe() -> String {
            (signalled ? "killed by signal \(status)" : "exit \(status)") + String(format: " after %.2f s", seconds)
        }
    }

    /// Runs the built `minqing`, optionally under `ulimit -f BLOCKS`: a write past the limit kills the
    /// process with SIGXFSZ, or, with `ignoreSIGXFSZ`, fails with EFBIG. stdout and stderr go through
    /// pipes, which the file-size limit does not apply to.
    static func minqing(
        _ arguments: [String], in directory: String, fileSizeBlocks: Int? = nil, ignoreSIGXFSZ: Bool = false
    ) throws -> Ran {
        let process = Process()
        if let blocks = fileSizeBlocks {
            // The signal's disposition is set explicitly (GNU env ≥ 8.31): the test runner may have SIGXFSZ
            // ignored already, which a child inherits and which `sh` cannot reset (`trap - XFSZ`).
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [
                ignoreSIGXFSZ ? "--ignore-signal=XFSZ" : "--default-signal=XFSZ", "sh", "-c",
                "ulimit -c 0; ulimit -f \(blocks); exec \"$0\" \"$@\"", EndToEnd.binary,
            ] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: EndToEnd.binary)
            process.arguments = arguments
        }
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["MINQING_LOG_LEVEL"] = nil
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let started = Date()
        try process.run()
        let (outData, errData) = EndToEnd.drain(out, err)
        process.waitUntilExit()
        return Ran(
            status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
            stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
            seconds: Date().timeIntervalSince(started))
    }

    /// sha256 of each file by `sha256sum` ("missing" for a file that does not exist).
    static func sha256(_ paths: [String]) -> [String: String] {
        var result: [String: String] = [:]
        let present = paths.filter { FileManager.default.fileExists(atPath: $0) }
        for path in paths where !present.contains(path) { result[path] = "missing" }
        guard !present.isEmpty else { return result }
        // One path per call keeps the parsing trivial for paths with spaces or CJK characters.
        for path in present {
            let answer = try? EndToEnd.execute("/usr/bin/env", ["sha256sum", "-b", path], in: TestSupport.root)
            result[path] = answer.map { String($0.stdout.prefix(64)) } ?? "?"
        }
        return result
    }

    /// Result rows of SQL statements, by Python's sqlite3 (a reader the project did not write).
    static func sqlite(_ path: String, _ statements: [String]) throws -> [String] {
        let script = "import sqlite3, sys\nc = sqlite3.connect(sys.argv[1])\nfor s in sys.argv[2:]:\n    for r in c.execute(s):\n        print('|'.join(map(str, r)))\nc.close()\n"
        let result = try EndToEnd.execute("/usr/bin/env", ["python3", "-c", script, path] + statements, in: TestSupport.root)
        guard result.status == 0 else {
            throw EndToEnd.ReadError(message: "SQLite could not read \(path): \(result.stderr)")
        }
        return result.stdout.split(separator: "\n").map(String.init)
    }

    struct Facts: Equatable, CustomStringConvertible {
        var integrity: String
        var monthIngests: Int
        var monthDemands: Int
        var description: String { "integrity \(integrity), \(monthIngests) ingest(s) and \(monthDemands) demands in \(FaultTests.month)" }
    }

    static func facts(_ database: String) throws -> Facts {
        let rows = try sqlite(database, [
            "PRAGMA integrity_check", "SELECT count(*) FROM ingest WHERE month = '\(FaultTests.month)'",
            "SELECT count(*) FROM demand WHERE month = '\(FaultTests.month)'",
        ])
        guard rows.count >= 3 else { throw EndToEnd.ReadError(message: "unexpected answer from SQLite: \(rows)") }
        return Facts(
            integrity: rows.dropLast(2).joined(separator: "\n"), monthIngests: Int(rows[rows.count - 2]) ?? -1,
            monthDemands: Int(rows[rows.count - 1]) ?? -1)
    }

    /// Names starting with "." in a folder (the runs' temporary files).
    static func hiddenFiles(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix(".") }.sorted()
    }

    // MARK: tmpfs

    /// Root, and a tmpfs can be mounted (and unmounted) here: not in an unprivileged container.
    static let canMountTmpfs: Bool = {
        guard geteuid() == 0, let directory = try? TestSupport.temporaryDirectory("fault-mount-probe") else { return false }
        defer { try? FileManager.default.removeItem(atPath: directory) }
        guard (try? mountTmpfs(at: directory, size: "64k")) != nil else { return false }
        unmount(directory)
        return true
    }()

    static func mountTmpfs(at path: String, size: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let result = try EndToEnd.execute(
            "/usr/bin/env", ["mount", "-t", "tmpfs", "-o", "size=\(size)", "tmpfs", path], in: "/")
        guard result.status == 0 else {
            throw EndToEnd.ReadError(message: "mount tmpfs on \(path) failed: \(result.stderr)")
        }
    }

    static func unmount(_ path: String) {
        let result = try? EndToEnd.execute("/usr/bin/env", ["umount", path], in: "/")
        if result?.status != 0 { _ = try? EndToEnd.execute("/usr/bin/env", ["umount", "-l", path], in: "/") }
    }

    static func freeBytes(_ path: String) -> Int {
        var stats = statvfs()
        guard statvfs(path, &stats) == 0 else { return -1 }
        return Int(stats.f_bavail) * Int(stats.f_frsize)
    }

    /// Writes a filler file so that only about `leaving` bytes stay free; returns its path.
    static func fill(_ mountPoint: String, leaving: Int) throws -> String {
        let path = mountPoint + "/filler"
        let size = max(0, freeBytes(mountPoint) - leaving)
        try Data(count: size).write(to: URL(fileURLWithPath: path))
        return path
    }
}
