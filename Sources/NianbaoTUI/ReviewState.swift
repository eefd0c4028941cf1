import Foundation
import NianbaoCore
import NianbaoStore

/// One report in the list: where it is, the digest of what was read from it, and its review.
public struct ReviewEntry: Sendable {
    /// The file's path, as opened.
    public let path: String
    /// Its path relative to the folder under review: the key of its review record.
    public let key: String
    public var digest: ReportDigest?
    public var review: ReviewRecord?
    /// Findings that compare it with the same body's previous year (known once all are read).
    public var crossYear: [Finding] = []
    /// Body name and path folded (NFKC, lowercase) for `/`, made when the report is read
    /// (not at start, where 50,000 of them would delay the first frame).
    var searchText: String?

    public init(path: String, key: String, review: ReviewRecord? = nil) {
        self.path = path
        self.key = key
        self.review = review
    }

    /// What `/` in the list looks in.
    var searchable: String { searchText ?? Search.fold(key + "\n" + name) }

    /// The file is gone from disk (its record stays, marked missing).
    public var isMissing = false
    /// The file turned up under another path: its record went with it, this entry is not listed.
    public var isMoved = false
    /// A change on disk since the screen opened: re-read, or new.
    public var changedOnDisk: DiskChange?

    public var isLoaded: Bool { digest != nil || isMissing }
    public var failure: String? { digest?.failure }
    public var status: ReviewStatus { review?.status ?? .unreviewed }
    public var name: String { digest?.agency ?? review?.agency ?? key }
    public var year: Int? { digest?.year ?? review?.year }
    /// The findings dismissed by a ruling (their short ids): they no longer count.
    var dismissed: Set<UInt64> = []
    public var errors: Int { count(.error) }
    public var warnings: Int { count(.warning) }

    /// Findings of a severity: the report's own and the cross-year ones, less those dismissed.
    func count(_ severity: Severity) -> Int {
        let own = digest.map { $0.count(severity, dismissing: dismissed) } ?? (severity == .error ? review?.errors : review?.warnings) ?? 0
        return own + crossYear.filter { $0.severity == severity && (dismissed.isEmpty || !dismissed.contains($0.shortID)) }.count
    }
    /// A file that could not be read counts as having an error: its reason is shown as one.
    public var hasErrors: Bool { errors > 0 || failure != nil }
}

/// What happened to a file while the screen was open.
public enum DiskChange: Sendable, Equatable { case changed, added }

/// The panes of the review screen, in Tab order.
public enum Pane: String, Sendable, CaseIterable { case list, tables, findings, raw }

/// Which reports the list shows (`f` cycles them).
public enum ListFilter: Sendable, CaseIterable {
    case all, unreviewed, withErrors, needsCorrection, approved

    public var title: String {
        switch self {
        case .all: "全部"
        case .unreviewed: "未审"
        case .withErrors: "有错误"
        case .needsCorrection: "需修改"
        case .approved: "已通过"
        }
    }

    func admits(_ entry: ReviewEntry) -> Bool {
        switch self {
        case .all: true
        case .unreviewed: entry.status == .unreviewed
        case .withErrors: entry.hasErrors
        case .needsCorrection: entry.status == .needsCorrection
        case .approved: entry.status == .approved
        }
    }
}

/// The order of the list (`s` cycles them).
public enum ListSort: Sendable, CaseIterable {
    case path, errors, bodyAndYear

    public var title: String {
        switch self {
        case .path: "按路径"
        case .errors: "按错误数"
        case .bodyAndYear: "按机关和年度"
        }
    }
}

/// What the screen is doing besides browsing.
public enum Mode: Sendable, Equatable {
    case browse
    /// The keys, scrolled to show from this one.
    case help(first: Int)
    case note(NoteEditor)
    case search(SearchPrompt)
    case dismiss(DismissPrompt)
    /// Someone else changed the record first: keep mine, or take theirs.
    case conflict(Conflict)
    /// Quitting with writes not yet committed.
    case confirmQuit(Int)
}

