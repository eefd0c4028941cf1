import Foundation
import GRDB
import NianbaoFixtures
import NianbaoStore
import Testing

/// The engines the suite runs on (`StoreEngine`: SQLite always, PostgreSQL with a server).
typealias Engine = StoreEngine

extension StoreEngine: CustomTestStringConvertible {
    public var testDescription: String { rawValue }
}

@Suite("Review store, on every engine: decisions, notes, history, versions, moved and missing files")
struct ReviewStoreTests {
    @Test("a registered report starts unreviewed, with what was found in it", arguments: Engine.available)
    func register(_ engine: Engine) throws {
        let store = try engine.freshStore()
        try store.register(path: "a.txt", contentHash: "h1", agency: "张营乡", year: 2023, errors: 9, warnings: 18)
        let record = try #require(try store.record(path: "a.txt"))
        #expect(record.status == .unreviewed)
        #expect(record.agency == "张营乡")
        #expect(record.errors == 9)
        #expect(record.version == 0)
        #expect(!record.missing)
    }

    @Test("a decision is kept, with reviewer and time, and appended to the history", arguments: Engine.available)
    func decide(_ engine: Engine) throws {
        let store = try engine.freshStore()
        try store.register(path: "a.txt", contentHash: "h1", agency: nil, year: nil, errors: 0, warnings: 0)
        try store.decide(path: "a.txt", .approved, reviewer: "li")
        try store.decide(path: "a.txt", .needsCorrection, reviewer: "wang")
        let record = try #require(try store.record(path: "a.txt"))
        #expect(record.status == .needsCorrection)
        #expect(record.reviewer == "wang")
        #expect(record.reviewedAt != nil)
        #expect(record.version == 2)
        let history = try store.history(path: "a.txt")
        #expect(history.map(\.status) == [.approved, .needsCorrection])
        #expect(history.map(\.previousStatus) == [.unreviewed, .approved])
        #expect(history.map(\.reviewer) == ["li", "wang"])
        #expect(history.allSatisfy { $0.id != nil && $0.kind == .decision })
    }

    @Test("a note is kept, Chinese included, in the history too; re-registering keeps decisions and notes", arguments: Engine.available)
    func notes(_ engine: Engine) throws {
        let store = try engine.freshStore()
        try store.register(path: "a.txt", contentHash: "h1", agency: nil, year: nil, errors: 0, warnings: 0)
        try store.decide(path: "a.txt", .needsCorrection, reviewer: "li")
        try store.setNote(path: "a.txt", "表三行政复议数据为空，请补充。\n第二行", reviewer: "li")
        try store.register(path: "a.txt", contentHash: "h1", agency: "x", year: 2023, errors: 1, warnings: 0)
        let record = try #require(try store.record(path: "a.txt"))
        #expect(record.note == "表三行政复议数据为空，请补充。\n第二行")
        #expect(record.noteBy == "li")
        #expect(record.status == .needsCorrection)
        #expect(record.agency == "x")
        #expect(try store.history(path: "a.txt").last?.note == "表三行政复议数据为空，请补充。\n第二行")
    }

    @Test("undo of one's own decision is a decision back, marked as an undo; nothing is deleted", arguments: Engine.available)
    func undo(_ engine: Engine) throws {
        let store = try engine.freshStore()
        try store.register(path: "a.txt", contentHash: "h1", agency: nil, year: nil, errors: 0, warnings: 0)
        let approved = try store.decide(path: "a.txt", .approved, reviewer: "li")
        let undone = try store.decide(path: "a.txt", .unreviewed, reviewer: "li", expecting: approved.version, isUndo: true, at: Date())
        guard case .saved(let record) = undone else { Issue.record("undo refused"); return }
        #expect(record.status == .unreviewed)
        #expect(record.reviewedAt == nil)
        let history = try store.history(path: "a.txt")
        #expect(history.map(\.isUndo) == [false, true])
    }

