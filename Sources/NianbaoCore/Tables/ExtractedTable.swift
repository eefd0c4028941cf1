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
    /// For cells that ran together: the digits, and how many splits fit the row's total
    /// (not exactly one, or the row would have been read).
    public var runTogether: String? = nil
    public var splits: Int = 0
    /// Read by position, the values could not be put one to a column: none was placed.
    public var unplaced = false
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

    /// For each row of the schema, the index of its row in `rows`.
    let rowIndex: [Int?]

    init(schema: TableSchema, rows: [ExtractedRow], region: Range<Int>, shapeProblems: [RowShapeProblem], labelVariants: [LabelVariant]) {
        self.schema = schema
        self.rows = rows
        self.region = region
        self.shapeProblems = shapeProblems
        self.labelVariants = labelVariants
        var index = [Int?](repeating: nil, count: schema.rows.count)
        var next = 0
        for (i, spec) in schema.rows.enumerated() where next < rows.count && rows[next].spec === spec {
            index[i] = next
            next += 1
        }
        self.rowIndex = index
    }

    public var id: TableID { schema.table }

    public func row(_ id: String) -> ExtractedRow? {
        guard let position = schema.rowPositions[id], let index = rowIndex[position] else { return nil }
        return rows[index]
    }

    /// The cell with this id, if the table has its row.
    public func cell(_ id: CellID) -> Cell? {
        guard let position = schema.cellPositions[id], let r = rowIndex[position.row] else { return nil }
        return rows[r].cells[position.column]
    }

    /// Rows of the schema the report does not have (alternative rows are never missing).
    public var missingRows: [RowSpec] {
        zip(schema.rows, rowIndex).compactMap { spec, index in index == nil && !spec.isAlternative ? spec : nil }
    }
}
