/// What the text of one table cell says: nothing, a blank marker, a number, or a label.
public enum CellText: Hashable, Sendable {
    case empty
    /// A dash or slash standing for "nothing to report": blank, not zero.
    case blankMarker
    case number(Quantity)
    /// Written as a number, but with more digits than any count can have (the model keeps
    /// up to `NumberReader.maxWholeDigits`): reported as unreadable, never taken.
    case tooLarge
    case label

    /// Full-width digits, spaces inside the number and a unit after it are layout noise.
    public static func classify<S: StringProtocol>(_ text: S) -> CellText {
        // Most cells are labels or single numbers: decide on the first letter when possible.
        guard let lead = text.unicodeScalars.first(where: { !Characters.isSpace($0) }) else { return .empty }
        let first = Characters.halfWidth(lead)
        let couldBeValue = ("0"..."9").contains(first) || first == "+" || first == "-" || first == "/" || first == "\\"
            || first == "—" || first == "–"
        guard couldBeValue else { return .label }
        var reader = NumberReader()
        var markers = 0
        var others = 0
        var isNumber = true
        for s in text.unicodeScalars where !Characters.isSpace(s) {
            let h = Characters.halfWidth(s)
            if h == "-" || h == "—" || h == "–" || h == "/" || h == "\\" { markers += 1 } else { others += 1 }
            if isNumber, !reader.feed(h) {
                isNumber = false
                if others > 0 { return .label }
            }
        }
        if others == 0, markers <= 2 { return .blankMarker }
        guard isNumber else { return .label }
        if reader.endsTooLarge { return .tooLarge }
        return reader.result.map(CellText.number) ?? .label
    }
}
