import Foundation
import NianbaoCore
import Testing

/// What `check` prints of one report, made where the report was read.
@Suite("Check records: JSON and text of one report")
struct CheckRecordTests {
    @Test("the JSON record parses and says what the summary says", arguments: ["000", "001", "002", "003", "004"])
    func json(_ prefix: String) throws {
        let summary = ReportSummary(try sample(prefix))
        let bytes = CheckRecord.bytes(summary, .json, shownPath: "ignored")
        let record = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(record["path"] as? String == summary.path)
        #expect(record["agency"] as? String == summary.agency)
        #expect(record["errors"] as? Int == summary.counts.errors)
        #expect(record["warnings"] as? Int == summary.counts.warnings)
        let findings = try #require(record["findings"] as? [[String: Any]])
        #expect(findings.map { $0["rule"] as? String } == summary.findings.map(\.rule.rawValue))
        #expect(findings.map { $0["message"] as? String } == summary.findings.map(\.message))
        #expect(record["crossYear"] == nil)
    }

    @Test("text: the path as shown, then one line a finding, columns aligned by display width")
    func text() throws {
        let summaries = try ["000", "001", "002", "003", "004"].map { ReportSummary(try sample($0)) }.filter { !$0.findings.isEmpty }
        try #require(!summaries.isEmpty)
        for summary in summaries {
            for form in [CheckRecord.Form.textChinese, .textEnglish] { expectAligned(summary, form) }
        }
    }

    func expectAligned(_ summary: ReportSummary, _ form: CheckRecord.Form) {
        let lines = String(decoding: CheckRecord.bytes(summary, form, shownPath: "samples/x.txt"), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.hasPrefix("samples/x.txt  ") == true)
        #expect(lines.last == "")
        #expect(lines.count == summary.findings.count + 2)
        for (line, finding) in zip(lines.dropFirst(), summary.findings) {
            // Two spaces, then the severity in 7 cells, the rule in 18, the line in 7, a space after each.
            #expect(line.hasSuffix(finding.message))
            let head = String(line.dropLast(finding.message.count))
            let lineWidth = DisplayWidth.of(finding.line.map { "行 \($0)" } ?? "-")
            #expect(DisplayWidth.of(head) == 2 + 7 + 1 + max(18, finding.rule.rawValue.count) + 1 + max(7, lineWidth) + 1)
        }
    }

    @Test("a report with no findings says so, in either language; a cross-year record does not")
    func clean() {
        let summary = ReportSummary(path: "a.txt", agency: "某某局", year: 2023, template: nil, findings: [],
                                    facts: CrossYearFacts(path: "a.txt", agency: "某某局", year: 2023, template: nil, values: [:]))
        #expect(String(decoding: CheckRecord.bytes(summary, .textChinese, shownPath: "a.txt"), as: UTF8.self) == "a.txt  某某局 2023 年 （无表格）\n  通过    没有发现问题\n")
        #expect(String(decoding: CheckRecord.bytes(summary, .textEnglish, shownPath: "a.txt"), as: UTF8.self).hasSuffix("  ok      no findings\n"))
        #expect(String(decoding: CheckRecord.bytes(summary, .textChinese, shownPath: "a.txt", crossYear: true), as: UTF8.self) == "a.txt  某某局 2023 年 （无表格）\n")
    }

    @Test("the built-in samples are shown as samples/NAME, other paths as given")
    func shownPath() {
        #expect(CheckRecord.shownPath("/opt/x/samples/000.txt", samplesFolder: "/opt/x/samples") == "samples/000.txt")
        #expect(CheckRecord.shownPath("/opt/x/samplesplus/000.txt", samplesFolder: "/opt/x/samples") == "/opt/x/samplesplus/000.txt")
        #expect(CheckRecord.shownPath("r.txt", samplesFolder: nil) == "r.txt")
    }
}
