/// Pairs the reports of the same body for consecutive years and runs the cross-year rules,
/// adding their findings to the later report.
public enum CrossYearCheck {
    public static func apply(to reports: inout [Report]) {
        let extra = findings(reports.map(CrossYearFacts.init))
        for (index, found) in extra where !found.isEmpty {
            reports[index].findings = RuleCatalogue.sorted(reports[index].findings + found)
        }
    }

    public static func apply(to summaries: inout [ReportSummary]) {
        let extra = findings(summaries.map(\.facts))
        for (index, found) in extra where !found.isEmpty {
            summaries[index].findings = RuleCatalogue.sorted(summaries[index].findings + found)
        }
    }

    /// The reports of a batch that have cross-year findings, in the batch's order, each as a
    /// summary holding only those findings: what `check` and `extract` print after the reports.
    public static func summaries(_ facts: [CrossYearFacts]) -> [ReportSummary] {
        findings(facts).filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }.map { index, found in
            let f = facts[index]
            return ReportSummary(path: f.path, agency: f.agency, year: f.year, template: f.template, findings: RuleCatalogue.sorted(found), facts: f)
        }
    }

    /// The cross-year findings of each report that has any, by its index.
    public static func findings(_ facts: [CrossYearFacts]) -> [Int: [Finding]] {
        var byBody: [String: [Int]] = [:]
        for (index, fact) in facts.enumerated() {
            guard let agency = fact.agency, fact.year != nil else { continue }
            byBody[LabelText.normalize(agency), default: []].append(index)
        }
        var result: [Int: [Finding]] = [:]
        for indices in byBody.values where indices.count > 1 {
            for current in indices {
                guard let year = facts[current].year,
                      let previous = indices.first(where: { facts[$0].year == year - 1 }) else { continue }
                result[current] = RuleCatalogue.crossYearRules.flatMap { $0.check(previous: facts[previous], current: facts[current]) }
            }
        }
        return result
    }
}
