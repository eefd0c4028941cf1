import Foundation
import NianbaoCore
import NianbaoFixtures
@testable import NianbaoFormats
import NianbaoSamples
import Testing
import ZIPFoundation

/// Inputs built to break a reader: each must be read or refused with a reason naming the
/// file, in bounded time and memory, never trap. (In a batch a worker process is a second
/// line of defence; these show the first one holds.)
@Suite("Hostile files: no input traps, hangs or grows without bound")
struct TrapTests {
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-traps-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func seedText(_ prefix: String = "000") throws -> String {
        let url = try #require(SampleReports.files.first { $0.lastPathComponent.hasPrefix(prefix) })
        return try String(contentsOf: url, encoding: .utf8)
    }

    @Test("a 13-digit number in a cell, half- or full-width, is an UNREADABLE_CELL naming the cell, never a number",
          arguments: ["1234567890123", "１２３４５６７８９０１２３", "9999999999999999999999"])
    func longNumber(_ digits: String) throws {
        let text = try seedText().replacingOccurrences(of: "行政许可\t17", with: "行政许可\t\(digits)")
        let report = try ReportFiles.read(bytes: Array(text.utf8), path: "long.txt")
        let cell = try #require(report.cells["t1.licensing.decisions"])
        #expect(cell.value == .unreadable)
        #expect(report.findings.contains { $0.rule.rawValue == "UNREADABLE_CELL" && $0.cells == ["t1.licensing.decisions"] })
        // The same through a web page and a Word file.
        let page = try ReportFiles.read(bytes: Array(pageFromText(text).utf8), path: "long.html")
        #expect(page.cells["t1.licensing.decisions"]?.value == .unreadable)
        let word = try ReportFiles.read(bytes: try wordFile(["word/document.xml": Data(documentXML(fromText: text).utf8)]), path: "long.docx")
        #expect(word.cells["t1.licensing.decisions"]?.value == .unreadable)
    }

    @Test("rowspan and colspan near Int.max or 10,000,000 are cut to the table and reported", arguments: [
        ("2147483647", "10000000"), ("99999999999999999999", "2147483647"), ("0", "-5"), ("10000000", "1"),
    ])
    func hugeHTMLSpans(_ rowspan: String, _ colspan: String) throws {
        let page = """
            <html><body><div class="TRS_Editor"><p>测试镇2023年政府信息公开工作年度报告</p><p>一、总体情况</p>
            <table><tr><td rowspan="\(rowspan)" colspan="\(colspan)">x</td><td>1</td></tr><tr><td>2</td></tr></table></div></body></html>
            """
        #expect(page.utf8.count < 400)
        let document = try HTMLReader.document(from: Array(page.utf8), path: "spans.html")
        #expect(document.text.utf8.count < 200)
        let grid = try #require(document.grids.first)
        #expect(grid.rowCount == 2)
        #expect(grid.columnCount <= 3)
        let report = try ReportReader.report(from: document, path: "spans.html")
        if rowspan.count > 2 || colspan.count > 2 {
            #expect(report.findings.contains { $0.rule.rawValue == "SPAN_CLAMPED" })
        }
    }

    @Test("w:gridBefore and w:gridSpan negative, huge or 100,000,000 are cut to the table's grid and reported", arguments: [
        ("-1", "100000000"), ("100000000", "2"), ("2147483648", "-7"), ("abc", "99999999999999999999"),
    ])
    func hugeDOCXSpans(_ before: String, _ span: String) throws {
        let body = """
            <w:p><w:r><w:t>测试镇2023年政府信息公开工作年度报告</w:t></w:r></w:p><w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>
            <w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>
            <w:tr><w:trPr><w:gridBefore w:val="\(before)"/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="\(span)"/></w:tcPr><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>
            """
        let docx = try wordFile(["word/document.xml": Data(wrapped(body).utf8)])
        let document = try DOCXReader.document(from: docx, path: "spans.docx")
        let grid = try #require(document.grids.first)
        #expect(grid.columnCount <= 3)
        #expect(grid.clampedSpans > 0)
        #expect(document.text.utf8.count < 300)
    }

