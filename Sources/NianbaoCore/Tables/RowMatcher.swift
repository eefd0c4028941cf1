/// Reads Table 1 or Table 2 out of logical rows by matching each row's label to the
/// schema — by its text, never by its position — and placing its values in columns.
struct RowMatcher {
    let schema: TableSchema

    /// The smallest similarity at which a label is taken as a typo of an official one.
    static let variantThreshold = 0.6

    func read(_ rows: [LogicalRow], region: Range<Int>) -> ExtractedTable {
        var found: [String: ExtractedRow] = [:]
        var problems: [String: RowShapeProblem] = [:]
        var variants: [LabelVariant] = []
        var headerCells: [RawCell] = []
        var previousID: String?

        for row in rows {
            guard let labelIndex = row.lastLabelIndex else { continue }
            let labelCell = row.cells[labelIndex]
            let data = row.cells[(labelIndex + 1)...]
            let normalized = LabelText.normalize(labelCell.text)
            let hasValues = data.contains { !$0.isEmpty }
            var spec = match(normalized, after: previousID)
            var isVariant = false
            if spec == nil, hasValues, normalized.unicodeScalars.count >= 4 {
                spec = closest(normalized, excluding: Set(found.keys))
                isVariant = spec != nil
            }
            guard let spec, hasValues || data.count >= spec.columns.count else {
                headerCells.append(contentsOf: row.cells[...labelIndex].filter(\.isLabel))
                continue
            }
            if let existing = found[spec.id], existing.hasNumbers || !hasValues { continue }
            previousID = spec.id
            if isVariant || !spec.accepted.contains(normalized) {
                variants.append(LabelVariant(
                    table: schema.table, found: String(labelCell.text.trimmedSpaces), official: spec.label, location: labelCell.location))
            }
            let placement = RowValues.place(data, columns: spec.columns.count, anchor: schema.anchor)
            let cells = zip(spec.columns, placement.slots).map { column, slot in
                Self.cell(spec.cellID(schema.table, column), slot, fallback: labelCell.location)
            }
            let extracted = ExtractedRow(
                spec: spec, label: String(labelCell.text.trimmedSpaces), labelLocation: labelCell.location, cells: cells)
            found[spec.id] = extracted
            if let count = placement.wrongShape {
                problems[spec.id] = RowShapeProblem(
                    table: schema.table, rowID: spec.id, cells: cells.map(\.id), expected: spec.columns.count,
                    found: count, line: extracted.line)
            } else {
                problems[spec.id] = nil
            }
        }
        variants += HeaderCheck.variants(in: headerCells, schema: schema)
        return ExtractedTable(
            schema: schema,
            rows: schema.rows.compactMap { found[$0.id] },
            region: region,
            shapeProblems: schema.rows.compactMap { problems[$0.id] },
            labelVariants: variants
        )
    }

    /// The row a label names: whole-label matches first, then identifying fragments.
    func match(_ label: String, after previousID: String?) -> RowSpec? {
        if label.isEmpty { return nil }
        for spec in schema.rows where spec.exact.contains(label) {
            if let after = spec.exactAfter, !(previousID?.hasPrefix(after) ?? false) { continue }
            return spec
        }
        return schema.rows.first { spec in spec.keys.contains { label.contains($0) } }
    }

    /// The official row whose label this one is most likely a typo of, if any is close.
    func closest(_ label: String, excluding taken: Set<String>) -> RowSpec? {
        var best: (RowSpec, Double)?
        for spec in schema.rows where !taken.contains(spec.id) {
            for official in spec.accepted {
                let score = LabelText.similarity(label, official)
                if score >= Self.variantThreshold, score > (best?.1 ?? 0) { best = (spec, score) }
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
