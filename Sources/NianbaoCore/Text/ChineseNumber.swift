/// Reads small Chinese numerals as written in prose and dates: 五, 十二, 二十三, 一百零五,
/// and digit-by-digit years such as 二〇二四.
enum ChineseNumber {
    static func value<S: StringProtocol>(_ text: S) -> Int? {
        let scalars = Array(text.unicodeScalars)
        // Longer runs are not the small numbers this reads, and would not fit an Int.
        guard !scalars.isEmpty, scalars.count <= 12 else { return nil }
        if scalars.allSatisfy({ Characters.isDigit($0) }) {
            return Int(String(String.UnicodeScalarView(scalars.map(Characters.halfWidth))))
        }
        guard scalars.allSatisfy(Characters.isChineseNumeral) else { return nil }
        if !scalars.contains("十") && !scalars.contains("百") {
            // 二〇二四: positional digits.
            return scalars.reduce(0) { $0 * 10 + (Characters.chineseDigit($1) ?? 0) }
        }
        var total = 0
        var current = 0
        for s in scalars {
            if let d = Characters.chineseDigit(s) {
                current = d
            } else if s == "十" {
                total += (current == 0 ? 1 : current) * 10
                current = 0
            } else if s == "百" {
                total += (current == 0 ? 1 : current) * 100
                current = 0
            }
        }
        return total + current
    }
}
