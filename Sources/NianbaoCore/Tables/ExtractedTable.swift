/// One row of a table as read from the report.
public struct ExtractedRow: Sendable {
    public let spec: RowSpec
    /// The label as the report wrote it.
    public let label: String
    public let labelLocation: SourceLocation
    public let cells: [Cell]

    /// The source line of the row: where its first value (or its label) stands.
    public var line: Int { cells.first(where: { $0.provenance == .read })?.source.line ?? labelLocation.line }

    public func cell(_ column: String) -> Cell? {
        guard let index = spec.columns.firstIndex(where: { $0.id == column }) else { return nil }
        return cells[index]
    }

    var hasNumbers: Bool { cells.contains { $0.value.quantity != nil } }
}

/// A row whose number of values does not fit its table.
public struct RowShapeProblem: Hashable, Sendable {
    public let table: TableID
    public let rowID: String
    public let cells: [CellID]
    public let expected: Int
    public let found: Int
    public let line: Int
}

/// A heading or label that differs from the official text but was still recognised.
public struct LabelVariant: Hashable, Sendable {
    public let table: TableID
    public let found: String
    public let official: String
    public let location: SourceLocation
}

/// One of the three tables as read from a report, with what went wrong while reading it.
public struct ExtractedTable: Sendable {
    public let schema: TableSchema
    /// The rows found, in the order of the schema.
    public let rows: [ExtractedRow]
    /// The 0-based lines of the text the table was read from.
    public let region: Range<Int>
    public let shapeProblems: [RowShapeProblem]
    public let labelVariants: [LabelVariant]

    public var id: TableID { schema.table }

    public func row(_ id: String) -> ExtractedRow? { rows.first { $0.spec.id == id } }

    /// Rows of the schema the report does not have (alternative rows are never missing).
    public var missingRows: [RowSpec] {
        schema.rows.filter { spec in !spec.isAlternative && !rows.contains { $0.spec.id == spec.id } }
    }
}