/// A write refused because the record changed: the reviewer's and what stands now.
public struct Conflict: Sendable, Equatable {
    public let write: PendingWrite
    public let theirs: ReviewRecord
}

/// Counts kept up to date as reports load and decisions are saved, never recounted per frame.
public struct ReviewCounts: Sendable, Equatable {
    public var loaded = 0
    public var approved = 0
    public var needsCorrection = 0
    /// Entries whose file was found moved: not listed, not counted.
    public var moved = 0

    mutating func count(_ status: ReviewStatus, _ delta: Int) {
        switch status {
        case .approved: approved += delta
        case .needsCorrection: needsCorrection += delta
        case .unreviewed: break
        }
    }
}

/// Everything the review screen shows, as a value: `update` changes it, `ReviewRenderer`
/// draws it. No terminal, no database, no files: those are the app's, through `Effect`s.
public struct ReviewState: Sendable {
    public internal(set) var entries: [ReviewEntry]
    /// The list as shown: entry indices, filtered and sorted.
    public internal(set) var list: [Int]
    public internal(set) var filter = ListFilter.all
    public internal(set) var sort = ListSort.path
    /// Position of the selection in `list`.
    public internal(set) var cursor = 0
    public internal(set) var focus = Pane.list
    public internal(set) var zoomed = false
    /// Long raw lines wrapped (`w`) or scrolled sideways.
    public internal(set) var wraps = false
    public internal(set) var mode = Mode.browse
    public internal(set) var listTop = 0
    public internal(set) var tableCursor = 0
    /// The selected value within the selected table row (←/→ in the tables pane).
    public internal(set) var tableColumn = 0
    public internal(set) var tableTop = 0
    public internal(set) var findingCursor = 0
    public internal(set) var findingTop = 0
    /// The first raw line shown (1-based) and, unwrapped, how far it is scrolled right.
    public internal(set) var rawTop = 1
    public internal(set) var rawLeft = 0
    /// The source line highlighted in the raw text, and the characters of the selected cell in it.
    public internal(set) var rawHighlight: Int?
    public internal(set) var cellHighlight: SourceLocation?
    /// The whole report of the selected entry, once read.
    public internal(set) var shown: (index: Int, report: Report, lines: [TableLine])?
    public internal(set) var message: String?
    public internal(set) var counts = ReviewCounts()
    /// The last search and where it was made, for `n`, `N` and an empty `/`.
    public internal(set) var search: SearchResult?
    /// The reviewer's own changes in this session, for `u` and Ctrl-R.
    public internal(set) var history = SessionHistory()
    /// After a decision, the queue moves on once its note (if one is asked for) is closed.
    var advanceAfterNote = false
    /// The reviewer's writes not yet committed, by id, and why each waits.
    public internal(set) var pending: [Int: PendingWrite] = [:]
    public internal(set) var waiting: [String: String] = [:]
    /// Writes refused because someone changed the record first, waiting to be asked about.
    public internal(set) var conflicts: [Conflict] = []
    /// The rulings standing on findings, by report key and finding identity.
    public internal(set) var rulings: [String: [String: FindingRuling]] = [:]
    var nextWriteID = 1
    /// Who is reviewing (their own changes are not announced to them).
    public internal(set) var reviewer: String?
    /// Where the database is, for the title bar.
    public internal(set) var storeLocation = ""
    /// Entry index by key, for records arriving from the database.
    var indexByKey: [String: Int] = [:]
    /// The terminal size.
    public internal(set) var rows = 24
    public internal(set) var columns = 80

    public init(entries: [ReviewEntry], rows: Int = 24, columns: Int = 80, reviewer: String? = nil, storeLocation: String = "") {
        self.entries = entries
        list = Array(entries.indices)
        self.rows = rows
        self.columns = columns
        self.reviewer = reviewer
        self.storeLocation = storeLocation
        for (index, entry) in entries.enumerated() {
            counts.count(entry.status, 1)
            indexByKey[entry.key] = index
            if entry.isMissing { counts.loaded += 1 }
        }
    }

