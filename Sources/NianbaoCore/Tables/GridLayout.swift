/// The rows of a web page's or Word file's tables, read from their grid: one raw cell per
/// cell of the grid, so that a label spanning two or three grid columns is one label and
/// every cell after it is one field, blank or not. Nothing is re-guessed from tab text.
enum GridLayout {
    /// Grid rows by the 1-based text line that shows them, for the tables of one document.
    /// Rows are made only for the lines a table region asks for: a page's other tables
    /// (menus, footers) cost nothing beyond their grid.
    struct Index: Sendable {
        private let grids: [TableGrid]
        /// For each grid, by the order of its first line: where its cells of each row start.
        private let rowStarts: [[Int]]

        init(_ grids: [TableGrid]) {
            self.grids = grids.sorted { $0.firstLine < $1.firstLine }
            rowStarts = self.grids.map { grid in
                var starts = [Int](repeating: grid.cells.count, count: grid.rowCount + 1)
                for (index, cell) in grid.cells.enumerated().reversed() where (0..<grid.rowCount).contains(cell.row) {
                    starts[cell.row] = index
                }
                // A row with no cells of its own starts where the next one does.
                for row in stride(from: grid.rowCount - 1, through: 0, by: -1) where starts[row] > starts[row + 1] {
                    starts[row] = starts[row + 1]
                }
                return starts
            }
        }

        var isEmpty: Bool { grids.isEmpty }

        /// The grid and row shown on the 1-based `line`, if any.
        private func place(of line: Int) -> (grid: Int, row: Int)? {
            let after = grids.partitionPoint { $0.firstLine <= line }
            guard after > 0 else { return nil }
            let grid = grids[after - 1]
            let row = line - grid.firstLine
            return row < grid.rowCount ? (after - 1, row) : nil
        }

        /// True when some line of the 0-based `range` shows a grid row.
        func covers(_ range: Range<Int>) -> Bool { range.contains { place(of: $0 + 1) != nil } }

        /// The grid row shown on the 1-based `line`, if any.
        func row(onLine line: Int) -> LogicalRow? {
            guard let (g, row) = place(of: line) else { return nil }
            let cells = grids[g].cells[rowStarts[g][row]..<rowStarts[g][row + 1]].filter { $0.row == row }
            return LogicalRow(cells: cells.map { RawCell(text: Substring($0.text), location: $0.location) })
        }
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
