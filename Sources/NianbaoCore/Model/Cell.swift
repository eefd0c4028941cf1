/// What a cell holds. A blank is not a zero: the report left the cell empty (or wrote
/// only a dash or slash), and the rules must be able to say so.
public enum CellValue: Hashable, Sendable {
    case number(Quantity)
    case blank
    /// The cell holds a number with more digits than any count can have: it is reported
    /// (`UNREADABLE_CELL`), never taken as a number.
    case unreadable

    public var quantity: Quantity? {
        if case .number(let q) = self { return q }
        return nil
    }
}

/// How a cell's value reached the model, so that a reviewer knows how far to trust it.
public enum CellProvenance: String, Hashable, Sendable {
    /// Read from its own cell of the table.
    case read
    /// The row held too few values (`ROW_SHAPE`); nothing could be placed in this cell.
    case unplaced
    /// Recovered from text whose cells ran together, using the row's own total.
    case recovered
}

/// One extracted cell with the place in the text it came from.
public struct Cell: Hashable, Sendable {
    public let id: CellID
    public let value: CellValue
    public let source: SourceLocation
    public let provenance: CellProvenance

    public init(id: CellID, value: CellValue, source: SourceLocation, provenance: CellProvenance = .read) {
        self.id = id
        self.value = value
        self.source = source
        self.provenance = provenance
    }
}
