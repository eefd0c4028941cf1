/// Reads Table 1 or Table 2 out of logical rows by matching each row's label to the
/// schema — by its text, never by its position — and placing its values in columns.
struct RowMatcher {
    let schema: TableSchema

    /// The smallest similarity at which a label is taken as a typo of an official one.
    static let variantThreshold = 0.6

    func read(_ rows: [LogicalRow], region: Range<Int>) -> ExtractedTable {
        var found = [ExtractedRow?](repeating: nil, count: schema.rows.count)
        var problems = [RowShapeProblem?](repeating: nil, count: schema.rows.count)
        var variants: [LabelVariant] = []
        var headerCells: [RawCell] = []
        var previous: Int?
        // Where rows stand in the text: matched ones by schema index, label-less ones with numbers.
        var matchedOrder = [Int?](repeating: nil, count: schema.rows.count)
        var unlabeled: [(order: Int, row: LogicalRow)] = []

        for (order, row) in rows.enumerated() {
            guard let labelIndex = row.lastLabelIndex else {
                if row.cells.contains(where: { if case .number = $0.kind { true } else { false } }) { unlabeled.append((order, row)) }
                continue
            }
            let labelCell = row.cells[labelIndex]
            let data = row.cells[(labelIndex + 1)...]
            let normalized = labelCell.normalized
            let hasValues = data.contains { !$0.isEmpty }
            var specIndex = match(normalized, after: previous, isDataRow: hasValues)
            var isVariant = false
            if specIndex == nil, hasValues, normalized.unicodeScalars.count >= 4 {
                specIndex = closest(normalized, excluding: found)
                isVariant = specIndex != nil
            }
            guard let specIndex, hasValues || data.count >= schema.rows[specIndex].columns.count else {
                headerCells.append(contentsOf: row.cells[...labelIndex].filter(\.isLabel))
                continue
            }
            let spec = schema.rows[specIndex]
            if let existing = found[specIndex], existing.hasNumbers || !hasValues { continue }
            previous = specIndex
            // A piece of the official label (a label wrapped over lines in a PDF) is not a typo.
            let fragment = normalized.unicodeScalars.count >= 4 && spec.accepted.contains { $0.includes(normalized) }
            if !fragment, isVariant || !spec.accepted.containsBytes(normalized) {
                variants.append(LabelVariant(
                    table: schema.table, found: String(labelCell.text.trimmedSpaces), official: spec.label, location: labelCell.location))
            }
            let placement = row.unplaceable
                ? RowValues.Placement(slots: Array(repeating: nil, count: spec.columns.count), wrongShape: data.filter { !$0.isEmpty }.count)
                : RowValues.place(data, columns: spec.columns.count, anchor: schema.anchor)
            let ids = schema.rowCellIDs[specIndex]
            var cells: [Cell] = []
            cells.reserveCapacity(ids.count)
            for (id, slot) in zip(ids, placement.slots) { cells.append(Self.cell(id, slot, fallback: labelCell.location)) }
            let extracted = ExtractedRow(
                spec: spec, label: String(labelCell.text.trimmedSpaces), labelLocation: labelCell.location, cells: cells)
            found[specIndex] = extracted
            matchedOrder[specIndex] = order
            problems[specIndex] = placement.wrongShape.map { count in
                RowShapeProblem(
                    table: schema.table, rowID: spec.id, cells: ids, expected: spec.columns.count, found: count, line: extracted.line,
                    unplaced: row.unplaceable)
            }
        }
        placeDetached(unlabeled, matchedOrder: matchedOrder, into: &found, variants: &variants)
        variants += HeaderCheck.variants(in: headerCells, schema: schema)
        return ExtractedTable(
            schema: schema, rows: found.compactMap { $0 }, region: region, shapeProblems: problems.compactMap { $0 },
            labelVariants: variants)
    }

    /// Rows whose numbers a converter detached from their labels (Markdown from PDF): between
    /// two rows found by their labels, when the text holds exactly as many label-less rows of
    /// full width as the schema has rows between those two, they are those rows, in order.
    /// Anything less certain stays missing.
    func placeDetached(
        _ unlabeled: [(order: Int, row: LogicalRow)], matchedOrder: [Int?], into found: inout [ExtractedRow?],
        variants: inout [LabelVariant]
    ) {
        guard !unlabeled.isEmpty else { return }
        let matched = schema.rows.indices.filter { matchedOrder[$0] != nil }
        for (a, b) in zip(matched, matched.dropFirst()) where b > a + 1 {
            let missing = ((a + 1)..<b).filter { found[$0] == nil && !schema.rows[$0].isAlternative }
            guard missing.count == b - a - 1, let from = matchedOrder[a], let to = matchedOrder[b], from < to else { continue }
            let between = unlabeled.filter { $0.order > from && $0.order < to }
            guard between.count == missing.count,
                  zip(missing, between).allSatisfy({ index, candidate in
                      candidate.row.cells.filter { !$0.isEmpty }.count == schema.rows[index].columns.count
                  }) else { continue }
            for (index, candidate) in zip(missing, between) {
                let spec = schema.rows[index]
                let values = candidate.row.cells.filter { !$0.isEmpty }
                let cells = zip(schema.rowCellIDs[index], values).map { Self.cell($0, $1, fallback: $1.location) }
                let location = values[0].location
                found[index] = ExtractedRow(spec: spec, label: spec.label, labelLocation: location, cells: cells)
                variants.append(LabelVariant(table: schema.table, found: "（无行名，按位置认定）", official: spec.label, location: location))
            }
        }
    }

    /// The index of the row a label names: whole-label matches first, then identifying fragments.
    /// `exactAfter` keeps a header cell ("其他" over a column) from passing for a row; a label
    /// with numbers of its own is a row wherever it stands.
    func match(_ label: String, after previous: Int?, isDataRow: Bool = false) -> Int? {
        if label.isEmpty { return nil }
        let previousID = previous.map { schema.rows[$0].id }
        func exactAllowed(_ index: Int) -> Bool {
            guard let after = schema.rows[index].exactAfter else { return true }
            return isDataRow || (previousID?.hasPrefix(after) ?? false)
        }
        let exact = schema.exactLabels.first { $0.label.sameBytes(label) && exactAllowed($0.row) }?.row
        if let exact { return exact }
        // Rows nearly always come in table order: try the next one before all the others.
        if let previous, previous + 1 < schema.rows.count, schema.rows[previous + 1].keys.contains(where: { label.includes($0) }) {
            return previous + 1
        }
        return schema.rows.firstIndex { spec in spec.keys.contains { label.includes($0) } }
    }

    /// The official row whose label this one is most likely a typo of, if any is close.
    func closest(_ label: String, excluding taken: [ExtractedRow?]) -> Int? {
        var best: (Int, Double)?
        for (index, spec) in schema.rows.enumerated() where taken[index] == nil {
            for official in spec.accepted {
                let score = LabelText.similarity(label, official)
                if score >= Self.variantThreshold, score > (best?.1 ?? 0) { best = (index, score) }
            }
        }
        return best?.0
    }

    static func cell(_ id: CellID, _ slot: RawCell?, fallback: SourceLocation) -> Cell {
        guard let slot else { return Cell(id: id, value: .blank, source: fallback, provenance: .unplaced) }
        switch slot.kind {
        case .number(let q): return Cell(id: id, value: .number(q), source: slot.location)
        case .tooLarge: return Cell(id: id, value: .unreadable, source: slot.location)
        default: return Cell(id: id, value: .blank, source: slot.location)
        }
    }
}
