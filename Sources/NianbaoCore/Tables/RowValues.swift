/// Decides which value of a row goes into which column.
///
/// When the row holds exactly as many values as columns, they go in order; when it holds
/// exactly as many fields as columns, each field is its column's, blanks included. Otherwise
/// the empty fields of the text are trusted as blank cells only when the row, trimmed of
/// empty fields at its ends, has exactly the right number of fields; if not, the row's shape is wrong (`ROW_SHAPE`) and the
/// values hold to the anchor end (the 总计 column for Tables 2 and 3).
enum RowValues {
    struct Placement {
        /// One entry per column: the cell that fills it, or nil when nothing could be placed.
        var slots: [RawCell?]
        /// The number of values found, when the row's shape is wrong.
        var wrongShape: Int?
    }

    static func place(_ fields: ArraySlice<RawCell>, columns n: Int, anchor: RowAnchor) -> Placement {
        var slots: [RawCell?] = []
        slots.reserveCapacity(n)
        let values = fields.reduce(0) { $1.isEmpty ? $0 : $0 + 1 }
        if values == n {
            for field in fields where !field.isEmpty { slots.append(field) }
            return Placement(slots: slots, wrongShape: nil)
        }
        // Nothing written, in at least as many fields as columns: every column is blank.
        if values == 0, fields.count >= n {
            slots.append(contentsOf: fields.prefix(n).map { Optional($0) })
            return Placement(slots: slots, wrongShape: nil)
        }
        // Exactly one field per column: every field in its place, blanks included.
        if fields.count == n {
            slots.append(contentsOf: fields.map { Optional($0) })
            return Placement(slots: slots, wrongShape: nil)
        }
        var start = fields.startIndex, end = fields.endIndex
        while end > start, fields[end - 1].isEmpty { end -= 1 }
        while end - start > n, fields[start].isEmpty { start += 1 }
        if end - start == n {
            for field in fields[start..<end] { slots.append(field) }
            return Placement(slots: slots, wrongShape: nil)
        }
        let nonEmpty = fields.filter { !$0.isEmpty }
        if values > n {
            for field in anchor == .trailing ? nonEmpty.suffix(n) : nonEmpty.prefix(n) { slots.append(field) }
        } else {
            let padding = n - values
            if anchor == .trailing { slots.append(contentsOf: repeatElement(nil, count: padding)) }
            for field in nonEmpty { slots.append(field) }
            if anchor == .leading { slots.append(contentsOf: repeatElement(nil, count: padding)) }
        }
        return Placement(slots: slots, wrongShape: values)
    }
}
