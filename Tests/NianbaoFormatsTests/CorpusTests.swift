import Foundation
import NianbaoCore
import NianbaoFormats
import Testing

/// The real published reports in `../shared/corpus`, read in place (no copy is committed).
@Suite("Corpus: the files users really hold", .tags(.slow), .notInQuickRun)
struct CorpusTests {
    static var files: [String] {
        guard let corpus else { return [] }
        // The corpus's own README.md is about the files, not one of them.
        return InputFiles.collect([corpus.path], extensions: ReportFiles.extensions).files.filter { !$0.hasSuffix("/README.md") }
    }

    @Test("every file is read or refused with a reason naming it; none crashes", .needsCorpus)
    func everyFile() throws {
        
        #expect(Self.files.count >= 18)
        for path in Self.files {
            do {
                let report = try ReportFiles.read(path: path)
                // The blank official template is the one file without a year.
                #expect(report.year != nil || path.hasSuffix("template-2021-blank.docx"), "\(path): no year")
            } catch {
                #expect(error.path == path)
                #expect(path.hasSuffix(".pdf"), "\(path): \(error.explanation)")
            }
        }
    }

    @Test("the same report as run-together page text and as the web page: every recovered number is the page's", .needsCorpus, arguments: [2023, 2024, 2025])
    func runTogetherAgainstPage(year: Int) throws {
        let corpus = try #require(corpus)
        let text = try ReportFiles.read(path: corpus.appendingPathComponent("txt/pingtan-\(year).txt").path)
        let page = try ReportFiles.read(path: corpus.appendingPathComponent("html/pingtan-\(year)-page.html").path)
        let recovered = text.cells.all.filter { $0.provenance == .recovered }
        #expect(recovered.count > 150)
        for cell in recovered { #expect(page.cells[cell.id]?.value == cell.value, "\(year) \(cell.id)") }
        for cell in text.cells.all where cell.provenance == .unplaced { #expect(cell.value == .blank) }
        #expect(text.agency == page.agency)
        #expect(text.missing.isEmpty)
    }

    @Test("reports before 2019 come out with their tables reported absent", .needsCorpus, arguments: ["pingtan-2018.txt", "pingtan-dishui-2013.txt"])
    func before2019(name: String) throws {
        let corpus = try #require(corpus)
        let report = try ReportFiles.read(path: corpus.appendingPathComponent("txt/\(name)").path)
        #expect(report.missing == ["t1", "t2", "t3"])
        #expect(report.findings.filter { $0.rule.rawValue == "MISSING_TABLE" }.count == 3)
        #expect((report.year ?? 9999) < 2019)
    }

    @Test("Markdown from a PDF: number rows detached from their labels are placed by position, and the sums hold", .needsCorpus)
    func shanghaiMarkdown() throws {
        let corpus = try #require(corpus)
        let report = try ReportFiles.read(path: corpus.appendingPathComponent("txt/shanghai-stcsm-2024.txt").path)
        #expect(report.agency == "上海市科委")
        #expect(report.tables[.t2]?.missingRows.isEmpty == true)
        #expect(report.quantity("t2.new.total") == Quantity(34))
        #expect(report.quantity("t2.carried.total") == Quantity(2))
        #expect(!report.findings.contains { $0.rule.rawValue.hasPrefix("T2_") })
        #expect(report.findings.filter { $0.rule.rawValue == "LABEL_VARIANT" && $0.message.contains("无行名，按位置认定") }.count >= 8)
    }

    @Test("the 2020 page text: the outcome rows that do not add up are found", .needsCorpus)
    func pingtan2020() throws {
        let corpus = try #require(corpus)
        let report = try ReportFiles.read(path: corpus.appendingPathComponent("txt/pingtan-2020.txt").path)
        #expect(report.template == .format2019)
        #expect(report.findings.contains { $0.rule.rawValue == "T2_RESULT_SUM" && $0.message.hasPrefix("自然人列") && $0.message.hasSuffix("= 26，三(七)总计 = 20") })
    }
}
