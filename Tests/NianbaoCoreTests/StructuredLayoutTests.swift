import NianbaoCore
import Testing

/// A PDF page built in the test: words placed at x/y (points), each also given a line of the
/// text, as a format reader hands them to the core.
struct PageBuilder {
    private(set) var lines: [String] = []
    private(set) var words: [PlacedWord] = []
    var page = 1

    mutating func text(_ line: String) { lines.append(line) }

    /// A word of `height` points whose box starts at (x, y); its width is 10 points a letter.
    mutating func word(_ text: String, x: Double, y: Double, height: Double = 12, width: Double? = nil) {
        lines.append(text)
        let w = width ?? Double(text.count) * (text.allSatisfy(\.isASCII) ? 6 : 12)
        words.append(PlacedWord(
            text: text, location: SourceLocation(line: lines.count, column: 1), page: page, x0: x, y0: y, x1: x + w,
            y1: y + height))
    }

    /// A number centred on `center`.
    mutating func number(_ value: Int, center: Double, y: Double) {
        let text = String(value)
        let width = Double(text.count) * 6
        word(text, x: center - width / 2, y: y, width: width)
    }

    var document: SourceDocument { SourceDocument(text: lines.joined(separator: "\n") + "\n", words: words) }
}

/// The prose around a table, so that the core finds the report's sections.
func skeleton(_ build: (inout PageBuilder) -> Void) -> SourceDocument {
    var page = PageBuilder()
    page.text("测试县测试镇2023年政府信息公开工作年度报告")
    page.text("一、总体情况")
    page.text("本年度依法做好政府信息公开工作。")
    page.text("二、主动公开政府信息情况")
    page.text("三、收到和处理政府信息公开申请情况")
    build(&page)
    page.text("四、政府信息公开行政复议、行政诉讼情况")
    page.text("五、存在的主要问题及改进情况")
    page.text("工作人员多为兼职，下一步加强培训。")
    page.text("六、其他需要报告的事项")
    page.text("无。")
    page.text("2024年1月20日")
    return page.document
}

/// The middles of Table 2's seven columns on the test page.
let table2Columns: [Double] = (0..<7).map { 320 + 36 * Double($0) }

/// Table 2's heading: 申请人情况 over all, 法人或其他组织 over five, the seven column
/// headings, some split over two lines as narrow cells print them.
func table2Heading(_ page: inout PageBuilder, top: Double = 100) {
    page.word("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", x: 60, y: top + 20, width: 220)
    page.word("申请人情况", x: 419, y: top, width: 60)
    page.word("法人或其他组织", x: 374, y: top + 14, width: 84)
    let headings = [["自然", "人"], ["商业", "企业"], ["科研", "机构"], ["社会", "公益", "组织"], ["法律", "服务", "机构"], ["其他"], ["总计"]]
    for (column, parts) in headings.enumerated() {
        for (i, part) in parts.enumerated() {
            page.word(part, x: table2Columns[column] - 12, y: top + 30 + 14 * Double(i), width: 24)
        }
    }
}

@Suite("Tables by structure: grids from web pages and Word files, words by position from PDF")
struct StructuredLayoutTests {
    @Test("PDF: a tall row's 总计 at its top and its other numbers in its middle are one row")
    func tallRow() throws {
        let document = skeleton { page in
            table2Heading(&page)
            page.word("一、本年新收政府信息公开申请数量", x: 56, y: 180, width: 190)
            for (value, center) in zip([31, 2, 0, 1, 4, 0, 38], table2Columns) { page.number(value, center: center, y: 180) }
            // Label over two lines; 总计 top-aligned on the first, the six centred lower down.
            page.word("（二）部分公开（区分处理的，只计这一情", x: 94, y: 200, width: 200)
            page.number(17, center: table2Columns[6], y: 199)
            for (value, center) in zip([12, 3, 0, 0, 2, 0], table2Columns) { page.number(value, center: center, y: 207) }
            page.word("形，不计其他情形）", x: 94, y: 215, width: 100)
            page.word("（七）总计", x: 94, y: 240, width: 60)
            for (value, center) in zip([43, 5, 0, 1, 6, 0, 55], table2Columns) { page.number(value, center: center, y: 240) }
        }
        let report = try ReportReader.report(from: document, path: "tall.pdf")
        #expect(number(report, "t2.partial.total") == Quantity(17))
        #expect(number(report, "t2.partial.natural") == Quantity(12))
        #expect(number(report, "t2.partial.legal") == Quantity(2))
        #expect(number(report, "t2.new.total") == Quantity(38))
        #expect(number(report, "t2.resultTotal.natural") == Quantity(43))
        #expect(!rules(report).contains("ROW_SHAPE"))
        #expect(!rules(report).contains("LABEL_VARIANT"))
    }

    @Test("PDF: a blank cell is a column with nothing in it, never a shift of the numbers after it")
    func blankByPosition() throws {
        for blank in 0..<7 {
            let values = [9, 8, 7, 6, 5, 4, 39]
            let document = skeleton { page in
                table2Heading(&page)
                page.word("二、上年结转政府信息公开申请数量", x: 56, y: 180, width: 190)
                for (i, (value, center)) in zip(values, table2Columns).enumerated() where i != blank {
                    page.number(value, center: center, y: 180)
                }
            }
            let report = try ReportReader.report(from: document, path: "blank.pdf")
            let columns = ["natural", "commercial", "research", "publicInterest", "legal", "otherOrg", "total"]
            for (i, column) in columns.enumerated() {
                let cell = try #require(report.cells[CellID("t2.carried.\(column)")])
                #expect(cell.value == (i == blank ? .blank : .number(Quantity(values[i]))), "blank in column \(blank): \(column)")
            }
            #expect(findings(report, "BLANK_CELL").count == 1)
        }
    }

