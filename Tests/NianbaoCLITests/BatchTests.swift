import Foundation
import NianbaoCore
import NianbaoFixtures
import NianbaoSamples
import Testing

/// A batch with one bad file of each kind among good ones: every good report is reported,
/// each bad file gets its one-line reason, and nothing hangs or takes the others down.
@Suite("Batches: one bad file costs that file only")
struct BatchTests {
    /// The seeds and one file of each kind that once took a batch down.
    func mixedFolder() throws -> URL {
        let folder = try temporaryFolder()
        for file in SampleReports.files {
            try FileManager.default.copyItem(at: file, to: folder.appendingPathComponent(file.lastPathComponent))
        }
        let seed = try String(contentsOf: SampleReports.files[0], encoding: .utf8)
        try seed.replacingOccurrences(of: "行政许可\t17", with: "行政许可\t１２３４５６７８９０１２３")
            .write(to: folder.appendingPathComponent("long-number.txt"), atomically: true, encoding: .utf8)
        try #"<html><body><p>一、总体情况</p><table><tr><td rowspan="2147483647" colspan="10000000">x</td></tr></table></body></html>"#
            .write(to: folder.appendingPathComponent("spans.html"), atomically: true, encoding: .utf8)
        let document = { (body: String) in
            Data(#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\#(body)</w:body></w:document>"#.utf8)
        }
        let nested = String(repeating: "<w:tbl><w:tr><w:tc>", count: 30_000) + "<w:p/>" + String(repeating: "</w:tc></w:tr></w:tbl>", count: 30_000)
        try Data(try wordFile(["word/document.xml": document(nested)])).write(to: folder.appendingPathComponent("nested.docx"))
        try Data(try wordFile(["word/document.xml": Data(repeating: 0x20, count: 40 << 20)])).write(to: folder.appendingPathComponent("bomb.docx"))
        var flipped = try wordFile(["word/document.xml": document("<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>")])
        for i in stride(from: 0, to: flipped.count, by: 7) { flipped[i] ^= 0xFF }
        try Data(flipped).write(to: folder.appendingPathComponent("flipped.docx"))
        #expect(mkfifo(folder.appendingPathComponent("pipe.txt").path, 0o600) == 0)
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("link.txt").path, withDestinationPath: folder.appendingPathComponent("pipe.txt").path)
        // 报告.txt with its name in GBK bytes, written by bytes (Foundation would take the name as UTF-8).
        let gbk = Array(folder.path.utf8) + [UInt8(ascii: "/"), 0xB1, 0xA8, 0xB8, 0xE6] + Array(".txt".utf8)
        let fd = (gbk + [0]).withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_WRONLY | O_CREAT, 0o600) }
        let bytes = try Data(contentsOf: SampleReports.files[3])
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
        close(fd)
        return folder
    }

    @Test("seeds and bad files: every seed reported, each bad file with its reason, exit 2")
    func mixedBatch() throws {
        let folder = try mixedFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Subprocess.run([nianbaoBinary, "check", "--lang", "en", "--format", "json", folder.path])
        #expect(run.status == 2)
        let records = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        let byName = Dictionary(records.map { (URL(fileURLWithPath: $0["path"] as! String).lastPathComponent, $0) }, uniquingKeysWith: { a, _ in a })
        for file in SampleReports.files { #expect(byName[file.lastPathComponent]?["findings"] != nil, "\(file.lastPathComponent)") }
        #expect((byName["long-number.txt"]?["findings"] as? [[String: Any]])?.contains { $0["rule"] as? String == "UNREADABLE_CELL" } == true)
        #expect((byName["spans.html"]?["findings"] as? [[String: Any]])?.contains { $0["rule"] as? String == "SPAN_CLAMPED" } == true)
        #expect(byName["\\xB1\\xA8\\xB8\\xE6.txt"]?["agency"] as? String == "祥云镇")
        for bad in ["bomb.docx", "flipped.docx", "pipe.txt", "link.txt", "nested.docx"] {
            #expect(byName[bad] != nil, "\(bad) not reported")
            if let reason = byName[bad]?["error"] as? String { #expect(!reason.isEmpty) }
        }
        let errorLines = run.stderr.split(separator: "\n")
        for bad in ["bomb.docx", "flipped.docx", "pipe.txt", "link.txt"] {
            #expect(errorLines.filter { $0.contains("/\(bad): cannot read this file: ") }.count == 1, "\(bad): \(run.stderr)")
        }
    }

    /// A folder with the samples and one PDF, and a `pdftotext` that does `script` instead
    /// of reading it, first in PATH.
    func withFakePdftotext(_ script: String) throws -> (folder: URL, bin: URL) {
        let folder = try temporaryFolder()
        for file in SampleReports.files.prefix(2) {
            try FileManager.default.copyItem(at: file, to: folder.appendingPathComponent(file.lastPathComponent))
        }
        try Data("%PDF-1.4\n".utf8).write(to: folder.appendingPathComponent("report.pdf"))
        let bin = try temporaryFolder()
        let fake = bin.appendingPathComponent("pdftotext")
        try "#!/bin/sh\n\(script)\n".write(to: fake, atomically: true, encoding: .utf8)
        chmod(fake.path, 0o755)
        return (folder, bin)
    }

    func environment(_ bin: URL) -> [String: String] {
        ["PATH": bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")]
    }

    @Test("a worker that dies while reading costs that file only: the reader stopped, with its signal")
    func workerCrash() throws {
        // The fake pdftotext kills the worker that started it, as a crash in a reader would.
        let (folder, bin) = try withFakePdftotext("kill -SEGV $PPID; sleep 5")
        defer { try? FileManager.default.removeItem(at: folder); try? FileManager.default.removeItem(at: bin) }
        let run = try Subprocess.run([nianbaoBinary, "check", "--lang", "en", folder.path], environment: environment(bin))
        #expect(run.status == 2)
        #expect(run.stdout.contains("2 reports checked"))
        #expect(run.stderr.contains("report.pdf: cannot read this file: the reader stopped (it crashed: signal 11"), "\(run.stderr)")
    }

    @Test("a file that takes longer than --time-limit is given up, with what it started, and its folders removed")
    func timeBudget() throws {
        let marker = "nianbao-slow-\(UUID().uuidString.prefix(8))"
        let (folder, bin) = try withFakePdftotext("exec sleep 30 # \(marker)")
        defer { try? FileManager.default.removeItem(at: folder); try? FileManager.default.removeItem(at: bin) }
        let tmp = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        var env = environment(bin)
        env["TMPDIR"] = tmp.path
        let started = Date()
        let run = try Subprocess.run([nianbaoBinary, "extract", "--lang", "en", "--format", "json", "--time-limit", "1", folder.path], environment: env)
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(run.status == 2)
        #expect(run.stderr.contains("report.pdf: cannot read this file: the reader stopped (it took longer than 1 s)"), "\(run.stderr)")
        let records = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        // The two reports read, and the one given up as a record of the same stream.
        #expect(records.count == 3)
        #expect(records.filter { ($0["error"] as? String)?.contains("took longer than 1 s") == true }.count == 1)
        // The sleeping pdftotext went with its worker, and no temporary folder is left.
        let processes = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        let commands = processes.filter { Int($0) != nil }.compactMap { try? Data(contentsOf: URL(fileURLWithPath: "/proc/\($0)/cmdline")) }
        #expect(!commands.contains { String(decoding: $0, as: UTF8.self).contains("sleep\u{0}30") }, "a pdftotext outlived its worker")
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path).isEmpty)
    }

    @Test("--version, and a folder without reports: exit 2 with 'no reports found'")
    func smallOnes() throws {
        let version = try Subprocess.run([nianbaoBinary, "--version"])
        #expect(version.status == 0)
        #expect(version.stdout.split(separator: ".").count == 3)
        let empty = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: empty) }
        try "not a report".write(to: empty.appendingPathComponent("notes.rtf"), atomically: true, encoding: .utf8)
        for command in ["check", "extract"] {
            let run = try Subprocess.run([nianbaoBinary, command, empty.path])
            #expect(run.status == 2)
            #expect(run.stderr.contains("no reports found"), "\(run.stderr)")
            #expect(!run.stderr.contains("Usage"))
        }
    }

    @Test("a copy of the binary elsewhere runs without its resource bundle beside it")
    func copiedBinary() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("nianbao")
        try FileManager.default.copyItem(atPath: nianbaoBinary, toPath: copy.path)
        let file = try Subprocess.run([copy.path, "check", SampleReports.files[1].path])
        #expect(file.status == 0)
        let samples = try Subprocess.run([copy.path, "check"])
        #expect(samples.status == 1 || samples.status == 2)
        #expect(!samples.stderr.contains("Fatal error"))
    }
}

