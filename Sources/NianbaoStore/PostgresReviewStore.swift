import Foundation
import Logging
import NIOSSL
import PostgresNIO

/// The review database of a team: a PostgreSQL server that every reviewer's nianbao
/// connects to. The same schema and named migrations as SQLite; writes are transactions
/// that lock the row they change, so eight reviewers deciding at once lose nothing; each
/// commit notifies (`NOTIFY nianbao_review`) and every screen listening re-reads what changed.
///
/// postgres-nio is asynchronous; the store's calls are not (the screen and the commands are
/// plain threads), so each call runs its queries on a task and waits for them, one call at
/// a time on one connection, reconnecting when the connection was lost.
public final class PostgresReviewStore: ReviewStore, @unchecked Sendable {
    public let address: DatabaseLocation.PostgresAddress
    public var location: String { address.display }
    static let channel = "nianbao_review"
    /// Connecting gives up after this; a statement after `statementTimeout`.
    public static let connectTimeout: TimeAmount = .seconds(5)
    static let statementTimeout = "15s"

    private let lock = NSLock()
    private var connection: PostgresConnection?
    private let logger: Logger = {
        var logger = Logger(label: "nianbao.postgres")
        logger.logLevel = .critical
        return logger
    }()

    /// Connects (a bad address, a refused connection, a missing database or a wrong
    /// password is a one-line error within `connectTimeout`), refuses a database that holds
    /// other tables than nianbao's, and brings the schema up to date when `migrate`.
    public init(_ address: DatabaseLocation.PostgresAddress, migrate: Bool = true) throws(StoreError) {
        self.address = address
        try run { connection in
            try await PostgresSchema.check(connection, logger: self.logger, location: address.display, migrating: migrate)
            if migrate { try await PostgresSchema.migrate(connection, logger: self.logger) }
        }
    }

    deinit {
        let connection = self.connection
        Task(executorPreference: StoreExecutor.shared) { try? await connection?.close() }
    }

