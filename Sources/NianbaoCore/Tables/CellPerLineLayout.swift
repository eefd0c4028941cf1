/// Text from Word files: one cell per line, each starting with a tab; an empty line ends
/// a row; a line without a tab continues the cell above it ("→商业" then "企业").
enum CellPerLineLayout {
    static func rows(_ text: ReportText, _ range: Range<Int>) -> [LogicalRow] {
        var rows: [LogicalRow] = []
        var current: [RawCell] = []
        var previousWasCell = false
        func endRow() {
            if !current.isEmpty { rows.append(LogicalRow(cells: current)) }
            current = []
            previousWasCell = false
        }
        for index in range {
            let line = text.lines[index]
            let number = index + 1
            if line.contains("\t") {
                let fields = TabLayout.fields(of: line, lineNumber: number)
                // The part before the first tab is indentation, unless it holds text.
                let start = fields[0].isEmpty ? 1 : 0
                current.append(contentsOf: fields[start...])
                previousWasCell = true
            } else if line.trimmedSpaces.isEmpty {
                endRow()
            } else if previousWasCell, let last = current.popLast() {
                current.append(joined(last, line, lineNumber: number))
            } else {
                endRow()
                current.append(RawCell(text: line, location: SourceLocation(line: number, column: 1)))
                previousWasCell = true
            }
        }
        endRow()
        return rows
    }

    /// A cell wrapped over two lines, read as one. Its location stays that of its first line.
    private static func joined(_ cell: RawCell, _ continuation: Substring, lineNumber: Int) -> RawCell {
        let text = Substring(String(cell.text) + continuation)
        return RawCell(text: text, location: cell.location)
    }

    /// True when most cell lines of the region hold a single cell: the Word layout.
    static func fits(_ text: ReportText, _ range: Range<Int>) -> Bool {
        var single = 0
        var multi = 0
        for index in range {
            let line = text.lines[index]
            guard line.contains("\t") else { continue }
            var nonEmpty = 0
            for field in line.split(separator: "\t", omittingEmptySubsequences: true) where !field.trimmedSpaces.isEmpty {
                nonEmpty += 1
            }
            if nonEmpty >= 2 { multi += 1 } else if line.hasPrefix("\t") { single += 1 }
        }
        return single > multi * 2
    }
}
