import NianbaoCore
import NianbaoStore

/// One report in the list: where it is, what was read from it, and its review.
public struct ReviewEntry: Sendable {
    /// The file's path, as opened.
    public let path: String
    /// Its path relative to the folder under review: the key of its review record.
    public let key: String
    public var report: Report?
    /// Why the file could not be read, when it could not.
    public var failure: String?
    public var review: ReviewRecord?

    public init(path: String, key: String, review: ReviewRecord? = nil) {
        self.path = path
        self.key = key
        self.review = review
    }

    public var isLoaded: Bool { report != nil || failure != nil }
    public var status: ReviewStatus { review?.status ?? .unreviewed }
    public var name: String { report?.agency ?? review?.agency ?? key }
    public var year: Int? { report?.year ?? review?.year }
    public var errors: Int { report?.count(.error) ?? review?.errors ?? 0 }
    public var warnings: Int { report?.count(.warning) ?? review?.warnings ?? 0 }
}

/// The panes of the review screen, in Tab order.
public enum Pane: Sendable, CaseIterable { case list, tables, findings, raw }

/// The note editor: the text being written and where the cursor is (in characters).
public struct NoteEditor: Sendable, Equatable {
    public var text: [Character]
    public var cursor: Int

    public init(_ text: String) {
        self.text = Array(text)
        cursor = self.text.count
    }

    public var string: String { String(text) }
}

/// What the screen is doing besides browsing.
public enum Mode: Sendable, Equatable {
    case browse
    case help
    case note(NoteEditor)
    case search(String)
}

/// Everything the review screen shows, as a value: `update` changes it, `ReviewRenderer`
/// draws it. No terminal, no database: those are the app's, through `Effect`s.
public struct ReviewState: Sendable {
    public var entries: [ReviewEntry]
    public var selected = 0
    public var focus = Pane.list
    public var mode = Mode.browse
    public var listTop = 0
    public var tableCursor = 0
    public var tableTop = 0
    public var findingCursor = 0
    public var findingTop = 0
    public var rawTop = 0
    /// The source line highlighted in the raw text, from the selected table row or finding.
    public var rawHighlight: Int?
    public var message: String?
    /// The terminal size, for paging.
    public var rows = 24
    public var columns = 80

    public init(entries: [ReviewEntry]) { self.entries = entries }

    public var current: ReviewEntry? { entries.indices.contains(selected) ? entries[selected] : nil }

    /// The tables pane of the selected report.
    public var tableLines: [TableLine] { current?.report.map(TableLines.make) ?? [] }

    public var findings: [Finding] { current?.report?.findings ?? [] }

    /// 已审 12/40 · 通过 9 · 需修改 3
    public var progress: String {
        let approved = entries.filter { $0.status == .approved }.count
        let corrections = entries.filter { $0.status == .needsCorrection }.count
        return "已审 \(approved + corrections)/\(entries.count) · 通过 \(approved) · 需修改 \(corrections)"
    }

    public var loadedCount: Int { entries.filter(\.isLoaded).count }
}
