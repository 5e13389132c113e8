import Foundation
import GRDB
import Logging
import Testing
@testable import MinqingKit

@Suite("环境变量 runtime settings")
struct RuntimeSettingsTests {
    /// Environments and the settings read from them.
    @Test(arguments: [
        ([:], 128, nil),
        (["MINQING_SQLITE_CACHE_MB": "64"], 64, nil),
        (["MINQING_SQLITE_CACHE_MB": "1"], 1, nil),
        (["MINQING_SQLITE_CACHE_MB": "4096"], 4096, nil),
        (["MINQING_SQLITE_CACHE_MB": "+32"], 32, nil),
        (["MINQING_SQLITE_CACHE_MB": "0"], 128, nil),
        (["MINQING_SQLITE_CACHE_MB": "4097"], 128, nil),
        (["MINQING_SQLITE_CACHE_MB": "-8"], 128, nil),
        (["MINQING_SQLITE_CACHE_MB": "64MB"], 128, nil),
        (["MINQING_SQLITE_CACHE_MB": " 64"], 128, nil),
        (["MINQING_SQLITE_CACHE_MB": "1.5"], 128, nil),
        (["MINQING_SQLITE_CACHE_MB": ""], 128, nil),
        (["MINQING_LOG_LEVEL": "debug"], 128, "debug"),
        (["MINQING_LOG_LEVEL": "loud", "MINQING_SQLITE_CACHE_MB": "256"], 256, "loud"),
        (["MINQING_LOG_LEVEL": ""], 128, ""),
        (["minqing_sqlite_cache_mb": "64", "MINQING_LOG": "debug"], 128, nil),
    ] as [([String: String], Int, String?)])
    func readFromTheEnvironment(environment: [String: String], cacheMegabytes: Int, logLevelName: String?) {
        let settings = RuntimeSettings(environment: environment)
        #expect(settings == RuntimeSettings(sqliteCacheMegabytes: cacheMegabytes, logLevelName: logLevelName))
    }

    @Test(arguments: [
        ("trace", Logger.Level.trace), ("debug", .debug), ("info", .info), ("notice", .notice),
        ("warning", .warning), ("error", .error), ("critical", .critical), ("DEBUG", .debug), ("Warning", .warning),
    ])
    func logLevelsByName(name: String, level: Logger.Level) {
        #expect(RuntimeSettings.logLevel(named: name) == level)
    }

    @Test(arguments: ["", "loud", "warn", "debug ", "信息"])
    func unknownLogLevels(name: String) {
        #expect(RuntimeSettings.logLevel(named: name) == nil)
    }

    @Test func theDefaultsAreAnEmptyEnvironments() {
        #expect(RuntimeSettings() == RuntimeSettings(environment: [:]))
        #expect(RuntimeSettings().sqliteCacheMegabytes == 128)
    }

    /// The pipeline opens the database with the settings' page cache.
    @Test func theCacheSizeReachesSQLite() throws {
        let directory = try TestSupport.temporaryDirectory("settings")
        let workspace = Workspace(root: directory, seeds: TestSupport.seeds)
        for megabytes in [3, 128] {
            let pipeline = Pipeline(
                workspace: workspace, logger: Logger(label: "test"),
                settings: RuntimeSettings(sqliteCacheMegabytes: megabytes))
            let store = try #require(try pipeline.openStore() as? Store)
            let pages = try store.read { try Int.fetchOne($0, sql: "PRAGMA cache_size") }
            #expect(pages == -megabytes * 1024)
        }
    }
}
