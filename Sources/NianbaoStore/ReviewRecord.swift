import Foundation
import GRDB

/// One report under review: its decision, note and what nianbao found in it when it was
/// last read. Keyed by the report's path relative to the folder under review, so the
/// folder can move without losing its reviews.
public struct ReviewRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "review"

    public var path: String
    /// The content hash of the file as last read.
    public var contentHash: String
    /// The content hash of the file when the last decision was made; nil before any.
    public var reviewedHash: String?
    public var status: ReviewStatus
    public var note: String
    public var reviewer: String?
    public var reviewedAt: Date?
    public var updatedAt: Date
    public var agency: String?
    public var year: Int?
    public var errors: Int
    public var warnings: Int

    public init(
        path: String, contentHash: String, reviewedHash: String?, status: ReviewStatus, note: String, reviewer: String?,
        reviewedAt: Date?, updatedAt: Date, agency: String?, year: Int?, errors: Int, warnings: Int
    ) {
        self.path = path
        self.contentHash = contentHash
        self.reviewedHash = reviewedHash
        self.status = status
        self.note = note
        self.reviewer = reviewer
        self.reviewedAt = reviewedAt
        self.updatedAt = updatedAt
        self.agency = agency
        self.year = year
        self.errors = errors
        self.warnings = warnings
    }

    /// True when the file changed after it was reviewed: the decision may no longer hold.
    public var changedSinceReview: Bool {
        guard let reviewedHash, status != .unreviewed else { return false }
        return reviewedHash != contentHash
    }
}

/// One decision in the append-only history of a report.
public struct DecisionRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "decision"

    public var id: Int64?
    public var path: String
    public var status: ReviewStatus
    public var previousStatus: ReviewStatus
    public var reviewer: String?
    public var decidedAt: Date
    /// True for the entry an undo wrote (it restores `status` from the entry it undid).
    public var isUndo: Bool

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
