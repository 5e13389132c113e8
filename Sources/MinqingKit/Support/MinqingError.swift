/// The exit statuses of SPEC §5.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Reports written (rejected rows are reported, not fatal).
    case ok = 0
    /// Input refused, a row rejected under --strict, a row `check` would reject, or a failure on the
    /// way (database, disk, output files).
    case refused = 1
    /// Usage or configuration error: options, config, seeds, template, a month never ingested.
    case usage = 2
    /// Another run holds the workspace lock.
    case busy = 75

    /// The status `error` declares; an error from outside minqing (a foreign one) is a refusal.
    public static func of(_ error: Error) -> ExitStatus {
        (error as? MinqingError)?.exitStatus ?? .refused
    }
}

/// An error minqing reports to the clerk: a Chinese sentence (its `description`) and the exit
/// status it ends the command with.
public protocol MinqingError: Error, CustomStringConvertible {
    /// The status the command exits with when this error stops it.
    var exitStatus: ExitStatus { get }
}
