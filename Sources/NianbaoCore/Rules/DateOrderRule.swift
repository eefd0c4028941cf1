/// The report is dated before the end of the year it reports on.
struct DateOrderRule: ReportRule {
    let description = RuleDescription(
        id: .dateOrder, severity: .error, summary: "成文日期早于所报告年度结束 / the report is dated before the end of its year")

    func check(_ report: Report) -> [Finding] {
        guard let year = report.year, let date = report.date, date.year <= year else { return [] }
        return [finding(line: report.dateLine, "\(year) 年度报告的落款日期为 \(date)，早于 \(year) 年结束")]
    }
}