    @Test("a write made on an older version is refused, with the record as the other reviewer left it", arguments: Engine.available)
    func versionConflict(_ engine: Engine) throws {
        let store = try engine.freshStore()
        let seen = try store.register(path: "a.txt", contentHash: "h1", agency: nil, year: nil, errors: 0, warnings: 0)
        // 李四 decides first, on the version both saw.
        guard case .saved = try store.decide(path: "a.txt", .needsCorrection, reviewer: "李四", expecting: seen.version, isUndo: false, at: Date())
        else { Issue.record("first write refused"); return }
        // 王五's approval, made on the version before, is refused; nothing is overwritten.
        let late = try store.decide(path: "a.txt", .approved, reviewer: "王五", expecting: seen.version, isUndo: false, at: Date())
        guard case .conflict(let current) = late else { Issue.record("a stale write went through"); return }
        #expect(current.status == .needsCorrection)
        #expect(current.reviewer == "李四")
        #expect(try store.record(path: "a.txt")?.status == .needsCorrection)
        // The same for notes.
        let noteConflict = try store.setNote(path: "a.txt", "王五的备注", reviewer: "王五", expecting: seen.version, at: Date())
        guard case .conflict = noteConflict else { Issue.record("a stale note went through"); return }
        #expect(try store.record(path: "a.txt")?.note == "")
        // Made on the version now standing, it goes through.
        guard case .saved = try store.setNote(path: "a.txt", "王五的备注", reviewer: "王五", expecting: current.version, at: Date())
        else { Issue.record("a current write refused"); return }
    }

    @Test("changes since a revision: what others committed, in order", arguments: Engine.available)
    func changes(_ engine: Engine) throws {
        let store = try engine.freshStore()
        try store.register([Registration(path: "a.txt", contentHash: "1", agency: nil, year: nil, errors: 0, warnings: 0),
                            Registration(path: "b.txt", contentHash: "2", agency: nil, year: nil, errors: 0, warnings: 0)])
        let (_, start) = try store.changes(since: 0)
        try store.decide(path: "b.txt", .approved, reviewer: "li")
        let (changed, next) = try store.changes(since: start)
        #expect(changed.map(\.path) == ["b.txt"])
        #expect(next > start)
        #expect(try store.changes(since: next).records.isEmpty)
        // Registering again without a change does not count as one.
        try store.register(path: "a.txt", contentHash: "1", agency: nil, year: nil, errors: 0, warnings: 0)
        #expect(try store.changes(since: next).records.isEmpty)
    }

    @Test("a moved file takes its record and history along; a file gone is marked missing", arguments: Engine.available)
    func movedAndMissing(_ engine: Engine) throws {
        let store = try engine.freshStore()
        try store.register(path: "old/a.txt", contentHash: "h1", agency: nil, year: nil, errors: 0, warnings: 0)
        try store.register(path: "b.txt", contentHash: "h2", agency: nil, year: nil, errors: 0, warnings: 0)
        try store.decide(path: "old/a.txt", .approved, reviewer: "li")
        try store.setNote(path: "old/a.txt", "好", reviewer: "li")
        try store.move(from: "old/a.txt", to: "new/a.txt", at: Date())
        #expect(try store.record(path: "old/a.txt") == nil)
        let moved = try #require(try store.record(path: "new/a.txt"))
        #expect(moved.status == .approved)
        #expect(moved.note == "好")
        #expect(try store.history(path: "new/a.txt").count == 2)
        try store.setMissing(["b.txt"], true, at: Date())
        #expect(try store.record(path: "b.txt")?.missing == true)
        // Found again, it is no longer missing.
        try store.register(path: "b.txt", contentHash: "h2", agency: nil, year: nil, errors: 0, warnings: 0)
        #expect(try store.record(path: "b.txt")?.missing == false)
    }

