import Foundation

/// The review database as the screen and the commands use it, whichever engine holds it:
/// SQLite for one office (`SQLiteReviewStore`), PostgreSQL for a team (`PostgresReviewStore`).
/// Every change is committed before a call returns; a decision or note made on a version of
/// the record that has changed since is refused with the record as it now stands.
public protocol ReviewStore: AnyObject, Sendable {
    /// Where the database is, as the title bar shows it.
    var location: String { get }

    /// Records what nianbao found in reports when it read them, keeping decisions and notes.
    /// One transaction; the records as they now stand, by path.
    func register(_ batch: [Registration], at date: Date) throws(StoreError) -> [String: ReviewRecord]

    /// Approves a report or marks it as needing correction (or back to unreviewed), and
    /// appends the decision to its history. With `expecting`, refused when the record's
    /// version is no longer that one.
    func decide(path: String, _ status: ReviewStatus, reviewer: String?, expecting version: Int?, isUndo: Bool, at date: Date)
        throws(StoreError) -> WriteOutcome

    /// Replaces the note of a report (the change kept in its history), under the same rule.
    func setNote(path: String, _ note: String, reviewer: String?, expecting version: Int?, at date: Date) throws(StoreError) -> WriteOutcome

    func record(path: String) throws(StoreError) -> ReviewRecord?
    /// Every report, sorted by path.
    func all() throws(StoreError) -> [ReviewRecord]
    /// The history of a report, or of every report (nil), oldest first.
    func history(path: String?) throws(StoreError) -> [DecisionRecord]
    /// The records changed after `revision`, and the revision they bring the reader to.
    func changes(since revision: Int) throws(StoreError) -> (records: [ReviewRecord], revision: Int)
    /// Marks reports whose files are gone from disk as missing (or back).
    func setMissing(_ paths: [String], _ missing: Bool, at date: Date) throws(StoreError)
    /// A file moved: its record and history follow it to `to` (which has none of its own yet).
    func move(from: String, to: String, at date: Date) throws(StoreError)
    /// Records a ruling on a finding (appended to its history; the report's revision moves on,
    /// so that other screens hear of it). The ruling as stored.
    func rule(_ ruling: FindingRuling) throws(StoreError) -> FindingRuling
    /// The rulings that stand (the latest of each finding, not open), of a report or of all.
    func rulings(path: String?) throws(StoreError) -> [FindingRuling]
    /// Every ruling ever made, of a report or of all, oldest first.
    func rulingHistory(path: String?) throws(StoreError) -> [FindingRuling]
    /// Calls `changed` (from another thread) soon after anyone commits a change, until the
    /// returned observation is stopped.
    func observe(_ changed: @escaping @Sendable () -> Void) -> StoreObservation
}

extension ReviewStore {
    @discardableResult
    public func register(_ batch: [Registration]) throws(StoreError) -> [String: ReviewRecord] { try register(batch, at: Date()) }

    @discardableResult
    public func register(
        path: String, contentHash: String, agency: String?, year: Int?, errors: Int, warnings: Int
    ) throws(StoreError) -> ReviewRecord {
        let registration = Registration(path: path, contentHash: contentHash, agency: agency, year: year, errors: errors, warnings: warnings)
        guard let record = try register([registration])[path] else { throw .unknownReport(path) }
        return record
    }

    /// A decision made whatever the record's version (scripts, tests).
    @discardableResult
    public func decide(path: String, _ status: ReviewStatus, reviewer: String?) throws(StoreError) -> ReviewRecord {
        try decide(path: path, status, reviewer: reviewer, expecting: nil, isUndo: false, at: Date()).record
    }

    @discardableResult
    public func setNote(path: String, _ note: String, reviewer: String?) throws(StoreError) -> ReviewRecord {
        try setNote(path: path, note, reviewer: reviewer, expecting: nil, at: Date()).record
    }

    public func history(path: String) throws(StoreError) -> [DecisionRecord] { try history(path: Optional(path)) }
}

/// What nianbao found in one report, for `register(_:)`.
public struct Registration: Sendable, Equatable {
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

/// A write done, or refused because someone else changed the record first.
public enum WriteOutcome: Sendable, Equatable {
    case saved(ReviewRecord)
    /// Refused: the record as it now stands (who changed it, when, to what).
    case conflict(ReviewRecord)

    public var record: ReviewRecord {
        switch self {
        case .saved(let r), .conflict(let r): r
        }
    }
}

/// Following a database's changes; stopped when no longer wanted.
public protocol StoreObservation: AnyObject, Sendable {
    func stop()
}

/// What can go wrong with the database, in a reviewer's words.
public enum StoreError: Error, Equatable, CustomStringConvertible, Sendable {
    case unknownReport(String)
    /// Held by someone else for now: the write can be tried again.
    case busy(String)
    /// The server cannot be reached, or the connection was lost: try again later.
    case unreachable(String)
    /// The database is not a nianbao review database (or is newer than this nianbao).
    case notReviewDatabase(String)
    case badLocation(String)
    case failed(String)

    public var description: String {
        switch self {
        case .unknownReport(let path): "no review record for \(path)"
        case .busy(let what): "the review database is busy (\(what))"
        case .unreachable(let what): what
        case .notReviewDatabase(let what): what
        case .badLocation(let what): what
        case .failed(let what): what
        }
    }

    /// True when trying again later may succeed (the write stays pending, not lost).
    public var isTransient: Bool {
        switch self {
        case .busy, .unreachable: true
        default: false
        }
    }
}
