/// A cell written as a number with more digits than any count can have. It is not taken
/// as a number (a wrong number is worse than none), and the reviewer is told which cell.
struct UnreadableCellRule: ReportRule {
    let description = RuleDescription(
        id: .unreadableCell, severity: .error,
        summary: "单元格的数字位数过多，无法读取 / a cell holds a number too long to be read")

    func check(_ report: Report) -> [Finding] {
        var findings: [Finding] = []
        for table in TableID.allCases {
            guard let extracted = report.tables[table] else { continue }
            for row in extracted.rows {
                for (column, cell) in zip(row.spec.columns, row.cells) where cell.value == .unreadable {
                    findings.append(finding(
                        cells: [cell.id], line: cell.source.line,
                        "\(Wording.table(table)) \(row.spec.label)：\(column.title) 的数字超过 \(NumberReader.maxWholeDigits) 位，无法读取"))
                }
            }
        }
        return findings
    }
}
