import NianbaoCore
import Testing

@Suite("Tables: both text layouts, both formats, and the traps of real files")
struct TableLayoutTests {
    @Test("tab rows from PDF text: every cell of the 2021 format, with its source")
    func tabLayout() throws {
        let report = try sample("000")
        #expect(report.template == .format2021)
        #expect(report.cells.count == 200)
        #expect(number(report, "t1.licensing.decisions") == Quantity(17))
        #expect(number(report, "t3.suitDirect.total") == Quantity(3))
        // 行政许可\t17 is line 47 of the seed; the value starts after the label and a tab.
        let source = try #require(report.cells["t1.licensing.decisions"]).source
        #expect(source == SourceLocation(line: 47, column: 6))
        #expect(report.text.line(source.line).unicodeScalars.dropFirst(source.column - 1).first == "1")
    }

    @Test("one cell per line from Word text: cells wrapped over lines, full-width spaces before digits")
    func cellPerLine() throws {
        let report = try sample("002")
        #expect(report.cells.count == 200)
        #expect(report.missing.isEmpty)
        // "→　　0": the value sits after a tab and two full-width spaces.
        let source = try #require(report.cells["t1.rules.issued"]).source
        #expect(source.line == 36)
        #expect(number(report, "t1.rules.issued") == .zero)
    }

    @Test("a label that lost its leading tabs is still its row")
    func lostTabs() throws {
        let text = table2(["rejected.reissue": nil]) + "\n5. 要求行政机关确认或重新出具已获取信息\t\t1\t0\t0\t0\t0\t0\t1\t"
        let report = try check(miniReport(table2: text))
        #expect(number(report, "t2.rejected.reissue.natural") == Quantity(1))
        #expect(number(report, "t2.rejected.reissue.total") == Quantity(1))
    }

    @Test("stray spaces inside labels and full-width digits are layout noise")
    func straySpacesAndFullWidth() throws {
        let text = table2(["granted": nil, "denied.secret": nil])
            + "\n三、本 年度 办理 结果\t(一) 予以 公开\t\t３\t１\t０\t０\t０\t０\t４"
            + "\n\t(三) 不予公 开\t1.属于 国家 秘密\t 2 \t0\t0\t0\t0\t0\t２"
        let report = try check(miniReport(table2: text))
        #expect(number(report, "t2.granted.natural") == Quantity(3))
        #expect(number(report, "t2.granted.total") == Quantity(4))
        #expect(number(report, "t2.denied.secret.natural") == Quantity(2))
        #expect(!rules(report).contains("LABEL_VARIANT"))
    }

    @Test("blank cells are kept as blank, not 0, and placed in their own columns")
    func blankCells() throws {
        let text = table2(["new": ["3", "", "", "", "", "", "3"]])
        let report = try check(miniReport(table2: text))
        #expect(report.cells["t2.new.natural"]?.value == .number(Quantity(3)))
        #expect(report.cells["t2.new.commercial"]?.value == .blank)
        #expect(report.cells["t2.new.total"]?.value == .number(Quantity(3)))
        #expect(findings(report, "BLANK_CELL").count == 1)
    }

    @Test("a row with one field per column keeps a blank 总计 in its place")
    func blankTotalInPlace() throws {
        let row = "四、结转下年度继续办理\t1\t0\t0\t0\t0\t0\t"  // seven fields after the label, the last empty
        let report = try check(miniReport(table2: table2(["carryForward": nil]) + "\n" + row))
        #expect(number(report, "t2.carryForward.natural") == Quantity(1))
        #expect(report.cells["t2.carryForward.total"]?.value == .blank)
        #expect(!rules(report).contains("ROW_SHAPE"))
    }

    @Test("Markdown pipe tables are read as rows; separator lines are skipped")
    func pipeTables() throws {
        let t1 = """
            | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
            |---|---|---|---|
            | 规章 | 0 | 0 | 0 |
            | 规范性文件 | 13 | 0 | 55 |
            """
        let report = try check(miniReport(table1: t1, table2: table2()))
        #expect(number(report, "t1.normative.issued") == Quantity(13))
        #expect(number(report, "t1.normative.inForce") == Quantity(55))
        #expect(report.tables[.t1]?.missingRows.map(\.id) == ["licensing", "penalty", "enforcement", "fees"])
    }

    @Test("a table left all blank is still read as a table of tab rows, every cell blank")
    func allBlankTable() throws {
        let rows = ["new", "carried", "granted", "partial", "denied.secret", "denied.lawForbids", "resultTotal", "carryForward"]
        let blank = Dictionary(uniqueKeysWithValues: rows.map { ($0, Optional(Array(repeating: "", count: 7))) })
        let report = try check(miniReport(table2: table2(blank)))
        #expect(report.cells["t2.new.natural"]?.value == .blank)
        #expect(report.cells["t2.denied.lawForbids.total"]?.value == .blank)
        #expect(!report.missing.contains("t2.new"))
    }

