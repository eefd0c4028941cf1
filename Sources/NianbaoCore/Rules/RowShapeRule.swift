/// A row holds more or fewer numbers than its table has columns, so values may sit in the
/// wrong columns.
struct RowShapeRule: ReportRule {
    let description = RuleDescription(
        id: .rowShape, severity: .warning,
        summary: "某行数字个数与列数不符，数值可能错列 / a row has more or fewer numbers than columns")

    func check(_ report: Report) -> [Finding] {
        TableID.allCases.compactMap { report.tables[$0] }.flatMap { table in
            table.shapeProblems.map { problem in
                let name = problem.rowID.isEmpty ? "数据行" : (table.schema.rows.first { $0.id == problem.rowID }?.label ?? problem.rowID)
                if let digits = problem.runTogether {
                    let why = digits.isEmpty ? "找不到数字" : problem.splits == 0
                        ? "数字连写为“\(digits)”，没有一种拆法能由本行总计唯一确定"
                        : "数字连写为“\(digits)”，有多种拆法都符合本行总计"
                    return finding(cells: problem.cells, line: problem.line, "\(Wording.table(table.id)) \(name)：无法读取（\(why)），不猜测数值")
                }
                if problem.unplaced {
                    return finding(
                        cells: problem.cells, line: problem.line,
                        "\(Wording.table(table.id)) \(name)：\(problem.found) 个数无法按位置对应到列，未读取，不猜测数值")
                }
                let anchor = table.schema.anchor == .trailing ? "按右端（总计列）对齐" : "按左端对齐"
                return finding(
                    cells: problem.cells, line: problem.line,
                    "\(Wording.table(table.id)) \(name)：应有 \(problem.expected) 个数，实有 \(problem.found) 个，已\(anchor)，数值可能错列")
            }
        }
    }
}
