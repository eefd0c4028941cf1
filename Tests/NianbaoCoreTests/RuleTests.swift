import Foundation
import NianbaoCore
import Testing

/// Each rule fires on a report built to break it, with real non-zero numbers, and stays
/// quiet on the same report when it holds.
@Suite("Rules")
struct RuleTests {
    /// A Table 2 whose every sum holds: 5 natural + 1 commercial new, 1 carried.
    static let balanced: [String: [String]?] = [
        "new": ["5", "1", "0", "0", "0", "0", "6"],
        "carried": ["1", "0", "0", "0", "0", "0", "1"],
        "granted": ["3", "1", "0", "0", "0", "0", "4"],
        "unable.notHeld": ["2", "0", "0", "0", "0", "0", "2"],
        "resultTotal": ["5", "1", "0", "0", "0", "0", "6"],
        "carryForward": ["1", "0", "0", "0", "0", "0", "1"],
    ]

    static func with(_ changes: [String: [String]]) -> [String: [String]?] {
        var rows = balanced
        for (k, v) in changes { rows[k] = v }
        return rows
    }

    @Test("a report whose sums hold has no sum findings")
    func balancedReport() throws {
        let report = try check(miniReport(table2: table2(Self.balanced)))
        #expect(rules(report).isDisjoint(with: ["T2_BALANCE", "T2_RESULT_SUM", "T2_ROW_TOTAL", "T3_GROUP_TOTAL"]))
        #expect(report.findings.filter { $0.severity == .error }.isEmpty)
    }

    @Test("一+二 = 三(七)+四 per column: the message shows the arithmetic")
    func balance() throws {
        let report = try check(miniReport(table2: table2(Self.with([
            "resultTotal": ["4", "1", "0", "0", "0", "0", "5"], "granted": ["2", "1", "0", "0", "0", "0", "3"],
        ]))))
        let messages = findings(report, "T2_BALANCE").map(\.message)
        #expect(messages.contains("自然人列：一+二 = 5+1 = 6，三(七)+四 = 4+1 = 5"))
        #expect(messages.contains("总计列：一+二 = 6+1 = 7，三(七)+四 = 5+1 = 6"))
        #expect(messages.count == 2)
        #expect(findings(report, "T2_BALANCE").first?.cells.contains("t2.carryForward.natural") == true)
    }

    @Test("三(七) is the sum of the outcome rows")
    func resultSum() throws {
        let report = try check(miniReport(table2: table2(Self.with(["unable.notHeld": ["3", "0", "0", "0", "0", "0", "3"]]))))
        let messages = findings(report, "T2_RESULT_SUM").map(\.message)
        #expect(messages.contains("自然人列：三(一)至(六)之和 = 三(一)予以公开 3 + 三(四)1本机关不掌握相关政府信息 3 = 6，三(七)总计 = 5"))
    }

    @Test("总计 is the sum of the six applicant columns, per row")
    func rowTotal() throws {
        let report = try check(miniReport(table2: table2(Self.with(["granted": ["3", "1", "0", "0", "0", "0", "5"]]))))
        let found = findings(report, "T2_ROW_TOTAL")
        #expect(found.map(\.message) == ["三(一) 予以公开：自然人+法人或其他组织 = 3+1+0+0+0+0 = 4，总计 = 5"])
        #expect(found.first?.line != nil)
    }

    @Test("Table 3: 总计 = 维持+纠正+其他+尚未审结 per group")
    func table3() throws {
        let good = try check(miniReport(table2: table2(Self.balanced), table3: "2\t1\t0\t0\t3\t0\t0\t1\t0\t1\t0\t0\t0\t0\t0"))
        #expect(!rules(good).contains("T3_GROUP_TOTAL"))
        let bad = try check(miniReport(table2: table2(Self.balanced), table3: "10\t1\t0\t0\t0\t0\t0\t1\t0\t1\t0\t0\t0\t0\t0"))
        #expect(findings(bad, "T3_GROUP_TOTAL").map(\.message) == ["行政复议：维持+纠正+其他+尚未审结 = 10+1+0+0 = 11，总计 = 0"])
    }

