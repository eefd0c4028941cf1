/// A heading or label differs from the official text but was still recognised.
struct LabelVariantRule: ReportRule {
    let description = RuleDescription(
        id: .labelVariant, severity: .info, summary: "表头或行名与官方文本不一致 / a heading or label differs from the official text")

    /// A section heading is a typo when it is nearly the official one (a character added or
    /// changed) without containing it; headings worded their own way are not reported.
    static let headingSimilarity = 0.85

    func check(_ report: Report) -> [Finding] {
        let tables = TableID.allCases.compactMap { report.tables[$0] }.flatMap { table in
            table.labelVariants.map { variant in
                finding(line: variant.location.line, "\(Wording.table(table.id))：“\(variant.found)”应为“\(variant.official)”")
            }
        }
        let headings = report.sections.compactMap { span -> Finding? in
            let line = report.text.lines[span.headingLine].trimmedSpaces
            let found = LabelText.normalize(line), official = LabelText.normalize(span.id.officialHeading)
            guard !found.includes(official), LabelText.similarity(found, official) >= Self.headingSimilarity else { return nil }
            return finding(line: span.headingLine + 1, "第\(span.id.numeral)部分标题：“\(line)”应为“\(span.id.numeral)、\(span.id.officialHeading)”")
        }
        return tables + headings
    }
}
