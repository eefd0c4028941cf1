import Foundation
import NianbaoSamples
import Testing

@Suite("Command line: check, extract, rules, and bad input")
struct CommandLineTests {
    func samplesCopy() throws -> URL {
        let folder = try temporaryFolder()
        for file in SampleReports.files {
            try FileManager.default.copyItem(at: file, to: folder.appendingPathComponent(file.lastPathComponent))
        }
        return folder
    }

    @Test("check with no path reads the built-in samples and exits 1 (one sample breaks error rules); in Chinese, columns aligned by display width")
    func checkSamples() throws {
        let run = try Subprocess.run([nianbaoBinary, "check"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("已检查 5 份报告，1 份有错误：错误 9，警告 40，提示 1；无法读取 0 份"))
        #expect(run.stdout.contains("DATE_ORDER"))
        // Every finding line: the rule starts at the same terminal column, whatever the severity word.
        let findingLines = run.stdout.split(separator: "\n").filter { $0.hasPrefix("  错误") || $0.hasPrefix("  警告") || $0.hasPrefix("  提示") }
        #expect(findingLines.count == 50)
        let columns = Set(findingLines.map { line in
            let rule = line.firstIndex { $0.isASCII && $0.isUppercase }!
            return line[..<rule].unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
        })
        #expect(columns == [10], "\(columns)")
        let english = try Subprocess.run([nianbaoBinary, "check", "--lang", "en"])
        #expect(english.stdout.contains("5 reports checked, 1 with errors"))
        #expect(english.stdout.contains("  warning BLANK_CELL"))
    }

    @Test("an unreadable file: its reason in Chinese on standard error and in the listing; --lang en in English")
    func unreadableInChinese() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data().write(to: folder.appendingPathComponent("empty.txt"))
        try Data([0, 1, 2, 3, 0, 0xFF]).write(to: folder.appendingPathComponent("scan.txt"))
        let run = try Subprocess.run([nianbaoBinary, "check", folder.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("empty.txt：无法读取此文件：文件是空的"), "\(run.stderr)")
        #expect(run.stderr.contains("scan.txt：无法读取此文件：是二进制文件，不是文本"), "\(run.stderr)")
        #expect(run.stdout.contains("  无法读取  文件是空的"))
        #expect(run.stdout.contains("无法读取 2 份"))
        let extract = try Subprocess.run([nianbaoBinary, "extract", folder.appendingPathComponent("empty.txt").path])
        #expect(extract.stderr.contains("无法读取此文件：文件是空的"))
        #expect(!run.stderr.contains("cannot read"))
    }

    @Test("check exits 0 when no report breaks an error rule")
    func checkClean() throws {
        let folder = try samplesCopy()
        try FileManager.default.removeItem(at: folder.appendingPathComponent("004_93ad30aaa514de17.txt"))
        let run = try Subprocess.run([nianbaoBinary, "check", "--lang", "en", folder.path])
        #expect(run.status == 0)
        #expect(run.stdout.contains("4 reports checked, 0 with errors"))
    }

    @Test("extract prints an array of one JSON object with every key scripts rely on")
    func extractJSON() throws {
        let file = try #require(SampleReports.files.first { $0.lastPathComponent.hasPrefix("001") })
        let run = try Subprocess.run([nianbaoBinary, "extract", "--format", "json", file.path])
        #expect(run.status == 0)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 1)
        let object = array[0]
        #expect(Set(object.keys).isSuperset(of: ["path", "agency", "year", "template", "date", "cells", "source", "missing", "findings"]))
        #expect(object["date"] as? String == "2024-01-11")
        let cells = try #require(object["cells"] as? [String: Any])
        #expect(cells["t3.review.total"] as? String == "blank")
        let source = try #require((object["source"] as? [String: Any])?["t1.rules.issued"] as? [String: Int])
        #expect(source["line"] == 29)
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["rule"] as? String == "LABEL_VARIANT" && $0["severity"] as? String == "info" })
    }

    @Test("extract of several files is a JSON array; CSV has one line per cell")
    func extractManyAndCSV() throws {
        let folder = try samplesCopy()
        let json = try Subprocess.run([nianbaoBinary, "extract", folder.path])
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 5)
        let csv = try Subprocess.run([nianbaoBinary, "extract", "--format", "csv", folder.appendingPathComponent("000_4a17cc4c212eaa48.txt").path])
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first == "path,cell,value,line,column")
        #expect(lines.count == 201)
        #expect(lines.contains { $0.hasSuffix(",t1.licensing.decisions,17,47,6") })
    }

    @Test("markdown shows the tables with their official labels")
    func extractMarkdown() throws {
        let file = try #require(SampleReports.files.first { $0.lastPathComponent.hasPrefix("000") })
        let run = try Subprocess.run([nianbaoBinary, "extract", "--format", "markdown", file.path])
        #expect(run.stdout.contains("| 行政许可 | 17 |"))
        #expect(run.stdout.contains("## 表3"))
    }

    @Test("rules lists the whole catalogue")
    func rulesCommand() throws {
        let run = try Subprocess.run([nianbaoBinary, "rules"])
        #expect(run.status == 0)
        #expect(run.stdout.split(separator: "\n").count == 19)
        #expect(run.stdout.contains("CROSS_YEAR_IN_FORCE"))
    }

    @Test("bad input: each file gets a clear message naming it, the others are still checked, exit 2")
    func badInput() throws {
        let folder = try samplesCopy()
        let bad = folder.appendingPathComponent("bad")
        try FileManager.default.createDirectory(at: bad, withIntermediateDirectories: true)
        try Data().write(to: bad.appendingPathComponent("empty.txt"))
        try Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]).write(to: bad.appendingPathComponent("scan.txt"))
        try Data("这是一封普通的信，没有表格，也没有任何部分。\n".utf8).write(to: bad.appendingPathComponent("letter.txt"))
        try FileManager.default.createSymbolicLink(atPath: bad.appendingPathComponent("lost.txt").path, withDestinationPath: "/nonexistent/report.txt")
        let huge = bad.appendingPathComponent("huge.txt")
        #expect(FileManager.default.createFile(atPath: huge.path, contents: nil))
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 50 * 1_048_576)
        try handle.close()

        let run = try Subprocess.run([nianbaoBinary, "check", "--lang", "en", folder.path])
        #expect(run.status == 2)
        #expect(run.stdout.contains("5 reports checked"))
        #expect(run.stdout.contains("5 unreadable"))
        #expect(run.stderr.contains("empty.txt: cannot read this file: the file is empty"))
        #expect(run.stderr.contains("scan.txt: cannot read this file: it is a binary file, not text"))
        #expect(run.stderr.contains("letter.txt: cannot read this file: no annual report found"))
        #expect(run.stderr.contains("lost.txt: cannot read this file"))
        #expect(run.stderr.contains("huge.txt: cannot read this file: it is 50.0 MB"))
        #expect(!run.stderr.contains("Fatal error"))
    }

    @Test("a path that does not exist is reported, exit 2")
    func noSuchPath() throws {
        let run = try Subprocess.run([nianbaoBinary, "extract", "--lang", "en", "/no/such/report.txt"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("/no/such/report.txt: cannot read this file: it could not be opened (No such file or directory)"))
    }

    @Test("check --format json gives findings per report and the unreadable files")
    func checkJSON() throws {
        let run = try Subprocess.run([nianbaoBinary, "check", "--format", "json"])
        let array = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 5)
        #expect(array.contains { ($0["errors"] as? Int ?? 0) > 0 })
    }
}
