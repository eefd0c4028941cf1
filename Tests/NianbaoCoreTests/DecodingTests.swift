import NianbaoCore
import NianbaoFixtures
import Testing

@Suite("Decoding: the encodings and line ends of real files")
struct DecodingTests {
    static let text = "鲁山县张良镇 2023 年政府信息公开工作年度报告\n一、总体情况\n全年收到申请 3 件。\n"

    @Test("every file form decodes to the same text", arguments: FileForm.allCases)
    func decodes(form: FileForm) throws {
        let decoded = try TextDecoder.decode(form.bytes(Self.text), path: "x.txt")
        #expect(ReportText(decoded).lines == ReportText(Self.text).lines)
    }

    @Test("CRLF, CR and LF all end a line, and only once")
    func lineEnds() {
        let text = ReportText("a\r\nb\rc\nd")
        #expect(text.lines == ["a", "b", "c", "d"])
        #expect(ReportText("a\r\n\r\nb").lines == ["a", "", "b"])
    }

    @Test("an empty file is refused as empty")
    func empty() {
        #expect(throws: ReadError(path: "e.txt", reason: .empty)) { try TextDecoder.decode([], path: "e.txt") }
        #expect(throws: ReadError(path: "e.txt", reason: .empty)) { try TextDecoder.decode(Array("  \n\t\n".utf8), path: "e.txt") }
        #expect(throws: ReadError(path: "e.txt", reason: .empty)) { try TextDecoder.decode(Array("\u{3000}\u{3000}\n".utf8), path: "e.txt") }
    }

    @Test("a binary file is refused as binary, naming the file")
    func binary() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]
        do {
            _ = try TextDecoder.decode(png, path: "scan.png")
            Issue.record("a PNG decoded as text")
        } catch {
            #expect(error.reason == .binary)
            #expect(error.description.contains("scan.png"))
        }
    }

    @Test("bytes valid in no supported encoding are refused, not guessed")
    func unknownEncoding() {
        // 0x80 and 0xFF are not valid lead bytes in UTF-8 or GB18030.
        #expect(throws: ReadError(path: "x.txt", reason: .unknownEncoding)) {
            try TextDecoder.decode([0x41, 0xFF, 0x80, 0xFF, 0x42], path: "x.txt")
        }
    }

    @Test("GBK text (a subset of GB18030) decodes")
    func gbk() throws {
        let bytes = try #require(Iconv.convert(Array("不予公开".utf8), from: "UTF-8", to: "GBK"))
        #expect(try TextDecoder.decode(bytes, path: "g.txt") == "不予公开")
    }

    @Test("a file over the size limit is refused before it is read")
    func tooLarge() {
        let bytes = [UInt8](repeating: 0x41, count: TextDecoder.sizeLimit + 1)
        #expect(throws: ReadError(path: "big.txt", reason: .tooLarge(bytes: bytes.count, limit: TextDecoder.sizeLimit))) {
            try TextDecoder.decode(bytes, path: "big.txt")
        }
    }
}
