import Foundation
import Testing
import XLSWire
@testable import MinqingKit

/// The .xls reader runs in a process of its own (minqing-xls): whatever that process does — crash, hang,
/// exit badly, write frames that break the protocol — minqing refuses the one file with a sentence, in
/// bounded time, and goes on living.
@Suite struct XLSReaderIsolationTests {
    /// Frames as minqing-xls writes them.
    struct Frames {
        var bytes: [UInt8] = []
        mutating func u8(_ v: UInt8) { bytes.append(v) }
        mutating func u16(_ v: UInt16) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
        mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
        mutating func text(_ s: String) { u32(UInt32(s.utf8.count)); bytes += s.utf8 }
        mutating func begin(rows: UInt32 = 3, columns: UInt16 = 2, selected: Int32 = 0, names: [String] = ["登记表"]) {
            u8(XLSWire.Frame.begin.rawValue); u8(0); u32(rows); u16(columns); u32(UInt32(bitPattern: selected))
            u32(UInt32(names.count)); names.forEach { text($0) }
        }
        mutating func row(_ index: UInt32, _ cells: [(UInt16, String)]) {
            u8(XLSWire.Frame.row.rawValue); u32(index); u16(UInt16(cells.count))
            for (column, value) in cells { u16(column); u8(XLSWire.CellKind.text.rawValue); text(value) }
        }
        mutating func end() { u8(XLSWire.Frame.end.rawValue) }
    }

