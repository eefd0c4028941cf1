import NianbaoCore
import Testing

@Suite("Sections: the six numbered parts, and the traps around them")
struct SectionTests {
    @Test("all six sections of a full report are found in order")
    func allSix() throws {
        let report = try check(miniReport(table2: table2()))
        #expect(report.sections.map(\.id) == SectionID.allCases)
        #expect(!rules(report).contains("MISSING_SECTION"))
    }

    @Test("section 一's own sub-parts numbered without 、 are not sections")
    func subPartsAreNotSections() throws {
        let report = try sample("000")
        let proactive = try #require(report.section(.proactive))
        #expect(report.text.line(proactive.headingLine + 1) == "二、主动公开政府信息情况")
    }

    @Test("a heading repeated: the first counts, and nothing is missing")
    func repeatedHeading() throws {
        let report = try sample("003")
        #expect(report.section(.overview)?.headingLine == 4)
        #expect(report.sections.count == 6)
    }

    @Test("a Table 2 row starting 四、 is not section 四")
    func tableRowIsNotSection() throws {
        let text = miniReport(table2: table2()).replacingOccurrences(of: "四、政府信息公开行政复议、行政诉讼情况", with: "")
        let report = try check(text)
        #expect(report.section(.reviewsAndSuits) == nil)
        #expect(findings(report, "MISSING_SECTION").map(\.message) == ["缺少第四部分（四、政府信息公开行政复议、行政诉讼情况）"])
    }

    @Test("headings worded differently are still found")
    func variedHeadings() throws {
        let report = try sample("001")
        #expect(report.sections.count == 6)
        let heading = try #require(report.section(.reviewsAndSuits)).headingLine
        #expect(report.text.lines[heading].contains("因政府信息公开工作被申请行政复议"))
    }
}

@Suite("Metadata: body, year, signing date")
struct MetadataTests {
    @Test("a title preceded by 附件 1 and ending in 人民政府 gives the body without it")
    func attachmentTitle() throws {
        let report = try sample("001")
        #expect(report.agency == "莱州市柞村镇")
        #expect(report.year == 2023)
        #expect(report.date?.description == "2024-01-11")
    }

    @Test("a title split over two lines is joined")
    func splitTitle() throws {
        let report = try sample("002")
        #expect(report.agency == "大张楼镇")
        #expect(report.year == 2022)
    }

    @Test("a date in the prose is not the signing date")
    func proseDate() throws {
        #expect(try sample("002").date == nil)
    }

    @Test("dates in Chinese numerals are read", arguments: [
        ("二〇二四年一月十一日", "2024-01-11"), ("2024年3月31日", "2024-03-31"), ("二○二三年十二月二十九日", "2023-12-29"),
    ])
    func chineseDate(written: String, iso: String) throws {
        let report = try check(miniReport(table2: table2(), date: written))
        #expect(report.date?.description == iso)
    }

    @Test("a county-level government's own report is told from a township's and a department's", arguments: [
        ("淮安市洪泽区人民政府2024年政府信息公开工作年度报告", "淮安市洪泽区", true),
        ("莱州市柞村镇人民政府 2023 年政府信息公开工作年度报告", "莱州市柞村镇", false),
        ("淮安市教育局2024年政府信息公开工作年度报告", "淮安市教育局", false),
        ("上海市人民政府办公厅关于2025年政府信息公开工作年度报告", "上海市人民政府办公厅", false),
        ("2024 年上海市科委政府信息公开工作年度报告", "上海市科委", false),
    ])
    func issuer(title: String, agency: String, government: Bool) throws {
        let report = try check(miniReport(title: title, table2: table2()))
        #expect(report.agency == agency)
        #expect(report.title?.isCountyOrHigherGovernment == government)
    }
}
