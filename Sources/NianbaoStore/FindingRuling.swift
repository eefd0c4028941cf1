import Foundation

/// A reviewer's ruling on one finding of a report: confirmed (it goes into the correction
/// notice), dismissed with a reason (it no longer counts), or open again (an undo). Rulings
/// are appended, never changed: the latest for a finding is the one that stands, the rest
/// are its history.
public struct FindingRuling: Codable, Sendable, Equatable {
    public enum Verdict: String, Codable, Sendable, CaseIterable { case open, confirmed, dismissed }

    public var id: Int64?
    /// The report's key (its path relative to the project root).
    public var path: String
    /// The finding as `Finding.identity` names it (rule, cells, the numbers involved), so that
    /// the same finding keeps its ruling when the report is read again.
    public var finding: String
    /// The finding's rule and message when it was ruled on: what a stale ruling was about.
    public var rule: String
    public var message: String
    public var verdict: Verdict
    /// Why it was dismissed (empty otherwise).
    public var reason: String
    public var reviewer: String?
    public var ruledAt: Date

    public init(
        id: Int64? = nil, path: String, finding: String, rule: String, message: String, verdict: Verdict, reason: String = "",
        reviewer: String?, ruledAt: Date
    ) {
        self.id = id
        self.path = path
        self.finding = finding
        self.rule = rule
        self.message = message
        self.verdict = verdict
        self.reason = reason
        self.reviewer = reviewer
        self.ruledAt = ruledAt
    }
}

extension FindingRuling.Verdict {
    /// As the screen, the exports and the documents say it: 已确认, 已驳回, 未裁定.
    public var chineseName: String {
        switch self {
        case .confirmed: "已确认"
        case .dismissed: "已驳回"
        case .open: "未裁定"
        }
    }
}

extension FindingRuling {
    /// The same finding back to open (what an undo of its first ruling writes, and what a
    /// ruling that is no longer in the store becomes on screen).
    public var reopened: FindingRuling {
        var open = self
        open.verdict = .open
        open.reason = ""
        return open
    }
}
