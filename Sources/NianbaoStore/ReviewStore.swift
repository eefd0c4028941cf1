import Foundation
import GRDB

/// The review database: decisions, notes and their history, in SQLite (WAL mode).
///
/// Every call that changes something is one committed transaction before it returns, with
/// `synchronous = FULL`, so a decision shown as saved survives a kill or a power cut.
/// Several nianbao processes may open the same file: SQLite serialises their writes, and a
/// busy database is waited for, not failed.
public final class ReviewStore: Sendable {
    private let pool: DatabasePool
    public let path: String

    /// Opens (creating it and its folder if needed) the database at `path`.
    public init(path: String) throws {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        try Migrations.migrator.migrate(pool)
    }

    /// Records what nianbao found in a report when it read it, keeping any decision and note.
    /// Returns the record as it now stands.
    @discardableResult
    public func register(
        path: String, contentHash: String, agency: String?, year: Int?, errors: Int, warnings: Int, at date: Date = Date()
    ) throws -> ReviewRecord {
        let registration = Registration(path: path, contentHash: contentHash, agency: agency, year: year, errors: errors, warnings: warnings)
        return try register([registration], at: date)[path]!
    }

    /// What nianbao found in one report, for `register(_:)`.
    public struct Registration: Sendable {
        public let path: String, contentHash: String, agency: String?, year: Int?, errors: Int, warnings: Int
        public init(path: String, contentHash: String, agency: String?, year: Int?, errors: Int, warnings: Int) {
            self.path = path
            self.contentHash = contentHash
            self.agency = agency
            self.year = year
            self.errors = errors
            self.warnings = warnings
        }
    }

    /// Registers many reports in one transaction (one disk sync, not one per report).
    /// Returns the records as they now stand, by path.
    public func register(_ batch: [Registration], at date: Date = Date()) throws -> [String: ReviewRecord] {
        try pool.write { db in
            // One prepared upsert per report that hands back the row as it now stands: a folder
            // of 50,000 reports registers in a second or two, not a query pair each.
            let upsert = try db.cachedStatement(sql: """
                INSERT INTO review (path, contentHash, status, note, updatedAt, agency, year, errors, warnings)
                VALUES (?, ?, 'unreviewed', '', ?, ?, ?, ?, ?)
                ON CONFLICT(path) DO UPDATE SET contentHash = excluded.contentHash, agency = excluded.agency,
                    year = excluded.year, errors = excluded.errors, warnings = excluded.warnings
                RETURNING *
                """)
            var out: [String: ReviewRecord] = [:]
            for r in batch {
                if let record = try ReviewRecord.fetchOne(upsert, arguments: [r.path, r.contentHash, date, r.agency, r.year, r.errors, r.warnings]) {
                    out[record.path] = record
                }
            }
            return out
        }
    }

    /// Approves a report or marks it as needing correction (or back to unreviewed), and
    /// appends the decision to its history.
    @discardableResult
    public func decide(path: String, _ status: ReviewStatus, reviewer: String?, at date: Date = Date()) throws -> ReviewRecord {
        try pool.write { db in
            guard var record = try ReviewRecord.fetchOne(db, key: path) else { throw StoreError.unknownReport(path) }
            var decision = DecisionRecord(
                id: nil, path: path, status: status, previousStatus: record.status, reviewer: reviewer, decidedAt: date, isUndo: false)
            try decision.insert(db)
            record.status = status
            record.reviewer = reviewer
            record.reviewedAt = date
            record.reviewedHash = record.contentHash
            record.updatedAt = date
            try record.update(db)
            return record
        }
    }

    /// Undoes the last decision on a report that has not been undone yet: its status goes
    /// back, and the undo itself is appended to the history (nothing is ever deleted).
    /// Returns nil when there is nothing to undo.
    @discardableResult
    public func undo(path: String, reviewer: String?, at date: Date = Date()) throws -> ReviewRecord? {
        try pool.write { db in
            guard var record = try ReviewRecord.fetchOne(db, key: path) else { throw StoreError.unknownReport(path) }
            let history = try DecisionRecord.filter(Column("path") == path).order(Column("id")).fetchAll(db)
            // Walk back over decisions already undone: each undo cancels the decision before it.
            var pending = 0
            var target: DecisionRecord?
            for entry in history.reversed() {
                if entry.isUndo { pending += 1; continue }
                if pending > 0 { pending -= 1; continue }
                target = entry
                break
            }
            guard let target else { return nil }
            var undo = DecisionRecord(
                id: nil, path: path, status: target.previousStatus, previousStatus: record.status, reviewer: reviewer,
                decidedAt: date, isUndo: true)
            try undo.insert(db)
            record.status = target.previousStatus
            record.reviewer = reviewer
            record.reviewedAt = target.previousStatus == .unreviewed ? nil : date
            record.updatedAt = date
            try record.update(db)
            return record
        }
    }

    /// Replaces the note of a report.
    @discardableResult
    public func setNote(path: String, _ note: String, reviewer: String?, at date: Date = Date()) throws -> ReviewRecord {
        try pool.write { db in
            guard var record = try ReviewRecord.fetchOne(db, key: path) else { throw StoreError.unknownReport(path) }
            record.note = note
            record.updatedAt = date
            if record.reviewer == nil { record.reviewer = reviewer }
            try record.update(db)
            return record
        }
    }

    public func record(path: String) throws -> ReviewRecord? {
        try pool.read { db in try ReviewRecord.fetchOne(db, key: path) }
    }

    /// Every report, sorted by path.
    public func all() throws -> [ReviewRecord] {
        try pool.read { db in try ReviewRecord.order(Column("path")).fetchAll(db) }
    }

    /// The decisions on a report, oldest first.
    public func history(path: String) throws -> [DecisionRecord] {
        try pool.read { db in try DecisionRecord.filter(Column("path") == path).order(Column("id")).fetchAll(db) }
    }
}

public enum StoreError: Error, CustomStringConvertible {
    case unknownReport(String)

    public var description: String {
        switch self {
        case .unknownReport(let path): "no review record for \(path)"
        }
    }
}
