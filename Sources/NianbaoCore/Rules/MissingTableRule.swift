/// One of the three tables is not in the report at all.
struct MissingTableRule: ReportRule {
    let description = RuleDescription(
        id: .missingTable, severity: .error, summary: "缺少三张统计表之一 / one of the three tables is absent")

    func check(_ report: Report) -> [Finding] {
        TableID.allCases.filter { report.tables[$0] == nil }.map { table in
            finding(line: report.section(sectionOf(table))?.headingLine.advanced(by: 1), "缺少\(Wording.table(table))（\(table.title)）")
        }
    }

    private func sectionOf(_ table: TableID) -> SectionID {
        SectionID.allCases.first { $0.table == table }!
    }
}
