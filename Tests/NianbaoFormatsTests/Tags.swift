import Foundation
import Testing

extension Tag {
    /// Runs a real program (tmux, an office suite, a browser) or reads every file of the
    /// corpus: seconds, not milliseconds.
    @Tag static var slow: Self
}

/// `NIANBAO_QUICK=1 swift test` leaves the slow tests out, reported as skipped. (Swift 6.3's
/// `swift test` cannot filter by tag yet; a toolchain that can will take `--skip tag:slow`.)
let quickRun = ProcessInfo.processInfo.environment["NIANBAO_QUICK"] == "1"

extension Trait where Self == ConditionTrait {
    /// Left out of a quick run (`NIANBAO_QUICK=1`); carries `.tags(.slow)` beside it.
    static var notInQuickRun: Self { .enabled(if: !quickRun, "a quick run (NIANBAO_QUICK=1) leaves out the slow tests") }
}
