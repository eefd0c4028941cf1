/// How much a finding matters. `error` makes `nianbao check` exit non-zero.
public enum Severity: String, Hashable, Sendable, Comparable, CaseIterable {
    case error, warning, info

    var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .info: 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

    /// The word the Chinese outputs use: 错误, 警告, 提示.
    public var chineseName: String {
        switch self {
        case .error: "错误"
        case .warning: "警告"
        case .info: "提示"
        }
    }
}

/// One broken rule in one report: what, where, and the arithmetic that shows it.
public struct Finding: Hashable, Sendable {
    public let rule: RuleID
    public let severity: Severity
    /// The cells involved, so the TUI can highlight their rows.
    public let cells: [CellID]
    /// The 1-based source line to show first, when the finding has one.
    public let line: Int?
    /// A message in Chinese that shows the numbers, e.g. `自然人列：一+二 = 5+1 = 6，三(七)+四 = 5+0 = 5`.
    public let message: String

    public init(rule: RuleID, severity: Severity, cells: [CellID] = [], line: Int? = nil, message: String) {
        self.rule = rule
        self.severity = severity
        self.cells = cells
        self.line = line
        self.message = message
    }
}

extension Finding {
    /// What names this finding across readings of its report: the rule, the cells and the
    /// numbers its message states (`T2_ROW_TOTAL|t2.new.total,t2.new.natural|5,2,2`). The same
    /// report read again gives the same identity, so a reviewer's ruling stays with it; a
    /// changed number gives another, so a ruling made on the old numbers shows as stale.
    public var identity: String {
        var numbers: [Substring] = []
        var start: String.Index?
        for index in message.indices {
            if message[index].isASCII, message[index].isNumber {
                if start == nil { start = index }
            } else if let from = start {
                numbers.append(message[from..<index])
                start = nil
            }
        }
        if let from = start { numbers.append(message[from...]) }
        return "\(rule.rawValue)|\(cells.map(\.rawValue).joined(separator: ","))|\(numbers.joined(separator: ","))"
    }
}
