import Foundation
import Logging

/// Logs how long each pipeline stage took (at debug level), for profiling and the benchmark.
struct StageTimer {
    let logger: Logger
    private var last = DispatchTime.now()

    init(logger: Logger) { self.logger = logger }

    /// Logs the time since the previous mark as `stage NAME: N.NNN s`.
    mutating func mark(_ stage: String) {
        let now = DispatchTime.now()
        let seconds = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9
        logger.debug("stage \(stage): \(String(format: "%.3f", seconds)) s")
        last = now
    }
}