    static func configuration(_ address: DatabaseLocation.PostgresAddress) throws(StoreError) -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        switch address.sslMode {
        case "disable": tls = .disable
        default:
            do {
                let context = try NIOSSLContext(configuration: .makeClientConfiguration())
                tls = address.sslMode == "require" ? .require(context) : .prefer(context)
            } catch {
                throw .failed("cannot set up TLS for \(address.display): \(error)")
            }
        }
        var configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password, database: address.database,
            tls: tls)
        configuration.options.connectTimeout = connectTimeout
        return configuration
    }

    /// Opens a connection, the session's statement timeout set.
    static func connect(_ address: DatabaseLocation.PostgresAddress, logger: Logger) async throws -> PostgresConnection {
        let connection = try await PostgresConnection.connect(configuration: try configuration(address), id: 1, logger: logger)
        try await connection.query("SET statement_timeout = '\(unescaped: statementTimeout)'", logger: logger)
        return connection
    }

    /// Runs `body` on the store's connection (one call at a time), waiting for it.
    private func run<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) throws(StoreError) -> T {
        lock.lock()
        defer { lock.unlock() }
        let existing = connection
        let address = self.address, logger = self.logger
        // The connection kept for next time (a lost one is closed and opened afresh; a failed
        // query leaves it usable), and what the body gave.
        let outcome: Result<(Result<T, any Error>, PostgresConnection?), any Error> = Blocking.wait {
            let connection: PostgresConnection
            if let existing, !existing.isClosed { connection = existing } else { connection = try await Self.connect(address, logger: logger) }
            do {
                return (.success(try await body(connection)), connection)
            } catch {
                if Self.storeError(error, address: address).isTransient {
                    try? await connection.close()
                    return (.failure(error), nil)
                }
                return (.failure(error), connection)
            }
        }
        switch outcome {
        case .success(let (result, kept)):
            connection = kept
            switch result {
            case .success(let value): return value
            case .failure(let error): throw Self.storeError(error, address: address)
            }
        case .failure(let error):
            connection = nil
            throw Self.storeError(error, address: address)
        }
    }

    /// Runs `body` in a transaction that notifies the listeners when it commits.
    private func transaction<T: Sendable>(
        notify: Bool = true, _ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> T
    ) throws(StoreError) -> T {
        let logger = self.logger
        return try run { connection in
            try await connection.query("BEGIN", logger: logger)
            do {
                let value = try await body(connection, logger)
                if notify { try await connection.query("SELECT pg_notify(\(Self.channel), '')", logger: logger) }
                try await connection.query("COMMIT", logger: logger)
                return value
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    static func storeError(_ error: any Error, address: DatabaseLocation.PostgresAddress) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? PSQLError {
            let state = error.serverInfo?[.sqlState] ?? ""
            let message = error.serverInfo?[.message] ?? ""
            switch (error.code, state) {
            case (.server, "3D000"): return .badLocation("the database \(address.database) does not exist on \(address.host):\(address.port) (create it: createdb \(address.database))")
            case (.server, "28P01"), (.server, "28000"): return .badLocation("\(address.display): the server refused user \(address.user) (\(message))")
            case (.server, "40001"), (.server, "40P01"), (.server, "55P03"), (.server, "57014"): return .busy(message)
            case (.server, let s) where s.hasPrefix("08") || s.hasPrefix("57P"): return .unreachable("\(address.display): \(message)")
            case (.server, _): return .failed("\(address.display): \(message)")
            case (.connectionError, _), (.serverClosedConnection, _), (.uncleanShutdown, _), (.clientClosedConnection, _):
                let why = error.underlying.map { "\($0)" } ?? "the connection was lost"
                return .unreachable("cannot reach the PostgreSQL server \(address.host):\(address.port) (\(Self.plain(why)))")
            default: return .failed("\(address.display): \(error.code)")
            }
        }
        return .unreachable("cannot reach the PostgreSQL server \(address.host):\(address.port) (\(Self.plain("\(error)")))")
    }

    /// A library's error text in a few words ("connection refused", "timed out").
    static func plain(_ text: String) -> String {
        let lower = text.lowercased()
        if lower.contains("refused") { return "connection refused" }
        if lower.contains("timeout") || lower.contains("timed out") { return "no answer within \(connectTimeout.nanoseconds / 1_000_000_000) s" }
        if lower.contains("resolve") || lower.contains("nodename") || lower.contains("unknown host") { return "unknown host" }
        return text.count > 120 ? String(text.prefix(120)) + "…" : text
    }

    // MARK: the store

    public func register(_ batch: [Registration], at date: Date) throws(StoreError) -> [String: ReviewRecord] {
        guard !batch.isEmpty else { return [:] }
        return try transaction { connection, logger in
            let revision = try await PostgresSchema.nextRevision(connection, logger: logger)
            var out: [String: ReviewRecord] = [:]
            for r in batch {
                let rows = try await connection.query("""
                    INSERT INTO review (path, "contentHash", status, note, "updatedAt", agency, year, errors, warnings, revision)
                    VALUES (\(r.path), \(r.contentHash), 'unreviewed', '', \(date), \(r.agency), \(r.year), \(r.errors), \(r.warnings), \(revision))
                    ON CONFLICT (path) DO UPDATE SET "contentHash" = excluded."contentHash", agency = excluded.agency,
                        year = excluded.year, errors = excluded.errors, warnings = excluded.warnings, missing = false,
                        revision = CASE WHEN review."contentHash" IS DISTINCT FROM excluded."contentHash" OR review.missing
                            OR review.errors IS DISTINCT FROM excluded.errors OR review.warnings IS DISTINCT FROM excluded.warnings
                            THEN excluded.revision ELSE review.revision END
                    RETURNING *
                    """, logger: logger)
                for try await row in rows { let record = try PostgresSchema.record(row); out[record.path] = record }
            }
            return out
        }
    }

    public func decide(
        path: String, _ status: ReviewStatus, reviewer: String?, expecting version: Int?, isUndo: Bool, at date: Date
    ) throws(StoreError) -> WriteOutcome {
        try transaction { connection, logger in
            guard var record = try await PostgresSchema.lockedRecord(connection, path: path, logger: logger) else {
                throw StoreError.unknownReport(path)
            }
            if let version, record.version != version { return .conflict(record) }
            try await connection.query("""
                INSERT INTO decision (path, status, "previousStatus", reviewer, "decidedAt", "isUndo", kind)
                VALUES (\(path), \(status.rawValue), \(record.status.rawValue), \(reviewer), \(date), \(isUndo), 'decision')
                """, logger: logger)
            record.apply(decision: status, by: reviewer, at: date)
            record.revision = try await PostgresSchema.nextRevision(connection, logger: logger)
            try await connection.query("""
                UPDATE review SET status = \(record.status.rawValue), reviewer = \(record.reviewer), "reviewedAt" = \(record.reviewedAt),
                    "reviewedHash" = \(record.reviewedHash), "updatedAt" = \(date), version = \(record.version), revision = \(record.revision)
                WHERE path = \(path)
                """, logger: logger)
            return .saved(record)
        }
    }

    public func setNote(path: String, _ note: String, reviewer: String?, expecting version: Int?, at date: Date) throws(StoreError) -> WriteOutcome {
        try transaction { connection, logger in
            guard var record = try await PostgresSchema.lockedRecord(connection, path: path, logger: logger) else {
                throw StoreError.unknownReport(path)
            }
            if let version, record.version != version { return .conflict(record) }
            try await connection.query("""
                INSERT INTO decision (path, status, "previousStatus", reviewer, "decidedAt", "isUndo", kind, note)
                VALUES (\(path), \(record.status.rawValue), \(record.status.rawValue), \(reviewer), \(date), false, 'note', \(note))
                """, logger: logger)
            record.apply(note: note, by: reviewer, at: date)
            record.revision = try await PostgresSchema.nextRevision(connection, logger: logger)
            try await connection.query("""
                UPDATE review SET note = \(note), "noteBy" = \(reviewer), "noteAt" = \(date), "updatedAt" = \(date),
                    version = \(record.version), revision = \(record.revision)
                WHERE path = \(path)
                """, logger: logger)
            return .saved(record)
        }
    }

    public func record(path: String) throws(StoreError) -> ReviewRecord? {
        let logger = self.logger
        return try run { connection in
            let rows = try await connection.query("SELECT * FROM review WHERE path = \(path)", logger: logger)
            for try await row in rows { return try PostgresSchema.record(row) }
            return nil
        }
    }

    public func all() throws(StoreError) -> [ReviewRecord] {
        let logger = self.logger
        return try run { connection in
            var out: [ReviewRecord] = []
            for try await row in try await connection.query("SELECT * FROM review ORDER BY path", logger: logger) {
                out.append(try PostgresSchema.record(row))
            }
            return out
        }
    }

    public func history(path: String?) throws(StoreError) -> [DecisionRecord] {
        try appended("decision", path: path, PostgresSchema.decision)
    }

    /// Every row of an append-only table (decisions, rulings), of one report or of all, oldest first.
    private func appended<T: Sendable>(
        _ table: String, path: String?, _ decode: @escaping @Sendable (PostgresRow) throws -> T
    ) throws(StoreError) -> [T] {
        let logger = self.logger
        return try run { connection in
            var binds = PostgresBindings()
            if let path { binds.append(path) }
            let filter = path == nil ? "" : " WHERE path = $1"
            let rows = try await connection.query(PostgresQuery(unsafeSQL: "SELECT * FROM \(table)\(filter) ORDER BY id", binds: binds), logger: logger)
            var out: [T] = []
            for try await row in rows { out.append(try decode(row)) }
            return out
        }
    }

    public func changes(since revision: Int) throws(StoreError) -> (records: [ReviewRecord], revision: Int) {
        let logger = self.logger
        return try run { connection in
            var out: [ReviewRecord] = []
            for try await row in try await connection.query("SELECT * FROM review WHERE revision > \(revision) ORDER BY revision", logger: logger) {
                out.append(try PostgresSchema.record(row))
            }
            return (out, out.last?.revision ?? revision)
        }
    }

    public func setMissing(_ paths: [String], _ missing: Bool, at date: Date) throws(StoreError) {
        guard !paths.isEmpty else { return }
        try transaction { connection, logger in
            let revision = try await PostgresSchema.nextRevision(connection, logger: logger)
            try await connection.query("""
                UPDATE review SET missing = \(missing), revision = \(revision), "updatedAt" = \(date)
                WHERE path = ANY(\(paths)) AND missing IS DISTINCT FROM \(missing)
                """, logger: logger)
        }
    }

    public func move(from: String, to: String, at date: Date) throws(StoreError) {
        try transaction { connection, logger in
            guard try await PostgresSchema.lockedRecord(connection, path: from, logger: logger) != nil else { throw StoreError.unknownReport(from) }
            guard try await PostgresSchema.lockedRecord(connection, path: to, logger: logger) == nil else { return }
            let revision = try await PostgresSchema.nextRevision(connection, logger: logger)
            try await connection.query("""
                INSERT INTO review (path, "contentHash", "reviewedHash", status, note, reviewer, "reviewedAt", "updatedAt", agency, year,
                    errors, warnings, version, revision, missing, "noteBy", "noteAt")
                SELECT \(to), "contentHash", "reviewedHash", status, note, reviewer, "reviewedAt", \(date), agency, year, errors, warnings,
                    version, \(revision), false, "noteBy", "noteAt" FROM review WHERE path = \(from)
                """, logger: logger)
            try await connection.query("UPDATE decision SET path = \(to) WHERE path = \(from)", logger: logger)
            try await connection.query("UPDATE ruling SET path = \(to) WHERE path = \(from)", logger: logger)
            try await connection.query("DELETE FROM review WHERE path = \(from)", logger: logger)
        }
    }

    public func rule(_ ruling: FindingRuling) throws(StoreError) -> FindingRuling {
        try transaction { connection, logger in
            guard try await PostgresSchema.lockedRecord(connection, path: ruling.path, logger: logger) != nil else {
                throw StoreError.unknownReport(ruling.path)
            }
            var stored = ruling
            let rows = try await connection.query("""
                INSERT INTO ruling (path, finding, rule, message, verdict, reason, reviewer, "ruledAt")
                VALUES (\(ruling.path), \(ruling.finding), \(ruling.rule), \(ruling.message), \(ruling.verdict.rawValue), \(ruling.reason),
                    \(ruling.reviewer), \(ruling.ruledAt))
                RETURNING id
                """, logger: logger)
            for try await (id,) in rows.decode((Int.self)) { stored.id = Int64(id) }
            let revision = try await PostgresSchema.nextRevision(connection, logger: logger)
            try await connection.query("UPDATE review SET revision = \(revision) WHERE path = \(ruling.path)", logger: logger)
            return stored
        }
    }

    public func rulings(path: String?) throws(StoreError) -> [FindingRuling] {
        let logger = self.logger
        return try run { connection in
            let rows = if let path {
                try await connection.query("""
                    SELECT DISTINCT ON (finding) * FROM ruling WHERE path = \(path) ORDER BY finding, id DESC
                    """, logger: logger)
            } else {
                try await connection.query("SELECT DISTINCT ON (path, finding) * FROM ruling ORDER BY path, finding, id DESC", logger: logger)
            }
            var out: [FindingRuling] = []
            for try await row in rows { out.append(try PostgresSchema.ruling(row)) }
            return out.filter { $0.verdict != .open }.sorted { ($0.path, $0.id ?? 0) < ($1.path, $1.id ?? 0) }
        }
    }

    public func rulingHistory(path: String?) throws(StoreError) -> [FindingRuling] {
        try appended("ruling", path: path, PostgresSchema.ruling)
    }

    public func observe(_ changed: @escaping @Sendable () -> Void) -> StoreObservation {
        NotificationListener(address: address, logger: logger, changed: changed)
    }
}

/// LISTEN on a connection of its own, reconnecting after a second when it is lost.
final class NotificationListener: StoreObservation, @unchecked Sendable {
    private let task: Task<Void, Never>

    init(address: DatabaseLocation.PostgresAddress, logger: Logger, changed: @escaping @Sendable () -> Void) {
        task = Task(executorPreference: StoreExecutor.shared) {
            while !Task.isCancelled {
                do {
                    let connection = try await PostgresReviewStore.connect(address, logger: logger)
                    defer { Task(executorPreference: StoreExecutor.shared) { try? await connection.close() } }
                    try await connection.listen(on: PostgresReviewStore.channel) { notifications in
                        // Changes made while not listening are read on (re)connecting.
                        changed()
                        for try await _ in notifications { changed() }
                    }
                } catch {
                    try? await Task.sleep(nanoseconds: 1_000_000_000)
                }
            }
        }
    }

    func stop() { task.cancel() }
}

/// Waits on a plain thread for async work. The work runs on a thread of its own
/// (`StoreExecutor`), not on Swift's shared pool of threads: a caller that blocks one of
/// those (a test, a dispatch queue) cannot starve the work it waits for.
enum Blocking {
    final class Box<T>: @unchecked Sendable { var value: Result<T, any Error>? }

    static func wait<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) -> Result<T, any Error> {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        Task(executorPreference: StoreExecutor.shared) {
            do { box.value = .success(try await body()) } catch { box.value = .failure(error) }
            done.signal()
        }
        done.wait()
        return box.value!
    }
}

/// One thread that runs the PostgreSQL work of every store and listener, one job at a time.
final class StoreExecutor: TaskExecutor, @unchecked Sendable {
    static let shared = StoreExecutor()

    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    private init() {
        let thread = Thread { [self] in run() }
        thread.name = "nianbao.postgres"
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
