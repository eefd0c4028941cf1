/// One cell of a table as the file lays it out: where it starts on the grid, how far it
/// spans, its text, and where that text stands in the document's text.
public struct GridCell: Sendable, Equatable {
    /// 0-based row and column of the grid place the cell starts at.
    public let row: Int
    public let column: Int
    public let rowSpan: Int
    public let columnSpan: Int
    public let text: String
    public let location: SourceLocation

    public init(row: Int, column: Int, rowSpan: Int = 1, columnSpan: Int = 1, text: String, location: SourceLocation) {
        self.row = row
        self.column = column
        self.rowSpan = rowSpan
        self.columnSpan = columnSpan
        self.text = text
        self.location = location
    }
}

/// A table of a web page or Word file: its cells on their grid, the places covered by a
/// span holding no cell of their own. Row `r` of the grid is line `firstLine + r` of the text.
public struct TableGrid: Sendable, Equatable {
    /// The 1-based line of the text that shows the grid's first row.
    public let firstLine: Int
    public let rowCount: Int
    public let columnCount: Int
    /// The cells, by row, each row in column order.
    public let cells: [GridCell]
    /// Spans that reached past the table's real size and were cut to it.
    public let clampedSpans: Int

    public init(firstLine: Int, rowCount: Int, columnCount: Int, cells: [GridCell], clampedSpans: Int = 0) {
        self.firstLine = firstLine
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.cells = cells
        self.clampedSpans = clampedSpans
    }

    /// The 1-based text lines of the grid's rows.
    public var lines: ClosedRange<Int> { firstLine...(firstLine + max(rowCount, 1) - 1) }
}

extension TableGrid {
    /// The same grid when `count` lines are put before it in the text.
    public func movedDown(by count: Int) -> TableGrid {
        TableGrid(
            firstLine: firstLine + count, rowCount: rowCount, columnCount: columnCount,
            cells: cells.map { cell in
                GridCell(
                    row: cell.row, column: cell.column, rowSpan: cell.rowSpan, columnSpan: cell.columnSpan, text: cell.text,
                    location: SourceLocation(line: cell.location.line + count, column: cell.location.column))
            },
            clampedSpans: clampedSpans)
    }
}
