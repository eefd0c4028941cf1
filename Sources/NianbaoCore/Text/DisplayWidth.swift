/// How many terminal cells text takes: Chinese characters and full-width forms take two,
/// combining marks none. From the East Asian Width property (W and F ranges), so it does
/// not depend on the locale the program runs under.
public enum DisplayWidth {
    public static func of(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v == 0x09 { return 1 }  // drawn as one space, see `prefix`
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if v < 0x300 { return 1 }
        if (0x300...0x36F).contains(v) || (0x200B...0x200F).contains(v) || v == 0xFE0F || (0x20D0...0x20FF).contains(v) { return 0 }
        if isWide(v) { return 2 }
        return 1
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            true
        default:
            false
        }
    }

    public static func of<S: StringProtocol>(_ text: S) -> Int {
        text.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    /// `text` with spaces after it up to `width` cells; longer text is left whole.
    public static func padded(_ text: String, to width: Int) -> String {
        let shown = of(text)
        return shown >= width ? text : text + String(repeating: " ", count: width - shown)
    }

    /// The longest prefix of `text` that fits in `width` cells, never cutting a wide
    /// character in half, and the cells it takes. Tabs count as one space.
    public static func prefix<S: StringProtocol>(_ text: S, fitting width: Int) -> (String, Int) {
        var out = String.UnicodeScalarView()
        var used = 0
        for s in text.unicodeScalars {
            let scalar: Unicode.Scalar = s == "\t" ? " " : s
            let w = of(scalar)
            if used + w > width { break }
            out.append(scalar)
            used += w
        }
        return (String(out), used)
    }

    /// The part of `text` from display column `start` that fits in `width` cells: a wide
    /// character cut by either edge is drawn as a space, never as half a character.
    public static func slice<S: StringProtocol>(_ text: S, from start: Int, width: Int) -> String {
        var out = String.UnicodeScalarView()
        var column = 0
        var used = 0
        for s in text.unicodeScalars {
            let scalar: Unicode.Scalar = s == "\t" ? " " : s
            let w = of(scalar)
            defer { column += w }
            if column + w <= start { continue }
            if column < start {
                // Straddles the left edge: its visible half is a space.
                out.append(" ")
                used += 1
                continue
            }
            if used + w > width { break }
            out.append(scalar)
            used += w
        }
        return String(out)
    }

    /// `text` cut or padded with spaces to exactly `width` cells; an ellipsis marks a cut.
    public static func fit<S: StringProtocol>(_ text: S, _ width: Int, ellipsis: Bool = true) -> String {
        guard width > 0 else { return "" }
        let total = of(text)
        if total <= width { return prefix(text, fitting: width).0 + String(repeating: " ", count: width - total) }
        let (head, used) = prefix(text, fitting: ellipsis ? width - 1 : width)
        return head + (ellipsis ? "…" : "") + String(repeating: " ", count: width - used - (ellipsis ? 1 : 0))
    }

    /// `text` right-aligned in `width` cells (numbers in table columns).
    public static func right<S: StringProtocol>(_ text: S, _ width: Int) -> String {
        let w = of(text)
        return w >= width ? fit(text, width, ellipsis: false) : String(repeating: " ", count: width - w) + text
    }

    /// `text` broken into lines of at most `width` cells (for notes and long messages).
    public static func wrap(_ text: String, _ width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var rest = Substring(paragraph)
            if rest.isEmpty { lines.append(""); continue }
            while !rest.isEmpty {
                let (head, _) = prefix(rest, fitting: width)
                let taken = max(head.unicodeScalars.count, 1)
                lines.append(String(String.UnicodeScalarView(rest.unicodeScalars.prefix(taken))))
                rest = Substring(rest.unicodeScalars.dropFirst(taken))
            }
        }
        return lines
    }
}
