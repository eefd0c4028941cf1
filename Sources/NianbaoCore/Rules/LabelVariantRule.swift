/// A heading or label differs from the official text but was still recognised.
struct LabelVariantRule: ReportRule {
    let description = RuleDescription(
        id: "LABEL_VARIANT", severity: .info, summary: "表头或行名与官方文本不一致 / a heading or label differs from the official text")

    func check(_ report: Report) -> [Finding] {
        TableID.allCases.compactMap { report.tables[$0] }.flatMap { table in
            table.labelVariants.map { variant in
                finding(line: variant.location.line, "\(Wording.table(table.id))：“\(variant.found)”应为“\(variant.official)”")
            }
        }
    }
}
