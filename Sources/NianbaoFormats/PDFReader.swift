import Foundation
import NianbaoCore

/// Reads a PDF report through poppler's `pdftotext -layout` (Debian package poppler-utils):
/// table rows come out one per line with columns of spaces. Runs of two or more spaces
/// become tabs, page numbers between rows are dropped, and a label printed on lines of its
/// own above its numbers ("（二）部分公开（区分处理的…" then "9 0 0 0 0 0 9") is joined to them.
/// The core then reads the rows by their labels as usual.
public enum PDFReader {
    public static func text(path: String) throws(ReadError) -> String {
        let result: ExternalCommand.Result
        do {
            result = try ExternalCommand.run(["pdftotext", "-layout", "-enc", "UTF-8", path, "-"])
        } catch {
            throw ReadError(path: path, reason: .unsupportedFormat("reading PDF files needs pdftotext (Debian package poppler-utils)"))
        }
        guard result.status == 0 else {
            let why = result.stderr.split(separator: "\n").first.map(String.init) ?? "exit \(result.status)"
            throw ReadError(path: path, reason: .unsupportedFormat("pdftotext could not read it: \(why)"))
        }
        let text = String(decoding: result.stdout, as: UTF8.self)
        if text.unicodeScalars.filter({ !$0.properties.isWhitespace && $0 != "\u{0C}" }).count < 20 {
            throw ReadError(path: path, reason: .unsupportedFormat("the PDF has no text layer (a scanned document?)"))
        }
        return tabRows(fromLayout: text)
    }

    /// `pdftotext -layout` text as tab-separated rows.
    static func tabRows(fromLayout text: String) -> String {
        var lines: [String] = []
        var pendingLabels: [String] = []
        for raw in text.replacingOccurrences(of: "\u{0C}", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            let fields = splitColumns(raw)
            if fields.isEmpty {
                lines.append("")
                continue
            }
            if fields.count == 1, isPageNumber(fields[0]) { continue }
            let kinds = fields.map(CellText.classify)
            let hasLabel = kinds.contains(.label)
            let hasNumbers = kinds.contains { if case .number = $0 { true } else { false } }
            if hasLabel, !hasNumbers {
                pendingLabels.append(fields.joined())
                lines.append(fields.joined(separator: "\t"))
                continue
            }
            if !hasLabel, hasNumbers, !pendingLabels.isEmpty {
                // Numbers under a label wrapped above them: one row. The label lines stay
                // in the text (as read); the joined row follows them.
                lines.append(([pendingLabels.joined()] + fields).joined(separator: "\t"))
                pendingLabels = []
                continue
            }
            pendingLabels = []
            lines.append(fields.joined(separator: "\t"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The cells of a layout line: text separated by two or more spaces.
    static func splitColumns(_ line: Substring) -> [String] {
        var fields: [String] = []
        var current = ""
        var spaces = 0
        for c in line {
            if c == " " || c == "\u{3000}" {
                spaces += 1
                continue
            }
            if spaces >= 2, !current.isEmpty { fields.append(current); current = "" }
            else if spaces == 1, !current.isEmpty { current.append(" ") }
            spaces = 0
            current.append(c)
        }
        if !current.isEmpty { fields.append(current) }
        return fields
    }

    /// `-3-`, `— 3 —`, `3`, `第 3 页`: a page number printed between table rows.
    static func isPageNumber(_ field: String) -> Bool {
        let core = field.filter { !"-—－ 第页".contains($0) }
        return !core.isEmpty && core.allSatisfy(\.isNumber) && field != core
    }
}
