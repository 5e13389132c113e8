import ArgumentParser
import Foundation
import Logging
import MinqingKit

/// Maps the pipeline's errors to a message on stderr and the SPEC's exit status.
enum Failure {
    static func exitCode(for error: Error, logger: Logger) -> ExitCode {
        let status: Int32
        switch error {
        case is ConfigError, is ReferenceError, is TemplateError, is NothingToReport: status = ExitStatus.usage
        case is WorkspaceBusy: status = ExitStatus.busy
        case is ValidationError: status = ExitStatus.usage
        default: status = ExitStatus.refused
        }
        logger.error("\(String(describing: error))")
        return ExitCode(status)
    }
}
