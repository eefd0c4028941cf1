/// The prose contradicts a table: it says no applications were received while Table 2 has
/// some, or it names a count that differs from the table's.
struct NarrativeTableRule: ReportRule {
    let description = RuleDescription(
        id: .narrativeTable, severity: .warning,
        summary: "正文叙述与表格数字矛盾（如称未收到申请而表2有新收申请，或正文件数与表格不同）/ the prose contradicts a table")

    static let negations = ["未发生", "没有发生", "未出现", "没有出现", "未产生", "未有", "无一"]
    /// Words that make a denial about how cases ended, not whether there were any.
    static let outcomes = ["纠错", "纠正", "败诉", "撤销", "违法"]

    func check(_ report: Report) -> [Finding] {
        let prose = NarrativeScanner(report: report)
        var findings: [Finding] = []
        let newTotal: CellID = "t2.new.total", carried: CellID = "t2.carried.total"
        if let received = report.quantity(newTotal), received != .zero,
           prose.claims("未收到", then: "申请", excluding: ["行政复议", "诉讼"]) {
            findings.append(finding(cells: [newTotal], line: report.line(of: newTotal),
                                    "正文称未收到政府信息公开申请，表2 一、本年新收 总计 = \(received)"))
        }
        let review: CellID = "t3.review.total", direct: CellID = "t3.suitDirect.total", after: CellID = "t3.suitAfterReview.total"
        if let cases = report.quantity(review), cases != .zero, prose.denies("行政复议", negations: Self.negations, unlessAbout: Self.outcomes) {
            findings.append(finding(cells: [review], line: report.line(of: review),
                                    "正文称未发生行政复议，表3 行政复议 总计 = \(cases)"))
        }
        if let a = report.quantity(direct), let b = report.quantity(after), a + b != .zero,
           prose.denies("行政诉讼", negations: Self.negations, unlessAbout: Self.outcomes) {
            findings.append(finding(cells: [direct, after], line: report.line(of: direct),
                                    "正文称未发生行政诉讼，表3 行政诉讼 总计 = \(a)+\(b) = \(a + b)"))
        }
        compare(prose.count(after: "行政处罚"), "行政处罚", ["t1.penalty.decisions"], "表1 行政处罚 处理决定数量", report, &findings)
        let applications = ["新收", "收到", "受理"].lazy.compactMap { prose.count(after: $0, via: "申请", window: 20) }.first
        if let stated = applications, let new = report.quantity(newTotal),
           Quantity(stated) != new, Quantity(stated) != new + (report.quantity(carried) ?? .zero) {
            findings.append(finding(cells: [newTotal], line: report.line(of: newTotal),
                                    "正文称收到申请 \(stated) 件，表2 一、本年新收 总计 = \(new)"))
        }
        compare(prose.count(after: "上年结转"), "上年结转", [carried], "表2 二、上年结转 总计", report, &findings)
        compare(prose.count(after: "结转下年"), "结转下年度", ["t2.carryForward.total"], "表2 四、结转下年度 总计", report, &findings)
        compare(prose.count(after: "现行有效", via: "规范性文件", window: 20), "现行有效规范性文件", ["t1.normative.inForce"],
                "表1 行政规范性文件 现行有效件数", report, &findings)
        compare(prose.count(after: "行政复议"), "行政复议", [review], "表3 行政复议 总计", report, &findings)
        compare(prose.count(after: "行政诉讼"), "行政诉讼", [direct, after], "表3 行政诉讼 总计", report, &findings)
        return findings
    }

    private func compare(_ stated: Int?, _ topic: String, _ cells: [CellID], _ where_: String, _ report: Report, _ findings: inout [Finding]) {
        guard let stated else { return }
        let values = cells.map { report.quantity($0) }
        guard values.allSatisfy({ $0 != nil }) else { return }
        let total = values.reduce(Quantity.zero) { $0 + $1! }
        guard Quantity(stated) != total else { return }
        let shown = values.count > 1 ? "\(Wording.sum(values.map { $0! })) = \(total)" : "\(total)"
        findings.append(finding(cells: cells, line: report.line(of: cells[0]), "正文称\(topic) \(stated) 件，\(where_) = \(shown)"))
    }
}
