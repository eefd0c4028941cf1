/// The six numbered sections every report has, in this order.
public enum SectionID: Int, CaseIterable, Sendable, Comparable {
    case overview = 1, proactive, applications, reviewsAndSuits, problems, otherMatters

    public var numeral: String { ["一", "二", "三", "四", "五", "六"][rawValue - 1] }

    /// The numeral's UTF-8 bytes, for the fast test on every line.
    var numeralBytes: [UInt8] { SectionID.numeralBytes[rawValue - 1] }
    private static let numeralBytes: [[UInt8]] = allCases.map { Array($0.numeral.utf8) }

    /// The heading the 2021 format gives; reports vary it a little.
    public var officialHeading: String {
        switch self {
        case .overview: "总体情况"
        case .proactive: "主动公开政府信息情况"
        case .applications: "收到和处理政府信息公开申请情况"
        case .reviewsAndSuits: "政府信息公开行政复议、行政诉讼情况"
        case .problems: "存在的主要问题及改进情况"
        case .otherMatters: "其他需要报告的事项"
        }
    }

    /// Words one of which a heading of this section contains, whatever its wording.
    var keywords: [String] {
        switch self {
        case .overview: ["总体情况", "概述", "基本情况"]
        case .proactive: ["主动公开"]
        case .applications: ["申请"]
        case .reviewsAndSuits: ["复议", "诉讼"]
        case .problems: ["问题", "改进"]
        case .otherMatters: ["其他", "需要报告", "其它"]
        }
    }

    /// The table a section holds, if any.
    public var table: TableID? {
        switch self {
        case .proactive: .t1
        case .applications: .t2
        case .reviewsAndSuits: .t3
        default: nil
        }
    }

    public static func < (a: SectionID, b: SectionID) -> Bool { a.rawValue < b.rawValue }
}

/// Where a section stands in the text: its heading line and the lines up to the next
/// section (0-based line indices into `ReportText.lines`).
public struct SectionSpan: Hashable, Sendable {
    public let id: SectionID
    public let headingLine: Int
    public let body: Range<Int>
}
