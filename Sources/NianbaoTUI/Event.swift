import NianbaoCore
import NianbaoStore

/// Everything that can happen to the review screen, through one `update`: a key, a new
/// terminal size, reports read in the background, a save done, or a tick of the clock.
public enum Event: Sendable {
    case key(Key)
    case resize(rows: Int, columns: Int)
    /// Summaries of reports read (or not), with their review records as registered.
    case loaded([LoadedEntry])
    /// The whole report of an entry, read to be shown (nil when it could not be read again).
    case report(index: Int, Report?)
    /// The cross-year findings of the batch, once every report is read.
    case crossYear([Int: [Finding]])
    /// A record as the store now has it (registration), and what to tell the reviewer (nil: nothing).
    case saved(key: String, review: ReviewRecord?, message: String?)
    /// What became of one of the reviewer's writes.
    case written(WriteResult)
    /// Records changed in the database by anyone (other reviewers' decisions and notes).
    case remote([ReviewRecord])
    /// The rulings standing on the findings of reports (at start, and after others ruled).
    case rulings([String: StandingRulings])
    /// A file on disk changed, appeared or went while the screen was open.
    case fileChanged(index: Int)
    case fileAdded(path: String, key: String)
    case fileMissing(index: Int)
    /// A missing file's record went to a file with its content elsewhere (found moved).
    case fileMoved(fromKey: String)
    case tick
}

/// One report read in the background, as the list keeps it.
public struct LoadedEntry: Sendable {
    public let index: Int
    public let digest: ReportDigest
    public let review: ReviewRecord?

    public init(index: Int, digest: ReportDigest, review: ReviewRecord?) {
        self.index = index
        self.digest = digest
        self.review = review
    }
}

/// A report's rulings as read from the store, with the revision its record had when they were
/// read: a snapshot older than what the screen already knows (its own ruling, committed since)
/// is not taken.
public struct StandingRulings: Sendable, Equatable {
    public let revision: Int
    public let rulings: [FindingRuling]

    public init(revision: Int, rulings: [FindingRuling]) {
        self.revision = revision
        self.rulings = rulings
    }
}
