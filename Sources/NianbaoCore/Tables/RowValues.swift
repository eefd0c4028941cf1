/// Decides which value of a row goes into which column.
///
/// When the row holds exactly as many values as columns, they go in order. Otherwise the
/// empty fields of the text are trusted as blank cells only when the row then has exactly
/// the right number of fields; if not, the row's shape is wrong (`ROW_SHAPE`) and the
/// values hold to the anchor end (the 总计 column for Tables 2 and 3).
enum RowValues {
    struct Placement {
        /// One entry per column: the cell that fills it, or nil when nothing could be placed.
        var slots: [RawCell?]
        /// The number of values found, when the row's shape is wrong.
        var wrongShape: Int?
    }

    static func place(_ fields: ArraySlice<RawCell>, columns n: Int, anchor: RowAnchor) -> Placement {
        let values = fields.filter { !$0.isEmpty }
        if values.count == n { return Placement(slots: values, wrongShape: nil) }
        var trimmed = Array(fields)
        while let last = trimmed.last, last.isEmpty { trimmed.removeLast() }
        while trimmed.count > n, let first = trimmed.first, first.isEmpty { trimmed.removeFirst() }
        if trimmed.count == n { return Placement(slots: trimmed, wrongShape: nil) }
        var slots: [RawCell?]
        if values.count > n {
            slots = anchor == .trailing ? Array(values.suffix(n)) : Array(values.prefix(n))
        } else {
            let padding = [RawCell?](repeating: nil, count: n - values.count)
            slots = anchor == .trailing ? padding + values : values + padding
        }
        return Placement(slots: slots, wrongShape: values.count)
    }
}
