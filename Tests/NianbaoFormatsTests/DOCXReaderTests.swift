import CLibXML2
import Foundation
import NianbaoCore
import NianbaoFixtures
import NianbaoFormats
import NianbaoSamples
import Testing
import ZIPFoundation

/// The official 2021 template, filled in test code: each row found by its label, its empty
/// value cells given numbers (merged and spanned cells left as they are).
enum TemplateFiller {
    /// Label fragment → values, in the order of the row's empty cells.
    static let consistent: [(String, [String])] = [
        ("行政规范性文件", ["4", "2", "30"]), ("规章", ["1", "0", "3"]), ("行政许可", ["120"]), ("行政处罚", ["15"]),
        ("行政强制", ["2"]), ("行政事业性收费", ["3.5"]),
        ("本年新收", ["5", "1", "0", "0", "0", "0", "6"]), ("上年结转", ["1", "0", "0", "0", "0", "0", "1"]),
        ("予以公开", ["3", "1", "0", "0", "0", "0", "4"]), ("不掌握", ["2", "0", "0", "0", "0", "0", "2"]),
        ("总计", ["5", "1", "0", "0", "0", "0", "6"]), ("结转下年度", ["1", "0", "0", "0", "0", "0", "1"]),
    ]
    static let table3 = ["1", "0", "0", "1", "2", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"]

    static func fill(_ template: URL, _ rows: [(String, [String])], leaveBlank: String? = nil) throws -> [UInt8] {
        let archive = try Archive(url: template, accessMode: .read)
        var xml = Data()
        _ = try archive.extract(archive["word/document.xml"]!) { xml.append($0) }
        let document = xml.withUnsafeBytes { xmlReadMemory($0.baseAddress!.assumingMemoryBound(to: CChar.self), Int32($0.count), "d.xml", "UTF-8", 0) }!
        defer { xmlFreeDoc(document) }
        for tr in elements(xmlDocGetRootElement(document)!, named: "tr") {
            let cells = children(tr, named: "tc")
            let texts = cells.map(text)
            let fillable = cells.indices.filter { texts[$0].isEmpty && !isMergeContinuation(cells[$0]) }
            let label = texts.joined()
            var values: [String]?
            if label.isEmpty, fillable.count == 15 { values = table3 }
            if let match = rows.first(where: { label.contains($0.0) }), match.1.count == fillable.count { values = match.1 }
            if values == nil, !label.isEmpty, fillable.count == 7 { values = Array(repeating: "0", count: 7) }
            guard let values else { continue }
            for (slot, value) in zip(fillable, values) where !(leaveBlank.map { label.contains($0) && slot == fillable[1] } ?? false) {
                let paragraph = children(cells[slot], named: "p").first!
                let run = xmlNewChild(paragraph, paragraph.pointee.ns, "r", nil)
                xmlNewTextChild(run, paragraph.pointee.ns, "t", value)
            }
        }
        var buffer: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlDocDumpMemoryEnc(document, &buffer, &size, "UTF-8")
        let filled = Data(bytes: buffer!, count: Int(size))
        free(buffer)
        return try wordFile(["word/document.xml": filled])
    }

    static func name(_ node: xmlNodePtr) -> String { node.pointee.name.map { String(cString: $0) } ?? "" }

    static func children(_ node: xmlNodePtr, named wanted: String) -> [xmlNodePtr] {
        var out: [xmlNodePtr] = []
        var child = node.pointee.children
        while let c = child { if c.pointee.type == XML_ELEMENT_NODE, name(c) == wanted { out.append(c) }; child = c.pointee.next }
        return out
    }

    static func elements(_ node: xmlNodePtr, named wanted: String) -> [xmlNodePtr] {
        var out: [xmlNodePtr] = []
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE {
                if name(c) == wanted { out.append(c) }
                out += elements(c, named: wanted)
            }
            child = c.pointee.next
        }
        return out
    }

