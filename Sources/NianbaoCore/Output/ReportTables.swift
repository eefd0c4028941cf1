/// The extracted tables as CSV (one line per cell, for spreadsheets and scripts) or
/// Markdown (the three tables laid out as in the report, for reading).
public enum ReportTables {
    public static let csvHeader = "path,cell,value,line,column"

    public static func csvRows(_ report: Report) -> [String] {
        report.orderedCellIDs.map { id in
            let cell = report.cells[id]!
            let value: String
            switch cell.value {
            case .number(let q): value = q.description
            case .blank: value = "blank"
            case .unreadable: value = "unreadable"
            }
            return [csvField(report.path), id.rawValue, value, String(cell.source.line), String(cell.source.column)].joined(separator: ",")
        }
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break.
    public static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    public static func markdown(_ report: Report) -> String {
        var out = "# \(report.agency ?? report.path) \(report.year.map(String.init) ?? "")\n\n"
        out += "- file: \(report.path)\n- template: \(report.template?.rawValue ?? "unknown")\n- date: \(report.date?.description ?? "none")\n"
        for table in TableID.allCases {
            out += "\n## 表\(table.number) \(table.title)\n\n"
            guard let extracted = report.tables[table] else { out += "(absent)\n"; continue }
            var lastColumns = [String]()
            for row in extracted.rows {
                let titles = row.spec.columns.map(\.title)
                if titles != lastColumns {
                    out += "\n| 行 | " + titles.joined(separator: " | ") + " |\n|---|" + String(repeating: "---:|", count: titles.count) + "\n"
                    lastColumns = titles
                }
                let values = row.cells.map { cell -> String in
                    switch cell.value {
                    case .number(let q): return q.description
                    case .blank: return "（空）"
                    case .unreadable: return "（无法读取）"
                    }
                }
                out += "| \(row.spec.label) | " + values.joined(separator: " | ") + " |\n"
            }
            for spec in extracted.missingRows { out += "| \(spec.label) | (missing) |\n" }
        }
        if !report.findings.isEmpty {
            out += "\n## Findings\n\n"
            for f in report.findings { out += "- \(f.severity.rawValue) \(f.rule) 行 \(f.line.map(String.init) ?? "-")：\(f.message)\n" }
        }
        return out
    }
}
