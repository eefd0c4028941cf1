/// For the same body in consecutive years, both in the 2021 format: this year's 现行有效件数
/// = last year's + this year's 制发 − 废止. A warning: a document can also lapse at the end
/// of its term without being repealed.
struct CrossYearInForceRule: CrossYearRule {
    let description = RuleDescription(
        id: .crossYearInForce, severity: .warning,
        summary: "同一机关相邻年度（2021 格式）：本年现行有效 = 上年现行有效 + 本年制发 − 本年废止 / inForce carries over")

    func check(previous: CrossYearFacts, current: CrossYearFacts) -> [Finding] {
        guard previous.template == .format2021, current.template == .format2021 else { return [] }
        var findings: [Finding] = []
        for (row, name) in [("rules", "规章"), ("normative", "行政规范性文件")] {
            let ids = ["inForce", "issued", "repealed"].map { CellID(table: .t1, row: row, column: $0) }
            guard let inForce = current.quantity(ids[0]), let issued = current.quantity(ids[1]),
                  let repealed = current.quantity(ids[2]), let last = previous.quantity(ids[0]) else { continue }
            let expected = last + issued - repealed
            guard expected != inForce else { continue }
            findings.append(finding(
                cells: ids, line: current.line(of: ids[0]),
                "\(name)：上年现行有效+本年制发−本年废止 = \(last)+\(issued)−\(repealed) = \(expected)，本年现行有效 = \(inForce)"))
        }
        return findings
    }
}
