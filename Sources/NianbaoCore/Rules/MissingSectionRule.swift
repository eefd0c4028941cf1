/// One of the six numbered sections is absent.
struct MissingSectionRule: ReportRule {
    let description = RuleDescription(
        id: .missingSection, severity: .error, summary: "缺少六个部分之一 / one of the six sections is absent")

    func check(_ report: Report) -> [Finding] {
        SectionID.allCases.filter { report.section($0) == nil }.map { id in
            finding("缺少第\(id.numeral)部分（\(id.numeral)、\(id.officialHeading)）")
        }
    }
}
