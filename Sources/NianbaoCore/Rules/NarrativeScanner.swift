/// Finds what the prose of a report claims: "未收到…申请", "行政处罚 3 起", "收到申请 23 件".
/// Hand-written scanning of the report's own UTF-8 bytes (no copy), over the line ranges
/// outside the tables: it runs on every report of a batch.
struct NarrativeScanner {
    private let text: String
    /// Byte ranges of the prose in `text`.
    private let ranges: [Range<Int>]

    init(report: Report) {
        text = report.text.string
        let utf8 = text.utf8
        let regions = report.tables.values.map(\.region).sorted { $0.lowerBound < $1.lowerBound }
        var ranges: [Range<Int>] = []
        var line = 0
        func offset(_ s: Substring) -> Int { utf8.distance(from: utf8.startIndex, to: s.startIndex) }
        func end(_ s: Substring) -> Int { utf8.distance(from: utf8.startIndex, to: s.endIndex) }
        let lines = report.text.lines
        for region in regions + [lines.count..<lines.count] {
            if line < region.lowerBound, line < lines.count {
                ranges.append(offset(lines[line])..<end(lines[min(region.lowerBound, lines.count) - 1]))
            }
            line = max(line, region.upperBound)
        }
        self.ranges = ranges
    }

    /// Bytes that end a sentence: line ends, ; ! ? and the lead bytes of 。；！？ are checked
    /// in `isSentenceEnd`.
    private static func isSentenceEnd(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        switch b[i] {
        case 0x0A, 0x0D, UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"): return true
        case 0xE3: return i + 2 < b.count && b[i + 1] == 0x80 && b[i + 2] == 0x82            // 。
        case 0xEF: return i + 2 < b.count && b[i + 1] == 0xBC && [0x9B, 0x81, 0x9F].contains(b[i + 2])  // ；！？
        default: return false
        }
    }

    static func isClauseEnd(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "，", ",", "、", "：", ":", "（", "(": true
        default: false
        }
    }

    static func isUnit(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "件", "起", "次", "宗", "个", "条": true
        default: false
        }
    }

    private func withBytes<T>(_ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        text.utf8.withContiguousStorageIfAvailable(body) ?? Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// Every place of `needle` in the prose.
    private func occurrences(_ needle: String, in b: UnsafeBufferPointer<UInt8>) -> [Int] {
        var found: [Int] = []
        needle.utf8.withContiguousStorageIfAvailable { n in
            for range in ranges {
                var from = range.lowerBound
                while let at = ByteSearch.find(n, in: UnsafeBufferPointer(rebasing: b[from..<range.upperBound])) {
                    found.append(from + at)
                    from += at + 1
                }
            }
        }
        return found
    }

    /// The sentence around byte `i`.
    private func sentence(around i: Int, in b: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var start = i
        while start > 0, !Self.isSentenceEnd(b, start - 1) { start -= 1 }
        var end = i
        while end < b.count, !Self.isSentenceEnd(b, end) { end += 1 }
        return start..<end
    }

    private func contains(_ needle: String, in range: Range<Int>, of b: UnsafeBufferPointer<UInt8>) -> Bool {
        needle.utf8.withContiguousStorageIfAvailable { n in
            ByteSearch.find(n, in: UnsafeBufferPointer(rebasing: b[range])) != nil
        } ?? false
    }

    /// True when a sentence contains `first` and, after it, `then` (e.g. 未收到 … 申请).
    func claims(_ first: String, then: String, excluding: [String] = []) -> Bool {
        withBytes { b in
            occurrences(first, in: b).contains { start in
                let sentence = sentence(around: start, in: b)
                guard contains(then, in: (start + first.utf8.count)..<sentence.upperBound, of: b) else { return false }
                return !excluding.contains { contains($0, in: sentence, of: b) }
            }
        }
    }

    /// True when a sentence contains `subject` and any of `negations`, and is not about an
    /// outcome of such cases ("未发生…被行政复议纠错" denies a correction, not the case).
    func denies(_ subject: String, negations: [String], unlessAbout outcomes: [String] = []) -> Bool {
        withBytes { b in
            occurrences(subject, in: b).contains { start in
                let sentence = sentence(around: start, in: b)
                guard negations.contains(where: { contains($0, in: sentence, of: b) }) else { return false }
                return !outcomes.contains { contains($0, in: sentence, of: b) }
            }
        }
    }

    /// The first count stated after `keyword` in the same clause: "行政处罚 3 起" → 3.
    /// With `via`, the words between must include it ("收到…申请 23 件"). `window` counts letters.
    func count(after keyword: String, via: String? = nil, window: Int = 16) -> Int? {
        withBytes { b in
            for start in occurrences(keyword, in: b) {
                var i = start + keyword.utf8.count
                var letters = 0
                var sawMiddle = via == nil
                while letters < window, let (s, length) = scalar(at: i, in: b) {
                    if let via, !sawMiddle, matches(via, at: i, in: b) { sawMiddle = true }
                    if Self.isClauseEnd(s) { break }
                    if sawMiddle, Characters.isDigit(s) || Characters.isChineseNumeral(s) {
                        var digits = String.UnicodeScalarView()
                        var j = i
                        while let (d, n) = scalar(at: j, in: b), Characters.isDigit(d) || Characters.isChineseNumeral(d) {
                            digits.append(d)
                            j += n
                        }
                        var k = j
                        while let (space, n) = scalar(at: k, in: b), Characters.isSpace(space) { k += n }
                        if let (unit, _) = scalar(at: k, in: b), Self.isUnit(unit), let value = ChineseNumber.value(String(digits)) {
                            return value
                        }
                        letters += digits.count
                        i = j
                        continue
                    }
                    i += length
                    letters += 1
                }
            }
            return nil
        }
    }

    /// The scalar starting at byte `i` and its length in bytes; nil at a sentence end.
    private func scalar(at i: Int, in b: UnsafeBufferPointer<UInt8>) -> (Unicode.Scalar, Int)? {
        guard i < b.count, !Self.isSentenceEnd(b, i) else { return nil }
        let b0 = UInt32(b[i])
        if b0 < 0x80 { return (Unicode.Scalar(b0)!, 1) }
        let length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2
        guard i + length <= b.count else { return nil }
        var value = b0 & (0xFF >> (length + 1))
        for k in 1..<length { value = value << 6 | UInt32(b[i + k] & 0x3F) }
        return Unicode.Scalar(value).map { ($0, length) }
    }

    private func matches(_ needle: String, at i: Int, in b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = needle.utf8
        guard i + n.count <= b.count else { return false }
        var k = i
        for byte in n {
            if b[k] != byte { return false }
            k += 1
        }
        return true
    }
}
