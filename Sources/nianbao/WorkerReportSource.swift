import Foundation
import NianbaoCore
import NianbaoTUI
import NianbaoWorkers
import Synchronization

/// The review screen's reports, read in worker processes: the summaries of the whole
/// folder through one batch, and the whole report of the one being shown through a worker
/// kept for it (the worker reads the file; this process parses what it read).
final class WorkerReportSource: ReportSource, Sendable {
    private let timeLimit: Double
    private let shown: Mutex<WorkerPool?>

    init(timeLimit: Double) {
        self.timeLimit = timeLimit
        shown = Mutex(WorkerPool.currentExecutable.map { WorkerPool(executable: $0, workers: 1, timeLimit: timeLimit) })
    }

    func summaries(_ paths: [String], _ body: @escaping @Sendable (Int, Result<ReportSummary, ReadError>, String) -> Void) {
        Batch(timeLimit: timeLimit, showsProgress: false).run(paths, job: .summary) { index, outcome in
            switch outcome {
            case .success(.summary(let summary, let hash)): body(index, .success(summary), hash)
            case .success: body(index, .failure(ReadError(path: paths[index], reason: .notAReport)), "unreadable")
            case .failure(let error): body(index, .failure(error), "unreadable")
            }
        }
    }

    func report(_ path: String) -> Result<Report, ReadError> {
        shown.withLock { pool in
            // No worker can start (not Linux): read here.
            guard let pool else { return read(path, WorkerJob.document.perform(path: path)) }
            var result: Result<WorkerAnswer, ReadError> = .failure(ReadError(path: path, reason: .notAReport))
            pool.run([path], job: .document) { _, outcome in result = outcome }
            return read(path, result)
        }
    }

    /// The report made here from the document a worker read.
    private func read(_ path: String, _ result: Result<WorkerAnswer, ReadError>) -> Result<Report, ReadError> {
        result.flatMap { answer -> Result<Report, ReadError> in
            guard case .document(let document) = answer else { return .failure(ReadError(path: path, reason: .notAReport)) }
            do throws(ReadError) { return .success(try ReportReader.report(from: document, path: path)) } catch { return .failure(error) }
        }
    }
}
