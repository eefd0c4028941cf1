/// The tables are in the other format than the one in force for the year. For a report on
/// 2019 the 2019 format was only encouraged (国办公开办函〔2019〕60号), so it is a warning.
struct TemplateMismatchRule: ReportRule {
    let description = RuleDescription(
        id: .templateMismatch, severity: .error,
        summary: "表格格式与报告年度应使用的格式不符（2019–2020 年用 2019 格式，2021 年起用 2021 格式；2019 年度仅为警告）/ table format does not match the year")

    func check(_ report: Report) -> [Finding] {
        guard let year = report.year, let shown = report.shownTemplate, let due = Template.inForce(forYear: year),
              shown != due else { return [] }
        let line = report.tables[.t1].map { $0.region.lowerBound + 1 }
        return [finding(
            line: line, severity: year == 2019 ? .warning : .error,
            "\(year) 年度报告应使用 \(due.rawValue) 年格式，表格却是 \(shown.rawValue) 年格式")]
    }
}
