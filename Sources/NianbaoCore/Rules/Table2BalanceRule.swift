/// 一 + 二 = 三(七) + 四, per column of Table 2: the table's own header states it.
struct Table2BalanceRule: ReportRule {
    let description = RuleDescription(
        id: "T2_BALANCE", severity: .error,
        summary: "表2每列：一+二 = 三(七)+四（新收+上年结转 = 办理结果总计+结转下年度）/ per column: new + carried = resultTotal + carryForward")

    func check(_ report: Report) -> [Finding] {
        guard let table = report.tables[.t2] else { return [] }
        var findings: [Finding] = []
        for column in table.schema.rows[0].columns {
            let ids = ["new", "carried", "resultTotal", "carryForward"].map { CellID(table: .t2, row: $0, column: column.id) }
            let values = ids.map { report.quantity($0) }
            guard values.allSatisfy({ $0 != nil }) else { continue }
            let v = values.map { $0! }
            let left = v[0] + v[1], right = v[2] + v[3]
            guard left != right else { continue }
            findings.append(finding(
                cells: ids, line: report.cells[ids[2]]?.source.line,
                "\(column.title)列：一+二 = \(v[0])+\(v[1]) = \(left)，三(七)+四 = \(v[2])+\(v[3]) = \(right)"))
        }
        return findings
    }
}
