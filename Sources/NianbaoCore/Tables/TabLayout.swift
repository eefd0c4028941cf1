/// Text from PDFs: one table row per line, cells separated by tabs. Empty fields keep
/// their place, so a blank cell is a blank, and a label that lost its leading tabs is
/// still found by its text.
enum TabLayout {
    static func rows(_ text: ReportText, _ range: Range<Int>) -> [LogicalRow] {
        var rows: [LogicalRow] = []
        for index in range {
            let line = text.lines[index]
            if line.trimmedSpaces.isEmpty { continue }
            rows.append(LogicalRow(cells: fields(of: line, lineNumber: index + 1)))
        }
        return rows
    }

    /// The tab-separated fields of a line, each with its 1-based column in scalars.
    static func fields(of line: Substring, lineNumber: Int) -> [RawCell] {
        var cells: [RawCell] = []
        var column = 1
        var fieldStart = line.startIndex
        var fieldColumn = 1
        var index = line.startIndex
        let scalars = line.unicodeScalars
        while index != line.endIndex {
            let s = scalars[index]
            let next = scalars.index(after: index)
            if s == "\t" {
                cells.append(RawCell(text: line[fieldStart..<index], location: SourceLocation(line: lineNumber, column: fieldColumn)))
                fieldStart = next
                fieldColumn = column + 1
            }
            column += 1
            index = next
        }
        cells.append(RawCell(text: line[fieldStart..<line.endIndex], location: SourceLocation(line: lineNumber, column: fieldColumn)))
        return cells
    }
}
