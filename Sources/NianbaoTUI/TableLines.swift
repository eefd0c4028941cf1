import Foundation
import NianbaoCore

/// One line of the tables pane: a table title, a column header, or a row with its values,
/// where each value came from, the worst finding that touches it, and the source line.
public struct TableLine: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case title, header, row, missing }
    public let kind: Kind
    /// The label as the pane shows it when narrow (1.属于国家秘密).
    public let label: String
    /// The label with its group, as the zoomed pane shows it ((三) 1.属于国家秘密).
    public let fullLabel: String
    public let values: [String]
    /// Where each value stands in the raw text.
    public let sources: [SourceLocation?]
    public let cells: [CellID]
    public let severity: Severity?
    /// The message of the worst finding that touches the row.
    public let reason: String?
    public let sourceLine: Int?

    init(
        kind: Kind, label: String, fullLabel: String? = nil, values: [String] = [], sources: [SourceLocation?] = [],
        cells: [CellID] = [], severity: Severity? = nil, reason: String? = nil, sourceLine: Int? = nil
    ) {
        self.kind = kind
        self.label = label
        self.fullLabel = fullLabel ?? label
        self.values = values
        self.sources = sources
        self.cells = cells
        self.severity = severity
        self.reason = reason
        self.sourceLine = sourceLine
    }

    public var isSelectable: Bool { kind == .row || kind == .missing }
}

/// Lays out a report's extracted tables as lines for the screen. Reads the core's model
/// only (rows, cells, findings): the UI never parses text.
public enum TableLines {
    public static func make(_ report: Report, findings: [Finding]) -> [TableLine] {
        var worstByCell: [CellID: Finding] = [:]
        for finding in findings {
            for cell in finding.cells where worstByCell[cell].map({ finding.severity < $0.severity }) ?? true {
                worstByCell[cell] = finding
            }
        }
        var lines: [TableLine] = []
        for table in TableID.allCases {
            lines.append(TableLine(kind: .title, label: "表\(table.number) \(table.title)"))
            guard let extracted = report.tables[table] else {
                // Marked as its finding is: the rule decides how grave a missing table is, not the screen.
                let finding = findings.first { $0.rule == .missingTable && $0.message.contains("表\(table.number)") }
                lines.append(TableLine(kind: .missing, label: "（缺少此表）", severity: finding?.severity, reason: finding?.message))
                continue
            }
            var lastColumns: [String] = []
            for row in extracted.rows {
                let titles = row.spec.columns.map { shortTitle($0.title) }
                if titles != lastColumns {
                    lines.append(TableLine(kind: .header, label: "", values: titles))
                    lastColumns = titles
                }
                let worst = row.cells.compactMap { worstByCell[$0.id] }.min { $0.severity < $1.severity }
                let values = row.cells.map { cell -> String in
                    switch (cell.value, cell.provenance) {
                    case (_, .unplaced): "?"
                    case (.number(let q), _): q.description
                    case (.blank, _): "空"
                    case (.unreadable, _): "不可读"
                    }
                }
                let sources = row.cells.map { $0.provenance == .unplaced ? nil : Optional($0.source) }
                lines.append(TableLine(
                    kind: .row, label: rowLabel(row), fullLabel: fullLabel(row), values: values, sources: sources,
                    cells: row.cells.map(\.id), severity: worst?.severity, reason: worst?.message, sourceLine: row.line))
            }
            for spec in extracted.missingRows {
                let ids = spec.columns.map { spec.cellID(table, $0) }
                let finding = findings.first { $0.rule == .missingRow && $0.cells == ids }
                lines.append(TableLine(
                    kind: .missing, label: "缺少：\(spec.label)", fullLabel: "缺少：" + [spec.group, spec.label].compactMap { $0 }.joined(separator: " "),
                    cells: ids, severity: finding?.severity, reason: finding?.message))
            }
        }
        return lines
    }

    /// A row's label as reviewers read it in a narrow pane.
    static func rowLabel(_ row: ExtractedRow) -> String {
        row.spec.label.replacingOccurrences(of: "（区分处理的，只计这一情形，不计其他情形）", with: "")
    }

    /// A row's label with its group: (三) 1.属于国家秘密, so that the three "1." rows differ.
    static func fullLabel(_ row: ExtractedRow) -> String {
        let label = rowLabel(row)
        guard let group = row.spec.group else { return label }
        // The group's own number (（三）) is enough; its words repeat what the row's say.
        let number = group.prefix { $0 != " " && $0 != "　" }
        let short = group.hasPrefix("(") || group.hasPrefix("（") ? String(number) : group
        return label.hasPrefix(short) ? label : "\(short) \(label)"
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
