import ArgumentParser
import Foundation
import Logging
import MinqingKit

/// Maps the pipeline's errors to a message on stderr and the SPEC's exit status.
enum Failure {
    /// Logs `error` and returns the exit code it declares.
    static func exitCode(for error: Error, logger: Logger) -> ExitCode {
        logger.error("\(String(describing: error))")
        return ExitCode(status(for: error))
    }

    /// The status `error` declares (``MinqingError``); ArgumentParser's `ValidationError` (a bad
    /// option value found while running) is a usage error; any other foreign error is a refusal.
    static func status(for error: Error) -> ExitStatus {
        if error is ValidationError { return .usage }
        return ExitStatus.of(error)
    }
}

extension ExitCode {
    /// The exit code of a SPEC §5 status.
    init(_ status: ExitStatus) {
        self.init(status.rawValue)
    }
}
