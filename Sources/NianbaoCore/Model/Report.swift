/// Everything nianbao knows about one report: its text, what was read out of it, and the
/// findings of the rules. A value: the TUI, the store and the command line all share it.
public struct Report: Sendable {
    public let path: String
    public let text: ReportText
    public let title: Title?
    /// The year reported on (from the title).
    public let year: Int?
    /// The format the tables are read with: the one they show, else the one in force for the year.
    public let template: Template?
    /// The format the tables themselves show; nil when they give no sign.
    public let shownTemplate: Template?
    public let date: ReportDate?
    /// The 1-based line of the signing date.
    public let dateLine: Int?
    public let sections: [SectionSpan]
    public let tables: [TableID: ExtractedTable]
    /// Tables whose spans the reader cut to the table's size: the first line and how many.
    public let clampedSpans: [(line: Int, count: Int)]
    public internal(set) var findings: [Finding] = []
    /// Every extracted cell by id.
    public var cells: CellTable { CellTable(tables: tables) }

    public var agency: String? { title?.agency }

    init(
        path: String, text: ReportText, title: Title?, year: Int?, template: Template?, shownTemplate: Template?,
        date: ReportDate?, dateLine: Int?, sections: [SectionSpan], tables: [TableID: ExtractedTable],
        clampedSpans: [(line: Int, count: Int)] = []
    ) {
        self.clampedSpans = clampedSpans
        self.path = path
        self.text = text
        self.title = title
        self.year = year
        self.template = template
        self.shownTemplate = shownTemplate
        self.date = date
        self.dateLine = dateLine
        self.sections = sections
        self.tables = tables
    }

    public func section(_ id: SectionID) -> SectionSpan? { sections.first { $0.id == id } }

    /// The number in a cell; nil when the cell is blank or missing.
    public func quantity(_ id: CellID) -> Quantity? { cells[id]?.value.quantity }

    /// The source line of a cell, for findings that point at it.
    public func line(of id: CellID) -> Int? { cells[id]?.source.line }

    /// What the report lacks: `t3` for an absent table, `t2.carryForward` for an absent row.
    public var missing: [String] {
        var out: [String] = []
        for table in TableID.allCases {
            if let extracted = tables[table] {
                out += extracted.missingRows.map { "\(table.rawValue).\($0.id)" }
            } else {
                out.append(table.rawValue)
            }
        }
        return out
    }

    /// Cell ids in table order, as the format in use lays them out.
    public var orderedCellIDs: [CellID] {
        TableID.allCases.flatMap { table -> [CellID] in
            guard let extracted = tables[table] else { return [] }
            return extracted.rows.flatMap { $0.cells.map(\.id) }
        }
    }

    /// The count of findings of each severity.
    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }
}
