import Foundation
import NianbaoFixtures
import NianbaoSamples
import Testing

extension StoreEngine: CustomTestStringConvertible {
    public var testDescription: String { rawValue }
}

/// Two real review screens (李四 and 王五, each in a tmux of its own) on one database: the
/// folder's SQLite file, or a PostgreSQL database given with --db. What one does shows on
/// the other without a key; a note both edit is a conflict; export has both.
@Suite("Team review end to end: two screens on one database, in tmux", .serialized, .tags(.slow), .notInQuickRun)
struct TeamEndToEndTests {
    @Test("a decision appears on the other screen within one second; both editing one note is a conflict; export has both reviewers' work",
          .enabled(if: Tmux.isAvailable, "tmux is not installed (.ci/run installs it)"), arguments: StoreEngine.available)
    func twoScreens(_ engine: StoreEngine) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reports = folder.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        for file in SampleReports.files {
            try FileManager.default.copyItem(at: file, to: reports.appendingPathComponent(file.lastPathComponent))
        }
        // SQLite: the project's own database, found from the folder; PostgreSQL: a new database.
        let database = engine == .sqlite ? [] : ["--db", try engine.freshLocation().display]
        let option = database.isEmpty ? "" : " --db '\(database[1])'"
        let li = Tmux(folder: folder.appendingPathComponent("li")), wang = Tmux(folder: folder.appendingPathComponent("wang"))
        for name in ["li", "wang"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        defer { li.kill(); wang.kill() }
        try li.start("review --reviewer 李四\(option) '\(reports.path)'")
        try wang.start("review --reviewer 王五\(option) '\(reports.path)'")
        for screen in [li, wang] {
            _ = try screen.waitFor("已审 0/5")
            _ = try screen.waitFor("张营乡")
        }

        // 李四 approves the first report; 王五, on it too, sees it without pressing a key.
        try li.run("send-keys", "a")
        _ = try li.waitFor("已保存")
        let seen = try wang.waitFor("已审 1/5", seconds: 1)
        #expect(seen.contains("李四 "), "who decided is not said:\n\(seen)")

        // Both open the second report's note; 李四 saves first; 王五's save is refused and asked.
        try wang.run("send-keys", "j")
        for screen in [li, wang] {
            try screen.run("send-keys", "e")
            _ = try screen.waitFor("Esc 保存")
        }
        try li.run("send-keys", "-l", "李四：表二不符")
        _ = try li.waitFor("李四：表二不符")
        try li.run("send-keys", "Escape")
        _ = try li.waitFor("已保存")
        try wang.run("send-keys", "-l", "王五：表三为空")
        _ = try wang.waitFor("王五：表三为空")
        try wang.run("send-keys", "Escape")
        let asked = try wang.waitFor("在你之前已有修改")
        #expect(asked.contains("改了备注：李四：表二不符"), "the other's note is not shown:\n\(asked)")
        #expect(asked.contains("你的备注：王五：表三为空"))
        // 王五 keeps his, knowingly: written on top of 李四's, which stays in the history.
        try wang.run("send-keys", "k")
        _ = try wang.waitFor("已保存")
        _ = try li.waitFor("王五 ")
        for screen in [li, wang] { try screen.run("send-keys", "q") }

        let place = database.isEmpty ? [reports.path] : database
        let export = try Subprocess.run([nianbaoBinary, "export", "--format", "json"] + place)
        #expect(export.status == 0, "export failed: \(export.stderr)")
        let records = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [[String: Any]])
        #expect(records.count == 5)
        #expect(records.contains { $0["status"] as? String == "approved" && $0["reviewer"] as? String == "李四" })
        #expect(records.contains { $0["note"] as? String == "王五：表三为空" && $0["noteBy"] as? String == "王五" })

        let history = try Subprocess.run([nianbaoBinary, "export", "--history", "--format", "json"] + place)
        #expect(history.status == 0, "export --history failed: \(history.stderr)")
        let changes = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
        let notes = changes.filter { $0["kind"] as? String == "note" }.map { "\($0["reviewer"] ?? "")：\($0["note"] ?? "")" }
        #expect(notes == ["李四：李四：表二不符", "王五：王五：表三为空"])
        #expect(changes.contains { $0["kind"] as? String == "decision" && $0["status"] as? String == "approved" && $0["reviewer"] as? String == "李四" })
    }
}
