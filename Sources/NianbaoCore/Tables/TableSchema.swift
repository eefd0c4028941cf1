/// What kind of number a column holds; the rules and the parser treat them differently.
public enum ValueKind: Hashable, Sendable {
    /// A non-negative whole number.
    case count
    /// 本年增/减 of the 2019 format: +3, -2.
    case signedCount
    /// A money amount, possibly with decimals and a unit in the cell.
    case amount
}

public struct ColumnSpec: Hashable, Sendable {
    public let id: String
    /// The official column heading.
    public let title: String
    public let kind: ValueKind
}

/// One row of an official table: how to recognise its label and what columns it has.
/// A class: every extracted row refers to its spec, and a reference is one retain.
public final class RowSpec: Hashable, Sendable {
    /// The row part of the cell id (`denied.secret`).
    public let id: String
    /// The official label of the row.
    public let label: String
    /// The group label above it in the official table (`(三) 不予公开`), if any.
    public let group: String?
    public let columns: [ColumnSpec]
    /// Normalised fragments, any one of which identifies the row.
    let keys: [String]
    /// Normalised labels that identify the row only when they are the whole label ("其他").
    let exact: [String]
    /// When set, an `exact` label counts only right after a row whose id has this prefix.
    let exactAfter: String?
    /// Normalised spellings that are official enough not to be reported as variants.
    let accepted: [String]
    /// Counted in (七) 总计: the outcome rows of Table 2.
    public let isOutcome: Bool
    /// A row of the other format that some reports keep (a single (六) 其他处理 in a
    /// 2021-format report): read and summed when present, never reported missing.
    public let isAlternative: Bool

    init(
        _ id: String, _ label: String, group: String? = nil, columns: [ColumnSpec], keys: [String] = [],
        exact: [String] = [], exactAfter: String? = nil, also: [String] = [], outcome: Bool = false, alternative: Bool = false
    ) {
        self.id = id
        self.label = label
        self.group = group
        self.columns = columns
        self.keys = keys
        self.exact = exact
        self.exactAfter = exactAfter
        self.accepted = [LabelText.normalize(label)] + also.map { LabelText.normalize($0) }
        self.isOutcome = outcome
        self.isAlternative = alternative
    }

    public func cellID(_ table: TableID, _ column: ColumnSpec) -> CellID {
        CellID(table: table, row: id, column: column.id)
    }

    public static func == (a: RowSpec, b: RowSpec) -> Bool { a === b || a.id == b.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// Which end of a row its numbers hold to when the row has fewer than it should:
/// Table 2 and 3 end in a 总计 column, Table 1 rows are read from the left.
public enum RowAnchor: Hashable, Sendable { case leading, trailing }

/// One official table in one format. A class, shared by every table read with it.
public final class TableSchema: Sendable {
    public let table: TableID
    public let template: Template
    public let rows: [RowSpec]
    public let anchor: RowAnchor
    /// The cell ids of each row, by row index, made once rather than for every report.
    let rowCellIDs: [[CellID]]
    /// Where each cell id stands in the schema: row index and column index.
    let cellPositions: [CellID: CellPosition]

    struct CellPosition: Sendable {
        let row: Int
        let column: Int
    }
    /// Every whole-label match, with the index of its row.
    let exactLabels: [ExactLabel]
    /// The index of each row by its id.
    let rowPositions: [String: Int]

    struct ExactLabel: Sendable {
        let label: String
        let row: Int
    }
    /// Official header texts as printed, and normalised, to tell a typo in a heading from a heading.
    let headerTexts: [String]
    let headers: [String]
    /// Headings and row labels, normalised, that are official as they stand.
    let knownLabels: Set<String>

    init(table: TableID, template: Template, rows: [RowSpec], anchor: RowAnchor, headers: [String]) {
        self.table = table
        self.template = template
        self.rows = rows
        self.anchor = anchor
        self.rowCellIDs = rows.map { row in row.columns.map { row.cellID(table, $0) } }
        var positions: [CellID: CellPosition] = [:]
        for (r, ids) in rowCellIDs.enumerated() { for (c, id) in ids.enumerated() { positions[id] = CellPosition(row: r, column: c) } }
        self.cellPositions = positions
        self.exactLabels = rows.enumerated().flatMap { index, row in row.exact.map { ExactLabel(label: $0, row: index) } }
        self.rowPositions = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1.id, $0) })
        self.headerTexts = headers
        self.headers = headers.map { LabelText.normalize($0) }
        self.knownLabels = Set(self.headers + rows.flatMap(\.accepted))
    }

    /// Every cell id of the table, in table order (alternative rows left out).
    public var cellIDs: [CellID] {
        rows.filter { !$0.isAlternative }.flatMap { row in row.columns.map { row.cellID(table, $0) } }
    }

    public static func schema(_ table: TableID, _ template: Template) -> TableSchema {
        switch (table, template) {
        case (.t1, .format2021): table1Format2021
        case (.t1, .format2019): table1Format2019
        case (.t2, .format2021): table2Format2021
        case (.t2, .format2019): table2Format2019
        case (.t3, _): table3
        }
    }
}
