import Foundation

/// What the title of a report says: who published it and which year it reports on.
public struct Title: Hashable, Sendable {
    /// The title as written, lines joined.
    public let text: String
    /// The publishing body, without the 人民政府 suffix: 莱州市柞村镇.
    public let agency: String?
    public let year: Int?
    /// True when the title names a county-level or higher 人民政府 itself (its report is due
    /// by 31 March), false for a department, a township or a street office (31 January).
    public let isCountyOrHigherGovernment: Bool

    /// Reads the title from the lines before section 一: up to three lines, skipping
    /// "附件 1", joined until one of them contains 报告.
    static func read(_ text: ReportText, before limit: Int) -> Title? {
        var parts: [String] = []
        for index in 0..<min(limit, text.lineCount) {
            var line = text.lines[index].trimmedSpaces
            // An archiver's header line: "标题: …".
            for tag in ["标题:", "标题：", "标题 :"] where line.hasPrefix(tag) { line = line.dropFirst(tag.count).trimmedSpaces }
            if line.isEmpty { continue }
            // "附件 1" or "正文" above the title is not part of it.
            if parts.isEmpty, line.unicodeScalars.count <= 8,
               LabelText.normalize(line).hasPrefix("附件") || LabelText.normalize(line) == "正文" { continue }
            parts.append(String(line))
            if line.includes("报告") || parts.count == 3 { break }
        }
        guard !parts.isEmpty else { return nil }
        let joined = parts.joined()
        guard joined.includes("报告") || joined.includes("年") else { return nil }
        return parse(joined)
    }

    static func parse(_ title: String) -> Title {
        let scalars = Array(title.unicodeScalars)
        var year: Int?
        var agencyEnd = scalars.count
        var i = 0
        while i + 4 <= scalars.count {
            let digits = scalars[i..<i + 4]
            if digits.allSatisfy(Characters.isDigit), i + 4 == scalars.count || !Characters.isDigit(scalars[i + 4]),
               i == 0 || !Characters.isDigit(scalars[i - 1]) {
                var j = i + 4
                while j < scalars.count, Characters.isSpace(scalars[j]) { j += 1 }
                if j < scalars.count, scalars[j] == "年", let value = ChineseNumber.value(String(String.UnicodeScalarView(digits))),
                   (1990...2100).contains(value) {
                    year = value
                    agencyEnd = i
                    break
                }
            }
            i += 1
        }
        var agency = String(String.UnicodeScalarView(scalars[..<agencyEnd])).trimmedSpaces.description
        // "2024 年上海市科委政府信息公开工作年度报告": the body stands after the year.
        if agency.isEmpty, agencyEnd < scalars.count {
            let after = String(String.UnicodeScalarView(scalars[agencyEnd...]))
            if let mark = after.firstIndex(of: "年") {
                var rest = String(after[after.index(after: mark)...]).trimmedSpaces.description
                if rest.hasPrefix("度") { rest.removeFirst() }
                for end in ["政府信息公开", "信息公开", "政务公开", "年度报告"] {
                    if let range = rest.range(of: end) { rest = String(rest[..<range.lowerBound]); break }
                }
                agency = rest.trimmedSpaces.description
            }
        }
        for suffix in ["关于", "的"] where agency.hasSuffix(suffix) { agency.removeLast(suffix.count) }
        var isGovernment = false
        if agency.hasSuffix("人民政府") {
            agency.removeLast("人民政府".count)
            let levels: [Character] = ["省", "市", "县", "区", "州", "旗", "盟"]
            isGovernment = agency.last.map(levels.contains) ?? false
        }
        agency = String(agency.trimmedSpaces)
        return Title(text: title, agency: agency.isEmpty ? nil : agency, year: year, isCountyOrHigherGovernment: isGovernment)
    }
}
