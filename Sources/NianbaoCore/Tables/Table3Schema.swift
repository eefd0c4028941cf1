/// Table 3 — 政府信息公开行政复议、行政诉讼情况: three groups of five columns, printed in
/// reports as one line of fifteen numbers under a three-level header. The same in both formats.
extension TableSchema {
    public static let table3Columns = [
        ColumnSpec(id: "upheld", title: "结果维持", kind: .count),
        ColumnSpec(id: "corrected", title: "结果纠正", kind: .count),
        ColumnSpec(id: "other", title: "其他结果", kind: .count),
        ColumnSpec(id: "pending", title: "尚未审结", kind: .count),
        ColumnSpec(id: "total", title: "总计", kind: .count),
    ]

    static let table3 = TableSchema(
        table: .t3, template: .format2021,
        rows: [
            RowSpec("review", "行政复议", columns: table3Columns),
            RowSpec("suitDirect", "行政诉讼 未经复议直接起诉", columns: table3Columns),
            RowSpec("suitAfterReview", "行政诉讼 复议后起诉", columns: table3Columns),
        ],
        anchor: .trailing,
        headers: ["行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"]
    )
}
