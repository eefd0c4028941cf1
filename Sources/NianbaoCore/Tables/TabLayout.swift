/// Text from PDFs: one table row per line, cells separated by tabs. Empty fields keep
/// their place, so a blank cell is a blank, and a label that lost its leading tabs is
/// still found by its text.
enum TabLayout {
    static func rows(_ text: ReportText, _ range: Range<Int>) -> [LogicalRow] {
        var rows: [LogicalRow] = []
        rows.reserveCapacity(range.count)
        for index in range {
            let line = text.lines[index]
            // A line of nothing but tabs is a row of blank cells; a line of spaces is nothing.
            if !line.hasTab, Bytes.isBlank(line) { continue }
            var cells: [RawCell] = []
            appendFields(of: line, lineNumber: index + 1, to: &cells)
            rows.append(LogicalRow(cells: cells))
        }
        return rows
    }

    /// Appends the fields of a line to `cells`, so that a row's cells share one array.
    /// Tabs are found on the bytes; a column counts the bytes that start a scalar.
    static func appendFields(of line: Substring, lineNumber: Int, to cells: inout [RawCell]) {
        var bounds: [(start: Int, end: Int, column: Int)] = []
        let scanned: Void? = line.utf8.withContiguousStorageIfAvailable { bytes in
            var start = 0, column = 1, startColumn = 1
            for (i, byte) in bytes.enumerated() {
                if byte == 9 {
                    bounds.append((start, i, startColumn))
                    start = i + 1
                    startColumn = column + 1
                }
                if byte & 0xC0 != 0x80 { column += 1 }
            }
            bounds.append((start, bytes.count, startColumn))
        }
        guard scanned != nil else {
            // Not contiguous (never the case for decoded files): split the slow way.
            var column = 1
            for part in line.split(separator: "\t", omittingEmptySubsequences: false) {
                cells.append(RawCell(text: part, location: SourceLocation(line: lineNumber, column: column)))
                column += part.unicodeScalars.count + 1
            }
            return
        }
        let utf8 = line.utf8
        var index = utf8.startIndex
        var offset = 0
        for (start, end, column) in bounds {
            let from = utf8.index(index, offsetBy: start - offset)
            let to = utf8.index(from, offsetBy: end - start)
            cells.append(RawCell(text: line[from..<to], location: SourceLocation(line: lineNumber, column: column)))
            index = to
            offset = end
        }
    }
}

/// Byte-level tests on lines of decoded text.
enum Bytes {
    /// True when the line holds nothing but spaces (ASCII, tab, U+3000, U+00A0).
    static func isBlank(_ line: Substring) -> Bool {
        line.utf8.withContiguousStorageIfAvailable { b in
            var i = 0
            while i < b.count {
                switch b[i] {
                case 9, 13, 32: i += 1
                case 0xE3 where i + 2 < b.count && b[i + 1] == 0x80 && b[i + 2] == 0x80: i += 3
                case 0xC2 where i + 1 < b.count && b[i + 1] == 0xA0: i += 2
                default: return false
                }
            }
            return true
        } ?? line.trimmedSpaces.isEmpty
    }
}
