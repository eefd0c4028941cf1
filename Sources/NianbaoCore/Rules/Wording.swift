/// The Chinese names that findings use for rows and columns, so messages read like the table.
enum Wording {
    static func table(_ id: TableID) -> String { "表\(id.number)" }

    /// The short name of a Table 2 row as reviewers say it: 一, 二, 三(一), 三(三)1, 三(七), 四.
    static func table2Row(_ id: String) -> String {
        switch id {
        case "new": return "一"
        case "carried": return "二"
        case "granted": return "三(一)"
        case "partial": return "三(二)"
        case "other": return "三(六)"
        case "resultTotal": return "三(七)"
        case "carryForward": return "四"
        default:
            let groups = ["denied": "三(三)", "unable": "三(四)", "rejected": "三(五)", "other": "三(六)"]
            let parts = id.split(separator: ".")
            guard parts.count == 2, let group = groups[String(parts[0])],
                  let spec = TableSchema.table2Format2021.rows.first(where: { $0.id == id }) else { return id }
            let index = TableSchema.table2Format2021.rows.filter { $0.id.hasPrefix(parts[0] + ".") }.firstIndex(of: spec)! + 1
            return "\(group)\(index)"
        }
    }

    /// The label of a row without its numbering or its parenthetical: 部分公开, 属于国家秘密.
    static func shortLabel(_ spec: RowSpec) -> String {
        var label = String(LabelText.stripNumbering(spec.label))
        if let paren = label.firstIndex(where: { $0 == "（" || $0 == "(" }) { label = String(label[..<paren]) }
        return label
    }

    static func sum(_ terms: [Quantity]) -> String { terms.map(\.description).joined(separator: "+") }
}
