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

    public init(agency: String?, year: Int?, errors: Int, warnings: Int, failure: String? = nil) {
        self.agency = agency
        self.year = year
        self.errors = errors
        self.warnings = warnings
        self.failure = failure
    }

    public init(_ summary: ReportSummary) {
        self.init(agency: summary.agency, year: summary.year, errors: summary.count(.error), warnings: summary.count(.warning))
    }

    public static func unreadable(_ reason: String) -> ReportDigest {
        ReportDigest(agency: nil, year: nil, errors: 0, warnings: 0, failure: reason)
    }
}
