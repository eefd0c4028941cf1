import NianbaoCore

/// The raw text of the report with line numbers. The source line of the selected table
/// row or finding is highlighted, and in it the characters of the selected cell; search
/// matches are marked. Long lines wrap (`w`) by display width, or scroll sideways.
enum RawTextPane {
    static func draw(_ state: ReviewState, _ box: Layout.Box, _ screen: Screen) {
        let highlight = state.rawHighlight.map { "（行 \($0)）" } ?? ""
        let mode = state.wraps ? " · 折行" : state.rawLeft > 0 ? " · 右移 \(state.rawLeft)" : ""
        ReviewRenderer.paneTitle("原文\(highlight)\(mode)", focused: state.focus == .raw, box, screen)
        guard let entry = state.current else { return }
        guard let text = state.report?.text else {
            let why = entry.failure.map { "无法读取：\($0)" } ?? "读取中…"
            for (i, line) in DisplayWidth.wrap(why, box.width).prefix(box.height - 1).enumerated() {
                screen.put(box.top + 1 + i, box.left, line, entry.failure != nil ? .error : .dim)
            }
            return
        }
        let numberWidth = String(text.lineCount).count
        let bodyWidth = max(box.width - numberWidth - 1, 1)
        let query = state.search?.pane == .raw ? state.search?.folded : nil
        var row = box.top + 1
        var number = max(state.rawTop, 1)
        let bottom = box.top + box.height
        while row < bottom, number <= text.lineCount {
            let line = String(text.line(number))
            let isHighlight = number == state.rawHighlight
            let marks = ranges(line, cell: state.cellHighlight?.line == number ? state.cellHighlight : nil, query: query)
            let pieces = state.wraps ? DisplayWidth.wrap(line.replacingOccurrences(of: "\t", with: " "), bodyWidth) : [DisplayWidth.slice(line, from: state.rawLeft, width: bodyWidth)]
            var consumed = state.wraps ? 0 : columnOffset(line, state.rawLeft)
            for (i, piece) in (pieces.isEmpty ? [""] : pieces).enumerated() where row < bottom {
                let gutter = i == 0 ? DisplayWidth.right(String(number), numberWidth) + " " : String(repeating: " ", count: numberWidth + 1)
                screen.put(row, box.left, gutter, isHighlight ? .highlight : .dim)
                drawPiece(piece, from: consumed, marks: marks, row: row, left: box.left + numberWidth + 1, width: bodyWidth,
                          base: isHighlight ? .highlight : .normal, screen)
                consumed += piece.unicodeScalars.count
                row += 1
            }
            number += 1
        }
    }

    /// How many scalars of `line` lie left of display column `start` (wholly or in part).
    static func columnOffset(_ line: String, _ start: Int) -> Int {
        var column = 0, count = 0
        for s in line.unicodeScalars {
            if column >= start { break }
            column += DisplayWidth.of(s == "\t" ? " " : s)
            count += 1
        }
        return count
    }

    /// Scalar ranges of the line to mark: the selected cell's characters (from its column to
    /// the next tab) and the search matches.
    static func ranges(_ line: String, cell: SourceLocation?, query: String?) -> [Range<Int>] {
        var out: [Range<Int>] = []
        let scalars = Array(line.unicodeScalars)
        if let cell, cell.column >= 1, cell.column <= scalars.count {
            var end = cell.column - 1
            while end < scalars.count, scalars[end] != "\t" { end += 1 }
            while end > cell.column - 1, scalars[end - 1] == " " { end -= 1 }
            if end > cell.column - 1 { out.append((cell.column - 1)..<end) }
        }
        if let query, !query.isEmpty {
            let folded = Array(Search.fold(line).unicodeScalars)
            let needle = Array(query.unicodeScalars)
            // Folding keeps one scalar per scalar for the text of reports (NFKC of CJK and
            // full-width forms); where it does not, no match is drawn rather than a wrong one.
            if folded.count == scalars.count, needle.count <= folded.count {
                var i = 0
                while i + needle.count <= folded.count {
                    if Array(folded[i..<(i + needle.count)]) == needle { out.append(i..<(i + needle.count)); i += needle.count } else { i += 1 }
                }
            }
        }
        return out
    }

    /// Draws one visible piece of a line, the marked scalars in the match style.
    static func drawPiece(
        _ piece: String, from start: Int, marks: [Range<Int>], row: Int, left: Int, width: Int, base: CellStyle, _ screen: Screen
    ) {
        guard !marks.isEmpty else {
            screen.put(row, left, DisplayWidth.fit(piece, width, ellipsis: false), base)
            return
        }
        screen.put(row, left, DisplayWidth.fit(piece, width, ellipsis: false), base)
        var x = left
        for (offset, scalar) in piece.unicodeScalars.enumerated() {
            let s: Unicode.Scalar = scalar == "\t" ? " " : scalar
            let w = DisplayWidth.of(s)
            if x + w > left + width { break }
            if marks.contains(where: { $0.contains(start + offset) }) { screen.put(row, x, String(s), .match) }
            x += w
        }
    }
}
