import Foundation
import GRDB
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The review database of one office: a SQLite file (WAL, `synchronous = FULL`) that several
/// nianbao processes may share. A busy file is waited for a moment, then reported as busy
/// (the screen keeps the write pending and tries again); a committed change survives a kill
/// or a power cut. Other processes' changes are noticed by watching `PRAGMA data_version`.
public final class SQLiteReviewStore: ReviewStore, Sendable {
    /// Reads: the writing connections' pool, or a read-only one while another process held
    /// the write lock when the file was opened.
    private let reads: DatabasePool
    /// Writes: opened with the file, or on the first write once the lock was let go.
    private let writes: Mutex<DatabasePool?>
    private let configuration: Configuration
    private let readOnly: Bool
    public let path: String
    public var location: String { path }

    /// How long a write waits for another process's lock before it is reported busy.
    public static let defaultBusyTimeout: TimeInterval = 2

    /// Opens the database at `path`, creating it (and its folder) and bringing its schema up
    /// to date; read-only, it must exist, be a nianbao review database, and be up to date.
    /// A database already up to date opens even while another process holds its write lock:
    /// it is read at once, and written once the lock is let go (until then writes are busy).
    public init(path: String, readOnly: Bool = false, busyTimeout: TimeInterval = defaultBusyTimeout) throws(StoreError) {
        self.path = path
        self.readOnly = readOnly
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.readonly = readOnly
        self.configuration = configuration
        do {
            if readOnly {
                guard FileManager.default.fileExists(atPath: path) else { throw StoreError.badLocation("no review database at \(path)") }
            } else {
                let folder = (path as NSString).deletingLastPathComponent
                if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            }
            if readOnly {
                reads = try DatabasePool(path: path, configuration: configuration)
                writes = Mutex(nil)
                try Self.checkIsReviewDatabase(reads, path: path)
                let applied = try reads.read { db in try Migrations.migrator.appliedIdentifiers(db) }
                if !applied.isSuperset(of: Migrations.all) {
                    throw StoreError.notReviewDatabase("\(path) is a review database of an older nianbao: run `nianbao db migrate --db \(path)` first")
                }
            } else {
                // Processes opening one file take turns, so that two creating or upgrading it at
                // once do not both run the migrations (or time out on each other's WAL set-up).
                let (pool, writer) = try Self.takingTurns(path) { () throws -> (DatabasePool, DatabasePool?) in
                    var writer: DatabasePool?
                    let pool: DatabasePool
                    do {
                        writer = try Self.openForWriting(path, configuration)
                        pool = writer!
                    } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && FileManager.default.fileExists(atPath: path) {
                        // Another process holds the write lock (opening for writing makes sure of
                        // the WAL file, which needs it): read now, write once it is let go.
                        var readOnly = configuration
                        readOnly.readonly = true
                        pool = try DatabasePool(path: path, configuration: readOnly)
                    }
                    try Self.checkIsReviewDatabase(pool, path: path)
                    // Reading what is applied needs no lock.
                    let applied = try pool.read { db in try Migrations.migrator.appliedIdentifiers(db) }
                    if !applied.isSuperset(of: Migrations.all) {
                        guard let writer else {
                            throw StoreError.busy("another process is writing to \(path), and its schema must be brought up to date")
                        }
                        try Migrations.migrator.migrate(writer)
                    }
                    return (pool, writer)
                }
                reads = pool
                writes = Mutex(writer)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    /// Processes opening one file for writing take turns (an advisory lock on a file beside it):
    /// GRDB's migrator reads what is applied before it takes the write lock, so two screens
    /// opening a new folder at once would both create the tables.
    private static func takingTurns<T>(_ path: String, _ body: () throws -> T) throws -> T {
        let descriptor = open(path + ".lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return try body() }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0, errno == EINTR {}
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }

    /// The writing pool, with every commit synced (GRDB's WAL set-up leaves `synchronous = NORMAL`,
    /// which may lose the last commits in a power cut).
    private static func openForWriting(_ path: String, _ configuration: Configuration) throws -> DatabasePool {
        let pool = try DatabasePool(path: path, configuration: configuration)
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        return pool
    }

    /// The pool for writing, opened now if the file was opened while another process held the lock.
    private func writer() throws -> DatabasePool {
        if readOnly { throw StoreError.failed("\(path) was opened read-only") }
        return try writes.withLock { writes in
            if let writes { return writes }
            let pool = try Self.openForWriting(path, configuration)
            writes = pool
            return pool
        }
    }

    /// A file that has tables but not ours is refused, never given a schema.
    static func checkIsReviewDatabase(_ pool: DatabasePool, path: String) throws {
        let tables = try pool.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
        // Ours, GRDB's own, and SQLite's: another nianbao creating the file at the same moment
        // leaves only these, and is not a stranger's database.
        let known: Set<String> = ["review", "decision", "meta", "ruling", "grdb_migrations", "grdb_issue_102", "sqlite_sequence"]
        if !tables.isEmpty, !tables.contains("review"), !Set(tables).isSubset(of: known) {
            throw StoreError.notReviewDatabase("\(path) is not a nianbao review database (it holds other tables); nothing was written to it")
        }
    }

    static func storeError(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy("another process is writing to \(path)")
            case .SQLITE_NOTADB: return .notReviewDatabase("\(path) is not a SQLite database")
            case .SQLITE_READONLY: return .failed("\(path) is read-only")
            case .SQLITE_CANTOPEN: return .badLocation("cannot open \(path)")
            default: return .failed("\(path): \(error.message ?? error.description)")
            }
        }
        return .failed("\(path): \(error)")
    }

    private func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try writer().write(body) } catch { throw Self.storeError(error, path: path) }
    }

