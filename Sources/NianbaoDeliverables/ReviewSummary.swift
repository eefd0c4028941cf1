import Foundation
import NianbaoCore
import NianbaoStore

/// Everything a review's documents are made of: each report with its decision and its
/// findings (with their rulings), gathered once for the HTML report, the notices and the CSV.
public struct ReviewSummary: Sendable {
    /// One report: its record (nil when it was read but never registered) and its findings.
    public struct Entry: Sendable {
        public let key: String
        public let agency: String?
        public let year: Int?
        public let record: ReviewRecord?
        public let findings: [FindingsExport.Row]

        public var status: ReviewStatus { record?.status ?? .unreviewed }
        /// Findings that count: not dismissed, not stale.
        public var counted: [FindingsExport.Row] { findings.filter { !$0.isStale && $0.ruling?.verdict != .dismissed } }
        public var errors: Int { counted.filter { $0.severity == .error }.count }
        public var warnings: Int { counted.filter { $0.severity == .warning }.count }
        public var confirmed: [FindingsExport.Row] { findings.filter { !$0.isStale && $0.ruling?.verdict == .confirmed } }
        /// 鲁山县张良镇 2023, or the file when the body is not known.
        public var title: String { [agency ?? key, year.map { "\($0) 年度" }].compactMap { $0 }.joined(separator: " ") }
    }

    public let entries: [Entry]
    public let database: String
    public let generatedAt: Date

    /// Reports by key: those in `records`, with the findings of `rows` (from `FindingsExport.rows`)
    /// and the body and year as `read` found them (a report without findings has no rows).
    public init(
        records: [ReviewRecord], rows: [FindingsExport.Row], read: [(key: String, summary: ReportSummary)] = [], database: String,
        generatedAt: Date = Date()
    ) {
        let byReport = Dictionary(grouping: rows, by: \.path)
        let found = Dictionary(read.map { ($0.key, $0.summary) }, uniquingKeysWith: { a, _ in a })
        var seen: Set<String> = []
        var entries: [Entry] = []
        for record in records {
            seen.insert(record.path)
            let summary = found[record.path]
            entries.append(Entry(key: record.path, agency: summary?.agency ?? record.agency, year: summary?.year ?? record.year,
                                 record: record, findings: byReport[record.path] ?? []))
        }
        for (key, found) in byReport where !seen.contains(key) {
            entries.append(Entry(key: key, agency: found.first?.agency, year: found.first?.year, record: nil, findings: found))
        }
        self.entries = entries.sorted { $0.key < $1.key }
        self.database = database
        self.generatedAt = generatedAt
    }

    public func count(_ status: ReviewStatus) -> Int { entries.filter { $0.status == status }.count }

    /// Findings that count, per rule, most first.
    public var findingsPerRule: [(label: String, value: Int)] {
        let counts = Dictionary(grouping: entries.flatMap(\.counted), by: \.rule).mapValues(\.count)
        return counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { ($0.key, $0.value) }
    }

    /// Findings that count, per body, most first (the first `limit`).
    public func findingsPerBody(limit: Int = 20) -> [(label: String, value: Int)] {
        let counts = Dictionary(grouping: entries, by: { $0.agency ?? $0.key }).mapValues { $0.reduce(0) { $0 + $1.counted.count } }
        return counts.filter { $0.value > 0 }.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(limit).map { ($0.key, $0.value) }
    }
}
