import NianbaoCore

/// What the list keeps of a report: enough to show, sort, filter and count it. The whole
/// report (its text, tables and findings) is read again only while it is shown, so that
/// 50,000 reports stay small in memory.
public struct ReportDigest: Sendable, Equatable {
    public var agency: String?
    public var year: Int?
    public var errors: Int
    public var warnings: Int
    /// Why the file could not be read; nil when it was.
    public var failure: String?
    /// The short ids of its errors and warnings, so that dismissed ones can be left out of
    /// the counts (8 bytes a finding, not its text).
    var errorIDs: [UInt64] = []
    var warningIDs: [UInt64] = []

    public init(agency: String?, year: Int?, errors: Int, warnings: Int, failure: String? = nil) {
        self.agency = agency
        self.year = year
        self.errors = errors
        self.warnings = warnings
        self.failure = failure
    }

    public init(_ summary: ReportSummary) {
        self.init(agency: summary.agency, year: summary.year, errors: summary.count(.error), warnings: summary.count(.warning))
        errorIDs = summary.findings.filter { $0.severity == .error }.map(\.shortID)
        warningIDs = summary.findings.filter { $0.severity == .warning }.map(\.shortID)
    }

    /// Its errors or warnings, less those dismissed.
    func count(_ severity: Severity, dismissing dismissed: Set<UInt64>) -> Int {
        let all = severity == .error ? errors : severity == .warning ? warnings : 0
        guard !dismissed.isEmpty else { return all }
        let ids = severity == .error ? errorIDs : warningIDs
        return all - ids.filter(dismissed.contains).count
    }

    public static func unreadable(_ reason: String) -> ReportDigest {
        ReportDigest(agency: nil, year: nil, errors: 0, warnings: 0, failure: reason)
    }
}
