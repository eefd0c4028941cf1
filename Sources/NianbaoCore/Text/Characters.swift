/// Character classes the reports need: full-width forms, the many spaces of Word and PDF
/// output, and the Chinese numerals used to number sections and rows.
enum Characters {
    /// Spaces of every width, including U+3000 (full-width) and U+00A0 (no-break).
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0x3000, 0x2002...0x200B, 0x202F, 0x205F, 0xFEFF: true
        default: false
        }
    }

    /// Folds full-width ASCII (`０`–`９`, `＋`, `－`, `．`, `（` …) to its ASCII form.
    static func halfWidth(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if (0xFF01...0xFF5E).contains(s.value) { return Unicode.Scalar(s.value - 0xFEE0)! }
        return s
    }

    /// The value of a Chinese digit (零〇○ 一 二两 三 … 九), nil for anything else.
    static func chineseDigit(_ s: Unicode.Scalar) -> Int? {
        switch s {
        case "零", "〇", "○", "◯", "Ｏ": 0
        case "一": 1
        case "二", "两": 2
        case "三": 3
        case "四": 4
        case "五": 5
        case "六": 6
        case "七": 7
        case "八": 8
        case "九": 9
        default: nil
        }
    }

    static func isChineseNumeral(_ s: Unicode.Scalar) -> Bool {
        chineseDigit(s) != nil || s == "十" || s == "百"
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(halfWidth(s)) }
}

extension StringProtocol {
    /// The text without leading and trailing spaces of any width.
    var trimmedSpaces: Substring {
        let scalars = Substring(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !Characters.isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !Characters.isSpace($0) })!
        return Substring(scalars[first...last])
    }
}