    func wrapped(_ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)</w:body></w:document>
        """
    }

    @Test("30,000 nested tables and 100,000 nested runs in a .docx: read or refused, no stack overflow")
    func deepNesting() throws {
        let tables = String(repeating: "<w:tbl><w:tr><w:tc>", count: 30_000) + "<w:p/>" + String(repeating: "</w:tc></w:tr></w:tbl>", count: 30_000)
        let runs = "<w:p>" + String(repeating: "<w:r>", count: 100_000) + "<w:t>x</w:t>" + String(repeating: "</w:r>", count: 100_000) + "</w:p>"
        for (name, body) in [("tables.docx", tables), ("runs.docx", runs)] {
            let docx = try wordFile(["word/document.xml": Data(wrapped(body).utf8)])
            do {
                _ = try ReportFiles.read(bytes: docx, path: name)
            } catch {
                #expect(error.path == name)
            }
        }
        // A page nested as deep is walked without recursion too.
        let page = "<html><body>" + String(repeating: "<div>", count: 100_000) + "一、总体情况<table><tr><td>1</td></tr></table>"
            + String(repeating: "</div>", count: 100_000) + "</body></html>"
        do {
            _ = try ReportFiles.read(bytes: Array(page.utf8), path: "deep.html")
        } catch {
            #expect(error.path == "deep.html")
        }
    }

    @Test("a .docx whose document.xml expands past the limit is refused without expanding it all")
    func zipBomb() throws {
        let spaces = Data(repeating: 0x20, count: DOCXReader.documentLimit + 1_048_576)
        let docx = try wordFile(["word/document.xml": spaces])
        #expect(docx.count < spaces.count / 100)
        #expect(throws: ReadError(path: "bomb.docx", reason: .textTooLarge(limit: DOCXReader.documentLimit))) {
            try ReportFiles.read(bytes: docx, path: "bomb.docx")
        }
    }

    @Test("a byte-flipped .docx, at every place: read or refused in plain words, never a trap")
    func flippedBytes() throws {
        let text = try seedText()
        let original = try wordFile(["word/document.xml": Data(documentXML(fromText: text).utf8)])
        var reasons = Set<String>()
        for position in stride(from: 0, to: original.count, by: max(1, original.count / 400)) {
            for flip: UInt8 in [0xFF, 0x01, 0x80] {
                var bytes = original
                bytes[position] ^= flip
                do {
                    _ = try ReportFiles.read(bytes: bytes, path: "flipped.docx")
                } catch {
                    #expect(error.path == "flipped.docx")
                    reasons.insert(error.explanation)
                }
            }
        }
        // The reasons are a reviewer's words, not a library's enum cases.
        #expect(!reasons.isEmpty)
        #expect(!reasons.contains { $0.contains("missingEndOfCentralDirectoryRecord") || $0.contains("Error(") })
        // And a file cut short anywhere.
        for length in stride(from: 0, to: original.count, by: max(1, original.count / 50)) {
            do { _ = try ReportFiles.read(bytes: Array(original.prefix(length)), path: "cut.docx") } catch { #expect(error.path == "cut.docx") }
        }
    }

    @Test("a FIFO, or a .txt link to one, in a folder or named directly, is refused at once, not read")
    func fifo() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("pipe.txt").path
        #expect(mkfifo(fifo, 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.txt").path, withDestinationPath: fifo)
        let found = InputFiles.collect([folder.path], extensions: ReportFiles.extensions)
        #expect(found.errors.map(\.path) == [fifo])
        #expect(found.files == [folder.appendingPathComponent("link.txt").path])
        for path in [fifo, folder.appendingPathComponent("link.txt").path] {
            #expect(throws: ReadError(path: path, reason: .unreadable("a FIFO, not a regular file"))) { try ReportFiles.read(path: path) }
        }
    }

    @Test("a file named in GBK bytes (unzipped from Windows) is found, shown escaped, and read")
    func gbkName() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // 报告 in GBK: B1 A8 B8 E6.
        let name: [UInt8] = [0xB1, 0xA8, 0xB8, 0xE6] + Array(".txt".utf8)
        let path = Array(folder.path.utf8) + [UInt8(ascii: "/")] + name + [0]
        let fd = path.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_WRONLY | O_CREAT, 0o600) }
        #expect(fd >= 0)
        let text = Array(try seedText("003").utf8)
        _ = text.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
        close(fd)
        let found = InputFiles.collect([folder.path])
        #expect(found.errors.isEmpty)
        #expect(found.files == [folder.path + "/\\xB1\\xA8\\xB8\\xE6.txt"])
        let report = try ReportFiles.read(path: try #require(found.files.first))
        #expect(report.agency == "祥云镇")
    }
}
