/// 总计 = 自然人 + the five kinds of organisation, per row of Table 2.
struct Table2RowTotalRule: ReportRule {
    let description = RuleDescription(
        id: .table2RowTotal, severity: .error,
        summary: "表2每行：总计 = 自然人+商业企业+科研机构+社会公益组织+法律服务机构+其他 / per row: total = sum of the six applicant columns")

    func check(_ report: Report) -> [Finding] {
        guard let table = report.tables[.t2] else { return [] }
        var findings: [Finding] = []
        for row in table.rows {
            let values = row.cells.map(\.value.quantity)
            guard values.allSatisfy({ $0 != nil }) else { continue }
            let parts = values.dropLast().map { $0! }
            let sum = parts.reduce(Quantity.zero, +)
            let stated = values.last!!
            guard sum != stated else { continue }
            findings.append(finding(
                cells: row.cells.map(\.id), line: row.line,
                "\(Wording.table2Row(row.spec.id)) \(Wording.shortLabel(row.spec))：自然人+法人或其他组织 = \(Wording.sum(parts)) = \(sum)，总计 = \(stated)"))
        }
        return findings
    }
}
