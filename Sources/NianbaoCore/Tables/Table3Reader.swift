/// Reads Table 3: the fifteen numbers stand in one row under a three-level header, so the
/// row with the most values is the data row, and its fields are placed positionally.
enum Table3Reader {
    static func read(_ rows: [LogicalRow], region: Range<Int>) -> ExtractedTable? {
        let schema = TableSchema.table3
        let width = schema.rows.count * TableSchema.table3Columns.count
        var best: (row: LogicalRow, data: ArraySlice<RawCell>, numbers: Int)?
        var headerCells: [RawCell] = []
        for row in rows {
            let start = row.lastLabelIndex.map { $0 + 1 } ?? 0
            let data = row.cells[start...]
            let numbers = data.filter { if case .number = $0.kind { true } else { false } }.count
            headerCells.append(contentsOf: row.cells.filter(\.isLabel))
            if numbers >= 3, numbers > (best?.numbers ?? 0) { best = (row, data, numbers) }
        }
        // A table left blank has no numbers: its data row is the label-less row of (at
        // least) fifteen fields under the header.
        if best == nil, let blank = rows.last(where: { $0.lastLabelIndex == nil && $0.cells.count >= width }) {
            best = (blank, blank.cells[...], 0)
        }
        guard let best else { return nil }
        let placement = best.row.unplaceable
            ? RowValues.Placement(slots: Array(repeating: nil, count: width), wrongShape: best.numbers)
            : RowValues.place(best.data, columns: width, anchor: .trailing)
        let origin = best.row.cells.first!.location
        var extracted: [ExtractedRow] = []
        for (group, spec) in schema.rows.enumerated() {
            let cells = schema.rowCellIDs[group].enumerated().map { index, id in
                RowMatcher.cell(id, placement.slots[group * spec.columns.count + index], fallback: origin)
            }
            extracted.append(ExtractedRow(spec: spec, label: spec.label, labelLocation: origin, cells: cells))
        }
        var problems: [RowShapeProblem] = []
        if let found = placement.wrongShape {
            problems.append(RowShapeProblem(
                table: .t3, rowID: "", cells: extracted.flatMap { $0.cells.map(\.id) }, expected: width, found: found,
                line: origin.line, unplaced: best.row.unplaceable))
        }
        let headers = headerCells.filter { $0.location.line < origin.line }
        return ExtractedTable(
            schema: schema, rows: extracted, region: region, shapeProblems: problems,
            labelVariants: HeaderCheck.variants(in: headers, schema: schema))
    }
}
