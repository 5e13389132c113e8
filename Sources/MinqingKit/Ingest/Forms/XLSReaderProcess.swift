#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import XLSWire

/// The `minqing-xls` process reading one .xls workbook, and the pipe its frames come through: the one
/// owner of both. Reads wait at most ``silenceLimit`` for the process to say something; when the owner
/// goes away the process is stopped and reaped, whatever state it is in.
final class XLSReaderProcess {
    /// The workbook, for messages.
    let path: String
    private var fd: Int32
    private var pid: pid_t?
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    private var start = 0
    private var end = 0
    /// How long a read waits for the process to write, in milliseconds (the system stops the process
    /// after `XLSWire.cpuSeconds` of CPU in any case).
    private let silenceLimit: Int32
    static let defaultSilenceLimit: Int32 = 90_000

    /// Starts the reader on the workbook at `path` (`sheet`: the worksheet asked for). `reader` and
    /// `silenceLimit` are for the tests, which play a reader that crashes or hangs.
    init(path: String, sheet: String?, reader: String? = nil, silenceLimit: Int32 = XLSReaderProcess.defaultSilenceLimit) throws {
        self.path = path
        self.silenceLimit = silenceLimit
        let reader = try reader ?? Self.readerExecutable(for: path)
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else {
            throw WorkbookRefusal.unreadable(path, detail: "无法创建管道：\(String(cString: strerror(errno)))")
        }
        // Close-on-exec: no other process minqing starts keeps the pipe open (F_SETFD does not fail on
        // an open descriptor).
        _ = fcntl(pipeEnds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(pipeEnds[1], F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
        // FreeXL's and the Swift runtime's own words on a crash are not for the clerk: the refusal says it.
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let arguments = [reader, path] + (sheet.map { [$0] } ?? [])
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, reader, &actions, nil, &argv, environ)
        close(pipeEnds[1])
        guard status == 0 else {
            close(pipeEnds[0])
            throw Self.readerMissing(path: path, reader: reader, detail: String(cString: strerror(status)))
        }
        fd = pipeEnds[0]
        pid = child
    }

    /// Reads frames from `fd` (a pipe another party writes), with no process to watch: for the tests
    /// and the fuzz harness, which play a reader that writes broken frames.
    init(path: String, readingFrom fd: Int32) {
        self.path = path
        self.fd = fd
        pid = nil
        silenceLimit = Self.defaultSilenceLimit
    }

    deinit {
        if let pid {
            kill(pid, SIGKILL)
            _ = Self.reap(pid)
        }
        close(fd)
    }

    /// The bytes `count` from the stream, or nil at its end (the process has exited or crashed).
    func take(_ count: Int) throws -> ArraySlice<UInt8>? {
        while end - start < count {
            if start > 0 {
                buffer.replaceSubrange(0..<end - start, with: buffer[start..<end])
                end -= start
                start = 0
            }
            if buffer.count < count { buffer += [UInt8](repeating: 0, count: count - buffer.count) }
            guard try fill() else { return nil }
        }
        defer { start += count }
        return buffer[start..<start + count]
    }

    /// Reads more bytes into the buffer; false at the end of the stream.
    private func fill() throws -> Bool {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        while true {
            let ready = poll(&poller, 1, silenceLimit)
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else {
                throw WorkbookRefusal.damaged(path, detail: "读取 .xls 的程序 \(XLSWire.readerName) 超过 \(silenceLimit / 1000) 秒没有进展")
            }
            break
        }
        while true {
            let got = buffer.withUnsafeMutableBytes { bytes -> Int in
                guard let base = bytes.baseAddress else { return 0 }
                return read(fd, base + end, bytes.count - end)
            }
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else {
                throw WorkbookRefusal.unreadable(path, detail: "读取 \(XLSWire.readerName) 的输出时出错：\(String(cString: strerror(errno)))")
            }
            end += got
            return got > 0
        }
    }

    /// Waits for the process to exit after its stream ended; how it ended, in words, when not cleanly.
    func finish() -> String? {
        guard let pid else { return nil }
        self.pid = nil
        return Self.reap(pid)
    }

    /// Waits for `pid`; nil when it exited with status 0, else what happened.
    private static func reap(_ pid: pid_t) -> String? {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return "无法取得其结束状态" }
        }
        let signal = status & 0x7f
        if signal == 0 {
            let code = (status >> 8) & 0xff
            return code == 0 ? nil : "以状态 \(code) 退出"
        }
        if signal == SIGXCPU { return "用尽了 \(XLSWire.cpuSeconds) 秒的处理时间" }
        return "因文件内容异常而中止（信号 \(signal)）"
    }

    /// The reader's path: `MINQING_XLS_READER` when set, else `minqing-xls` beside the running executable.
    static func readerExecutable(for path: String) throws -> String {
        if let named = ProcessInfo.processInfo.environment[XLSWire.readerVariable], !named.isEmpty {
            guard access(named, X_OK) == 0 else { throw readerMissing(path: path, reader: named, detail: "不存在或不可执行") }
            return named
        }
        let own = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent().path ?? "."
        let beside = own + "/" + XLSWire.readerName
        guard access(beside, X_OK) == 0 else { throw readerMissing(path: path, reader: beside, detail: "不存在或不可执行") }
        return beside
    }

    private static func readerMissing(path: String, reader: String, detail: String) -> InputRefused {
        InputRefused(path: path, message: "读取 .xls 工作簿 \(WorkbookRefusal.fileName(path)) 需要程序 \(XLSWire.readerName)，"
            + "但无法启动 \(reader)（\(detail)）。请把它与 minqing 放在同一目录（构建后在 .build/release/ 中），"
            + "或用环境变量 \(XLSWire.readerVariable) 指明它的位置；也可以把该文件另存为 .xlsx 后再运行。\(WorkbookRefusal.unchanged)")
    }
}
