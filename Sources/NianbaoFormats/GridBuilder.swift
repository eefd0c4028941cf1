import NianbaoCore

/// Collects the cells of one table of a web page or Word file and lays them out twice:
/// as the core's `TableGrid` (each cell once, at its grid place, with its spans), and as
/// the tab-separated lines of the raw text (one per grid row, a place a span covers an
/// empty field), with every cell pointing at its field in those lines.
struct GridBuilder {
    /// No report table is near this wide; a span past it is cut (and counted).
    static let maxColumns = 1000

    private struct Pending {
        var row: Int
        var column: Int
        var rowSpan: Int
        var columnSpan: Int
        var text: String
    }

    private var cells: [Pending] = []
    private(set) var rowCount = 0
    /// Spans cut to the table's real size.
    private(set) var clampedSpans = 0

    /// Starts the next row; cells added after this belong to it.
    mutating func startRow() { rowCount += 1 }

    /// Adds a cell to the current row. Spans must already be within the table's size;
    /// a cell past `maxColumns` is dropped and counted.
    mutating func add(column: Int, rowSpan: Int = 1, columnSpan: Int = 1, text: String) {
        guard rowCount > 0 else { return }
        guard column < Self.maxColumns else { clampedSpans += 1; return }
        var span = columnSpan
        if column + span > Self.maxColumns {
            span = Self.maxColumns - column
            clampedSpans += 1
        }
        cells.append(Pending(row: rowCount - 1, column: column, rowSpan: max(rowSpan, 1), columnSpan: max(span, 1), text: text))
    }

    /// Counts a span that the reader cut to the table's size.
    mutating func noteClamped() { clampedSpans += 1 }

    /// Makes the last cell of the current row at `column` span one more row (a Word
    /// vertical merge continuing); false when there is no such cell above.
    mutating func extendRowSpan(ofCellAbove column: Int) -> Bool {
        let row = rowCount - 1
        guard let index = cells.lastIndex(where: { $0.column == column && $0.row < row && $0.row + $0.rowSpan == row }) else {
            return false
        }
        cells[index].rowSpan += 1
        return true
    }

    /// The text lines of the table (appended to `lines`) and its grid. `budget` is what is
    /// left of the text size limit; nil when the table would pass it.
    func render(into lines: inout [String], budget: inout Int) -> TableGrid? {
        let firstLine = lines.count + 1
        var byRow = [[Int]](repeating: [], count: rowCount)
        for (index, cell) in cells.enumerated() { byRow[cell.row].append(index) }
        var placed: [GridCell] = []
        placed.reserveCapacity(cells.count)
        // Rowspans from rows above that still cover places of this row: their right ends.
        var active: [(untilRow: Int, end: Int)] = []
        var width = 0
        for row in 0..<rowCount {
            active.removeAll { $0.untilRow <= row }
            let indices = byRow[row].sorted { cells[$0].column < cells[$1].column }
            var rowWidth = active.map(\.end).max() ?? 0
            for index in indices { rowWidth = max(rowWidth, cells[index].column + cells[index].columnSpan) }
            var fields = [String](repeating: "", count: rowWidth)
            for index in indices { fields[cells[index].column] = cells[index].text }
            // Where each field starts, counted in Unicode scalars from column 1.
            var columns = [Int](repeating: 1, count: rowWidth)
            var size = 0
            for (i, field) in fields.enumerated() {
                columns[i] = size + 1
                size += field.unicodeScalars.count + 1
            }
            budget -= size
            if budget < 0 { return nil }
            for index in indices {
                let cell = cells[index]
                placed.append(GridCell(
                    row: row, column: cell.column, rowSpan: cell.rowSpan, columnSpan: cell.columnSpan, text: cell.text,
                    location: SourceLocation(line: firstLine + row, column: columns[cell.column])))
                if cell.rowSpan > 1 { active.append((row + cell.rowSpan, cell.column + cell.columnSpan)) }
            }
            lines.append(fields.joined(separator: "\t"))
            width = max(width, rowWidth)
        }
        return TableGrid(firstLine: firstLine, rowCount: rowCount, columnCount: width, cells: placed, clampedSpans: clampedSpans)
    }
}
