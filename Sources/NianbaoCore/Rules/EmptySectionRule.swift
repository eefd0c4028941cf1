/// Section 五 is present but reports nothing (条例 art. 50 requires the main problems and
/// their improvement).
struct EmptySectionRule: ReportRule {
    let description = RuleDescription(
        id: .emptySection, severity: .warning,
        summary: "第五部分（存在的主要问题及改进情况）无实质内容 / section 五 is present but reports nothing")

    static let minimumCharacters = 10

    func check(_ report: Report) -> [Finding] {
        guard let span = report.section(.problems) else { return [] }
        var content = String.UnicodeScalarView()
        scan: for index in span.body {
            for s in report.text.lines[index].unicodeScalars where !Characters.isSpace(s) {
                content.append(s)
                if content.count > Self.minimumCharacters { break scan }
            }
        }
        let text = String(content)
        let nothing = ["无", "无。", "暂无", "暂无。", "无.", "没有", "没有。"].contains(text)
        guard nothing || text.unicodeScalars.count < Self.minimumCharacters else { return [] }
        let shown = text.isEmpty ? "没有内容" : "只有“\(text)”"
        return [finding(line: span.headingLine + 1, "第五部分（存在的主要问题及改进情况）\(shown)")]
    }
}
