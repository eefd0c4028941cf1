/// What a batch keeps of a report once it has been read and checked: enough to print its
/// findings and to compare it with the same body's other years. A batch of thousands of
/// reports holds these, not the reports, so its memory stays flat.
public struct ReportSummary: Sendable {
    public let path: String
    public let agency: String?
    public let year: Int?
    public let template: Template?
    public internal(set) var findings: [Finding]
    /// The cells the cross-year rules compare.
    public let facts: CrossYearFacts

    public init(_ report: Report) {
        path = report.path
        agency = report.agency
        year = report.year
        template = report.template
        findings = report.findings
        facts = CrossYearFacts(report)
    }

    /// A summary as a worker process sent it.
    public init(path: String, agency: String?, year: Int?, template: Template?, findings: [Finding], facts: CrossYearFacts) {
        self.path = path
        self.agency = agency
        self.year = year
        self.template = template
        self.findings = findings
        self.facts = facts
    }

    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }

    public var counts: FindingCounts { FindingCounts(findings) }
}

/// How many findings of each severity a report has: what the summary line of `check` and
/// its exit status need once the findings themselves are printed.
public struct FindingCounts: Sendable, Equatable {
    public var errors = 0
    public var warnings = 0
    public var infos = 0

    public init(errors: Int = 0, warnings: Int = 0, infos: Int = 0) {
        self.errors = errors
        self.warnings = warnings
        self.infos = infos
    }

    public init(_ findings: [Finding]) {
        for f in findings { add(f.severity) }
    }

    public mutating func add(_ severity: Severity) {
        switch severity {
        case .error: errors += 1
        case .warning: warnings += 1
        case .info: infos += 1
        }
    }

    public static func += (a: inout FindingCounts, b: FindingCounts) {
        a.errors += b.errors
        a.warnings += b.warnings
        a.infos += b.infos
    }
}

/// The cells of one report that the cross-year rules need, with their source lines.
public struct CrossYearFacts: Sendable {
    public let path: String
    public let agency: String?
    public let year: Int?
    public let template: Template?
    /// The compared cells: value and source line.
    public let values: [CellID: (Quantity, Int)]

    /// Facts as a worker process sent them.
    public init(path: String, agency: String?, year: Int?, template: Template?, values: [CellID: (Quantity, Int)]) {
        self.path = path
        self.agency = agency
        self.year = year
        self.template = template
        self.values = values
    }

    public init(_ report: Report) {
        path = report.path
        agency = report.agency
        year = report.year
        template = report.template
        var values: [CellID: (Quantity, Int)] = [:]
        let rows = [(TableID.t2, "carried"), (.t2, "carryForward"), (.t1, "rules"), (.t1, "normative")]
        for (table, id) in rows {
            guard let row = report.tables[table]?.row(id) else { continue }
            for cell in row.cells {
                if let q = cell.value.quantity { values[cell.id] = (q, cell.source.line) }
            }
        }
        self.values = values
    }

    public func quantity(_ id: CellID) -> Quantity? { values[id]?.0 }
    public func line(of id: CellID) -> Int? { values[id]?.1 }
}
