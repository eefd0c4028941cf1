/// 三(七) 总计 = the sum of every outcome row (一)…(六), per column of Table 2.
struct Table2ResultSumRule: ReportRule {
    let description = RuleDescription(
        id: .table2ResultSum, severity: .error,
        summary: "表2每列：三(七)总计 = 三(一)至(六)各项之和 / per column: resultTotal = sum of all outcome rows")

    func check(_ report: Report) -> [Finding] {
        guard let table = report.tables[.t2], let total = table.row("resultTotal") else { return [] }
        let outcomes = table.rows.filter { $0.spec.isOutcome }
        let missing = table.missingRows.filter(\.isOutcome)
        // A 2021-format report may keep the single (六) 其他处理 row of 2019 instead of its three sub-rows.
        let coveredByAlternative = missing.allSatisfy { $0.id.hasPrefix("other.") } && table.row("other") != nil
        guard missing.isEmpty || coveredByAlternative else { return [] }
        var findings: [Finding] = []
        for (index, column) in table.schema.rows[0].columns.enumerated() {
            let values = outcomes.map { $0.cells[index].value.quantity }
            guard values.allSatisfy({ $0 != nil }), let stated = total.cells[index].value.quantity else { continue }
            let sum = values.reduce(Quantity.zero) { $0 + $1! }
            guard sum != stated else { continue }
            let terms = zip(outcomes, values).filter { $0.1! != .zero }
                .map { "\(Wording.table2Row($0.0.spec.id))\(Wording.shortLabel($0.0.spec)) \($0.1!)" }
            let shown = terms.isEmpty ? "0" : terms.joined(separator: " + ")
            findings.append(finding(
                cells: [total.cells[index].id] + outcomes.map { $0.cells[index].id }, line: total.cells[index].source.line,
                "\(column.title)列：三(一)至(六)之和 = \(shown) = \(sum)，三(七)总计 = \(stated)"))
        }
        return findings
    }
}