    @Test("PDF: a narrow group label's fragment a small gap before a sub-item label stays apart from it")
    func groupFragment() throws {
        let document = skeleton { page in
            table2Heading(&page)
            page.word("1.属于国家秘密", x: 140, y: 180, width: 80)
            for (value, center) in zip([1, 0, 0, 0, 0, 0, 1], table2Columns) { page.number(value, center: center, y: 180) }
            page.word("2.其他法律行政法规禁止公开", x: 140, y: 197, width: 130)
            for (value, center) in zip([2, 0, 0, 0, 0, 0, 2], table2Columns) { page.number(value, center: center, y: 197) }
            // "（三）不" ends 6 points before "3." starts, on the same printed line.
            page.word("（三）不", x: 94, y: 214, width: 40)
            page.word("3.危及“三安全一稳定”", x: 140, y: 214, width: 110)
            for (value, center) in zip([3, 0, 0, 0, 0, 0, 3], table2Columns) { page.number(value, center: center, y: 214) }
            page.word("予公开", x: 94, y: 230, width: 36)
            page.word("4.保护第三方合法权益", x: 140, y: 231, width: 110)
            for (value, center) in zip([4, 0, 0, 0, 0, 0, 4], table2Columns) { page.number(value, center: center, y: 231) }
        }
        let report = try ReportReader.report(from: document, path: "group.pdf")
        #expect(number(report, "t2.denied.security.natural") == Quantity(3))
        #expect(number(report, "t2.denied.thirdParty.total") == Quantity(4))
        #expect(!rules(report).contains("LABEL_VARIANT"), "\(findings(report, "LABEL_VARIANT").map(\.message))")
        #expect(report.tables[.t2]?.row("denied.security")?.label == "3.危及“三安全一稳定”")
    }

    @Test("PDF: two numbers side by side under one heading are not placed, and the row is reported")
    func unplaceable() throws {
        let document = skeleton { page in
            table2Heading(&page)
            page.word("一、本年新收政府信息公开申请数量", x: 56, y: 180, width: 190)
            for (value, center) in zip([31, 2, 0, 1, 4, 0, 38], table2Columns) { page.number(value, center: center, y: 180) }
            page.number(7, center: table2Columns[0] + 11, y: 180)
        }
        let report = try ReportReader.report(from: document, path: "two.pdf")
        #expect(report.cells["t2.new.natural"]?.provenance == .unplaced)
        #expect(report.quantity("t2.new.total") == nil)
        #expect(findings(report, "ROW_SHAPE").map(\.message) == ["表2 一、本年新收政府信息公开申请数量：8 个数无法按位置对应到列，未读取，不猜测数值"])
    }

    @Test("PDF: a number wrapped over two lines of its narrow cell is one number")
    func wrappedNumber() throws {
        let document = skeleton { page in
            table2Heading(&page)
            page.word("一、本年新收政府信息公开申请数量", x: 56, y: 185, width: 190)
            page.word("2754", x: table2Columns[0] - 12, y: 178, width: 24)
            page.word("2", x: table2Columns[0] - 12, y: 192, width: 6)
            for (value, center) in zip([2, 0, 1, 4, 0, 27549], table2Columns.dropFirst()) { page.number(value, center: center, y: 185) }
        }
        let report = try ReportReader.report(from: document, path: "wrapped.pdf")
        #expect(number(report, "t2.new.natural") == Quantity(27542))
        #expect(number(report, "t2.new.total") == Quantity(27549))
    }

    @Test("grid: a blank 总计 in a row whose label spans three grid columns stays blank in its place")
    func gridBlankTotal() throws {
        var lines = ["测试镇2023年政府信息公开工作年度报告", "一、总体情况", "概述。", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况"]
        let first = lines.count + 1
        // Flattened, the spanned label leaves two padding fields, and the blank total looks like a third.
        lines.append("一、本年新收政府信息公开申请数量\t\t\t5\t1\t0\t0\t2\t0\t")
        lines.append("二、上年结转政府信息公开申请数量\t\t\t\t1\t0\t0\t2\t0\t3")
        let cells: [GridCell] = [
            GridCell(row: 0, column: 0, columnSpan: 3, text: "一、本年新收政府信息公开申请数量", location: SourceLocation(line: first, column: 1)),
        ] + zip(3..<10, ["5", "1", "0", "0", "2", "0", ""]).map { column, text in
            GridCell(row: 0, column: column, text: text, location: SourceLocation(line: first, column: 20 + column))
        } + [
            GridCell(row: 1, column: 0, columnSpan: 3, text: "二、上年结转政府信息公开申请数量", location: SourceLocation(line: first + 1, column: 1)),
        ] + zip(3..<10, ["", "1", "0", "0", "2", "0", "3"]).map { column, text in
            GridCell(row: 1, column: column, text: text, location: SourceLocation(line: first + 1, column: 20 + column))
        }
        lines += ["四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "兼职人员多。", "六、其他需要报告的事项", "无。"]
        let grid = TableGrid(firstLine: first, rowCount: 2, columnCount: 10, cells: cells)
        let report = try ReportReader.report(from: SourceDocument(text: lines.joined(separator: "\n"), grids: [grid]), path: "spans.html")
        #expect(report.cells["t2.new.total"]?.value == .blank)
        #expect(number(report, "t2.new.natural") == Quantity(5))
        #expect(number(report, "t2.new.otherOrg") == .zero)
        #expect(report.cells["t2.carried.natural"]?.value == .blank)
        #expect(number(report, "t2.carried.total") == Quantity(3))
        #expect(report.cells["t2.new.natural"]?.source == SourceLocation(line: first, column: 23))
        #expect(!rules(report).contains("ROW_SHAPE"))
    }
}
