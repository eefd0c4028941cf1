/// Finds column headings that are typos of the official ones ("本年度止件数" for 本年废止件数).
/// Fragments of a heading split over lines ("商业", "企业") are not typos.
enum HeaderCheck {
    static let threshold = 0.7

    static func variants(in cells: [RawCell], schema: TableSchema) -> [LabelVariant] {
        var variants: [LabelVariant] = []
        for cell in cells {
            let label = LabelText.normalize(cell.text)
            let length = label.unicodeScalars.count
            guard length >= 3, length <= 40 else { continue }
            if schema.headers.contains(where: { $0.contains(label) || label.contains($0) }) { continue }
            if schema.rows.contains(where: { spec in spec.accepted.contains { $0.contains(label) || label.contains($0) } }) { continue }
            var best: (String, Double)?
            for (header, printed) in zip(schema.headers, schema.headerTexts) {
                let score = LabelText.similarity(label, header)
                if score >= threshold, score > (best?.1 ?? 0) { best = (printed, score) }
            }
            if let (header, _) = best {
                variants.append(LabelVariant(
                    table: schema.table, found: String(cell.text.trimmedSpaces), official: header, location: cell.location))
            }
        }
        return variants
    }
}
