/// Table 1 — 主动公开政府信息情况, in both formats.
extension TableSchema {
    static let table1Format2021: TableSchema = {
        let documents = [
            ColumnSpec(id: "issued", title: "本年制发件数", kind: .count),
            ColumnSpec(id: "repealed", title: "本年废止件数", kind: .count),
            ColumnSpec(id: "inForce", title: "现行有效件数", kind: .count),
        ]
        let decisions = [ColumnSpec(id: "decisions", title: "本年处理决定数量", kind: .count)]
        return TableSchema(
            table: .t1, template: .format2021,
            rows: [
                RowSpec("rules", "规章", group: "第二十条第（一）项", columns: documents, exact: ["规章"]),
                RowSpec("normative", "行政规范性文件", group: "第二十条第（一）项", columns: documents, keys: ["规范性文件"], also: ["规范性文件"]),
                RowSpec("licensing", "行政许可", group: "第二十条第（五）项", columns: decisions, exact: ["行政许可"]),
                RowSpec("penalty", "行政处罚", group: "第二十条第（六）项", columns: decisions, exact: ["行政处罚"]),
                RowSpec("enforcement", "行政强制", group: "第二十条第（六）项", columns: decisions, exact: ["行政强制"]),
                RowSpec(
                    "fees", "行政事业性收费", group: "第二十条第（八）项",
                    columns: [ColumnSpec(id: "amount", title: "本年收费金额（单位：万元）", kind: .amount)], keys: ["事业性收费"]),
            ],
            anchor: .leading,
            headers: ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额（单位：万元）", "本年收费金额"]
        )
    }()

    static let table1Format2019: TableSchema = {
        let documents = [
            ColumnSpec(id: "made", title: "本年新制作数量", kind: .count),
            ColumnSpec(id: "published", title: "本年新公开数量", kind: .count),
            ColumnSpec(id: "totalPublished", title: "对外公开总数量", kind: .count),
        ]
        let items = [
            ColumnSpec(id: "prevItems", title: "上一年项目数量", kind: .count),
            ColumnSpec(id: "change", title: "本年增/减", kind: .signedCount),
            ColumnSpec(id: "decisions", title: "处理决定数量", kind: .count),
        ]
        return TableSchema(
            table: .t1, template: .format2019,
            rows: [
                RowSpec("rules", "规章", group: "第二十条第（一）项", columns: documents, exact: ["规章"]),
                RowSpec("normative", "规范性文件", group: "第二十条第（一）项", columns: documents, keys: ["规范性文件"], also: ["行政规范性文件"]),
                RowSpec("licensing", "行政许可", group: "第二十条第（五）项", columns: items, exact: ["行政许可"]),
                RowSpec("otherServices", "其他对外管理服务事项", group: "第二十条第（五）项", columns: items, keys: ["对外管理服务"]),
                RowSpec("penalty", "行政处罚", group: "第二十条第（六）项", columns: items, exact: ["行政处罚"]),
                RowSpec("enforcement", "行政强制", group: "第二十条第（六）项", columns: items, exact: ["行政强制"]),
                RowSpec("fees", "行政事业性收费", group: "第二十条第（八）项", columns: Array(items.prefix(2)), keys: ["事业性收费"]),
                RowSpec(
                    "procurement", "政府集中采购", group: "第二十条第（九）项",
                    columns: [
                        ColumnSpec(id: "items", title: "采购项目数量", kind: .count),
                        ColumnSpec(id: "amount", title: "采购总金额", kind: .amount),
                    ],
                    keys: ["集中采购"]),
            ],
            anchor: .leading,
            headers: [
                "信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "处理决定数量",
                "采购项目数量", "采购总金额", "采购总金额（单位：万元，保留4位小数）",
            ]
        )
    }()

    /// Header texts that only one format has, to tell the formats apart.
    static let table1HeadersOnly2021 = ["本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额"].map { LabelText.normalize($0) }
    static let table1HeadersOnly2019 = ["本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增减", "采购项目数量", "采购总金额"].map { LabelText.normalize($0) }
}
