import Foundation
import Testing
@testable import MinqingKit

@Suite("工作区 init and history")
struct WorkspaceTests {
    @Test func embeddedSeedsAreTheShippedFiles() throws {
        for (name, text) in ExampleSeeds.files {
            let file = try String(contentsOfFile: TestSupport.seeds + "/" + name, encoding: .utf8)
            #expect(text + "\n" == file, "\(name): run scripts/embed_resources.sh")
        }
    }

    @Test func configTemplateParsesToTheDefaults() throws {
        #expect(try ConfigLoader.parse(ConfigTemplate.text, path: "minqing.toml") == MinqingConfig())
    }

    @Test func initWritesAWorkingWorkspaceAndNeverOverwrites() throws {
        let directory = try TestSupport.temporaryDirectory("init") + "/new"
        let written = try WorkspaceInitializer.create(at: directory)
        #expect(written.count == 7)
        let reference = try ReferenceLoader.load(folder: directory + "/seeds")
        #expect(reference.places.count == (try TestSupport.reference()).places.count)
        try TestSupport.write("county = \"改过的\"\n", to: directory + "/minqing.toml")
        #expect(throws: WorkspaceExists.self) { try WorkspaceInitializer.create(at: directory) }
        let kept = try String(contentsOfFile: directory + "/minqing.toml", encoding: .utf8)
        #expect(kept == "county = \"改过的\"\n")
    }

    @Test func initThenRunFromTheCommandLine() throws {
        let directory = try TestSupport.temporaryDirectory("init-run")
        let initialised = try EndToEnd.run(["init", "ws"], in: directory)
        #expect(initialised.status == 0)
        let again = try EndToEnd.run(["init", "ws"], in: directory)
        #expect(again.status == 2)
        #expect(again.stderr.contains("未做任何更改"))
        let run = try EndToEnd.run(
            ["run", "--month", "2026-10", TestSupport.fixtures + "/e2e/small-2026-10.csv"], in: directory + "/ws")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: directory + "/ws/reports/2026-10/民情月报-2026-10.xlsx"))
    }
}