@Suite("Cross-year findings in every command")
struct CrossYearCommandTests {
    @Test("extract, like check, gives the findings that compare a body's two years")
    func extractHasCrossYear() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOf: SampleReports.files[0], encoding: .utf8)
        try text.write(to: folder.appendingPathComponent("2023.txt"), atomically: true, encoding: .utf8)
        let earlier = text.replacingOccurrences(of: "2023", with: "2022").replacingOccurrences(of: "2024", with: "2023")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("四、结转下年度继续办理") ? "四、结转下年度继续办理\t\t\t3\t0\t0\t0\t0\t0\t3" : String($0) }.joined(separator: "\n")
        try earlier.write(to: folder.appendingPathComponent("2022.txt"), atomically: true, encoding: .utf8)
        let check = try Subprocess.run([nianbaoBinary, "check", "--format", "json", folder.path])
        let extract = try Subprocess.run([nianbaoBinary, "extract", folder.path])
        func crossYear(_ output: String) throws -> [String] {
            let records = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
            return records.filter { $0["crossYear"] as? Bool == true }.flatMap { ($0["findings"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String } }
        }
        let fromCheck = try crossYear(check.stdout)
        #expect(fromCheck.count == 2)
        #expect(try crossYear(extract.stdout) == fromCheck)
    }
}