    @Test("number rows detached from their labels are placed only when the count between two known rows is exact")
    func detachedRows() throws {
        let t1 = """
            | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
            | 规章 | 1 | 0 | 3 |
            | 4 | 2 | 30 |
            行政许可 120
            行政处罚 15
            行政强制 2
            行政事业性收费 3.5
            """
        let report = try check(miniReport(table1: t1, table2: table2()))
        #expect(report.quantity("t1.normative.inForce") == Quantity(30))
        #expect(report.quantity("t1.licensing.decisions") == Quantity(120))
        #expect(report.findings.contains { $0.rule.rawValue == "LABEL_VARIANT" && $0.message.contains("按位置认定") })
        // Two label-less rows where one row is missing: nothing is placed.
        let ambiguous = t1.replacingOccurrences(of: "| 4 | 2 | 30 |", with: "| 4 | 2 | 30 |\n| 5 | 0 | 7 |")
        let other = try check(miniReport(table1: ambiguous, table2: table2()))
        #expect(other.cells["t1.normative.inForce"] == nil)
        #expect(other.missing.contains("t1.normative"))
    }

    @Test("a dash or slash in a cell is blank")
    func dashIsBlank() throws {
        let report = try check(miniReport(table2: table2(["carried": ["—", "/", "－", "0", "0", "0", "0"]])))
        #expect(report.cells["t2.carried.natural"]?.value == .blank)
        #expect(report.cells["t2.carried.commercial"]?.value == .blank)
        #expect(report.cells["t2.carried.research"]?.value == .blank)
    }

    @Test("a row with too few numbers is reported, its values held to the 总计 column")
    func rowShape() throws {
        let report = try check(miniReport(table2: table2(["partial": ["1", "0", "0", "0", "0", "1"]])))
        #expect(number(report, "t2.partial.total") == Quantity(1))
        #expect(report.cells["t2.partial.natural"]?.provenance == .unplaced)
        let shape = try #require(findings(report, "ROW_SHAPE").first)
        #expect(shape.message.contains("应有 7 个数，实有 6 个"))
    }

    @Test("a truncated table: absent rows are missing, not zero")
    func truncated() throws {
        let report = try sample("004")
        #expect(report.missing == ["t2.rejected.reissue", "t2.other.noCorrection", "t2.other.unpaidFee", "t2.other.other", "t2.resultTotal", "t2.carryForward", "t3"])
        #expect(report.cells["t2.resultTotal.total"] == nil)
        #expect(findings(report, "MISSING_ROW").count == 6)
        #expect(findings(report, "MISSING_TABLE").count == 1)
    }

    @Test("the 2019 format: its Table 1 columns, signed 本年增/减, the single (六) row")
    func format2019() throws {
        let report = try sample("003")
        #expect(report.template == .format2019)
        #expect(number(report, "t1.otherServices.decisions") == Quantity(869))
        #expect(number(report, "t1.penalty.prevItems") == Quantity(26))
        #expect(report.cells["t2.other.total"] != nil)
        #expect(report.cells["t2.other.noCorrection.total"] == nil)

        let signed = try sampleText("003").replacingOccurrences(of: "行政许可\t5\t0\t12", with: "行政许可\t5\t－2\t12")
            .replacingOccurrences(of: "行政处罚\t26\t0\t0", with: "行政处罚\t26\t+3\t0")
        let changed = try check(signed)
        #expect(number(changed, "t1.licensing.change") == Quantity(-2))
        #expect(number(changed, "t1.penalty.change") == Quantity(3))
    }

    @Test("amounts keep their decimals and lose their unit", arguments: [
        ("1.25", "1.25"), ("432.52元", "432.52"), ("24252.311082", "24252.311082"), ("1,234", "1234"), ("０．５", "0.5"),
    ])
    func amounts(written: String, read: String) throws {
        let t1 = "信息内容\t本年收费金额（单位：万元）\t\t\n行政事业性收费\t\(written)\t\t"
        let report = try check(miniReport(table1: t1, table2: table2()))
        #expect(number(report, "t1.fees.amount")?.description == read)
    }

    @Test("a typo in an official label is matched and reported as a variant")
    func labelTypo() throws {
        let text = table2(["denied.lawForbids": nil]) + "\n\t\t2.其他法律行政止公开\t0\t0\t0\t0\t0\t0\t0"
        let report = try check(miniReport(table2: text))
        #expect(report.cells["t2.denied.lawForbids.total"] != nil)
        #expect(findings(report, "LABEL_VARIANT").map(\.message) == ["表2：“2.其他法律行政止公开”应为“2.其他法律行政法规禁止公开”"])
        #expect(!rules(report).contains("MISSING_ROW"))
    }

    @Test("a 2021-format report whose (六) 其他处理 is a single row: read, summed, its sub-rows missing")
    func singleOtherRowIn2021() throws {
        let text = table2([
            "other.noCorrection": nil, "other.unpaidFee": nil, "other.other": nil,
            "granted": ["2", "0", "0", "0", "0", "0", "2"], "new": ["3", "0", "0", "0", "0", "0", "3"],
            "resultTotal": ["3", "0", "0", "0", "0", "0", "3"],
        ]) + "\n\t(六) 其他处理\t1\t0\t0\t0\t0\t0\t1"
        let report = try check(miniReport(table2: text))
        #expect(report.template == .format2021)
        #expect(number(report, "t2.other.total") == Quantity(1))
        #expect(findings(report, "MISSING_ROW").count == 3)
        #expect(!rules(report).contains("T2_RESULT_SUM"))
    }
}
