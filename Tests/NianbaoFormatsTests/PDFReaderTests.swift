import Foundation
import NianbaoCore
@testable import NianbaoFormats
import Testing

/// PDF reports through `pdftotext -layout` (poppler-utils, which .ci/run installs).
@Suite("PDF files: columns of spaces, wrapped labels, page breaks")
struct PDFReaderTests {
    func corpusPDF(_ name: String) throws -> Report {
        let corpus = try #require(corpus)
        return try ReportFiles.read(path: corpus.appendingPathComponent("pdf/\(name)").path)
    }

    @Test("洪泽区 2023: the two Table 3 totals that do not add up, the single (六) row, the label typo", .needsCorpus, .needsPdftotext)
    func hongze2023() throws {
        let report = try corpusPDF("hongze-2023.pdf")
        let messages = report.findings.filter { $0.rule.rawValue == "T3_GROUP_TOTAL" }.map(\.message)
        #expect(messages == ["行政复议：维持+纠正+其他+尚未审结 = 10+1+0+0 = 11，总计 = 0", "行政诉讼 复议后起诉：维持+纠正+其他+尚未审结 = 5+0+0+0 = 5，总计 = 0"])
        #expect(report.findings.filter { $0.rule.rawValue == "MISSING_ROW" }.count == 3)
        #expect(report.quantity("t2.other.total") != nil)
        #expect(report.findings.contains { $0.rule.rawValue == "LABEL_VARIANT" && $0.message.contains("其他法律行政止公开") })
    }

    @Test("洪泽区 2024: sums hold, across the page break inside Table 2", .needsCorpus, .needsPdftotext)
    func hongze2024() throws {
        let report = try corpusPDF("hongze-2024.pdf")
        #expect(report.quantity("t2.new.total") == Quantity(95))
        #expect(report.quantity("t2.partial.total") == Quantity(9))         // label wrapped above its numbers
        #expect(report.quantity("t2.unable.needsCreation.total") == Quantity(1))  // first row after "-3-"
        #expect(!report.findings.contains { ["T2_BALANCE", "T2_RESULT_SUM", "T2_ROW_TOTAL", "T3_GROUP_TOTAL"].contains($0.rule.rawValue) })
    }

    @Test("淮安市 2024: vertical group label and wrapped labels; sums hold; no error", .needsCorpus, .needsPdftotext)
    func huaian2024() throws {
        let report = try corpusPDF("huaian-2024.pdf")
        #expect(report.agency == "淮安市")
        #expect(report.title?.isCountyOrHigherGovernment == true)
        #expect(report.missing.isEmpty)
        #expect(!report.findings.contains { $0.severity == .error })
        #expect(!report.findings.contains { $0.rule.rawValue == "LABEL_VARIANT" })
    }

    @Test("word boxes as text: a wide gap is a tab, a space's gap a space, page numbers go, each word placed")
    func wordsToLines() {
        func word(_ text: String, page: Int = 1, _ x0: Double, _ y0: Double, width: Double) -> PDFReader.RawWord {
            PDFReader.RawWord(text: text, page: page, x0: x0, y0: y0, x1: x0 + width, y1: y0 + 12)
        }
        let document = PDFReader.layout([
            word("2.没有现成信息需要另行制作", 140, 100, width: 130), word("1", 315, 101, width: 6), word("0", 350, 101, width: 6),
            word("2024", 300, 300, width: 24), word("年", 327, 300, width: 12),
            word("-3-", 290, 780, width: 20),
            word("（七）总计", page: 2, 94, 80, width: 60),
        ])
        #expect(document.text == "2.没有现成信息需要另行制作\t1\t0\n2024 年\n\n（七）总计\n")
        let one = document.words.first { $0.text == "1" }
        #expect(one?.location == SourceLocation(line: 1, column: 16))
        #expect(document.words.first { $0.text == "（七）总计" }?.location.line == 4)
        #expect(!document.words.contains { $0.text == "-3-" })
    }

    /// A new folder for one test's files.
    func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("a file named .pdf that is not one gets a clear message, without pdftotext")
    func notAPDF() throws {
        let fake = try scratch().appendingPathComponent("fake.pdf")
        try Data("hello".utf8).write(to: fake)
        #expect(throws: ReadError(path: fake.path, reason: .unsupportedFormat("it is not a PDF file"))) { try ReportFiles.read(path: fake.path) }
    }

    @Test("a broken PDF gets a one-line message naming the file", .needsPdftotext)
    func broken() throws {
        let broken = try scratch().appendingPathComponent("broken.pdf")
        try Data("%PDF-1.7\n1 0 obj garbage".utf8).write(to: broken)
        do {
            _ = try ReportFiles.read(path: broken.path)
            Issue.record("a broken PDF was read")
        } catch {
            #expect(error.description.hasPrefix("\(broken.path): cannot read this file:"))
            #expect(!error.description.contains("\n"))
        }
    }
}
