import Foundation
import NianbaoCore

/// One line of the tables pane: a table title, a column header, or a row with its values,
/// the worst finding that touches it, and the source line to show beside it.
public struct TableLine: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case title, header, row, missing }
    public let kind: Kind
    public let label: String
    public let values: [String]
    public let severity: Severity?
    public let sourceLine: Int?

    public var isSelectable: Bool { kind == .row || kind == .missing }
}

/// Lays out a report's extracted tables as lines for the screen. Reads the core's model
/// only (rows, cells, findings): the UI never parses text.
public enum TableLines {
    public static func make(_ report: Report) -> [TableLine] {
        var severityByCell: [CellID: Severity] = [:]
        for finding in report.findings {
            for cell in finding.cells where severityByCell[cell].map({ finding.severity < $0 }) ?? true {
                severityByCell[cell] = finding.severity
            }
        }
        var lines: [TableLine] = []
        for table in TableID.allCases {
            lines.append(TableLine(kind: .title, label: "表\(table.number) \(table.title)", values: [], severity: nil, sourceLine: nil))
            guard let extracted = report.tables[table] else {
                lines.append(TableLine(kind: .missing, label: "（缺少此表）", values: [], severity: .error, sourceLine: nil))
                continue
            }
            var lastColumns: [String] = []
            for row in extracted.rows {
                let titles = row.spec.columns.map { shortTitle($0.title) }
                if titles != lastColumns {
                    lines.append(TableLine(kind: .header, label: "", values: titles, severity: nil, sourceLine: nil))
                    lastColumns = titles
                }
                let worst = row.cells.compactMap { severityByCell[$0.id] }.min()
                let values = row.cells.map { cell -> String in
                    switch (cell.value, cell.provenance) {
                    case (_, .unplaced): "?"
                    case (.number(let q), _): q.description
                    case (.blank, _): "空"
                    case (.unreadable, _): "不可读"
                    }
                }
                lines.append(TableLine(kind: .row, label: rowLabel(row), values: values, severity: worst, sourceLine: row.line))
            }
            for spec in extracted.missingRows {
                lines.append(TableLine(kind: .missing, label: "缺少：\(spec.label)", values: [], severity: .error, sourceLine: nil))
            }
        }
        return lines
    }

    /// A row's label as reviewers read it: the group for Table 3, the official label otherwise.
    static func rowLabel(_ row: ExtractedRow) -> String {
        row.spec.label.replacingOccurrences(of: "（区分处理的，只计这一情形，不计其他情形）", with: "")
    }

    /// Column titles shortened to fit narrow columns.
    static func shortTitle(_ title: String) -> String {
        let short = [
            "本年制发件数": "制发", "本年废止件数": "废止", "现行有效件数": "现行有效", "结果维持": "维持", "结果纠正": "纠正",
            "其他结果": "其他", "尚未审结": "未审结",
            "社会公益组织": "公益", "法律服务机构": "法律", "商业企业": "商业", "科研机构": "科研", "自然人": "自然人",
            "本年收费金额（单位：万元）": "收费(万元)", "本年处理决定数量": "处理决定", "上一年项目数量": "上年项目",
            "本年新制作数量": "新制作", "本年新公开数量": "新公开", "对外公开总数量": "公开总数", "处理决定数量": "处理决定",
            "采购项目数量": "采购项目", "采购总金额": "采购金额",
        ]
        return short[title] ?? title
    }
}
