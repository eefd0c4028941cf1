import Foundation
import NianbaoFixtures
import NianbaoStore
import NianbaoTUI
import Testing

/// The commands around a shared review database: migrate, export, and their errors.
@Suite("Team review: db migrate, export, and database errors")
struct TeamCommandTests {
    @Test("four processes creating one new database at the same moment all succeed, on every engine", arguments: StoreEngine.available)
    func migrateTogether(_ engine: StoreEngine) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for _ in 0..<6 {
            let location = try engine.freshLocation(in: folder.appendingPathComponent(UUID().uuidString))
            let runs = Locked<[Subprocess]>([])
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                if let run = try? Subprocess.run([nianbaoBinary, "db", "migrate", "--db", location.display]) { runs.withLock { $0.append(run) } }
            }
            let finished = runs.withLock { $0 }
            #expect(finished.count == 4)
            for run in finished { #expect(run.status == 0, "\(run.stderr)") }
            #expect(try location.open(readOnly: true).all().isEmpty)
        }
    }

    @Test("export: the reviewer of each decision, changedSinceReview, missing; --history every change with who and when")
    func exportFields() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent(".nianbao/reviews.sqlite").path
        let store = try SQLiteReviewStore(path: database)
        for path in ["a.txt", "b.txt", "c.txt"] {
            try store.register(path: path, contentHash: "h-" + path, agency: "张营乡", year: 2023, errors: 1, warnings: 0)
        }
        try store.decide(path: "a.txt", .approved, reviewer: "李四")
        try store.decide(path: "b.txt", .needsCorrection, reviewer: "王五")
        try store.setNote(path: "b.txt", "表三为空", reviewer: "王五")
        try store.decide(path: "c.txt", .approved, reviewer: "李四")
        // a.txt changed after it was approved; c.txt is gone from disk.
        try store.register(path: "a.txt", contentHash: "h-a2", agency: "张营乡", year: 2023, errors: 1, warnings: 0)
        try store.setMissing(["c.txt"], true, at: Date())

        // From a subfolder of the project: the project's database, found by walking up.
        let sub = folder.appendingPathComponent("2024")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        let export = try Subprocess.run([nianbaoBinary, "export", "--format", "json", sub.path])
        #expect(export.status == 0, "\(export.stderr)")
        let records = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [[String: Any]])
        let byPath = Dictionary(uniqueKeysWithValues: records.compactMap { r in (r["path"] as? String).map { ($0, r) } })
        #expect(byPath.count == 3)
        #expect(byPath["a.txt"]?["reviewer"] as? String == "李四")
        #expect(byPath["a.txt"]?["changedSinceReview"] as? Bool == true)
        #expect(byPath["b.txt"]?["changedSinceReview"] as? Bool == false)
        #expect(byPath["b.txt"]?["noteBy"] as? String == "王五")
        #expect(byPath["c.txt"]?["missing"] as? Bool == true)
        #expect(byPath["a.txt"]?["missing"] as? Bool == false)

        let csv = try Subprocess.run([nianbaoBinary, "export", "--format", "csv", "--db", database])
        #expect(csv.stdout.hasPrefix("\u{FEFF}"))
        let lines = csv.stdout.dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "path,agency,year,status,note,errors,warnings,reviewedAt,reviewer,noteBy,noteAt,changedSinceReview,missing")
        #expect(lines.count == 4)

        let history = try Subprocess.run([nianbaoBinary, "export", "--history", "--format", "json", "--db", database])
        #expect(history.status == 0, "\(history.stderr)")
        let changes = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
        #expect(changes.map { "\($0["path"]!) \($0["kind"]!) \($0["reviewer"]!)" } == [
            "a.txt decision 李四", "b.txt decision 王五", "b.txt note 王五", "c.txt decision 李四",
        ])
        #expect(changes.allSatisfy { ($0["at"] as? String)?.isEmpty == false })
    }

    @Test("database errors are one line and exit 2, not usage: a bad URL, a refused connection, a file that is not ours")
    func errors() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let stranger = folder.appendingPathComponent("notes.sqlite")
        try Data("this is not a database".utf8).write(to: stranger)
        let cases: [(arguments: [String], says: String)] = [
            (["export", "--db", "mysql://x@y/z"], "mysql://x@y/z"),
            (["export", "--db", "postgresql://nianbao@127.0.0.1:1/nianbao"], "127.0.0.1:1"),
            (["db", "migrate", "--db", "postgresql://nianbao@127.0.0.1:1/nianbao"], "127.0.0.1:1"),
            (["export", "--db", stranger.path], "not a SQLite database"),
            (["export", folder.appendingPathComponent("empty").path], "no review database"),
        ]
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("empty"), withIntermediateDirectories: true)
        for (arguments, says) in cases {
            let started = Date()
            let run = try Subprocess.run([nianbaoBinary] + arguments)
            #expect(run.status == 2, "\(arguments): exit \(run.status)")
            #expect(run.stderr.contains(says), "\(arguments): \(run.stderr)")
            #expect(run.stderr.split(separator: "\n").count == 1, "\(arguments): \(run.stderr)")
            #expect(!run.stderr.contains("Usage"), "\(arguments): \(run.stderr)")
            // A connect timeout, never a hang.
            #expect(Date().timeIntervalSince(started) < 30)
        }
        #expect(try String(contentsOf: stranger, encoding: .utf8) == "this is not a database")
    }
}
