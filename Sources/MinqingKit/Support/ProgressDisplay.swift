import Foundation

/// A one-line progress display on stderr, shown only when stderr is a terminal (never under cron).
public final class ProgressDisplay: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var shown = false

    /// A display that draws only when `enabled` (default: stderr is a terminal).
    public init(enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.enabled = enabled
    }

    /// Shows `done` of `total` (or just `done`) for `stage`, every 10,000 items.
    func update(_ stage: @autoclosure () -> String, done: Int, total: Int? = nil) {
        // Called for every row: the label is built only when a line is drawn.
        guard enabled, done % 10_000 == 0 else { return }
        var text = "\r\u{1B}[K\(stage())：\(done)"
        if let total, total > 0 {
            let width = 24, filled = min(width, done * width / total)
            text += " / \(total) [" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "]"
        }
        write(text)
    }

    /// Clears the line.
    func finish() {
        guard enabled, shown else { return }
        lock.lock()
        shown = false
        lock.unlock()
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    private func write(_ text: String) {
        lock.lock()
        shown = true
        lock.unlock()
        FileHandle.standardError.write(Data(text.utf8))
    }
}