/// Each report is rendered on the worker that read it and printed in the order of the files,
/// however many workers there are: the output is the same byte for byte.
@Suite("Workers: the same output whatever --jobs", .tags(.slow), .notInQuickRun)
struct JobsTests {
    /// 60 reports made from the samples with other numbers (some sums broken), in several
    /// encodings and line ends, and the samples themselves.
    func folder() throws -> URL {
        let folder = try temporaryFolder()
        var rng = RandomNumbers(seed: 77)
        let forms: [FileForm] = [.utf8, .gb18030, .utf8CRLF]
        for (index, url) in SampleReports.files.enumerated() {
            let text = try String(contentsOf: url, encoding: .utf8)
            try FileManager.default.copyItem(at: url, to: folder.appendingPathComponent(url.lastPathComponent))
            let original = try ReportReader.report(from: text, path: url.path)
            for copy in 0..<12 {
                var values = ConsistentNumbers.make(for: original, using: &rng)
                if copy % 4 == 0, let before = values["t2.new.natural"]?.quantity { values["t2.new.natural"] = .number(before + Quantity(2)) }
                let bytes = forms[copy % forms.count].bytes(ReportRewriter.rewrite(original, with: values))
                try Data(bytes).write(to: folder.appendingPathComponent(String(format: "r%d-%02d.txt", index, copy)))
            }
        }
        return folder
    }

    @Test("check and extract print the same bytes with 1, 2 and 3 workers, in the order of the files")
    func sameOutput() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for command in [["check", "--format", "json"], ["check"], ["check", "--lang", "en"], ["extract", "--format", "jsonl"], ["extract", "--format", "csv"]] {
            let runs = try [1, 2, 3].map { try Subprocess.run([nianbaoBinary] + command + ["--jobs", String($0), folder.path]) }
            #expect(runs[0].status == (command[0] == "check" ? 1 : 0), "\(command): \(runs[0].stderr)")
            for run in runs.dropFirst() {
                #expect(run.stdout == runs[0].stdout, "\(command)")
                #expect(run.stderr == runs[0].stderr, "\(command)")
                #expect(run.status == runs[0].status, "\(command)")
            }
        }
        let check = try Subprocess.run([nianbaoBinary, "check", "--format", "json", "--jobs", "2", folder.path])
        let records = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [[String: Any]])
        let paths = records.compactMap { $0["path"] as? String }
        #expect(paths.count == 65)
        #expect(paths == paths.sorted())
        #expect(records.contains { ($0["errors"] as? Int ?? 0) > 0 })
    }

    @Test("--jobs 0 is refused with a one-line message")
    func zeroJobs() throws {
        let run = try Subprocess.run([nianbaoBinary, "check", "--jobs", "0"])
        #expect(run.status != 0)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("--jobs"))
    }
}