    static func text(_ node: xmlNodePtr) -> String {
        guard let raw = xmlNodeGetContent(node) else { return "" }
        defer { free(raw) }
        return String(cString: raw).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func isMergeContinuation(_ cell: xmlNodePtr) -> Bool {
        guard let properties = children(cell, named: "tcPr").first, let merge = children(properties, named: "vMerge").first else { return false }
        guard let value = xmlGetNsProp(merge, "val", merge.pointee.ns?.pointee.href) else { return true }
        defer { free(value) }
        return String(cString: value) != "restart"
    }
}

@Suite("Word files: paragraphs and tables of word/document.xml, merges expanded")
struct DOCXReaderTests {
    var template: URL? { corpus?.appendingPathComponent("docx/template-2021-blank.docx") }

    @Test("the blank official template: all three tables, every cell blank, nothing missing", .needsCorpus)
    func blankTemplate() throws {
        let template = try #require(template)
        let report = try ReportFiles.read(path: template.path)
        #expect(report.template == .format2021)
        #expect(report.missing.isEmpty)
        #expect(report.cells.count == 200)
        #expect(report.cells.all.allSatisfy { $0.value == .blank })
        #expect(!report.findings.contains { $0.severity == .error })
    }

    @Test("the template filled with consistent numbers reads them all, with no sum finding", .needsCorpus)
    func filledTemplate() throws {
        let template = try #require(template)
        let report = try ReportFiles.read(bytes: TemplateFiller.fill(template, TemplateFiller.consistent), path: "filled.docx")
        #expect(report.cells.all.allSatisfy { $0.value != .blank })
        #expect(report.quantity("t1.normative.inForce") == Quantity(30))
        #expect(report.quantity("t1.fees.amount")?.description == "3.5")
        #expect(report.quantity("t2.new.natural") == Quantity(5))
        #expect(report.quantity("t2.unable.notHeld.total") == Quantity(2))
        #expect(report.quantity("t3.review.total") == Quantity(2))
        #expect(!report.findings.contains { ["T2_BALANCE", "T2_RESULT_SUM", "T2_ROW_TOTAL", "T3_GROUP_TOTAL", "BLANK_CELL"].contains($0.rule.rawValue) })
    }

    @Test("a broken sum and a blank cell in the filled template are found", .needsCorpus)
    func brokenTemplate() throws {
        let template = try #require(template)
        var rows = TemplateFiller.consistent
        rows[rows.firstIndex { $0.0 == "总计" }!].1 = ["6", "1", "0", "0", "0", "0", "7"]
        let report = try ReportFiles.read(bytes: TemplateFiller.fill(template, rows, leaveBlank: "规章"), path: "broken.docx")
        #expect(report.findings.contains { $0.rule.rawValue == "T2_BALANCE" && $0.message == "自然人列：一+二 = 5+1 = 6，三(七)+四 = 6+1 = 7" })
        #expect(report.findings.contains { $0.rule.rawValue == "T2_RESULT_SUM" })
        #expect(report.cells["t1.rules.repealed"]?.value == .blank)
        #expect(report.findings.contains { $0.rule.rawValue == "BLANK_CELL" && $0.message.contains("规章") })
    }

    @Test("the same report as text and as a Word file (with vertically merged group labels) gives the same cells and findings", arguments: ["000", "001", "003", "004"])
    func sameAsText(prefix: String) throws {
        let file = try #require(SampleReports.files.first { $0.lastPathComponent.hasPrefix(prefix) })
        let text = try String(contentsOf: file, encoding: .utf8)
        let fromText = try ReportFiles.read(path: file.path)
        let docx = try wordFile(["word/document.xml": Data(documentXML(fromText: text).utf8)])
        let fromWord = try ReportFiles.read(bytes: docx, path: "\(prefix).docx")
        #expect(fromWord.agency == fromText.agency)
        #expect(fromWord.date == fromText.date)
        #expect(fromWord.missing == fromText.missing)
        #expect(fromWord.cells.all.map(\.id) == fromText.cells.all.map(\.id))
        #expect(fromWord.cells.all.map(\.value) == fromText.cells.all.map(\.value))
        #expect(fromWord.findings.map(\.message) == fromText.findings.map(\.message))
    }
}
