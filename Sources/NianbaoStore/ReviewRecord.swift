import Foundation

/// One report under review: its decision, note and what nianbao found in it when it was
/// last read. Keyed by the report's path relative to the project root (the folder holding
/// `.nianbao/`), so that it is the same record from any subfolder.
public struct ReviewRecord: Codable, Sendable, Equatable {
    public var path: String
    /// The content hash of the file as last read.
    public var contentHash: String
    /// The content hash of the file when the last decision was made; nil before any.
    public var reviewedHash: String?
    public var status: ReviewStatus
    public var note: String
    /// Who made the last decision.
    public var reviewer: String?
    public var reviewedAt: Date?
    public var updatedAt: Date
    public var agency: String?
    public var year: Int?
    public var errors: Int
    public var warnings: Int
    /// Raised by every decision and note: a write made on an older version is refused.
    public var version: Int
    /// Where the record stands in the database's order of changes (for following them live).
    public var revision: Int
    /// The file is no longer on disk.
    public var missing: Bool
    /// Who last changed the note, and when.
    public var noteBy: String?
    public var noteAt: Date?

    public init(
        path: String, contentHash: String, reviewedHash: String?, status: ReviewStatus, note: String, reviewer: String?,
        reviewedAt: Date?, updatedAt: Date, agency: String?, year: Int?, errors: Int, warnings: Int, version: Int = 0,
        revision: Int = 0, missing: Bool = false, noteBy: String? = nil, noteAt: Date? = nil
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
        self.version = version
        self.revision = revision
        self.missing = missing
        self.noteBy = noteBy
        self.noteAt = noteAt
    }

    /// The record after a decision (both engines write it so): a new version, and the file's
    /// hash as decided on, so that a later edit shows as changed since review.
    mutating func apply(decision status: ReviewStatus, by reviewer: String?, at date: Date) {
        self.status = status
        self.reviewer = reviewer
        reviewedAt = status == .unreviewed ? nil : date
        reviewedHash = status == .unreviewed ? nil : contentHash
        updatedAt = date
        version += 1
    }

    /// The record after a change of its note: a new version, and who wrote it when.
    mutating func apply(note: String, by reviewer: String?, at date: Date) {
        self.note = note
        noteBy = reviewer
        noteAt = date
        updatedAt = date
        version += 1
    }

    /// True when the file changed after it was reviewed: the decision may no longer hold.
    public var changedSinceReview: Bool {
        guard let reviewedHash, status != .unreviewed else { return false }
        return reviewedHash != contentHash
    }
}

/// One entry of the append-only history of a report: a decision (or an undo of one), or a
/// change of its note.
public struct DecisionRecord: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable { case decision, note }

    public var id: Int64?
    public var path: String
    public var status: ReviewStatus
    public var previousStatus: ReviewStatus
    public var reviewer: String?
    public var decidedAt: Date
    /// True for the entry an undo wrote (it restores `status` from the entry it undid).
    public var isUndo: Bool
    public var kind: Kind
    /// For a note change: the note as it was set.
    public var note: String?

    public init(
        id: Int64? = nil, path: String, status: ReviewStatus, previousStatus: ReviewStatus, reviewer: String?, decidedAt: Date,
        isUndo: Bool = false, kind: Kind = .decision, note: String? = nil
    ) {
        self.id = id
        self.path = path
        self.status = status
        self.previousStatus = previousStatus
        self.reviewer = reviewer
        self.decidedAt = decidedAt
        self.isUndo = isUndo
        self.kind = kind
        self.note = note
    }
}
