import Foundation

/// Wall-clock time, used only in the ingest history (never inside reports, which must be reproducible).
enum Clock {
    /// Now as `2026-11-01T06:00:03Z`.
    static func timestamp() -> String {
        ISO8601DateFormatter().string(from: Date())
    }
}
