/// What the text of one table cell says: nothing, a blank marker, a number, or a label.
public enum CellText: Hashable, Sendable {
    case empty
    /// A dash or slash standing for "nothing to report": blank, not zero.
    case blankMarker
    case number(Quantity)
    case label

    static let blankMarkers: Set<String> = ["-", "—", "——", "–", "/", "\\", "--", "—-", "-—", "/ "]
    static let units: [String] = ["万元", "元", "件", "个", "项", "次", "起", "%"]

    /// Full-width digits, spaces inside the number and a unit after it are layout noise.
    public static func classify<S: StringProtocol>(_ text: S) -> CellText {
        var folded = String.UnicodeScalarView()
        for s in text.unicodeScalars where !Characters.isSpace(s) { folded.append(Characters.halfWidth(s)) }
        if folded.isEmpty { return .empty }
        var string = String(folded)
        if blankMarkers.contains(string) { return .blankMarker }
        for unit in units where string.hasSuffix(unit) && string.count > unit.count {
            string.removeLast(unit.count)
            break
        }
        if let q = parseNumber(string) { return .number(q) }
        return .label
    }

    /// Parses `12`, `+3`, `-2`, `1,234`, `18.6`, `24252.311082`. At most six decimals.
    static func parseNumber(_ text: String) -> Quantity? {
        var scalars = Substring(text).unicodeScalars[...]
        var negative = false
        if let first = scalars.first, first == "+" || first == "-" {
            negative = first == "-"
            scalars = scalars.dropFirst()
        }
        guard let first = scalars.first, ("0"..."9").contains(first) else { return nil }
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var inFraction = false
        var lastWasComma = false
        for s in scalars {
            switch s {
            case "0"..."9":
                let d = Int64(s.value - 48)
                if inFraction {
                    guard fractionDigits < 6 else { return nil }
                    fraction = fraction * 10 + d
                    fractionDigits += 1
                } else {
                    guard whole < 1_000_000_000_000 else { return nil }
                    whole = whole * 10 + d
                }
                lastWasComma = false
            case ",":
                guard !inFraction, !lastWasComma else { return nil }
                lastWasComma = true
            case ".":
                guard !inFraction, !lastWasComma else { return nil }
                inFraction = true
            default:
                return nil
            }
        }
        if lastWasComma || (inFraction && fractionDigits == 0) { return nil }
        var scaledFraction = fraction
        for _ in fractionDigits..<6 { scaledFraction *= 10 }
        let micros = whole * Quantity.scale + scaledFraction
        return Quantity(micros: negative ? -micros : micros)
    }
}
