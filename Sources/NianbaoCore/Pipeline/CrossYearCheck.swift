/// Pairs the reports of the same body for consecutive years and runs the cross-year rules,
/// adding their findings to the later report.
public enum CrossYearCheck {
    public static func apply(to reports: inout [Report]) {
        var byKey: [String: [Int]] = [:]
        for (index, report) in reports.enumerated() {
            guard let agency = report.agency, report.year != nil else { continue }
            byKey[LabelText.normalize(agency), default: []].append(index)
        }
        for indices in byKey.values where indices.count > 1 {
            for current in indices {
                guard let year = reports[current].year,
                      let previous = indices.first(where: { reports[$0].year == year - 1 }) else { continue }
                let extra = RuleCatalogue.crossYearRules.flatMap { $0.check(previous: reports[previous], current: reports[current]) }
                guard !extra.isEmpty else { continue }
                reports[current].findings = RuleCatalogue.sorted(reports[current].findings + extra)
            }
        }
    }
}
