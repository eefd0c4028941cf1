/// Tells which table format a report used, from the headings and rows that only one of
/// the two formats has. Nil when the tables give no sign either way.
enum TemplateDetector {
    static func detect(table1: [LogicalRow], table2: [LogicalRow]) -> Template? {
        var votes2021 = 0
        var votes2019 = 0
        for row in table1 {
            for cell in row.cells where cell.isLabel {
                let label = LabelText.normalize(cell.text)
                if TableSchema.table1HeadersOnly2021.contains(where: label.contains) { votes2021 += 2 }
                if TableSchema.table1HeadersOnly2019.contains(where: label.contains) { votes2019 += 2 }
                if label.contains("对外管理服务") || label.contains("集中采购") { votes2019 += 2 }
            }
        }
        for row in table2 {
            for cell in row.cells where cell.isLabel {
                let label = LabelText.normalize(cell.text)
                if label.contains("逾期不补正") || label.contains("缴纳费用") { votes2021 += 1 }
            }
        }
        if votes2021 == 0, votes2019 == 0 { return nil }
        return votes2021 >= votes2019 ? .format2021 : .format2019
    }
}
