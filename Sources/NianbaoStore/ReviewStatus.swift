/// Where a report stands in review. Stored as text, so the database reads plainly.
public enum ReviewStatus: String, Codable, Sendable, CaseIterable {
    case unreviewed
    case approved
    case needsCorrection
}

extension ReviewStatus {
    /// As the screen, the exports and the documents say it: 通过, 需修改, 未审.
    public var chineseName: String {
        switch self {
        case .approved: "通过"
        case .needsCorrection: "需修改"
        case .unreviewed: "未审"
        }
    }
}
