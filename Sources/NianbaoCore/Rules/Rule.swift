/// The stable id of a rule, printed with every finding and used by scripts.
public struct RuleID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (a: RuleID, b: RuleID) -> Bool { a.rawValue < b.rawValue }
}

/// A rule as the catalogue lists it.
public struct RuleDescription: Hashable, Sendable {
    public let id: RuleID
    public let severity: Severity
    /// One line, in Chinese and English, for `nianbao rules` and docs/rules.md.
    public let summary: String
}

/// A rule checked on one report at a time.
public protocol ReportRule: Sendable {
    var description: RuleDescription { get }
    func check(_ report: Report) -> [Finding]
}

/// A rule that compares two reports of the same body for consecutive years.
public protocol CrossYearRule: Sendable {
    var description: RuleDescription { get }
    func check(previous: CrossYearFacts, current: CrossYearFacts) -> [Finding]
}

extension ReportRule {
    var id: RuleID { description.id }
    func finding(cells: [CellID] = [], line: Int? = nil, severity: Severity? = nil, _ message: String) -> Finding {
        Finding(rule: description.id, severity: severity ?? description.severity, cells: cells, line: line, message: message)
    }
}

extension CrossYearRule {
    func finding(cells: [CellID] = [], line: Int? = nil, _ message: String) -> Finding {
        Finding(rule: description.id, severity: description.severity, cells: cells, line: line, message: message)
    }
}
