/// Finds column headings that are typos of the official ones ("本年度止件数" for 本年废止件数).
/// Fragments of a heading split over lines ("商业", "企业") are not typos.
enum HeaderCheck {
    static let threshold = 0.7

    private static let memo: [TableID: [Template: LabelMemo<String?>]] = {
        var memo: [TableID: [Template: LabelMemo<String?>]] = [:]
        for table in TableID.allCases {
            memo[table] = Dictionary(uniqueKeysWithValues: Template.allCases.map { ($0, LabelMemo<String?>()) })
        }
        return memo
    }()

    static func variants(in cells: [RawCell], schema: TableSchema) -> [LabelVariant] {
        let memo = memo[schema.table]![schema.template]!
        var variants: [LabelVariant] = []
        for cell in cells {
            let length = cell.normalized.utf8.count
            // 3 to 40 letters of three UTF-8 bytes each, roughly; the check below is exact.
            guard length >= 3, length <= 160 else { continue }
            if let official = memo.value(for: cell.normalized, compute: { official(for: $0, schema: schema) }) {
                variants.append(LabelVariant(table: schema.table, found: String(cell.text.trimmedSpaces), official: official, location: cell.location))
            }
        }
        return variants
    }

    /// The official heading a label is a typo of, or nil when it is official, a fragment of
    /// one, or nothing like one.
    static func official(for label: String, schema: TableSchema) -> String? {
        let length = label.unicodeScalars.count
        guard length >= 3, length <= 40, !schema.knownLabels.contains(label) else { return nil }
        if schema.headers.contains(where: { $0.includes(label) || label.includes($0) }) { return nil }
        if schema.rows.contains(where: { spec in spec.accepted.contains { $0.includes(label) || label.includes($0) } }) { return nil }
        var best: (String, Double)?
        for (header, printed) in zip(schema.headers, schema.headerTexts) {
            let score = LabelText.similarity(label, header)
            if score >= threshold, score > (best?.1 ?? 0) { best = (printed, score) }
        }
        return best?.0
    }
}
