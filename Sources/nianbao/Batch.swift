import Foundation
import NianbaoCore
import NianbaoWorkers
#if canImport(Glibc)
import Glibc
#endif

/// How `check`, `extract` and `review` read a batch: each file in a worker process (see
/// `WorkerPool`) within a time budget, outcomes in order as they come, with a progress line
/// on standard error when it is a terminal.
struct Batch: Sendable {
    let timeLimit: Double
    /// How many workers read at once (default: one per core).
    var workers: Int? = nil
    /// The progress line on standard error (not under the review screen).
    var showsProgress = true

    func run(_ paths: [String], job: WorkerJob, _ body: (Int, Result<WorkerAnswer, ReadError>) -> Void) {
        guard let executable = WorkerPool.currentExecutable else {
            // No way to start workers (not on Linux): read in this process.
            for (index, path) in paths.enumerated() { body(index, job.perform(path: path)) }
            return
        }
        let pool = WorkerPool(executable: executable, workers: workers ?? ProcessInfo.processInfo.activeProcessorCount, timeLimit: timeLimit)
        let progress = Progress(total: paths.count, enabled: showsProgress)
        pool.run(paths, job: job, progress: progress.show) { index, outcome in
            progress.clear()
            body(index, outcome)
        }
        progress.clear()
        pool.finish()
    }
}

/// "已读 1,234/5,000 · 12 s" on standard error, redrawn in place, only on a terminal and only
/// once reading takes more than a moment.
final class Progress {
    private let total: Int
    private let started = Date()
    private let enabled: Bool
    private var shown = false

    init(total: Int, enabled: Bool = true) {
        self.total = total
        self.enabled = enabled && isatty(STDERR_FILENO) == 1
    }

    func show(_ done: Int) {
        guard enabled, Date().timeIntervalSince(started) > 0.5 else { return }
        let seconds = Int(Date().timeIntervalSince(started))
        printError("\r已读 \(Self.grouped(done))/\(Self.grouped(total)) · \(seconds) s\u{1B}[K", newline: false)
        shown = true
    }

    func clear() {
        guard shown else { return }
        printError("\r\u{1B}[K", newline: false)
        shown = false
    }

    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }
}

/// Writes text to standard output as it is made, so a large batch streams and what is done
/// is complete in the output whatever happens later.
func emit(_ text: String) { emit(Array(text.utf8)) }

func emit(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count {
            let n = write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
            if n < 0, errno == EINTR { continue }
            if n <= 0 { return }
            offset += n
        }
    }
}
