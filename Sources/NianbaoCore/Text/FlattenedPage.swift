#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Web page text flattened onto one line (an archiver's page.txt): the whole report,
/// headings included, runs together. Putting each section heading on a line of its own
/// lets the section finder and the table readers work as on any other text.
enum FlattenedPage {
    /// Lines this long hold a flattened page rather than a paragraph.
    static let longLine = 1000

    static func unflatten(_ text: String) -> String {
        guard hasLongLine(text) else { return text }
        var scalars = Array(text.unicodeScalars)
        var cursor = 0
        var cuts: [(Int, Int)] = []
        for id in SectionID.allCases {
            guard let heading = findHeading(id, in: scalars, from: cursor) else { continue }
            cuts.append(heading)
            cursor = heading.1
        }
        guard cuts.count >= 3 else { return text }
        for (start, end) in cuts.reversed() {
            scalars.insert("\n", at: end)
            scalars.insert("\n", at: start)
        }
        return String(String.UnicodeScalarView(scalars))
    }

    /// True when some line (ended by LF, CR or CRLF) is longer than `longLine` letters —
    /// checked on the bytes (three per Chinese letter), as this runs on every report.
    static func hasLongLine(_ text: String) -> Bool {
        // A letter is at least one byte: no LF-separated stretch longer than `longLine` bytes
        // means no long line, found with memchr on most files.
        let quick: Bool? = text.utf8.withContiguousStorageIfAvailable { b in
            guard let base = b.baseAddress else { return false }
            var start = 0
            while start < b.count {
                let end = memchr(base + start, 0x0A, b.count - start).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? b.count
                if end - start > longLine { return true }
                start = end + 1
            }
            return false
        }
        if quick == false { return false }
        var run = 0
        for byte in text.utf8 {
            if byte == 0x0A || byte == 0x0D { run = 0; continue }
            if byte & 0xC0 != 0x80 { run += 1 }
            if run > longLine { return true }
        }
        return false
    }

    /// The range of `一、总体情况`-like text: the numeral, 、, then up to 30 letters ending in
    /// 情况 or 事项, with no digits, naming the section's subject.
    static func findHeading(_ id: SectionID, in s: [Unicode.Scalar], from start: Int) -> (Int, Int)? {
        let numeral = id.numeral.unicodeScalars.first!
        var i = start
        while i + 2 < s.count {
            defer { i += 1 }
            guard s[i] == numeral, s[i + 1] == "、" else { continue }
            var j = i + 2
            while j < min(s.count, i + 32), !Characters.isDigit(s[j]) {
                if j > i + 2, (s[j - 1] == "情" && s[j] == "况") || (s[j - 1] == "事" && s[j] == "项") {
                    let title = String(String.UnicodeScalarView(s[(i + 2)...j]))
                    if id.keywords.contains(where: { title.includes($0) }) { return (i, j + 1) }
                    break
                }
                j += 1
            }
        }
        return nil
    }
}
