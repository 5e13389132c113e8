import Foundation
import Testing
@testable import MinqingKit

@Suite("WorkerThread")
struct WorkerThreadTests {
    /// The input scanner joins its digest thread on every way out, sometimes twice: the second join
    /// returns at once with the same answer.
    @Test func joiningAgainGivesTheSameResult() throws {
        let worker = WorkerThread { () -> Int in
            usleep(20_000)
            return 42
        }
        #expect(try worker.join() == 42)
        let started = Date()
        #expect(try worker.join() == 42)
        #expect(Date().timeIntervalSince(started) < 1)
    }

    @Test func joiningAgainRethrowsTheError() {
        let worker = WorkerThread { () throws -> Int in
            throw InputRefused(path: "a.csv", message: "输入文件 a.csv 无法读取。")
        }
        for _ in 0..<2 {
            let error = #expect(throws: InputRefused.self) { try worker.join() }
            #expect(error?.path == "a.csv")
        }
    }
}
