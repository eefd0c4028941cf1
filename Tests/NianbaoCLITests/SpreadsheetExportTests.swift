import Foundation
import NianbaoCore
@testable import NianbaoFormats
import NianbaoSamples
import NianbaoStore
import Testing

/// `nianbao export` as a spreadsheet: read back by Python's csv module (an independent RFC
/// 4180 reader) and by LibreOffice Calc's own CSV import.
@Suite("Export for spreadsheets: BOM, CRLF, quoting, Chinese, GBK, findings with rulings")
struct SpreadsheetExportTests {
    static let hasPython = (try? Subprocess.run(["python3", "-c", "import csv"]).status) == 0
    static let hasLibreOffice = (try? Subprocess.run(["soffice", "--version"]).status) == 0
    static let awkwardNote = "表二, 第3行\n他说\"不予公开\""

    /// A project of two reports, one approved with a note full of commas, quotes and a line
    /// break, the other needing correction.
    func project() throws -> (folder: URL, database: String) {
        let folder = try temporaryFolder()
        let database = folder.appendingPathComponent(".nianbao/reviews.sqlite").path
        let store = try SQLiteReviewStore(path: database)
        try store.register(path: "乡镇/a.txt", contentHash: "h1", agency: "鲁山县张良镇", year: 2023, errors: 0, warnings: 1)
        try store.register(path: "b.txt", contentHash: "h2", agency: "张营乡", year: 2023, errors: 9, warnings: 2)
        try store.decide(path: "乡镇/a.txt", .approved, reviewer: "李四")
        try store.setNote(path: "乡镇/a.txt", Self.awkwardNote, reviewer: "李四")
        try store.decide(path: "b.txt", .needsCorrection, reviewer: "王五")
        return (folder, database)
    }

    /// The rows Python's csv module reads from the file (as JSON lists).
    func pythonRows(_ file: URL, encoding: String) throws -> [[String]] {
        let script = "import csv, json, sys; f = open(sys.argv[1], newline='', encoding=sys.argv[2]); print(json.dumps(list(csv.reader(f))))"
        let run = try Subprocess.run(["python3", "-c", script, file.path, encoding])
        #expect(run.status == 0, "\(run.stderr)")
        return try JSONDecoder().decode([[String]].self, from: Data(run.stdout.utf8))
    }

