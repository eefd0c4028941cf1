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

        for row in rows {
            guard let labelIndex = row.lastLabelIndex else { continue }
            let labelCell = row.cells[labelIndex]
            let data = row.cells[(labelIndex + 1)...]
            let normalized = labelCell.normalized
            let hasValues = data.contains { !$0.isEmpty }
            var specIndex = match(normalized, after: previous)
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
            let placement = RowValues.place(data, columns: spec.columns.count, anchor: schema.anchor)
            let ids = schema.rowCellIDs[specIndex]
            var cells: [Cell] = []
            cells.reserveCapacity(ids.count)
            for (id, slot) in zip(ids, placement.slots) { cells.append(Self.cell(id, slot, fallback: labelCell.location)) }
            let extracted = ExtractedRow(
                spec: spec, label: String(labelCell.text.trimmedSpaces), labelLocation: labelCell.location, cells: cells)
            found[specIndex] = extracted
            problems[specIndex] = placement.wrongShape.map { count in
                RowShapeProblem(
                    table: schema.table, rowID: spec.id, cells: ids, expected: spec.columns.count, found: count, line: extracted.line)
            }
        }
        variants += HeaderCheck.variants(in: headerCells, schema: schema)
        return ExtractedTable(
            schema: schema, rows: found.compactMap { $0 }, region: region, shapeProblems: problems.compactMap { $0 },
            labelVariants: variants)
    }

    /// The index of the row a label names: whole-label matches first, then identifying fragments.
    func match(_ label: String, after previous: Int?) -> Int? {
        if label.isEmpty { return nil }
        let previousID = previous.map { schema.rows[$0].id }
        func exactAllowed(_ index: Int) -> Bool {
            guard let after = schema.rows[index].exactAfter else { return true }
            return previousID?.hasPrefix(after) ?? false
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
        default: return Cell(id: id, value: .blank, source: slot.location)
        }
    }
}
