import Foundation

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
            if line.utf8.first != UInt8(ascii: "|") {
                // Converters print some rows as plain text: "行政许可 0".
                if let row = plainRow(line, lineNumber: index + 1) { rows.append(row) }
                continue
            }
            guard !isSeparator(line) else { continue }
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

    /// A plain line "label n n …": a label, then only numbers (or blank markers), separated by
    /// spaces. Prose never has that shape.
    static func plainRow(_ line: Substring, lineNumber: Int) -> LogicalRow? {
        let parts = line.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count >= 2 else { return nil }
        let values = parts.dropFirst().map { CellText.classify($0) }
        guard CellText.classify(parts[0]) == .label,
              values.allSatisfy({ if case .number = $0 { true } else { $0 == .blankMarker } }) else { return nil }
        var cells: [RawCell] = []
        var column = 1
        var rest = line[...]
        for part in parts {
            let offset = rest.range(of: part).map { line.unicodeScalars.distance(from: line.startIndex, to: $0.lowerBound) } ?? 0
            column = offset + 1
            cells.append(RawCell(text: part, location: SourceLocation(line: lineNumber, column: column)))
            if let range = rest.range(of: part) { rest = rest[range.upperBound...] }
        }
        return LogicalRow(cells: cells)
    }

    /// `|---|:---:|` lines.
    static func isSeparator(_ line: Substring) -> Bool {
        line.unicodeScalars.allSatisfy { $0 == "|" || $0 == "-" || $0 == ":" || $0 == " " }
    }
}
