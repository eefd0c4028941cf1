/// The cells of a report by id, looked up through its tables: a view, not a copy, so that a
/// report does not carry a second table of its 200 cells.
public struct CellTable: Sendable, Equatable {
    let tables: [TableID: ExtractedTable]

    public subscript(id: CellID) -> Cell? {
        guard let table = TableID(rawValue: String(id.rawValue.prefix(2))) else { return nil }
        return tables[table]?.cell(id)
    }

    /// How many cells the report has.
    public var count: Int { tables.values.reduce(0) { $0 + $1.rows.reduce(0) { $0 + $1.cells.count } } }

    /// Every cell, in table order.
    public var all: [Cell] {
        TableID.allCases.flatMap { tables[$0]?.rows.flatMap(\.cells) ?? [] }
    }

    public static func == (a: CellTable, b: CellTable) -> Bool { a.all == b.all }
}
