/// 总计 = 维持 + 纠正 + 其他结果 + 尚未审结, per group of Table 3.
struct Table3GroupTotalRule: ReportRule {
    let description = RuleDescription(
        id: .table3GroupTotal, severity: .error,
        summary: "表3每组：总计 = 结果维持+结果纠正+其他结果+尚未审结 / per group: total = upheld + corrected + other + pending")

    func check(_ report: Report) -> [Finding] {
        guard let table = report.tables[.t3] else { return [] }
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
                "\(row.spec.label)：维持+纠正+其他+尚未审结 = \(Wording.sum(parts)) = \(sum)，总计 = \(stated)"))
        }
        return findings
    }
}
