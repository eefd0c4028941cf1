import NianbaoCore

/// Writes other values into a report's text, in place of the cells the core read: each
/// cell's source location names the field to replace. A report made this way keeps its
/// real layout and prose, and only its numbers change.
public enum ReportRewriter {
    public static func rewrite(_ report: Report, with values: [CellID: CellValue]) -> String {
        var lines = report.text.lines.map { Array($0.unicodeScalars) }
        var edits: [(SourceLocation, String)] = []
        for (id, value) in values {
            guard let cell = report.cells[id], cell.provenance == .read else { continue }
            let text: String
            switch value {
            case .number(let q): text = q.description
            case .blank: text = ""
            case .unreadable: text = "1000000000000"
            }
            edits.append((cell.source, text))
        }
        // Right to left within a line, so earlier columns stay valid.
        for (location, text) in edits.sorted(by: { $0.0 > $1.0 }) {
            var line = lines[location.line - 1]
            let start = location.column - 1
            var end = start
            while end < line.count, line[end] != "\t" { end += 1 }
            line.replaceSubrange(start..<end, with: Array(text.unicodeScalars))
            lines[location.line - 1] = line
        }
        return lines.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n") + "\n"
    }
}