    @Test("a blank cell is a warning naming its columns; a 0 is not")
    func blank() throws {
        let report = try check(miniReport(table2: table2(Self.balanced), table3: "\t\t\t\t\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0"))
        #expect(findings(report, "BLANK_CELL").map(\.message) == ["表3 行政复议：结果维持、结果纠正、其他结果、尚未审结、总计 为空（5 格）"])
        #expect(findings(report, "BLANK_CELL").first?.severity == .warning)
    }

    @Test("an absent table and an absent section are errors")
    func missingTableAndSection() throws {
        let text = miniReport(table2: table2(Self.balanced)).replacingOccurrences(of: "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0", with: "")
        let report = try check(text)
        #expect(findings(report, "MISSING_TABLE").map(\.message) == ["缺少表3（政府信息公开行政复议、行政诉讼情况）"])
        #expect(!rules(report).contains("MISSING_SECTION"))
    }

    @Test("section 五 that says only 无 is empty", arguments: ["无。", "无", "", "暂无"])
    func emptySection(content: String) throws {
        let report = try check(miniReport(table2: table2(Self.balanced), problems: content))
        #expect(rules(report).contains("EMPTY_SECTION"))
    }

    @Test("section 五 with real content is not empty")
    func nonEmptySection() throws {
        #expect(!rules(try check(miniReport(table2: table2(Self.balanced)))).contains("EMPTY_SECTION"))
    }

    @Test("a report dated before the end of its year breaks DATE_ORDER", arguments: [
        ("2023年12月20日", true), ("2024年1月5日", false),
    ])
    func dateOrder(date: String, fires: Bool) throws {
        let report = try check(miniReport(table2: table2(Self.balanced), date: date))
        #expect(rules(report).contains("DATE_ORDER") == fires)
    }

    @Test("deadlines: 31 January for a township, 31 March for a county-level government", arguments: [
        ("测试县测试镇2023年政府信息公开工作年度报告", "2024年2月1日", true),
        ("测试县测试镇2023年政府信息公开工作年度报告", "2024年1月31日", false),
        ("测试县人民政府2023年政府信息公开工作年度报告", "2024年3月31日", false),
        ("测试县人民政府2023年政府信息公开工作年度报告", "2024年4月1日", true),
    ])
    func late(title: String, date: String, fires: Bool) throws {
        let report = try check(miniReport(title: title, table2: table2(Self.balanced), date: date))
        #expect(rules(report).contains("LATE_PUBLICATION") == fires)
    }

    @Test("the 2019 format in a 2023 report is an error; in a 2019 report the 2021 format is only a warning")
    func templateMismatch() throws {
        let seed = try sampleText("003")
        let as2023 = try check(seed.replacingOccurrences(of: "祥云镇2020年", with: "祥云镇2023年"))
        #expect(findings(as2023, "TEMPLATE_MISMATCH").map(\.severity) == [.error])
        #expect(!rules(try sample("003")).contains("TEMPLATE_MISMATCH"))
        let as2019 = try check(miniReport(title: "测试镇2019年政府信息公开工作年度报告", table2: table2(Self.balanced), date: "2020年1月10日"))
        #expect(findings(as2019, "TEMPLATE_MISMATCH").map(\.severity) == [.warning])
    }

    @Test("prose that contradicts the tables", arguments: [
        ("本年度未收到政府信息公开申请。", "正文称未收到政府信息公开申请，表2 一、本年新收 总计 = 6"),
        ("全年共收到政府信息公开申请9件。", "正文称收到申请 9 件，表2 一、本年新收 总计 = 6"),
        ("全年下发行政处罚 5 起。", "正文称行政处罚 5 件，表1 行政处罚 处理决定数量 = 3"),
        ("结转下年度继续办理2件。", "正文称结转下年度 2 件，表2 四、结转下年度 总计 = 1"),
        ("现行有效行政规范性文件393件。", "正文称现行有效规范性文件 393 件，表1 行政规范性文件 现行有效件数 = 9"),
    ])
    func narrative(prose: String, message: String) throws {
        let report = try check(miniReport(table2: table2(Self.balanced), prose: prose))
        #expect(findings(report, "NARRATIVE_TABLE").map(\.message) == [message])
    }