    /// Reads `frames` through a pipe, as if a reader had written them.
    static func read(_ frames: Frames) -> (rows: [WorkbookRow], refused: InputRefused?) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return ([], nil) }
        frames.bytes.withUnsafeBytes { _ = write(ends[1], $0.baseAddress, $0.count) }
        close(ends[1])
        var rows: [WorkbookRow] = []
        do {
            let source = try XLSSource(process: XLSReaderProcess(path: "/收件/登记表.xls", readingFrom: ends[0]), sheet: nil)
            while try source.nextRow() {
                rows.append(WorkbookRow(number: source.rowNumber, cells: (0..<source.fieldCount).map(source.field)))
            }
            return (rows, nil)
        } catch let error as InputRefused {
            return (rows, error)
        } catch {
            Issue.record("expected InputRefused, got \(error)")
            return (rows, nil)
        }
    }

    /// A reader played by a shell script, its refusal and the seconds it took. The script is the
    /// "workbook" that /bin/sh, given as the reader, runs (so no test writes an executable while another
    /// test starts a process); `frames` is written to the file `frames` beside it.
    static func refusal(script: String, frames: Frames = Frames(), silenceLimit: Int32 = 90_000) throws -> (InputRefused?, Double) {
        let directory = try TestSupport.temporaryDirectory("xls-reader")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data(frames.bytes).write(to: URL(fileURLWithPath: directory + "/frames"))
        try ("cd \"$(dirname \"$0\")\"\n" + script + "\n").write(toFile: directory + "/登记表.xls", atomically: true, encoding: .utf8)
        return WorkbookFixtures.refusal {
            try XLSSource(process: XLSReaderProcess(path: directory + "/登记表.xls", sheet: nil, reader: "/bin/sh",
                                                    silenceLimit: silenceLimit), sheet: nil)
        }
    }

    static let prefix = "工作簿 登记表.xls 已损坏，无法读取（"
    static let suffix = "）。请在 Excel 或 WPS 中打开该文件，另存为 .xlsx 后再运行。本次运行未做任何更改。"

    @Test func wellFormedFramesAreRows() {
        var frames = Frames()
        frames.begin()
        frames.row(0, [(0, "编号"), (1, "诉求内容")])
        frames.row(2, [(0, "X-1"), (1, "含,逗号")])
        frames.end()
        let (rows, refused) = Self.read(frames)
        #expect(refused == nil)
        #expect(rows == [WorkbookRow(number: 1, cells: ["编号", "诉求内容"]), WorkbookRow(number: 3, cells: ["X-1", "含,逗号"])])
    }

    @Test func crashingReaderIsARefusal() throws {
        let (refused, seconds) = try Self.refusal(script: "kill -SEGV $$")
        #expect(refused?.message == Self.prefix + "读取 .xls 的程序 minqing-xls 因文件内容异常而中止（信号 11），文件可能是恶意构造的" + Self.suffix)
        #expect(seconds < 5)
    }

    @Test func readerThatDiesMidRowIsARefusal() throws {
        // A begin frame, then half a row, then the process ends without its end frame.
        var frames = Frames()
        frames.begin()
        frames.u8(XLSWire.Frame.row.rawValue)
        frames.u16(0)
        let (refused, _) = try Self.refusal(script: "cat frames; exit 0", frames: frames)
        #expect(refused?.message == Self.prefix + "读取 .xls 的程序 minqing-xls 意外结束，文件可能是恶意构造的" + Self.suffix)
    }

    @Test func silentReaderIsStoppedInTime() throws {
        let (refused, seconds) = try Self.refusal(script: "exec sleep 30", silenceLimit: 1_000)
        #expect(refused?.message == Self.prefix + "读取 .xls 的程序 minqing-xls 超过 1 秒没有进展" + Self.suffix)
        #expect(seconds < 5)
    }

    @Test func readerExitingBadlyAfterItsEndIsARefusal() throws {
        var frames = Frames()
        frames.begin(rows: 0, columns: 0)
        frames.end()
        let (refused, _) = try Self.refusal(script: "cat frames; exit 3", frames: frames)
        #expect(refused?.message == Self.prefix + "读取程序以状态 3 退出" + Self.suffix)
    }

    @Test func missingReaderIsNamedWithWhatToDo() {
        let (refused, _) = WorkbookFixtures.refusal {
            try XLSSource(process: XLSReaderProcess(path: "/收件/登记表.xls", sheet: nil, reader: "/无此目录/minqing-xls"), sheet: nil)
        }
        #expect(refused?.message == "读取 .xls 工作簿 登记表.xls 需要程序 minqing-xls，但无法启动 /无此目录/minqing-xls（No such file or directory）。"
            + "请把它与 minqing 放在同一目录（构建后在 .build/release/ 中），或用环境变量 MINQING_XLS_READER 指明它的位置；"
            + "也可以把该文件另存为 .xlsx 后再运行。本次运行未做任何更改。")
    }

    /// Frames that break the protocol, each with what the refusal says.
    static let broken: [(String, Frames)] = {
        var cases: [(String, Frames)] = []
        var f = Frames(); f.u8(0x41)
        cases.append(("未知的帧类型 65", f))
        f = Frames(); f.row(0, [(0, "x")])
        cases.append(("第一帧不是开始帧", f))
        f = Frames(); f.begin(); f.row(3, [(0, "x")]); f.row(1, [(0, "y")])
        cases.append(("行号 2 不在 4 之后", f))
        f = Frames(); f.begin(); f.row(0, [(1, "x"), (0, "y")])
        cases.append(("第 1 行的列号 0 无效", f))
        f = Frames(); f.begin(); f.row(0, [(256, "x")])
        cases.append(("第 1 行的列号 256 无效", f))
        f = Frames(); f.begin(); f.u8(XLSWire.Frame.row.rawValue); f.u32(0); f.u16(1); f.u16(0); f.u8(9)
        cases.append(("未知的单元格类型 9", f))
        f = Frames(); f.begin(); f.u8(XLSWire.Frame.row.rawValue); f.u32(0); f.u16(1); f.u16(0); f.u8(0); f.u32(UInt32.max)
        cases.append(("文本长度 4294967295 超出范围", f))
        f = Frames(); f.begin(); f.begin()
        cases.append(("出现第二个开始帧", f))
        f = Frames(); f.begin(selected: 2)
        cases.append(("选中的工作表 2 不存在", f))
        f = Frames(); f.u8(XLSWire.Frame.begin.rawValue); f.u8(0); f.u32(1); f.u16(1); f.u32(0); f.u32(1_000_000)
        cases.append(("工作表数量 1000000 超出范围", f))
        return cases
    }()

    @Test(arguments: broken.indices) func brokenFramesAreARefusal(_ index: Int) {
        let (what, frames) = Self.broken[index]
        let (_, refused) = Self.read(frames)
        #expect(refused?.message == Self.prefix + "读取程序 minqing-xls 的输出无效：" + what + Self.suffix)
    }

    @Test func readerFailureNamesWhatFreeXLWasDoing() {
        var frames = Frames()
        frames.begin()
        frames.u8(XLSWire.Frame.failure.rawValue); frames.u8(XLSWire.Step.cell.rawValue)
        frames.u32(UInt32(bitPattern: -25)); frames.u32(41)
        let (_, refused) = Self.read(frames)
        #expect(refused?.message == Self.prefix + "读取第 42 行的单元格时出错：" + XLSSource.describe(-25) + Self.suffix)
    }

    @Test func sheetClaimingMoreThanBIFF8IsRefusedBeforeItsCells() {
        var frames = Frames()
        frames.begin(rows: 70_000, columns: 2)
        let (_, refused) = Self.read(frames)
        #expect(refused?.message == "工作簿 登记表.xls 的工作表「登记表」声称有 70000 行、2 列，超出了 Excel 工作表的范围（文件已损坏或被篡改）。"
            + "请在 Excel 或 WPS 中打开该文件，另存为 .xlsx 后再运行。本次运行未做任何更改。")
    }
}

