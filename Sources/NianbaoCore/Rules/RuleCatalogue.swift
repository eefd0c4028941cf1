/// Every rule nianbao checks, in one list: `nianbao rules`, docs/rules.md and the checker
/// all read it, so they cannot disagree.
public enum RuleCatalogue {
    public static let reportRules: [any ReportRule] = [
        Table2BalanceRule(),
        Table2ResultSumRule(),
        Table2RowTotalRule(),
        Table3GroupTotalRule(),
        BlankCellRule(),
        UnreadableCellRule(),
        SpanClampedRule(),
        MissingTableRule(),
        MissingRowRule(),
        RowShapeRule(),
        MissingSectionRule(),
        EmptySectionRule(),
        TemplateMismatchRule(),
        DateOrderRule(),
        LatePublicationRule(),
        NarrativeTableRule(),
        LabelVariantRule(),
    ]

    public static let crossYearRules: [any CrossYearRule] = [
        CrossYearCarryRule(),
        CrossYearInForceRule(),
    ]

    public static var all: [RuleDescription] {
        reportRules.map(\.description) + crossYearRules.map(\.description)
    }

    /// The findings of every single-report rule, most severe first, then by line.
    public static func check(_ report: Report) -> [Finding] {
        sorted(reportRules.flatMap { $0.check(report) })
    }

    static func sorted(_ findings: [Finding]) -> [Finding] {
        findings.enumerated().sorted { a, b in
            if a.element.severity != b.element.severity { return a.element.severity < b.element.severity }
            let la = a.element.line ?? Int.max, lb = b.element.line ?? Int.max
            if la != lb { return la < lb }
            return a.offset < b.offset
        }.map(\.element)
    }
}
