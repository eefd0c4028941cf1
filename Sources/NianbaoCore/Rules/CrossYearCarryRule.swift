/// For the same body in consecutive years: this year's 二、上年结转 = last year's 四、结转下年度.
struct CrossYearCarryRule: CrossYearRule {
    let description = RuleDescription(
        id: .crossYearCarry, severity: .warning,
        summary: "同一机关相邻年度：本年“上年结转” = 上年“结转下年度” / this year's carried = last year's carryForward")

    func check(previous: CrossYearFacts, current: CrossYearFacts) -> [Finding] {
        var findings: [Finding] = []
        for column in TableSchema.table2Columns {
            let now = CellID(table: .t2, row: "carried", column: column.id)
            let before = CellID(table: .t2, row: "carryForward", column: column.id)
            guard let a = current.quantity(now), let b = previous.quantity(before), a != b else { continue }
            findings.append(finding(
                cells: [now], line: current.line(of: now),
                "\(column.title)列：\(current.year ?? 0) 年上年结转 = \(a)，\(previous.year ?? 0) 年结转下年度 = \(b)（\(previous.path)）"))
        }
        return findings
    }
}
