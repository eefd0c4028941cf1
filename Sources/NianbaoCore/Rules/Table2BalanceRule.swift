/// 一 + 二 = 三(七) + 四, per column of Table 2: the table's own header states it.
struct Table2BalanceRule: ReportRule {
    let description = RuleDescription(
        id: .table2Balance, severity: .error,
        summary: "表2每列：一+二 = 三(七)+四（新收+上年结转 = 办理结果总计+结转下年度）/ per column: new + carried = resultTotal + carryForward")

    func check(_ report: Report) -> [Finding] {
        guard let table = report.tables[.t2] else { return [] }
        let rows = ["new", "carried", "resultTotal", "carryForward"].compactMap { table.row($0) }
        guard rows.count == 4 else { return [] }
        var findings: [Finding] = []
        for (index, column) in TableSchema.table2Columns.enumerated() {
            let cells = rows.map { $0.cells[index] }
            let values = cells.compactMap(\.value.quantity)
            guard values.count == 4 else { continue }
            let left = values[0] + values[1], right = values[2] + values[3]
            guard left != right else { continue }
            findings.append(finding(
                cells: cells.map(\.id), line: cells[2].source.line,
                "\(column.title)列：一+二 = \(values[0])+\(values[1]) = \(left)，三(七)+四 = \(values[2])+\(values[3]) = \(right)"))
        }
        return findings
    }
}
