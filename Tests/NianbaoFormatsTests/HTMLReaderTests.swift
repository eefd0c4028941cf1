import Foundation
import NianbaoCore
import NianbaoFixtures
import NianbaoFormats
import NianbaoSamples
import Testing

func html(_ body: String, title: String = "测试镇2023年政府信息公开工作年度报告_年报_测试网", charset: String = "utf-8") -> String {
    """
    <!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=\(charset)">
    <title>\(title)</title><script>var menu = "一、总体情况";</script></head>
    <body><div class="nav"><a href="/">首页</a> <form><input name="q"></form></div>
    <div class="TRS_Editor">\(body)</div><div class="footer">版权所有 联系我们</div></body></html>
    """
}

func read(_ page: String, bytes: [UInt8]? = nil, path: String = "page.html") throws -> Report {
    try ReportFiles.read(bytes: bytes ?? Array(page.utf8), path: path)
}

@Suite("HTML pages: the report inside the portal page, its tables from their structure")
struct HTMLReaderTests {
    @Test("the three Pingtan pages: body, year, format, cells and sums as the pages give them", .needsCorpus, arguments: [
        ("pingtan-2023-page.html", 2023, ["t2.new.total": "81", "t1.normative.inForce": "470", "t1.fees.amount": "5949.088667", "t3.suitDirect.total": "5", "t3.suitAfterReview.total": "2"]),
        ("pingtan-2024-page.html", 2024, ["t2.new.total": "218", "t2.granted.natural": "71", "t2.unable.notHeld.total": "75", "t1.normative.inForce": "440", "t1.fees.amount": "18651.06"]),
        ("pingtan-2025-page.html", 2025, ["t2.carryForward.natural": "4", "t2.carryForward.total": "6"]),
    ])
    func corpusPages(name: String, year: Int, cells: [String: String]) throws {
        let corpus = try #require(corpus)
        let report = try ReportFiles.read(path: corpus.appendingPathComponent("html/\(name)").path)
        #expect(report.agency == "平潭综合实验区")
        #expect(report.year == year)
        #expect(report.template == .format2021)
        #expect(report.missing.isEmpty)
        #expect(report.cells.count == 200)
        for (id, value) in cells { #expect(report.quantity(CellID(id))?.description == value, "\(name) \(id)") }
        let sums = report.findings.filter { $0.rule.rawValue.hasPrefix("T2_") || $0.rule.rawValue.hasPrefix("T3_") }
        #expect(sums.isEmpty, "\(sums.map(\.message))")
    }

    @Test("the 2023 page's prose names 393 规范性文件 in force while Table 1 says 470", .needsCorpus)
    func narrativeOf2023() throws {
        let corpus = try #require(corpus)
        let report = try ReportFiles.read(path: corpus.appendingPathComponent("html/pingtan-2023-page.html").path)
        #expect(report.findings.contains { $0.rule.rawValue == "NARRATIVE_TABLE" && $0.message.contains("393") && $0.message.contains("470") })
    }

    @Test("menus, scripts and footers around the report are left out; the title comes from <title>")
    func portalChrome() throws {
        let text = try HTMLReader.text(from: Array(html("<p>一、总体情况</p><p>正文。</p>").utf8), path: "p.html")
        #expect(text.hasPrefix("测试镇2023年政府信息公开工作年度报告\n"))
        #expect(!text.contains("首页"))
        #expect(!text.contains("版权所有"))
        #expect(!text.contains("var menu"))
    }

    @Test("rowspan and colspan are expanded into the grid: a spanned place is an empty field")
    func grid() throws {
        let table = """
            <table><tr><td colspan="3" rowspan="2">（本列数据的勾稽关系）</td><td colspan="2">申请人</td></tr>
            <tr><td>自然人</td><td>总计</td></tr>
            <tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>3</td><td>3</td></tr>
            <tr><td>（三）不予公开</td><td>1.属于国家秘密</td><td>1</td><td>1</td></tr></table>
            """
        let text = try HTMLReader.text(from: Array(html(table).utf8), path: "g.html")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.contains("（本列数据的勾稽关系）\t\t\t申请人\t"))
        #expect(lines.contains("\t\t\t自然人\t总计"))
        #expect(lines.contains("三、本年度办理结果\t（一）予以公开\t\t3\t3"))
        #expect(lines.contains("\t（三）不予公开\t1.属于国家秘密\t1\t1"))
    }

    @Test("labels broken by <p>, <br>, <span> and &nbsp; are joined into one cell")
    func brokenLabels() throws {
        let table = "<table><tr><td><p>商业</p><p>企业</p></td><td>结果<br/>纠正</td><td><span>法律</span>&nbsp;&nbsp;<span>服务机构</span></td></tr></table>"
        let text = try HTMLReader.text(from: Array(html(table).utf8), path: "b.html")
        #expect(text.contains("商业企业\t结果纠正\t法律 服务机构"))
    }

    @Test("a GBK page declared in its meta tag is read")
    func gbkPage() throws {
        let page = html("<p>一、总体情况</p><p>本年度未收到申请。</p>", charset: "gb2312")
        let bytes = try #require(Iconv.convert(Array(page.utf8), from: "UTF-8", to: "GBK"))
        let text = try HTMLReader.text(from: bytes, path: "gbk.html")
        #expect(text.contains("本年度未收到申请。"))
    }

    @Test("the same report as a text file and as a web page gives the same cells and findings", arguments: ["000", "001", "004"])
    func sameAsText(prefix: String) throws {
        let file = try #require(SampleReports.files.first { $0.lastPathComponent.hasPrefix(prefix) })
        let text = try String(contentsOf: file, encoding: .utf8)
        let fromText = try ReportFiles.read(path: file.path)
        let fromHTML = try read(pageFromText(text), path: "\(prefix).html")
        #expect(fromHTML.agency == fromText.agency)
        #expect(fromHTML.year == fromText.year)
        #expect(fromHTML.date == fromText.date)
        #expect(fromHTML.missing == fromText.missing)
        #expect(fromHTML.cells.all.map(\.id) == fromText.cells.all.map(\.id))
        #expect(fromHTML.cells.all.map(\.value) == fromText.cells.all.map(\.value))
        #expect(fromHTML.findings.map(\.rule) == fromText.findings.map(\.rule))
        #expect(fromHTML.findings.map(\.message) == fromText.findings.map(\.message))
    }

    @Test("broken PDF, old .doc and broken .docx files get a clear message naming the file, not a crash", arguments: [
        ("r.pdf", Array("%PDF-1.7".utf8), "r.pdf: cannot read this file: "),
        ("r.doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] as [UInt8], "r.doc: cannot read this file: old Word .doc files are not read"),
        ("r.docx", [0x50, 0x4B, 3, 4] as [UInt8], "r.docx: cannot read this file: it is not a Word .docx file"),
        ("s.docx", Array("just text".utf8), "s.docx: cannot read this file: it is not a Word .docx file"),
    ])
    func unsupported(name: String, bytes: [UInt8], message: String) throws {
        do {
            _ = try ReportFiles.read(bytes: bytes, path: name)
            Issue.record("\(name) was read")
        } catch {
            #expect(error.description.hasPrefix(message), "\(error.description)")
        }
    }
}
