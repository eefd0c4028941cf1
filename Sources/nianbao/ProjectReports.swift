import Foundation
import NianbaoCore
import NianbaoStore

/// The reports of a project's records still on disk, read and checked as `check` does (the
/// cross-year findings too), each under its record's key; a file that cannot be read is
/// named on standard error and left out.
func readReports(_ records: [ReviewRecord], root: String, timeLimit: Double) -> [(key: String, summary: ReportSummary)] {
    let present = records.filter { !$0.missing }
    let paths = present.map { (root == "/" ? "" : root) + "/" + $0.path }
    var summaries: [ReportSummary?] = Array(repeating: nil, count: paths.count)
    Batch(timeLimit: timeLimit).run(paths, job: .summary) { index, outcome in
        switch outcome {
        case .success(let answer): summaries[index] = answer.summary
        case .failure(let error): printError("\(displayPath(paths[index])): \(error)")
        }
    }
    var read = summaries.compactMap { $0 }
    CrossYearCheck.apply(to: &read)
    let keys = Dictionary(uniqueKeysWithValues: zip(paths, present.map(\.path)))
    return read.map { (keys[$0.path] ?? $0.path, $0) }
}