    @Test("--lang zh: BOM, CRLF, Chinese headings and words, local times; Python's csv reads the note back whole",
          .enabled(if: hasPython, "python3 is not installed (.ci/run installs it)"))
    func chineseUTF8() throws {
        let (folder, database) = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try ExternalCommand.run([nianbaoBinary, "export", "--format", "csv", "--lang", "zh", "--db", database],
                                          environment: ["TZ": "Asia/Shanghai"])
        #expect(run.status == 0, "\(run.stderr)")
        let bytes = run.stdout
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        // Every line break outside quotes is CRLF; the one inside the note stays as written.
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasSuffix("\r\n"))
        #expect(text.components(separatedBy: "\r\n").count == 4)
        let file = folder.appendingPathComponent("review.csv")
        try Data(bytes).write(to: file)
        let rows = try pythonRows(file, encoding: "utf-8-sig")
        #expect(Array(rows[0].prefix(9)) == ["文件", "机关", "年度", "状态", "备注", "错误", "警告", "审阅时间", "审阅人"])
        let byFile = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[0], $0) })
        #expect(byFile["乡镇/a.txt"]?[3] == "通过")
        #expect(byFile["乡镇/a.txt"]?[4] == Self.awkwardNote)
        #expect(byFile["b.txt"]?[3] == "需修改")
        #expect(byFile["b.txt"]?[7].hasSuffix("+08:00") == true, "\(byFile["b.txt"]?[7] ?? "")")
        #expect(byFile["b.txt"]?[8] == "王五")
    }

    @Test("--encoding gbk: read back as GBK", .enabled(if: hasPython, "python3 is not installed (.ci/run installs it)"))
    func gbk() throws {
        let (folder, database) = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try ExternalCommand.run([nianbaoBinary, "export", "--format", "csv", "--lang", "zh", "--encoding", "gbk", "--db", database])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Array(run.stdout.prefix(3)) != [0xEF, 0xBB, 0xBF])
        let file = folder.appendingPathComponent("review-gbk.csv")
        try Data(run.stdout).write(to: file)
        let rows = try pythonRows(file, encoding: "gbk")
        #expect(rows[0][1] == "机关")
        #expect(rows.dropFirst().contains { $0[1] == "鲁山县张良镇" && $0[4] == Self.awkwardNote })
    }

    @Test("a character GBK lacks: exit 2 and one line naming it, nothing half written")
    func gbkRefused() throws {
        let (folder, database) = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        try SQLiteReviewStore(path: database).setNote(path: "b.txt", "已核对 ✅", reviewer: "王五")
        let run = try Subprocess.run([nianbaoBinary, "export", "--format", "csv", "--encoding", "gbk", "--db", database])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("GBK") && run.stderr.contains("✅"), "\(run.stderr)")
    }

    /// LibreOffice 7.4's import without options (`--convert-to` with no `--infilter`) reads
    /// every CSV as Windows-1252 and ignores a byte-order mark, UTF-8 or UTF-16 alike (tried:
    /// both come out as mojibake), so the test gives the options its import dialog offers for
    /// this file: comma, double quote, UTF-8 (76).
    @Test("LibreOffice Calc imports the CSV (comma, quote, UTF-8), and the .xlsx it makes holds the Chinese text whole",
          .enabled(if: hasLibreOffice, "LibreOffice is not installed (.ci/run installs libreoffice-calc-nogui)"),
          .enabled(if: hasPython, "python3 is not installed (.ci/run installs it)"), .tags(.slow), .notInQuickRun)
    func libreOffice() throws {
        let (folder, database) = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try ExternalCommand.run([nianbaoBinary, "export", "--format", "csv", "--lang", "zh", "--db", database])
        let csv = folder.appendingPathComponent("审阅结果.csv")
        try Data(run.stdout).write(to: csv)
        let profile = folder.appendingPathComponent("lo-profile")
        let convert = try ExternalCommand.run(
            ["soffice", "-env:UserInstallation=file://" + profile.path, "--headless", "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx",
             "--outdir", folder.path, csv.path],
            timeLimit: 120)
        #expect(convert.status == 0, "\(convert.stderr)")
        let xlsx = folder.appendingPathComponent("审阅结果.xlsx")
        #expect(FileManager.default.fileExists(atPath: xlsx.path), "\(convert.stderr)")
        // The workbook's strings, each cell's runs joined (a note with a line break is rich text).
        let script = """
            import zipfile, sys, json, xml.etree.ElementTree as ET
            ns = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
            root = ET.fromstring(zipfile.ZipFile(sys.argv[1]).read('xl/sharedStrings.xml'))
            print(json.dumps([''.join(t.text or '' for t in si.iter(ns + 't')) for si in root.iter(ns + 'si')]))
            """
        let read = try Subprocess.run(["python3", "-c", script, xlsx.path])
        #expect(read.status == 0, "\(read.stderr)")
        let strings = try JSONDecoder().decode([String].self, from: Data(read.stdout.utf8))
        for text in ["文件", "机关", "鲁山县张良镇", "张营乡", "通过", "需修改", "王五", Self.awkwardNote] {
            #expect(strings.contains(text), "\(text) not in the .xlsx: \(strings)")
        }
        #expect(!strings.joined().contains("é"), "mojibake in the .xlsx")
    }

    @Test("--findings: every finding of the reports read again, with the rulings standing on them and a stale one")
    func findings() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let names = ["001_8b957fd57b8434a8.txt", "004_93ad30aaa514de17.txt"]
        for name in names {
            let source = try #require(SampleReports.files.first { $0.lastPathComponent == name })
            try FileManager.default.copyItem(at: source, to: folder.appendingPathComponent(name))
        }
        let store = try SQLiteReviewStore(path: folder.appendingPathComponent(".nianbao/reviews.sqlite").path)
        var expected = 0
        var blank: Finding?
        for name in names {
            let report = try ReportFiles.read(path: folder.appendingPathComponent(name).path)
            expected += report.findings.count
            try store.register(path: name, contentHash: "h", agency: report.agency, year: report.year,
                               errors: report.findings.filter { $0.severity == .error }.count, warnings: 0)
            if name.hasPrefix("001") { blank = report.findings.first { $0.rule.rawValue == "BLANK_CELL" } }
        }
        let dismissed = try #require(blank)
        try store.rule(FindingRuling(path: names[0], finding: dismissed.identity, rule: "BLANK_CELL", message: dismissed.message,
                                     verdict: .dismissed, reason: "本年无复议，填 0 即可", reviewer: "李四", ruledAt: Date()))
        try store.rule(FindingRuling(path: names[1], finding: "T2_ROW_TOTAL|t2.new.total|9,4,4", rule: "T2_ROW_TOTAL", message: "总计 9 ≠ 4+4",
                                     verdict: .confirmed, reviewer: "王五", ruledAt: Date()))

        let run = try Subprocess.run([nianbaoBinary, "export", "--findings", "--format", "json", folder.path])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == expected + 1)
        let ruled = rows.filter { ($0["ruling"] as? String) != "open" }
        #expect(ruled.count == 2)
        #expect(ruled.contains { $0["path"] as? String == names[0] && $0["ruling"] as? String == "dismissed" && $0["reason"] as? String == "本年无复议，填 0 即可" })
        #expect(ruled.contains { $0["path"] as? String == names[1] && $0["ruling"] as? String == "stale" && $0["reviewer"] as? String == "王五" })
        #expect(rows.allSatisfy { ($0["agency"] as? String)?.isEmpty == false })

        let zh = try ExternalCommand.run([nianbaoBinary, "export", "--findings", "--format", "csv", "--lang", "zh", folder.path])
        let text = String(decoding: zh.stdout.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("文件,机关,年度,规则,严重程度,行,说明,裁定,理由,审阅人\r\n"))
        #expect(text.contains("已驳回,本年无复议，填 0 即可,李四\r\n"))
    }
}
