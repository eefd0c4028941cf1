/// The rows of a web page's or Word file's tables, read from their grid: one raw cell per
/// cell of the grid, so that a label spanning two or three grid columns is one label and
/// every cell after it is one field, blank or not. Nothing is re-guessed from tab text.
enum GridLayout {
    /// Grid rows by the 1-based text line that shows them, for the tables of one document.
    struct Index: Sendable {
        private var rows: [Int: LogicalRow] = [:]

        init(_ grids: [TableGrid]) {
            for grid in grids {
                var cellsByRow = [[RawCell]](repeating: [], count: grid.rowCount)
                for cell in grid.cells where (0..<grid.rowCount).contains(cell.row) {
                    cellsByRow[cell.row].append(RawCell(text: Substring(cell.text), location: cell.location))
                }
                for (row, cells) in cellsByRow.enumerated() { rows[grid.firstLine + row] = LogicalRow(cells: cells) }
            }
        }

        var isEmpty: Bool { rows.isEmpty }

        /// True when some line of the 0-based `range` shows a grid row.
        func covers(_ range: Range<Int>) -> Bool { range.contains { rows[$0 + 1] != nil } }

        /// The grid row shown on the 1-based `line`, if any.
        func row(onLine line: Int) -> LogicalRow? { rows[line] }
    }

    /// The rows of a region: grid rows where the text shows one, other lines as they stand.
    static func rows(_ text: ReportText, _ range: Range<Int>, index: Index) -> [LogicalRow] {
        var rows: [LogicalRow] = []
        for line in range {
            if let row = index.row(onLine: line + 1) {
                rows.append(row)
            } else {
                rows += TabLayout.rows(text, line..<(line + 1))
            }
        }
        return rows
    }
}
