/// The report is dated after its deadline (条例 art. 49): 31 March of the next year for a
/// county-level or higher 人民政府 itself, 31 January for every other report.
struct LatePublicationRule: ReportRule {
    let description = RuleDescription(
        id: .latePublication, severity: .warning,
        summary: "落款日期晚于《条例》第四十九条的期限（县级以上人民政府 3 月 31 日，其他 1 月 31 日）/ dated after the deadline")

    func check(_ report: Report) -> [Finding] {
        guard let year = report.year, let date = report.date else { return [] }
        let government = report.title?.isCountyOrHigherGovernment ?? false
        let deadline = ReportDate(year: year + 1, month: government ? 3 : 1, day: 31)!
        guard date > deadline else { return [] }
        let whose = government ? "县级以上人民政府年度报告" : "部门及乡镇年度报告"
        return [finding(line: report.dateLine, "落款日期 \(date) 晚于\(whose)的公布期限 \(deadline)")]
    }
}