    /// True when a write for the entry is not committed yet.
    public func isPending(_ key: String) -> Bool { pending.values.contains { $0.key == key } }

    public var layout: Layout { Layout(rows: rows, columns: columns, zoomed: zoomed ? focus : nil) }

    /// The entry index of the selection.
    public var selected: Int? { list.indices.contains(cursor) ? list[cursor] : nil }
    public var current: ReviewEntry? { selected.map { entries[$0] } }

    /// The whole report of the selection, when it has been read.
    public var report: Report? {
        guard let shown, shown.index == selected else { return nil }
        return shown.report
    }

    /// The tables pane of the selected report.
    public var tableLines: [TableLine] {
        guard let shown, shown.index == selected else { return [] }
        return shown.lines
    }

    /// The findings of the selected report in this batch: its own and the cross-year ones.
    public var findings: [Finding] {
        guard let report else { return [] }
        let extra = current?.crossYear ?? []
        return extra.isEmpty ? report.findings : report.findings + extra
    }

    /// 已审 12/40 · 通过 9 · 需修改 3
    public var progress: String {
        "已审 \(counts.approved + counts.needsCorrection)/\(entries.count - counts.moved) · 通过 \(counts.approved) · 需修改 \(counts.needsCorrection)"
    }
}

/// The reviewer's own decisions and note changes of this session, newest last.
public struct SessionHistory: Sendable, Equatable {
    public enum Change: Sendable, Equatable {
        case decision(key: String, from: ReviewStatus, to: ReviewStatus)
        case note(key: String, from: String, to: String)
        /// A ruling on a finding; `from` is the one it replaced (open when there was none).
        case ruling(key: String, from: FindingRuling, to: FindingRuling)

        var key: String {
            switch self {
            case .decision(let key, _, _), .note(let key, _, _), .ruling(let key, _, _): key
            }
        }

        /// True when the record still says what this change made it say.
        func isStanding(in record: ReviewRecord) -> Bool {
            switch self {
            case .decision(_, _, let to): record.status == to
            case .note(_, _, let to): record.note == to
            case .ruling: true
            }
        }

        /// The write that makes this change.
        func pendingChange(isUndo: Bool) -> PendingWrite.Change {
            switch self {
            case .decision(_, _, let to): .decide(to, isUndo: isUndo)
            case .note(_, _, let to): .note(to)
            case .ruling(_, _, let to): .rule(to)
            }
        }

        var reversed: Change {
            switch self {
            case .decision(let key, let from, let to): .decision(key: key, from: to, to: from)
            case .note(let key, let from, let to): .note(key: key, from: to, to: from)
            case .ruling(let key, let from, let to): .ruling(key: key, from: to, to: from)
            }
        }
    }

    public internal(set) var done: [Change] = []
    public internal(set) var undone: [Change] = []
    /// The write that made each change in `done`, so that a refused one can be forgotten.
    var writes: [Int] = []

    /// A change written: it can be undone.
    mutating func record(_ write: PendingWrite, before: ReviewRecord?) {
        switch write.change {
        case .decide(let status, let isUndo):
            guard !isUndo else { return }
            done.append(.decision(key: write.key, from: before?.status ?? .unreviewed, to: status))
        case .note(let note):
            done.append(.note(key: write.key, from: before?.note ?? "", to: note))
        case .rule:
            return
        }
        writes.append(write.id)
        undone = []
    }

    /// A ruling made: it can be undone (back to the ruling before, or open).
    mutating func record(ruling write: PendingWrite, before: FindingRuling?) {
        guard case .rule(let ruling) = write.change else { return }
        done.append(.ruling(key: write.key, from: before ?? ruling.reopened, to: ruling))
        writes.append(write.id)
        undone = []
    }

    /// The change a write made, while it is in the history.
    func change(of write: PendingWrite) -> Change? {
        writes.lastIndex(of: write.id).map { done[$0] }
    }

    /// A write refused: its change did not happen.
    mutating func forget(_ write: PendingWrite) {
        guard let index = writes.lastIndex(of: write.id) else { return }
        writes.remove(at: index)
        done.remove(at: index)
    }
}
