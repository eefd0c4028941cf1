import Foundation
import NianbaoCore
import NianbaoSamples
import NianbaoStore
import NianbaoTUI

/// A review state over the built-in samples, every report read, as the app has it after loading.
func loadedState(rows: Int = 48, columns: Int = 160, reviews: [String: ReviewStatus] = [:]) throws -> ReviewState {
    let files = SampleReports.files
    var state = ReviewState(entries: files.map { ReviewEntry(path: $0.path, key: $0.lastPathComponent) })
    state.rows = rows
    state.columns = columns
    for (index, file) in files.enumerated() {
        let report = try ReportReader.read(path: file.path)
        let record = ReviewRecord(
            path: file.lastPathComponent, contentHash: "h", reviewedHash: nil, status: reviews[file.lastPathComponent] ?? .unreviewed,
            note: "", reviewer: nil, reviewedAt: nil, updatedAt: Date(), agency: report.agency, year: report.year,
            errors: report.count(.error), warnings: report.count(.warning))
        state.loaded(index, report: report, failure: nil, review: record)
    }
    return state
}

/// Draws a state on a fresh in-memory screen of its size.
func draw(_ state: ReviewState) -> MemoryScreen {
    let screen = MemoryScreen(rows: state.rows, columns: state.columns)
    ReviewRenderer.render(state, on: screen)
    return screen
}

extension ReviewState {
    /// Presses keys in order, collecting the effects.
    @discardableResult
    mutating func press(_ keys: Key...) -> [Effect] { keys.flatMap { update(key: $0) } }

    mutating func type(_ text: String) { for c in text { _ = update(key: .character(c)) } }
}
