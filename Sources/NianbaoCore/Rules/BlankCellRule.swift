/// A cell that should hold a number is blank: 0 must be written as 0. One finding per row.
struct BlankCellRule: ReportRule {
    let description = RuleDescription(
        id: .blankCell, severity: .warning,
        summary: "应填数字的单元格为空（0 也应填写 0）/ a cell that should hold a number is blank")

    func check(_ report: Report) -> [Finding] {
        var findings: [Finding] = []
        for table in TableID.allCases {
            guard let extracted = report.tables[table] else { continue }
            for row in extracted.rows {
                let blanks = zip(row.spec.columns, row.cells).filter { $0.1.value == .blank && $0.1.provenance == .read }
                guard !blanks.isEmpty else { continue }
                let names = blanks.map(\.0.title).joined(separator: "、")
                findings.append(finding(
                    cells: blanks.map(\.1.id), line: blanks[0].1.source.line,
                    "\(Wording.table(table)) \(row.spec.label)：\(names) 为空（\(blanks.count) 格）"))
            }
        }
        return findings
    }
}
