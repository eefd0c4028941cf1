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
            if line.hasTab {
                let start = current.count
                TabLayout.appendFields(of: line, lineNumber: number, to: &current)
                // The part before the first tab is indentation, unless it holds text.
                if current[start].isEmpty { current.remove(at: start) }
                previousWasCell = true
            } else if Bytes.isBlank(line) {
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

    /// True when most lines with tabs are a single cell (one tab, at the start): the Word
    /// layout. Rows of a PDF table have a tab between every two cells, even when they are
    /// blank, so counting tabs (not non-empty cells) tells them apart.
    static func fits(_ text: ReportText, _ range: Range<Int>) -> Bool {
        var single = 0
        var multi = 0
        for index in range where single + multi < 60 {
            let line = text.lines[index]
            var tabs = 0
            for byte in line.utf8 where byte == 9 { tabs += 1; if tabs > 1 { break } }
            if tabs > 1 { multi += 1 } else if tabs == 1, line.utf8.first == 9 { single += 1 }
        }
        return single > multi * 2
    }
}
