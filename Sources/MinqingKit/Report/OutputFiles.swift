import Foundation

/// A problem writing the reports; the previous reports are left as they were.
struct OutputError: Error, CustomStringConvertible {
    let path: String
    let message: String
    var description: String { "写入 \(path) 失败：\(message)。原有报告未被改动。" }
}

/// Writes a set of report files atomically: each goes to a temporary file in the same folder, and
/// only when all are complete are they renamed into place (a failed or killed run leaves the old ones).
final class OutputFiles {
    /// The output folder.
    let folder: String
    private var pending: [(temporary: String, final: String)] = []

    /// Prepares `folder` (creating it when missing).
    init(folder: String) throws {
        self.folder = folder
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: folder, message: "无法创建输出文件夹（\(error.localizedDescription)）")
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw OutputError(path: folder, message: "输出文件夹不可写，请检查权限或用 --out 指定其他文件夹")
        }
        removeStaleTemporaries()
    }

    /// Removes temporary files a killed run left behind (`.NAME.tmp-PID`, and libxlsxwriter's
    /// `.NAME.….partial`). The caller holds the workspace lock, so no other run is writing here.
    func removeStaleTemporaries() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(".") && (name.contains(".tmp-") || name.hasSuffix(".partial")) {
            unlink(folder + "/" + name)
        }
    }

    /// A temporary path for `name` in the folder; the file becomes `name` at ``commit()``.
    func temporaryPath(for name: String) -> String {
        let final = folder + "/" + name
        let temporary = folder + "/.\(name).tmp-\(getpid())"
        pending.append((temporary, final))
        return temporary
    }

    /// Writes `bytes` to a temporary file for `name`.
    func write(_ bytes: [UInt8], as name: String) throws {
        let path = temporaryPath(for: name)
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw OutputError(path: path, message: String(cString: strerror(errno))) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            guard written > 0 else {
                throw OutputError(path: path, message: String(cString: strerror(errno)) + "（磁盘可能已满）")
            }
            offset += written
        }
    }

    /// Flushes every temporary file to disk (before the database commits, so that ``commit()`` has
    /// only renames left to do).
    func sync() throws {
        for file in pending {
            let fd = open(file.temporary, O_RDONLY)
            guard fd >= 0, fsync(fd) == 0 else {
                if fd >= 0 { close(fd) }
                throw OutputError(path: file.temporary, message: String(cString: strerror(errno)))
            }
            close(fd)
        }
    }

    /// Renames every temporary file into place (call ``sync()`` first).
    func commit() throws {
        for file in pending {
            guard rename(file.temporary, file.final) == 0 else {
                throw OutputError(path: file.final, message: String(cString: strerror(errno)))
            }
        }
        pending = []
        let fd = open(folder, O_RDONLY)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }

    /// Removes the temporary files of an abandoned run.
    func discard() {
        for file in pending { unlink(file.temporary) }
        pending = []
    }

    deinit { discard() }
}