    @Test("prose that agrees with the tables is quiet", arguments: [
        "全年共收到政府信息公开申请6件。", "共受理申请7件（含上年结转1件）。", "行政处罚 3 起。", "未发生行政复议和行政诉讼。",
        "全年未发生因依申请公开被行政复议纠错或行政诉讼败诉的情况。",
        "现行有效规范性文件9件。",
    ])
    func narrativeAgrees(prose: String) throws {
        let report = try check(miniReport(table2: table2(Self.balanced), prose: prose))
        #expect(!rules(report).contains("NARRATIVE_TABLE"))
    }

    @Test("denying corrected reviews is not denying reviews")
    func narrativeOutcome() throws {
        let report = try check(miniReport(
            table2: table2(Self.balanced), table3: "2\t0\t0\t0\t2\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0",
            prose: "全年未发生因依申请公开被行政复议纠错的情况。"))
        #expect(!rules(report).contains("NARRATIVE_TABLE"))
    }

    @Test("prose denying lawsuits while Table 3 has some")
    func narrativeSuits() throws {
        let report = try check(miniReport(
            table2: table2(Self.balanced), table3: "0\t0\t0\t0\t0\t0\t2\t1\t0\t3\t0\t0\t0\t0\t0", prose: "本年度未发生行政诉讼。"))
        #expect(findings(report, "NARRATIVE_TABLE").map(\.message) == ["正文称未发生行政诉讼，表3 行政诉讼 总计 = 3+0 = 3"])
    }

    @Test("a section heading typo is a LABEL_VARIANT; a heading worded its own way is not")
    func headingVariant() throws {
        let typo = miniReport(table2: table2(Self.balanced)).replacingOccurrences(of: "四、政府信息公开行政复议", with: "四、政府信息公开行政法复议")
        #expect(findings(try check(typo), "LABEL_VARIANT").map(\.message) == ["第四部分标题：“四、政府信息公开行政法复议、行政诉讼情况”应为“四、政府信息公开行政复议、行政诉讼情况”"])
        // Seed 001 words its headings its own way ("因政府信息公开工作被申请行政复议…"): only its column typo is reported.
        let seed = try sample("001")
        #expect(findings(seed, "LABEL_VARIANT").allSatisfy { $0.message.hasPrefix("表") })
    }

    @Test("a column heading typo is a LABEL_VARIANT")
    func headerVariant() throws {
        #expect(findings(try sample("001"), "LABEL_VARIANT").map(\.message) == ["表1：“本年度止件数”应为“本年废止件数”"])
    }

    @Test("the catalogue lists every rule id of the spec once, and the two of reading (UNREADABLE_CELL, SPAN_CLAMPED)")
    func catalogue() {
        let ids = RuleCatalogue.all.map(\.id.rawValue)
        #expect(Set(ids).count == ids.count)
        #expect(Set(ids) == ["UNREADABLE_CELL", "SPAN_CLAMPED",
            "T2_BALANCE", "T2_RESULT_SUM", "T2_ROW_TOTAL", "T3_GROUP_TOTAL", "BLANK_CELL", "MISSING_TABLE", "MISSING_ROW",
            "ROW_SHAPE", "MISSING_SECTION", "EMPTY_SECTION", "TEMPLATE_MISMATCH", "DATE_ORDER", "LATE_PUBLICATION",
            "NARRATIVE_TABLE", "LABEL_VARIANT", "CROSS_YEAR_CARRY", "CROSS_YEAR_IN_FORCE",
        ])
    }
}

@Suite("Documentation")
struct DocumentationTests {
    @Test("docs/rules.md lists every rule of the catalogue with its severity")
    func rulesPage() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let page = try String(contentsOf: root.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        for rule in RuleCatalogue.all {
            #expect(page.contains("| `\(rule.id.rawValue)` | \(rule.severity.rawValue) |"), "\(rule.id) missing from docs/rules.md")
        }
    }
}
