/// A row holds more or fewer numbers than its table has columns, so values may sit in the
/// wrong columns.
struct RowShapeRule: ReportRule {
    let description = RuleDescription(
        id: "ROW_SHAPE", severity: .warning,
        summary: "某行数字个数与列数不符，数值可能错列 / a row has more or fewer numbers than columns")

    func check(_ report: Report) -> [Finding] {
        TableID.allCases.compactMap { report.tables[$0] }.flatMap { table in
            table.shapeProblems.map { problem in
                let name = problem.rowID.isEmpty ? "数据行" : (table.schema.rows.first { $0.id == problem.rowID }?.label ?? problem.rowID)
                let anchor = table.schema.anchor == .trailing ? "按右端（总计列）对齐" : "按左端对齐"
                return finding(
                    cells: problem.cells, line: problem.line,
                    "\(Wording.table(table.id)) \(name)：应有 \(problem.expected) 个数，实有 \(problem.found) 个，已\(anchor)，数值可能错列")
            }
        }
    }
}
