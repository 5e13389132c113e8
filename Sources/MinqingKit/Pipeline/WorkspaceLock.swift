import Foundation

/// Another run holds the workspace.
struct WorkspaceBusy: MinqingError {
    let path: String
    let pid: String
    var description: String {
        "另一个 minqing 进程（pid \(pid.isEmpty ? "未知" : pid)）正在使用这个工作区（锁文件 \(path)）。请等它结束后再运行。"
    }

    /// Another run holds the workspace.
    var exitStatus: ExitStatus { .busy }
}

/// An exclusive lock on the workspace (an flock on `<database>.lock`), held until released or the
/// process ends; the file records the holder's pid for the message another run prints.
public final class WorkspaceLock {
    private let fd: Int32
    let path: String

    /// Takes the lock without waiting; throws ``WorkspaceBusy`` when another process holds it.
    public init(databasePath: String) throws {
        // The descriptor is kept in a local until the lock is held: a class whose stored properties are
        // all set runs its deinit when its init throws, which closed a refused lock's descriptor a
        // second time (in a process with other threads, possibly another file's, reopened meanwhile).
        let path = databasePath + ".lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw OutputError(path: path, message: "无法创建锁文件（\(String(cString: strerror(errno)))）")
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            var buffer = [UInt8](repeating: 0, count: 32)
            let n = pread(fd, &buffer, buffer.count, 0)
            let pid = n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : ""
            close(fd)
            throw WorkspaceBusy(path: path, pid: pid)
        }
        self.path = path
        self.fd = fd
        let text = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pwrite(fd, text, text.count, 0)
    }

    /// Takes the lock for a command that only reads (`history`), without waiting: throws
    /// ``WorkspaceBusy`` when another process holds it, and returns nil when the lock file cannot be
    /// made (a read-only folder, where no run can take the lock either), so that the database is read
    /// without it.
    static func forReading(databasePath: String) throws -> WorkspaceLock? {
        do {
            return try WorkspaceLock(databasePath: databasePath)
        } catch let busy as WorkspaceBusy {
            throw busy
        } catch {
            return nil
        }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
