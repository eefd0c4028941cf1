/// The canonical name of one cell, as the spec writes it: `t2.denied.secret.natural`.
/// Every output (JSON, CSV, findings, the TUI) uses these names, so scripts can rely on them.
public struct CellID: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public init(table: TableID, row: String?, column: String) {
        if let row, !row.isEmpty {
            rawValue = "\(table.rawValue).\(row).\(column)"
        } else {
            rawValue = "\(table.rawValue).\(column)"
        }
    }

    public var description: String { rawValue }
    public static func < (a: CellID, b: CellID) -> Bool { a.rawValue < b.rawValue }
}

/// The three standard tables of the report.
public enum TableID: String, CaseIterable, Sendable, Comparable {
    case t1, t2, t3

    /// The official title of the table, as the 2021 format names it.
    public var title: String {
        switch self {
        case .t1: "主动公开政府信息情况"
        case .t2: "收到和处理政府信息公开申请情况"
        case .t3: "政府信息公开行政复议、行政诉讼情况"
        }
    }

    public var number: Int {
        switch self {
        case .t1: 1
        case .t2: 2
        case .t3: 3
        }
    }

    public static func < (a: TableID, b: TableID) -> Bool { a.number < b.number }
}
