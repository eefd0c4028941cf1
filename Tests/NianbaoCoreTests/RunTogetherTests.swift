import Foundation
@testable import NianbaoCore
import Testing

/// Web page text flattened onto one line, table cells run together: numbers are recovered
/// only where the row's own total allows exactly one split.
@Suite("Run-together cells")
struct RunTogetherTests {
    static func page(table2: String, table1: String = "第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件6233440第二十条第（五）项信息内容本年处理决定数量行政许可4529",
                     table3: String = "21317000001324019") -> String {
        let prose = String(repeating: "本年度持续推进政务公开工作，规范依申请公开办理。", count: 30)
        return "标题: 测试区2024年度政府信息公开工作年度报告\n"
            + "一、总体情况\(prose)二、主动公开政府信息情况\(table1)三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计"
            + table2
            + "四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计\(table3)五、存在的主要问题及改进情况\(prose)六、其他需要报告的事项无。\n"
    }

    static let rows = "一、本年新收政府信息公开申请数量640020470二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开270020130（三）不予公开1.属于国家秘密40000042.其他法律行政法规禁止公开0000000（四）无法提供1.本机关不掌握相关政府信息7500000752.没有现成信息需要另行制作0000000（七）总计21710000218四、结转下年度继续办理0000000"

    @Test("a row whose total allows one split is recovered, marked as recovered")
    func uniqueSplit() throws {
        let report = try check(Self.page(table2: Self.rows))
        #expect(report.agency == "测试区")
        #expect(report.sections.count == 6)
        let values = ["natural", "commercial", "research", "publicInterest", "legal", "otherOrg", "total"]
            .map { report.quantity(CellID("t2.new.\($0)"))?.description ?? "-" }
        #expect(values == ["64", "0", "0", "2", "0", "4", "70"])
        #expect(report.cells["t2.new.natural"]?.provenance == .recovered)
    }

    @Test("a row with two splits that fit its total is not guessed: unplaced, and reported")
    func ambiguousSplit() throws {
        let report = try check(Self.page(table2: Self.rows))
        // 270020130 = 27 0 0 2 0 1 30 = 2 7 0 0 20 1 30: both add up.
        #expect(report.cells["t2.granted.natural"]?.provenance == .unplaced)
        #expect(report.cells["t2.granted.natural"]?.value == .blank)
        let finding = try #require(report.findings.first { $0.rule.rawValue == "ROW_SHAPE" && $0.message.contains("予以公开") })
        #expect(finding.message.contains("“270020130”，有多种拆法都符合本行总计"))
        #expect(!report.findings.contains { $0.rule.rawValue == "BLANK_CELL" && $0.message.contains("予以公开") })
    }

    @Test("the next label's numbering glued to a row's digits is not one of them")
    func gluedNumbering() throws {
        let report = try check(Self.page(table2: Self.rows))
        #expect(report.quantity("t2.denied.secret.natural") == Quantity(4))
        #expect(report.quantity("t2.denied.secret.total") == Quantity(4))
        #expect(report.quantity("t2.unable.notHeld.total") == Quantity(75))
    }

    @Test("rows without a total: one digit per column is certain, anything else is unreadable")
    func table1() throws {
        let report = try check(Self.page(table2: Self.rows))
        #expect(report.quantity("t1.rules.inForce") == .zero)
        #expect(report.quantity("t1.licensing.decisions") == Quantity(4529))
        #expect(report.cells["t1.normative.issued"]?.provenance == .unplaced)
        #expect(report.findings.contains { $0.rule.rawValue == "ROW_SHAPE" && $0.message.contains("“6233440”") })
    }

    @Test("Table 3: the three group totals fix the split of its fifteen numbers")
    func table3() throws {
        let report = try check(Self.page(table2: Self.rows))
        let review = ["upheld", "corrected", "other", "pending", "total"].map { report.quantity(CellID("t3.review.\($0)"))?.description ?? "-" }
        #expect(review == ["2", "1", "3", "1", "7"])
        #expect(report.quantity("t3.suitAfterReview.total") == Quantity(19))
    }

    @Test("recovered numbers still meet the rules: a broken total is found")
    func rulesOnRecovered() throws {
        let report = try check(Self.page(table2: Self.rows))
        // new 70 + carried 0 vs (七) 218 + 0: the page's own numbers disagree.
        #expect(report.findings.contains { $0.rule.rawValue == "T2_BALANCE" && $0.message.hasPrefix("总计列：一+二 = 70+0 = 70") })
    }

    @Test("a report on a year before 2019 has no official tables: they are reported absent, nothing is read from older tables")
    func before2019() throws {
        let text = Self.page(table2: Self.rows).replacingOccurrences(of: "2024年度", with: "2018年度")
        let report = try check(text)
        #expect(report.tables.isEmpty)
        #expect(report.missing == ["t1", "t2", "t3"])
        #expect(report.template == nil)
    }
}

@Suite("Run-together digits: bounded work, whatever the run")
struct RunTogetherBoundTests {
    @Test("a run far longer than any row's is reported, not split: the ways tried are bounded")
    func longRun() {
        let digits = String(repeating: "1203", count: 25)
        #expect(RunTogetherReader.split(digits, columns: 7, total: true).isEmpty)
        #expect(RunTogetherReader.split(digits, columns: 7, total: false).isEmpty)
        #expect(RunTogetherReader.splitGroups(Array(digits), groups: 3, columns: 5).isEmpty)
    }

    @Test("splits that the total decides are still found", arguments: [
        ("21710000218", ["217", "1", "0", "0", "0", "0", "218"]), ("1288210050313620", []),
    ])
    func stillFound(_ digits: String, _ expected: [String]) {
        let found = RunTogetherReader.split(digits, columns: 7, total: true)
        if expected.isEmpty { #expect(found.count != 1) } else { #expect(found == [expected]) }
    }

    @Test("the page text libFuzzer found to take over ten seconds is read at once (its rows reported, not guessed)")
    func fuzzFound() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/fuzz/text-timeout-run-together.txt")
        let report = try ReportReader.read(path: file.path)
        #expect(report.findings.contains { $0.rule.rawValue == "ROW_SHAPE" })
    }
}