/// The built binary with its reader out of reach or crashing: the run is refused with the sentence and
/// exit status 1; the workspace's database and reports stay as they were.
@Suite struct XLSReaderEndToEndTests {
    @Test func runRefusesTheXlsWhenItsReaderCrashes() throws {
        let directory = try TestSupport.temporaryDirectory("xls-e2e")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // Written before `init` runs: a process another test starts meanwhile may hold the script's
        // file open for a moment (executing it then fails with "Text file busy").
        let crashing = directory + "/crashing-reader"
        try "#!/bin/sh\nkill -SEGV $$\n".write(toFile: crashing, atomically: true, encoding: .utf8)
        chmod(crashing, 0o755)
        #expect(try EndToEnd.run(["init", "ws"], in: directory).status == 0)
        let workspace = directory + "/ws"
        let xls = WorkbookFixtures.committed("register.xls")
        let database = workspace + "/minqing.sqlite"
        // A first run creates the workspace's (empty) database before reading its inputs.
        #expect(try EndToEnd.run(["run", xls], in: workspace, environment: ["MINQING_XLS_READER": crashing]).status == 1)
        let before = FileManager.default.contents(atPath: database)
        let crashed = try EndToEnd.run(["run", xls], in: workspace, environment: ["MINQING_XLS_READER": crashing])
        #expect(crashed.status == 1)
        #expect(crashed.stderr.contains("工作簿 register.xls 已损坏，无法读取（读取 .xls 的程序 minqing-xls 因文件内容异常而中止（信号 11），"
            + "文件可能是恶意构造的）。请在 Excel 或 WPS 中打开该文件，另存为 .xlsx 后再运行。本次运行未做任何更改。"), "\(crashed.stderr)")
        let missing = try EndToEnd.run(["check", xls], in: workspace, environment: ["MINQING_XLS_READER": directory + "/无此程序"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("读取 .xls 工作簿 register.xls 需要程序 minqing-xls，但无法启动 \(directory)/无此程序（不存在或不可执行）。"), "\(missing.stderr)")
        #expect(FileManager.default.contents(atPath: database) == before)
        #expect(before != nil)
        #expect(!FileManager.default.fileExists(atPath: workspace + "/reports"))
    }
}
