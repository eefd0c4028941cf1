/// Where a report stands in review. Stored as text, so the database reads plainly.
public enum ReviewStatus: String, Codable, Sendable, CaseIterable {
    case unreviewed
    case approved
    case needsCorrection
}