    @Test("rulings: confirm, dismiss with a reason, undo back to open; the one standing per finding, the history of all; they follow a move",
          arguments: Engine.available)
    func rulings(_ engine: Engine) throws {
        let store = try engine.freshStore()
        try store.register(path: "a.txt", contentHash: "h1", agency: "张营乡", year: 2023, errors: 2, warnings: 1)
        try store.register(path: "b.txt", contentHash: "h2", agency: nil, year: nil, errors: 1, warnings: 0)
        let before = try #require(try store.record(path: "a.txt"))
        func ruling(_ path: String, _ finding: String, _ verdict: FindingRuling.Verdict, _ reason: String = "", by reviewer: String = "李四") -> FindingRuling {
            FindingRuling(path: path, finding: finding, rule: "T2_ROW_TOTAL", message: "总计 5 ≠ 2+2", verdict: verdict, reason: reason,
                          reviewer: reviewer, ruledAt: Date())
        }
        let confirmed = try store.rule(ruling("a.txt", "T2_ROW_TOTAL|t2.new.total|5,2,2", .confirmed))
        #expect(confirmed.id != nil)
        try store.rule(ruling("a.txt", "NARRATIVE_TABLE|t1.rules.made|3,4", .dismissed, "正文说的是全市，口径不同"))
        try store.rule(ruling("b.txt", "BLANK_CELL|t3.total|", .confirmed, by: "王五"))
        // Someone reading the changes hears of a ruling: the report's revision moved on.
        #expect(try store.record(path: "a.txt")!.revision > before.revision)
        #expect(try store.record(path: "a.txt")!.version == before.version)

        var standing = try store.rulings(path: "a.txt")
        #expect(standing.map(\.verdict) == [.confirmed, .dismissed])
        #expect(standing.last?.reason == "正文说的是全市，口径不同")
        // Undo of the dismissal: open again, no longer standing, still in the history.
        try store.rule(ruling("a.txt", "NARRATIVE_TABLE|t1.rules.made|3,4", .open))
        standing = try store.rulings(path: "a.txt")
        #expect(standing.map(\.finding) == ["T2_ROW_TOTAL|t2.new.total|5,2,2"])
        #expect(try store.rulingHistory(path: "a.txt").map(\.verdict) == [.confirmed, .dismissed, .open])
        #expect(try store.rulings(path: nil).map(\.path) == ["a.txt", "b.txt"])
        #expect(try store.rulings(path: nil).last?.reviewer == "王五")
        // A ruling on a report never registered is refused.
        #expect(throws: StoreError.unknownReport("c.txt")) { try store.rule(ruling("c.txt", "X", .confirmed)) }

        try store.move(from: "a.txt", to: "moved/a.txt", at: Date())
        #expect(try store.rulings(path: "moved/a.txt").count == 1)
        #expect(try store.rulingHistory(path: "a.txt").isEmpty)
    }

    @Test("two connections at once: no write lost, none doubled, the history complete", arguments: Engine.available)
    func concurrentWriters(_ engine: Engine) async throws {
        let location = try engine.freshLocation()
        let first = try location.open(), second = try location.open()
        try first.register((0..<20).map { Registration(path: "r\($0).txt", contentHash: "h", agency: nil, year: nil, errors: 0, warnings: 0) })
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (k, store) in [first, second].enumerated() {
                group.addTask {
                    for i in 0..<20 { try store.decide(path: "r\(i).txt", k == 0 ? .approved : .needsCorrection, reviewer: "w\(k)") }
                }
            }
            try await group.waitForAll()
        }
        for i in 0..<20 { #expect(try first.history(path: "r\(i).txt").count == 2) }
        #expect(try first.history(path: nil).count == 40)
        #expect(try first.all().count == 20)
    }

    @Test("a change is noticed by an observer, without asking", arguments: Engine.available)
    func observe(_ engine: Engine) throws {
        let location = try engine.freshLocation()
        let store = try location.open()
        try store.register(path: "a.txt", contentHash: "h", agency: nil, year: nil, errors: 0, warnings: 0)
        let other = try location.open()
        let seen = Counter()
        let observation = other.observe { seen.add() }
        defer { observation.stop() }
        Thread.sleep(forTimeInterval: 0.6)
        let before = seen.value
        try store.decide(path: "a.txt", .approved, reviewer: "li")
        let deadline = Date().addingTimeInterval(3)
        while seen.value == before, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(seen.value > before)
    }

