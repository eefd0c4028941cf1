/// Tells which table format a report used, from the headings and rows that only one of
/// the two formats has. Nil when the tables give no sign either way.
enum TemplateDetector {
    /// Votes of one label: (for 2021, for 2019).
    private static let table1Votes = LabelMemo<(Int, Int)>()
    private static let table2Votes = LabelMemo<(Int, Int)>()

    static func detect(table1: [LogicalRow], table2: [LogicalRow]) -> Template? {
        var votes2021 = 0
        var votes2019 = 0
        for row in table1 {
            for cell in row.cells where cell.isLabel {
                let (a, b) = table1Votes.value(for: cell.normalized) { label in
                    var a = 0, b = 0
                    if TableSchema.table1HeadersOnly2021.contains(where: label.includes) { a += 2 }
                    if TableSchema.table1HeadersOnly2019.contains(where: label.includes) { b += 2 }
                    if label.includes("对外管理服务") || label.includes("集中采购") { b += 2 }
                    return (a, b)
                }
                votes2021 += a
                votes2019 += b
            }
        }
        if votes2021 != votes2019 { return votes2021 > votes2019 ? .format2021 : .format2019 }
        for row in table2 {
            for cell in row.cells where cell.isLabel {
                votes2021 += table2Votes.value(for: cell.normalized) { label in
                    (label.includes("逾期不补正") || label.includes("缴纳费用") ? 1 : 0, 0)
                }.0
            }
        }
        if votes2021 == 0, votes2019 == 0 { return nil }
        return votes2021 >= votes2019 ? .format2021 : .format2019
    }
}
