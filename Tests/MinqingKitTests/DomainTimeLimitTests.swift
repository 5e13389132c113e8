import Foundation
import Testing
@testable import MinqingKit

/// domains.csv's optional 4th column 办理时限 (SPEC §8): whole days, blank = the grade's limit.
@Suite("领域办理时限 domains.csv 办理时限")
struct DomainTimeLimitTests {
    @Test(arguments: [
        ("", nil), ("15", 15), ("1", 1), ("3650", 3650), ("０７", 7), ("30", 30),
    ] as [(String, Int?)])
    func acceptedValues(text: String, days: Int?) throws {
        #expect(try ReferenceLoader.domainTimeLimit(text, domain: "供水", path: "/s/domains.csv", line: 4) == days)
    }

    @Test(arguments: ["0", "-5", "+5", "7.5", "十五", "15天", "3651", "99999999999999999999"])
    func refusedValues(text: String) {
        #expect(throws: ReferenceError(
            path: "/s/domains.csv", line: 4,
            message: "领域「供水」的办理时限「\(text)」无效，应为 1 到 3650 之间的整数天数（如 15）；不填则按等级的时限。")) {
            try ReferenceLoader.domainTimeLimit(text, domain: "供水", path: "/s/domains.csv", line: 4)
        }
    }

    @Test func shippedDomainsHaveNoLimits() throws {
        let reference = try TestSupport.reference()
        #expect(reference.domains.count == 19)
        #expect(reference.domains.allSatisfy { $0.timeLimitDays == nil })
    }

    @Test func fourthColumnIsRead() throws {
        let directory = try TestSupport.temporaryDirectory("domains")
        try FileManager.default.copyItem(atPath: TestSupport.seeds, toPath: directory + "/seeds")
        try TestSupport.write(
            "领域,主管部门,关键词,办理时限\n供水,县供水有限公司,停水|水压,3\n村务管理,,村务公开,\n",
            to: directory + "/seeds/domains.csv")
        let reference = try ReferenceLoader.load(folder: directory + "/seeds")
        #expect(reference.domains.map(\.name) == ["供水", "村务管理"])
        #expect(reference.domainByName["供水"]?.timeLimitDays == 3)
        #expect(reference.domainByName["供水"]?.keywords == ["停水", "水压"])
        #expect(reference.domainByName["村务管理"]?.timeLimitDays == nil)
    }

    @Test func badValueNamesFileLineAndValue() throws {
        let directory = try TestSupport.temporaryDirectory("domains")
        try FileManager.default.copyItem(atPath: TestSupport.seeds, toPath: directory + "/seeds")
        try TestSupport.write(
            "领域,主管部门,关键词,办理时限\n供水,县供水有限公司,停水,15\n村务管理,,村务公开,半个月\n",
            to: directory + "/seeds/domains.csv")
        do {
            _ = try ReferenceLoader.load(folder: directory + "/seeds")
            Issue.record("accepted 半个月")
        } catch let error as ReferenceError {
            #expect(error.description
                == "基础数据 domains.csv 第 3 行：领域「村务管理」的办理时限「半个月」无效，应为 1 到 3650 之间的整数天数（如 15）；不填则按等级的时限。")
        }
    }
}
