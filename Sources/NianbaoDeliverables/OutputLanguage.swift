import NianbaoCore
import NianbaoStore

/// The language of what a review hands in: column headings and the words for statuses,
/// severities and rulings. Chinese for the people the documents go to; English field names
/// (the JSON keys) for scripts.
public enum OutputLanguage: String, Sendable, CaseIterable {
    case zh, en

    public func status(_ status: ReviewStatus) -> String {
        self == .zh ? status.chineseName : status.rawValue
    }

    public func severity(_ severity: Severity) -> String {
        self == .zh ? severity.chineseName : severity.rawValue
    }

    /// A finding's ruling: confirmed, dismissed, none yet, or one whose finding is gone.
    public func ruling(_ verdict: FindingRuling.Verdict?, stale: Bool = false) -> String {
        if stale { return self == .zh ? "已失效" : "stale" }
        let verdict = verdict ?? .open
        return self == .zh ? verdict.chineseName : verdict.rawValue
    }

    public func yesNo(_ value: Bool) -> String {
        switch self {
        case .zh: value ? "是" : "否"
        case .en: value ? "true" : "false"
        }
    }

    /// The heading of a column, by its field name.
    public func heading(_ field: String) -> String {
        guard self == .zh else { return field }
        return Self.chinese[field] ?? field
    }

    static let chinese: [String: String] = [
        "path": "文件", "agency": "机关", "year": "年度", "status": "状态", "note": "备注", "errors": "错误", "warnings": "警告",
        "reviewedAt": "审阅时间", "reviewer": "审阅人", "noteBy": "备注人", "noteAt": "备注时间", "changedSinceReview": "审阅后已改动",
        "missing": "文件不在", "kind": "类别", "previousStatus": "原状态", "undo": "撤销", "at": "时间", "rule": "规则",
        "severity": "严重程度", "line": "行", "message": "说明", "ruling": "裁定", "reason": "理由",
    ]
}
