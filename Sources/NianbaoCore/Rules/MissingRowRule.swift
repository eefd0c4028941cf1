/// A row of a table that is present is absent.
struct MissingRowRule: ReportRule {
    let description = RuleDescription(
        id: .missingRow, severity: .error, summary: "表格缺少某一行 / a row of a table is absent")

    func check(_ report: Report) -> [Finding] {
        TableID.allCases.compactMap { report.tables[$0] }.flatMap { table in
            table.missingRows.map { spec in
                let group = spec.group.map { "\($0) " } ?? ""
                return finding(
                    cells: spec.columns.map { spec.cellID(table.id, $0) }, line: table.region.upperBound,
                    "\(Wording.table(table.id)) 缺少行：\(group)\(spec.label)")
            }
        }
    }
}
