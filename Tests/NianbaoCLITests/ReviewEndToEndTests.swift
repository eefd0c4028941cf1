import Foundation
import NianbaoSamples
import Testing

/// Drives the real `nianbao review` in a private tmux server (fixed 160×48, LANG unset as
/// under CI), then kills it with SIGKILL and reads the decisions back with `nianbao export`.
@Suite("Review end to end, in tmux", .serialized)
struct ReviewEndToEndTests {
    final class Tmux {
        let socket: String
        init(folder: URL) { socket = folder.appendingPathComponent("tmux.sock").path }

        @discardableResult
        func run(_ arguments: String...) throws -> Subprocess {
            try Subprocess.run(["tmux", "-u", "-S", socket] + arguments, environment: ["LANG": "C.UTF-8"])
        }

        func screen() throws -> String { try run("capture-pane", "-p").stdout }

        /// Waits until the screen shows `text` (the app draws asynchronously).
        func waitFor(_ text: String, seconds: Double = 15) throws -> String {
            let deadline = Date().addingTimeInterval(seconds)
            var last = ""
            while Date() < deadline {
                last = try screen()
                if last.contains(text) { return last }
                usleep(100_000)
            }
            Issue.record("timed out waiting for “\(text)”; the screen was:\n\(last)")
            return last
        }

        func kill() { _ = try? run("kill-server") }
    }

    static var tmuxAvailable: Bool { (try? Subprocess.run(["tmux", "-V"]).status) == 0 }

    @Test("move, approve, mark for correction with a Chinese note, SIGKILL: export has it all")
    func reviewSurvivesKill() throws {
        guard Self.tmuxAvailable else {
            print("skipped: tmux is not installed (.ci/run installs it)")
            return
        }
        let folder = try temporaryFolder()
        let reports = folder.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        for file in SampleReports.files {
            try FileManager.default.copyItem(at: file, to: reports.appendingPathComponent(file.lastPathComponent))
        }
        let tmux = Tmux(folder: folder)
        defer { tmux.kill() }
        // exec: the pane's process is nianbao itself, so SIGKILL reaches it and nothing else.
        try tmux.run("new-session", "-d", "-x", "160", "-y", "48",
                     "exec env -u LANG -u LC_ALL -u LC_CTYPE '\(nianbaoBinary)' review '\(reports.path)'")
        var screen = try tmux.waitFor("已审 0/5 · 通过 0 · 需修改 0")
        screen = try tmux.waitFor("张营乡")
        #expect(!screen.contains("读取中 "), "still loading:\n\(screen)")

        // Chinese is drawn, and list columns line up by display width.
        let listRows = screen.split(separator: "\n").filter { $0.hasPrefix("· ") }
        #expect(listRows.count == 5)
        let yearColumns = Set(listRows.compactMap { row -> Int? in
            guard let range = row.range(of: " 20") else { return nil }
            return displayWidth(row[..<range.lowerBound])
        })
        #expect(yearColumns.count == 1, "years not aligned:\n\(listRows.joined(separator: "\n"))")

        try tmux.run("send-keys", "j")
        try tmux.run("send-keys", "a")
        _ = try tmux.waitFor("已保存：通过")
        try tmux.run("send-keys", "j")
        try tmux.run("send-keys", "c")
        _ = try tmux.waitFor("已保存：需修改")
        try tmux.run("send-keys", "n")
        _ = try tmux.waitFor("Esc 保存并关闭")
        try tmux.run("send-keys", "-l", "表三行政复议为空，请补充")
        _ = try tmux.waitFor("表三行政复议为空")
        try tmux.run("send-keys", "Escape")
        screen = try tmux.waitFor("备注已保存")
        #expect(screen.contains("已审 2/5 · 通过 1 · 需修改 1"))

        let pid = try tmux.run("display-message", "-p", "#{pane_pid}").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let killed = try Subprocess.run(["kill", "-9", pid])
        #expect(killed.status == 0, "could not kill \(pid)")

        let database = reports.appendingPathComponent(".nianbao/reviews.sqlite").path
        let export = try Subprocess.run([nianbaoBinary, "export", "--db", database, "--format", "json"])
        #expect(export.status == 0, "export failed: \(export.stderr)")
        let records = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [[String: Any]])
        let byPath = Dictionary(uniqueKeysWithValues: records.compactMap { r in (r["path"] as? String).map { ($0, r) } })
        #expect(byPath.count == 5)
        #expect(byPath["001_8b957fd57b8434a8.txt"]?["status"] as? String == "approved")
        #expect(byPath["002_8406eb1d227322eb.txt"]?["status"] as? String == "needsCorrection")
        #expect(byPath["002_8406eb1d227322eb.txt"]?["note"] as? String == "表三行政复议为空，请补充")
        #expect(byPath["000_4a17cc4c212eaa48.txt"]?["status"] as? String == "unreviewed")
        #expect(byPath["004_93ad30aaa514de17.txt"]?["errors"] as? Int == 9)

        let csv = try Subprocess.run([nianbaoBinary, "export", "--db", database, "--format", "csv"])
        #expect(csv.stdout.contains("002_8406eb1d227322eb.txt,大张楼镇,2022,needsCorrection,表三行政复议为空，请补充"))
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
