import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import NianbaoCore
import NianbaoDeliverables
import NianbaoStore
import Testing
import ZIPFoundation

@Suite("The documents of a review: the HTML page and the correction notices")
struct ReviewDocumentsTests {
    /// Two reports: one needing correction with two findings (one confirmed, one dismissed)
    /// and a note that holds markup; one approved with none.
    func summary() -> ReviewSummary {
        let date = Date(timeIntervalSince1970: 1_740_000_000)
        func record(_ path: String, _ status: ReviewStatus, note: String) -> ReviewRecord {
            ReviewRecord(path: path, contentHash: "h", reviewedHash: "h", status: status, note: note, reviewer: "李四", reviewedAt: date,
                         updatedAt: date, agency: nil, year: nil, errors: 0, warnings: 0)
        }
        let sum = Finding(rule: RuleID("T2_ROW_TOTAL"), severity: .error, cells: [CellID("t2.new.total"), CellID("t2.new.natural")], line: 48,
                          message: "一、本年新收：总计 9 ≠ 4+4 = 8")
        let blank = Finding(rule: RuleID("BLANK_CELL"), severity: .warning, cells: [CellID("t3.total")], line: 83, message: "表3 为空（5 格）")
        let facts = CrossYearFacts(path: "/p/a.txt", agency: "张营乡", year: 2023, template: nil, values: [:])
        let a = ReportSummary(path: "/p/a.txt", agency: "张营乡", year: 2023, template: nil, findings: [sum, blank], facts: facts)
        let b = ReportSummary(path: "/p/b.txt", agency: "鲁山县张良镇", year: 2023, template: nil, findings: [], facts: facts)
        let rulings = [
            FindingRuling(path: "a.txt", finding: sum.identity, rule: "T2_ROW_TOTAL", message: sum.message, verdict: .confirmed, reviewer: "李四", ruledAt: date),
            FindingRuling(path: "a.txt", finding: blank.identity, rule: "BLANK_CELL", message: blank.message, verdict: .dismissed,
                          reason: "本年无复议", reviewer: "李四", ruledAt: date),
        ]
        let read = [(key: "a.txt", summary: a), (key: "b.txt", summary: b)]
        let rows = FindingsExport.rows(read, rulings: rulings)
        return ReviewSummary(
            records: [record("a.txt", .needsCorrection, note: "请核对<表二>第一行 & 重新发布"), record("b.txt", .approved, note: "")],
            rows: rows, read: read, database: "/p/.nianbao/reviews.sqlite", generatedAt: date)
    }

    @Test("the page: progress, charts as inline SVG, every report in the table, confirmed findings with their arithmetic, text escaped")
    func page() {
        let html = ReviewReportPage.html(summary())
        #expect(html.components(separatedBy: "<svg").count - 1 == 4)
        #expect(html.contains("已审 <strong>2</strong> / 2 份"))
        #expect(html.contains("<td>张营乡</td>") && html.contains("<td>鲁山县张良镇</td>"))
        #expect(html.contains("一、本年新收：总计 9 ≠ 4+4 = 8"))
        // Dismissed: counted out of the table and the charts, not among the confirmed.
        #expect(html.contains("<td>需修改</td><td>1</td><td>0</td>"))
        #expect(!html.contains("<span class=\"arithmetic\">表3 为空"))
        #expect(html.contains("请核对&lt;表二&gt;第一行 &amp; 重新发布"))
        #expect(!html.contains("<表二>"))
        // Nothing fetched: no external source, style or script.
        #expect(!html.contains("src=") && !html.contains("<link") && !html.contains("url("))
    }

    @Test("the notice: title, body, each confirmed finding with its cells and arithmetic, the note; a Word package of three parts")
    func notice() throws {
        let entry = try #require(summary().entries.first { $0.status == .needsCorrection })
        let text = CorrectionNotice.paragraphs(entry, date: Date(timeIntervalSince1970: 1_740_000_000)).map(\.text)
        #expect(text.first == "政府信息公开工作年度报告整改通知")
        #expect(text.contains("张营乡："))
        #expect(text.contains { $0.contains("一、本年新收：总计 9 ≠ 4+4 = 8") && $0.contains("t2.new.total") && $0.contains("第 48 行") })
        #expect(!text.contains { $0.contains("表3 为空") })
        #expect(text.contains("请核对<表二>第一行 & 重新发布"))
        #expect(CorrectionNotice.fileName(entry) == "张营乡-2023.docx")

        let data = try CorrectionNotice.docx(entry)
        let archive = try Archive(data: data, accessMode: .read)
        #expect(Set(archive.map(\.path)) == ["[Content_Types].xml", "_rels/.rels", "word/document.xml"])
        var document = Data()
        _ = try archive.extract(try #require(archive["word/document.xml"])) { document.append($0) }
        let xml = String(decoding: document, as: UTF8.self)
        #expect(xml.contains("请核对&lt;表二&gt;第一行 &amp; 重新发布"))
        #expect(try XMLDocument(data: document).rootElement()?.name == "w:document")
    }
}
