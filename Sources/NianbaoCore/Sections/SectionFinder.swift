/// Finds the six section headings, in order.
///
/// The traps it avoids: section 一's own sub-parts numbered like sections but without 、
/// ("二 依申请公开情况"), table rows that start with a numeral ("四、结转下年度继续办理"),
/// a heading repeated ("一、总体情况" twice: the first counts).
enum SectionFinder {
    static let maxHeadingLength = 48

    /// True when the line, after ASCII and full-width spaces, starts with `numeral`'s bytes.
    static func startsWithNumeral(_ line: Substring, _ numeral: [UInt8]) -> Bool {
        line.utf8.withContiguousStorageIfAvailable { b in
            var i = 0
            while i < b.count {
                if b[i] == 32 { i += 1; continue }
                if b[i] == 0xE3, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0x80 { i += 3; continue }
                break
            }
            guard i + numeral.count <= b.count else { return false }
            for k in 0..<numeral.count where b[i + k] != numeral[k] { return false }
            return true
        } ?? line.trimmedSpaces.hasPrefix(String(decoding: numeral, as: UTF8.self))
    }

    static func find(in text: ReportText) -> [SectionSpan] {
        var found: [(SectionID, Int)] = []
        var from = 0
        for id in SectionID.allCases {
            guard let line = firstHeading(of: id, in: text, from: from) else { continue }
            found.append((id, line))
            from = line + 1
        }
        var spans: [SectionSpan] = []
        for (index, (id, line)) in found.enumerated() {
            let end = index + 1 < found.count ? found[index + 1].1 : text.lineCount
            spans.append(SectionSpan(id: id, headingLine: line, body: (line + 1)..<end))
        }
        return spans
    }

    private static func firstHeading(of id: SectionID, in text: ReportText, from start: Int) -> Int? {
        guard start < text.lineCount else { return nil }
        for index in start..<text.lineCount where isHeading(text.lines[index], of: id) {
            return index
        }
        return nil
    }

    /// A heading is a short line of its own, not a table row, starting with the section's
    /// numeral and 、 (or ．/.), and naming the section's subject.
    static func isHeading(_ line: Substring, of id: SectionID) -> Bool {
        // Most lines fail here, on bytes: a heading starts (after spaces) with the numeral.
        guard startsWithNumeral(line, id.numeralBytes) else { return false }
        guard !line.hasTab else { return false }
        let trimmed = line.trimmedSpaces
        guard trimmed.unicodeScalars.count <= maxHeadingLength else { return false }
        let scalars = trimmed.unicodeScalars
        guard let first = scalars.first, first == id.numeral.unicodeScalars.first! else { return false }
        var rest = scalars.dropFirst()
        while let s = rest.first, Characters.isSpace(s) { rest = rest.dropFirst() }
        guard let separator = rest.first, ["、", ".", "．"].contains(separator) else { return false }
        let title = String(String.UnicodeScalarView(rest.dropFirst()))
        return id.keywords.contains { title.includes($0) }
    }
}
