/// Normalises table labels so that the layout noise of real reports does not matter:
/// stray spaces ("自然 人", "不予公 开"), full-width forms, quotes, brackets, punctuation
/// and the numbering in front ("三、", "(一)", "1.").
public enum LabelText {
    /// Quotes, brackets and punctuation, which carry no meaning in a label.
    static func isDropped(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "\"", "'", "“", "”", "‘", "’", "「", "」", "『", "』", "(", ")", "（", "）", "[", "]", "【", "】",
             "、", ",", "，", "。", ".", "．", ":", "：", ";", "；", "—", "-", "－", "·", "《", "》", "<", ">", "_", "*", "|":
            true
        default: false
        }
    }

    /// The label reduced to the characters that carry meaning.
    public static func normalize<S: StringProtocol>(_ text: S) -> String {
        let stripped = stripNumbering(text)
        var out: [UInt8] = []
        out.reserveCapacity(stripped.utf8.count)
        for s in stripped.unicodeScalars where !Characters.isSpace(s) {
            let h = Characters.halfWidth(s)
            if isDropped(h) || isDropped(s) { continue }
            UTF8.encode(h) { out.append($0) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Removes one leading number such as `三、`, `(一)`, `（二）`, `1.`, `1、`, `5．`.
    static func stripNumbering<S: StringProtocol>(_ text: S) -> Substring {
        let scalars = text.trimmedSpaces.unicodeScalars
        var i = scalars.startIndex
        func skipSpaces() { while i != scalars.endIndex, Characters.isSpace(scalars[i]) { i = scalars.index(after: i) } }
        guard i != scalars.endIndex else { return Substring(scalars) }
        let first = Characters.halfWidth(scalars[i])
        if first == "(" || first == "[" {
            var j = scalars.index(after: i)
            var sawNumeral = false
            while j != scalars.endIndex, Characters.isChineseNumeral(scalars[j]) || Characters.isDigit(scalars[j]) || Characters.isSpace(scalars[j]) {
                sawNumeral = true
                j = scalars.index(after: j)
            }
            if sawNumeral, j != scalars.endIndex, [")", "]"].contains(Characters.halfWidth(scalars[j])) {
                i = scalars.index(after: j)
                skipSpaces()
                return Substring(scalars[i...])
            }
            return Substring(scalars)
        }
        var j = i
        while j != scalars.endIndex, Characters.isChineseNumeral(scalars[j]) || Characters.isDigit(scalars[j]) {
            j = scalars.index(after: j)
        }
        guard j != i else { return Substring(scalars) }
        var k = j
        while k != scalars.endIndex, Characters.isSpace(scalars[k]) { k = scalars.index(after: k) }
        if k != scalars.endIndex, ["、", ".", ",", "，"].contains(Characters.halfWidth(scalars[k])) {
            // "1.5" is a number, not a numbered label.
            let after = scalars.index(after: k)
            if after != scalars.endIndex, Characters.isDigit(scalars[after]) { return Substring(scalars) }
            i = after
            skipSpaces()
            return Substring(scalars[i...])
        }
        return Substring(scalars)
    }

    /// How alike two normalised labels are, from 0 to 1 (Dice coefficient over the longest
    /// common subsequence), for telling a typo of an official label from another label.
    public static func similarity(_ a: String, _ b: String) -> Double {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        var previous = [Int](repeating: 0, count: y.count + 1)
        var current = previous
        for i in 1...x.count {
            for j in 1...y.count {
                current[j] = x[i - 1] == y[j - 1] ? previous[j - 1] + 1 : max(previous[j], current[j - 1])
            }
            swap(&previous, &current)
        }
        return 2 * Double(previous[y.count]) / Double(x.count + y.count)
    }
}
