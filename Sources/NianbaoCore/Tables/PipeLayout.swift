/// Markdown pipe tables, as PDF-to-text converters write them: `| 规章 | 0 | 0 | 0 |`.
/// Each row line becomes a row of cells between the pipes; `|---|` separator lines are
/// skipped. Rows the converter detached from their labels stay label-less and are not
/// guessed at: their labels' rows are reported missing.
enum PipeLayout {
    static func fits(_ text: ReportText, _ range: Range<Int>) -> Bool {
        var pipes = 0, tabs = 0
        for index in range {
            let line = text.lines[index]
            if line.utf8.first == UInt8(ascii: "|") { pipes += 1 } else if line.hasTab { tabs += 1 }
        }
        return pipes >= 3 && pipes > tabs
    }

    static func rows(_ text: ReportText, _ range: Range<Int>) -> [LogicalRow] {
        var rows: [LogicalRow] = []
        for index in range {
            let line = text.lines[index]
            guard line.utf8.first == UInt8(ascii: "|"), !isSeparator(line) else { continue }
            var cells: [RawCell] = []
            var column = 1
            let parts = line.split(separator: "|", omittingEmptySubsequences: false)
            // The pipes before the first and after the last cell hold nothing.
            for (i, part) in parts.enumerated() {
                defer { column += part.unicodeScalars.count + 1 }
                if i == 0 || (i == parts.count - 1 && part.trimmedSpaces.isEmpty) { continue }
                cells.append(RawCell(text: part, location: SourceLocation(line: index + 1, column: column)))
            }
            rows.append(LogicalRow(cells: cells))
        }
        return rows
    }

    /// `|---|:---:|` lines.
    static func isSeparator(_ line: Substring) -> Bool {
        line.unicodeScalars.allSatisfy { $0 == "|" || $0 == "-" || $0 == ":" || $0 == " " }
    }
}
