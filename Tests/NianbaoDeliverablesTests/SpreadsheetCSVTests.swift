import Foundation
import NianbaoCore
import NianbaoDeliverables
import NianbaoStore
import Testing

@Suite("Spreadsheet CSV: as Excel and WPS on Chinese Windows read it")
struct SpreadsheetCSVTests {
    let table = SpreadsheetCSV(header: ["文件", "备注"], rows: [
        ["a.txt", "表二, 第3行"], ["b.txt", "他说\"不予公开\"\n第二行"], ["c.txt", " 前后有空格 "], ["d.txt", "平常"],
    ])

    @Test("UTF-8 with a byte-order mark, every line ending CRLF, quoted only where needed")
    func utf8() throws {
        let bytes = try table.bytes(.utf8)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text == "文件,备注\r\na.txt,\"表二, 第3行\"\r\nb.txt,\"他说\"\"不予公开\"\"\n第二行\"\r\nc.txt,\" 前后有空格 \"\r\nd.txt,平常\r\n")
    }

    @Test("GBK: the same text in GBK bytes; a character GBK lacks is refused with its line, not replaced")
    func gbk() throws {
        let bytes = try table.bytes(.gbk)
        #expect(bytes.prefix(4) == [0xCE, 0xC4, 0xBC, 0xFE])  // 文件
        #expect(Iconv.convert(bytes, from: "GBK", to: "UTF-8").map { String(decoding: $0, as: UTF8.self) } == table.text)
        let emoji = SpreadsheetCSV(header: ["备注"], rows: [["好"], ["已核对 ✅"]])
        #expect(throws: CSVEncodingError.self) { _ = try emoji.bytes(.gbk) }
        do { _ = try emoji.bytes(.gbk) } catch { #expect(error.line == 3 && error.text == "已核对 ✅") }
    }

    @Test("local time with its offset")
    func localTime() throws {
        let date = Date(timeIntervalSince1970: 1_740_000_000)  // 2025-02-19T21:20:00Z
        #expect(LocalTime.string(date, in: try #require(TimeZone(identifier: "Asia/Shanghai"))) == "2025-02-20T05:20:00+08:00")
        #expect(LocalTime.string(date, in: try #require(TimeZone(identifier: "UTC"))) == "2025-02-19T21:20:00Z")
    }

    @Test("the review in Chinese: headings and status words")
    func chinese() throws {
        let record = ReviewRecord(
            path: "乡镇/a.txt", contentHash: "h", reviewedHash: "h", status: .needsCorrection, note: "表三为空", reviewer: "李四",
            reviewedAt: Date(timeIntervalSince1970: 0), updatedAt: Date(), agency: "鲁山县张良镇", year: 2023, errors: 2, warnings: 1)
        let zh = ReviewExport.spreadsheet([record], .zh).rows
        #expect(Array(zh[0].prefix(9)) == ["文件", "机关", "年度", "状态", "备注", "错误", "警告", "审阅时间", "审阅人"])
        #expect(zh[1][3] == "需修改" && zh[1][1] == "鲁山县张良镇")
        #expect(ReviewExport.spreadsheet([record], .en).rows[1][3] == "needsCorrection")
        #expect(OutputLanguage.zh.status(.approved) == "通过" && OutputLanguage.zh.status(.unreviewed) == "未审")
    }

    @Test("findings with their rulings: standing ones beside their finding, one whose finding is gone as stale")
    func findingsRows() throws {
        let blank = Finding(rule: RuleID("BLANK_CELL"), severity: .warning, cells: [CellID("t3.total")], line: 83, message: "表3 为空（5 格）")
        let sum = Finding(rule: RuleID("T2_ROW_TOTAL"), severity: .error, cells: [CellID("t2.new.total")], line: 48, message: "总计 6 ≠ 2+3")
        let facts = CrossYearFacts(path: "/p/a.txt", agency: "张营乡", year: 2023, template: nil, values: [:])
        let summary = ReportSummary(path: "/p/a.txt", agency: "张营乡", year: 2023, template: nil, findings: [sum, blank], facts: facts)
        let rulings = [
            FindingRuling(path: "a.txt", finding: blank.identity, rule: "BLANK_CELL", message: blank.message, verdict: .dismissed,
                          reason: "本年无复议", reviewer: "李四", ruledAt: Date()),
            FindingRuling(path: "a.txt", finding: "T2_ROW_TOTAL|t2.new.total|7,2,3", rule: "T2_ROW_TOTAL", message: "总计 7 ≠ 2+3",
                          verdict: .confirmed, reviewer: "王五", ruledAt: Date()),
        ]
        let rows = FindingsExport.rows([(key: "a.txt", summary: summary)], rulings: rulings)
        #expect(rows.map(\.rule) == ["T2_ROW_TOTAL", "BLANK_CELL", "T2_ROW_TOTAL"])
        #expect(rows[0].ruling == nil && !rows[0].isStale)
        #expect(rows[1].ruling?.verdict == .dismissed)
        #expect(rows[2].isStale && rows[2].message == "总计 7 ≠ 2+3")
        let zh = FindingsExport.spreadsheet(rows, .zh).rows
        #expect(zh[0] == ["文件", "机关", "年度", "规则", "严重程度", "行", "说明", "裁定", "理由", "审阅人"])
        #expect(zh[1][4] == "错误" && zh[1][7] == "未裁定")
        #expect(zh[2][7] == "已驳回" && zh[2][8] == "本年无复议" && zh[2][9] == "李四")
        #expect(zh[3][7] == "已失效")
    }
}
