import Foundation
import NianbaoSamples
import Testing

/// The project's root folder.
let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Drives the real `nianbao review` in a private tmux server (fixed 160×48, LANG unset as
/// under CI), then kills it with SIGKILL and reads the decisions back with `nianbao export`.
@Suite("Review end to end, in tmux", .serialized, .tags(.slow), .notInQuickRun)
struct ReviewEndToEndTests {
    /// A folder of five reports of three kinds: two texts, a web page and two PDFs.
    func mixedFolder() throws -> (folder: URL, reports: URL) {
        let folder = try temporaryFolder()
        let reports = folder.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        for file in SampleReports.files.prefix(2) {
            try FileManager.default.copyItem(at: file, to: reports.appendingPathComponent(file.lastPathComponent))
        }
        let produced = projectRoot.appendingPathComponent("Tests/Fixtures/produced")
        for name in ["p01.libreoffice.html", "p02.libreoffice.pdf", "p06.libreoffice.pdf"] {
            try FileManager.default.copyItem(at: produced.appendingPathComponent(name), to: reports.appendingPathComponent(name))
        }
        return (folder, reports)
    }

    func start(_ tmux: Tmux, _ reports: URL, environment: String = "") throws {
        try tmux.start("review '\(reports.path)'", environment: environment)
    }

    @Test("the queue over text, a web page and PDFs, two keys a report, a Chinese note, SIGKILL; reopened at the same report; export has every decision",
          .enabled(if: Tmux.isAvailable, "tmux is not installed (.ci/run installs it)"))
    func reviewSurvivesKill() throws {
        let (folder, reports) = try mixedFolder()
        let tmux = Tmux(folder: folder)
        defer { tmux.kill(); try? FileManager.default.removeItem(at: folder) }
        try start(tmux, reports)
        var screen = try tmux.waitFor("已审 0/5 · 通过 0 · 需修改 0")
        screen = try tmux.waitFor("湘潭县花石镇")
        #expect(!screen.contains("读取中 "), "still loading:\n\(screen)")
        // Chinese is drawn, and list columns line up by display width.
        let listRows = screen.split(separator: "\n").filter { $0.hasPrefix("· ") }
        #expect(listRows.count == 5)
        let yearColumns = Set(listRows.compactMap { row -> Int? in
            guard let range = row.range(of: " 20") else { return nil }
            return displayWidth(row[..<range.lowerBound])
        })
        #expect(yearColumns.count == 1, "years not aligned:\n\(listRows.joined(separator: "\n"))")

        // Report by report, two keys each: look at its first finding (]), then decide.
        // The queue moves on by itself after each decision.
        try tmux.run("send-keys", "]", "a")
        _ = try tmux.waitFor("已审 1/5")
        try tmux.run("send-keys", "]", "a")
        _ = try tmux.waitFor("已审 2/5")
        try tmux.run("send-keys", "]", "c")
        _ = try tmux.waitFor("Esc 保存")
        try tmux.run("send-keys", "-l", "表三行政复议为空，请补充")
        _ = try tmux.waitFor("表三行政复议为空")
        try tmux.run("send-keys", "Escape")
        screen = try tmux.waitFor("已审 3/5 · 通过 2 · 需修改 1")
        try tmux.run("send-keys", "]", "a")
        _ = try tmux.waitFor("已审 4/5")
        let beforeKill = try tmux.screen()
        let current = beforeKill.split(separator: "\n").first.map { $0.split(separator: " ").last.map(String.init) ?? "" } ?? ""

        let pid = try tmux.run("display-message", "-p", "#{pane_pid}").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let killed = try Subprocess.run(["kill", "-9", pid])
        #expect(killed.status == 0, "could not kill \(pid)")
        tmux.kill()

        // Reopened: the same report is selected.
        let again = Tmux(folder: folder.appendingPathComponent("again"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("again"), withIntermediateDirectories: true)
        defer { again.kill() }
        try start(again, reports)
        screen = try again.waitFor("已审 4/5 · 通过 3 · 需修改 1")
        #expect(screen.split(separator: "\n").first?.hasSuffix(current) == true, "reopened elsewhere: \(screen.split(separator: "\n").first ?? "") (was \(current))")
        again.kill()

        let database = reports.appendingPathComponent(".nianbao/reviews.sqlite").path
        let export = try Subprocess.run([nianbaoBinary, "export", "--db", database, "--format", "json"])
        #expect(export.status == 0, "export failed: \(export.stderr)")
        let records = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [[String: Any]])
        let statuses = records.compactMap { $0["status"] as? String }
        #expect(records.count == 5)
        #expect(statuses.filter { $0 == "approved" }.count == 3)
        #expect(statuses.filter { $0 == "needsCorrection" }.count == 1)
        #expect(records.contains { $0["note"] as? String == "表三行政复议为空，请补充" })
        #expect(records.contains { ($0["path"] as? String)?.hasSuffix(".pdf") == true && $0["status"] as? String == "approved" })
    }

    @Test("NO_COLOR: no colour on the screen, the glyphs and reverse stay",
          .enabled(if: Tmux.isAvailable, "tmux is not installed (.ci/run installs it)"))
    func noColor() throws {
        let (folder, reports) = try mixedFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // swift test runs its tests with NO_COLOR=1: the colour run takes it away.
        for (name, env) in [("colour", "-u NO_COLOR"), ("plain", "NO_COLOR=1")] {
            let tmux = Tmux(folder: folder.appendingPathComponent(name))
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
            defer { tmux.kill() }
            try start(tmux, reports, environment: env)
            _ = try tmux.waitFor("湘潭县花石镇")
            try tmux.run("send-keys", "}")
            _ = try tmux.waitFor("✗")
            let escapes = try tmux.run("capture-pane", "-p", "-e").stdout
            // SGR colour codes: 30–37, 40–47, 38;… and 48;…
            let colour = escapes.range(of: #"\x1B\[[0-9;]*(3[0-8]|4[0-8])[;m]"#, options: .regularExpression) != nil
            if name == "colour" { #expect(colour, "no colour even without NO_COLOR") } else { #expect(!colour, "colour under NO_COLOR") }
            #expect(escapes.contains("\u{1B}[7m") || escapes.contains(";7m"), "no reverse video in \(name)")
        }
    }

    @Test("review without a terminal says so and exits non-zero")
    func reviewNeedsTerminal() throws {
        let run = try Subprocess.run([nianbaoBinary, "review"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("review needs a terminal"))
    }

    @Test("export of a missing database is a clear error")
    func exportMissing() throws {
        let run = try Subprocess.run([nianbaoBinary, "export", "--db", "/no/such/reviews.sqlite"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("no review database at /no/such/reviews.sqlite"))
    }
}

/// Display width for the alignment check (CJK and full-width forms take two cells).
func displayWidth<S: StringProtocol>(_ text: S) -> Int {
    text.unicodeScalars.reduce(0) { total, s in
        let v = s.value
        let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
        return total + (wide ? 2 : 1)
    }
}