    private func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try reads.read(body) } catch { throw Self.storeError(error, path: path) }
    }

    /// The next revision of the database's order of changes.
    private static func nextRevision(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "UPDATE meta SET value = value + 1 WHERE key = 'revision' RETURNING value") ?? 0
    }

    public func register(_ batch: [Registration], at date: Date) throws(StoreError) -> [String: ReviewRecord] {
        guard !batch.isEmpty else { return [:] }
        return try write { db in
            let revision = try Self.nextRevision(db)
            // One prepared upsert per report that hands back the row as it now stands: a folder
            // of 50,000 reports registers in a second or two. A report found again is no longer missing.
            let upsert = try db.cachedStatement(sql: """
                INSERT INTO review (path, contentHash, status, note, updatedAt, agency, year, errors, warnings, revision)
                VALUES (?, ?, 'unreviewed', '', ?, ?, ?, ?, ?, ?)
                ON CONFLICT(path) DO UPDATE SET contentHash = excluded.contentHash, agency = excluded.agency,
                    year = excluded.year, errors = excluded.errors, warnings = excluded.warnings, missing = 0,
                    revision = CASE WHEN review.contentHash IS NOT excluded.contentHash OR review.missing
                        OR review.errors IS NOT excluded.errors OR review.warnings IS NOT excluded.warnings
                        THEN excluded.revision ELSE review.revision END
                RETURNING *
                """)
            var out: [String: ReviewRecord] = [:]
            for r in batch {
                if let record = try ReviewRecord.fetchOne(
                    upsert, arguments: [r.path, r.contentHash, date, r.agency, r.year, r.errors, r.warnings, revision]) {
                    out[record.path] = record
                }
            }
            return out
        }
    }

    public func decide(
        path: String, _ status: ReviewStatus, reviewer: String?, expecting version: Int?, isUndo: Bool, at date: Date
    ) throws(StoreError) -> WriteOutcome {
        try write { db in
            guard var record = try ReviewRecord.fetchOne(db, key: path) else { throw StoreError.unknownReport(path) }
            if let version, record.version != version { return .conflict(record) }
            var decision = DecisionRecord(
                path: path, status: status, previousStatus: record.status, reviewer: reviewer, decidedAt: date, isUndo: isUndo)
            try decision.insert(db)
            record.apply(decision: status, by: reviewer, at: date)
            record.revision = try Self.nextRevision(db)
            try record.update(db)
            return .saved(record)
        }
    }

    public func setNote(path: String, _ note: String, reviewer: String?, expecting version: Int?, at date: Date) throws(StoreError) -> WriteOutcome {
        try write { db in
            guard var record = try ReviewRecord.fetchOne(db, key: path) else { throw StoreError.unknownReport(path) }
            if let version, record.version != version { return .conflict(record) }
            var change = DecisionRecord(
                path: path, status: record.status, previousStatus: record.status, reviewer: reviewer, decidedAt: date, kind: .note,
                note: note)
            try change.insert(db)
            record.apply(note: note, by: reviewer, at: date)
            record.revision = try Self.nextRevision(db)
            try record.update(db)
            return .saved(record)
        }
    }

    public func record(path: String) throws(StoreError) -> ReviewRecord? {
        try read { db in try ReviewRecord.fetchOne(db, key: path) }
    }

    public func all() throws(StoreError) -> [ReviewRecord] {
        try read { db in try ReviewRecord.order(Column("path")).fetchAll(db) }
    }

    public func history(path: String?) throws(StoreError) -> [DecisionRecord] {
        try read { db in
            var request = DecisionRecord.order(Column("id"))
            if let path { request = request.filter(Column("path") == path) }
            return try request.fetchAll(db)
        }
    }

    public func changes(since revision: Int) throws(StoreError) -> (records: [ReviewRecord], revision: Int) {
        try read { db in
            let records = try ReviewRecord.filter(Column("revision") > revision).order(Column("revision")).fetchAll(db)
            return (records, records.last?.revision ?? revision)
        }
    }

    public func setMissing(_ paths: [String], _ missing: Bool, at date: Date) throws(StoreError) {
        guard !paths.isEmpty else { return }
        try write { db in
            let revision = try Self.nextRevision(db)
            let statement = try db.cachedStatement(sql: "UPDATE review SET missing = ?, revision = ?, updatedAt = ? WHERE path = ? AND missing != ?")
            for path in paths { try statement.execute(arguments: [missing, revision, date, path, missing]) }
        }
    }

    public func move(from: String, to: String, at date: Date) throws(StoreError) {
        try write { db in
            guard var record = try ReviewRecord.fetchOne(db, key: from) else { throw StoreError.unknownReport(from) }
            guard try ReviewRecord.fetchOne(db, key: to) == nil else { return }
            record.path = to
            record.missing = false
            record.updatedAt = date
            record.revision = try Self.nextRevision(db)
            try record.insert(db)
            try db.execute(sql: "UPDATE decision SET path = ? WHERE path = ?", arguments: [to, from])
            try db.execute(sql: "UPDATE ruling SET path = ? WHERE path = ?", arguments: [to, from])
            try db.execute(sql: "DELETE FROM review WHERE path = ?", arguments: [from])
        }
    }

    public func rule(_ ruling: FindingRuling) throws(StoreError) -> FindingRuling {
        try write { db in
            guard try ReviewRecord.fetchOne(db, key: ruling.path) != nil else { throw StoreError.unknownReport(ruling.path) }
            var stored = ruling
            try stored.insert(db)
            try db.execute(sql: "UPDATE review SET revision = ? WHERE path = ?", arguments: [try Self.nextRevision(db), ruling.path])
            return stored
        }
    }

    public func rulings(path: String?) throws(StoreError) -> [FindingRuling] {
        try read { db in
            let latest = path == nil
                ? "SELECT MAX(id) FROM ruling GROUP BY path, finding"
                : "SELECT MAX(id) FROM ruling WHERE path = :path GROUP BY finding"
            return try FindingRuling.fetchAll(
                db, sql: "SELECT * FROM ruling WHERE id IN (\(latest)) AND verdict != 'open' ORDER BY path, id",
                arguments: path.map { ["path": $0] } ?? [:])
        }
    }

    public func rulingHistory(path: String?) throws(StoreError) -> [FindingRuling] {
        try read { db in
            var request = FindingRuling.order(Column("id"))
            if let path { request = request.filter(Column("path") == path) }
            return try request.fetchAll(db)
        }
    }

    public func observe(_ changed: @escaping @Sendable () -> Void) -> StoreObservation {
        DataVersionWatch(path: path, changed: changed)
    }
}

/// Watches a SQLite file for changes committed by any other connection: `PRAGMA
/// data_version` on a connection of its own, four times a second.
final class DataVersionWatch: StoreObservation, @unchecked Sendable {
    private let lock = NSLock()
    private var running = true

    init(path: String, changed: @escaping @Sendable () -> Void) {
        let thread = Thread { [self] in
            var configuration = Configuration()
            configuration.readonly = true
            guard let queue = try? DatabaseQueue(path: path, configuration: configuration) else { return }
            var last = try? queue.read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") }
            while isRunning {
                Thread.sleep(forTimeInterval: 0.25)
                let now = try? queue.read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") }
                if let now, now != last {
                    last = now
                    changed()
                }
            }
        }
        thread.name = "nianbao.sqlite-watch"
        thread.start()
    }

    private var isRunning: Bool { lock.withLock { running } }

    func stop() { lock.withLock { running = false } }
}

extension ReviewRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "review"
}

extension FindingRuling: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "ruling"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension DecisionRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "decision"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