    @Test("an unknown report is an error, not a crash", arguments: Engine.available)
    func unknown(_ engine: Engine) throws {
        let store = try engine.freshStore()
        #expect(throws: StoreError.self) { try store.decide(path: "nope.txt", .approved, reviewer: nil) }
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}

@Suite("Review store: opening, migrating, refusing")
struct StoreOpeningTests {
    @Test("a database made by the release before (schema v1) opens and keeps every decision and note")
    func migratesV1() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-v1-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("reviews.sqlite").path
        // The v1 schema and data, as the previous release wrote them.
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: """
                CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                INSERT INTO grdb_migrations VALUES ('v1: reviews and decision history');
                CREATE TABLE review (path TEXT PRIMARY KEY NOT NULL, contentHash TEXT NOT NULL, reviewedHash TEXT,
                    status TEXT NOT NULL DEFAULT 'unreviewed', note TEXT NOT NULL DEFAULT '', reviewer TEXT, reviewedAt DATETIME,
                    updatedAt DATETIME NOT NULL, agency TEXT, year INTEGER, errors INTEGER NOT NULL DEFAULT 0, warnings INTEGER NOT NULL DEFAULT 0);
                CREATE TABLE decision (id INTEGER PRIMARY KEY AUTOINCREMENT, path TEXT NOT NULL REFERENCES review(path) ON DELETE CASCADE,
                    status TEXT NOT NULL, previousStatus TEXT NOT NULL, reviewer TEXT, decidedAt DATETIME NOT NULL,
                    isUndo BOOLEAN NOT NULL DEFAULT 0);
                INSERT INTO review VALUES ('a.txt', 'h', 'h', 'needsCorrection', '表三为空', 'li', '2024-03-01 10:00:00.000',
                    '2024-03-01 10:00:00.000', '张营乡', 2023, 9, 18);
                INSERT INTO decision (path, status, previousStatus, reviewer, decidedAt) VALUES
                    ('a.txt', 'needsCorrection', 'unreviewed', 'li', '2024-03-01 10:00:00.000');
                """)
        }
        try queue.close()
        let store = try SQLiteReviewStore(path: path)
        let record = try #require(try store.record(path: "a.txt"))
        #expect(record.status == .needsCorrection)
        #expect(record.note == "表三为空")
        #expect(record.reviewer == "li")
        #expect(try store.history(path: "a.txt").count == 1)
        // And it is a v2 database now: versions work.
        guard case .saved(let next) = try store.decide(path: "a.txt", .approved, reviewer: "wang", expecting: record.version, isUndo: false, at: Date())
        else { Issue.record("refused"); return }
        #expect(next.version == record.version + 1)
    }

    @Test("a SQLite file with other tables is refused and left as it was")
    func refusesOtherDatabase() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-other-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("other.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "CREATE TABLE invoices (id INTEGER PRIMARY KEY)") }
        try queue.close()
        #expect(throws: StoreError.self) { _ = try SQLiteReviewStore(path: path) }
        let tables = try DatabaseQueue(path: path).read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
        #expect(tables == ["invoices"])
    }

    @Test("read-only: a read-only file is read; a missing file is a message")
    func readOnly() throws {
        let location = try Engine.sqlite.freshLocation()
        guard case .sqlite(let path) = location else { return }
        let store = try location.open()
        try store.register(path: "a.txt", contentHash: "h", agency: nil, year: nil, errors: 0, warnings: 0)
        chmod(path, 0o444)
        let folder = (path as NSString).deletingLastPathComponent
        chmod(folder, 0o555)
        defer { chmod(folder, 0o755); chmod(path, 0o644) }
        let readOnly = try SQLiteReviewStore(path: path, readOnly: true)
        #expect(try readOnly.all().count == 1)
        #expect(throws: StoreError.badLocation("no review database at /no/such.sqlite")) { _ = try SQLiteReviewStore(path: "/no/such.sqlite", readOnly: true) }
    }

    @Test("database URLs: postgresql:// and postgres://, the PG variables for postgresql:, bad ones refused in words", arguments: [
        ("postgresql://li@db.example:6543/reviews", "postgresql://li@db.example:6543/reviews"),
        ("postgres://li:secret@127.0.0.1/reviews", "postgresql://li@127.0.0.1:5433/reviews"),  // the port from PGPORT
        ("postgresql:", "postgresql://wang@pg.internal:5433/team"),
    ])
    func urls(_ text: String, _ shown: String) throws {
        let env = ["PGHOST": "pg.internal", "PGPORT": "5433", "PGUSER": "wang", "PGDATABASE": "team", "USER": "root"]
        #expect(try DatabaseLocation.parse(text, environment: env).display == shown)
        #expect(try DatabaseLocation.parse("reviews.sqlite", environment: env) == .sqlite(path: "reviews.sqlite"))
        for bad in ["postgresql://li@host:notaport/db", "postgresql:/nohost", "postgresql://h/db?sslmode=maybe"] {
            #expect(throws: StoreError.self) { _ = try DatabaseLocation.parse(bad, environment: env) }
        }
    }

    @Test("a refused connection is a one-line message, at once")
    func refused() throws {
        let started = Date()
        do {
            _ = try DatabaseLocation.parse("postgresql://nobody@127.0.0.1:1/none").open()
            Issue.record("connected to port 1")
        } catch {
            #expect(error.description.contains("connection refused"), "\(error)")
            #expect(!error.description.contains("\n"))
        }
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test("a missing PostgreSQL database is named in the message", .enabled(if: Engine.postgresURL != nil, "no PostgreSQL server (NIANBAO_TEST_POSTGRES)"))
    func missingDatabase() throws {
        guard case .postgres(var address) = try DatabaseLocation.parse(Engine.postgresURL!) else { return }
        address.database = "nianbao_no_such_database"
        do {
            _ = try DatabaseLocation.postgres(address).open()
            Issue.record("opened a missing database")
        } catch {
            #expect(error.description.contains("nianbao_no_such_database does not exist"), "\(error)")
        }
    }

    @Test("a PostgreSQL database holding other tables is refused and left as it was",
          .enabled(if: Engine.postgresURL != nil, "no PostgreSQL server (NIANBAO_TEST_POSTGRES)"))
    func refusesOtherPostgres() throws {
        let location = try Engine.postgres.freshLocation()
        guard case .postgres(let address) = location else { return }
        try PostgresAdmin.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)", on: address)
        #expect(throws: StoreError.self) { _ = try location.open() }
        #expect(try PostgresAdmin.tables(on: address) == ["invoices"])
    }

    @Test("a reviewer's role with the rights README gives (rows only, no CREATE) reviews a database its owner migrated",
          .enabled(if: Engine.postgresURL != nil, "no PostgreSQL server (NIANBAO_TEST_POSTGRES)"))
    func reviewerRights() throws {
        let location = try Engine.postgres.freshLocation()
        guard case .postgres(let owner) = location else { return }
        _ = try location.open()  // what `nianbao db migrate` does, as the owner
        let role = "reviewer_" + UUID().uuidString.prefix(8).lowercased()
        try PostgresAdmin.execute("CREATE ROLE \(role) LOGIN", on: owner)
        try PostgresAdmin.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO \(role)", on: owner)
        try PostgresAdmin.execute("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO \(role)", on: owner)
        var reviewer = owner
        reviewer.user = role
        let store = try DatabaseLocation.postgres(reviewer).open()
        try store.register(path: "a.txt", contentHash: "h", agency: "张营乡", year: 2023, errors: 0, warnings: 0)
        try store.decide(path: "a.txt", .needsCorrection, reviewer: "李四")
        try store.setNote(path: "a.txt", "表二缺行", reviewer: "李四")
        #expect(try store.record(path: "a.txt")?.status == .needsCorrection)
        #expect(try store.history(path: "a.txt").count == 2)
        // It may not create tables: a database without the schema is an error in words, not a crash.
        let bare = try Engine.postgres.freshLocation()
        guard case .postgres(var bareAddress) = bare else { return }
        bareAddress.user = role
        #expect(throws: StoreError.self) { _ = try DatabaseLocation.postgres(bareAddress).open() }
    }
}
