/// A calendar date as a report prints it at its end (2024年1月11日, 二〇二四年一月十一日).
public struct ReportDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1990...2100).contains(year), (1...12).contains(month) else { return nil }
        let days = [31, ReportDate.isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard (1...days).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    /// ISO 8601: `2024-01-11`.
    public var description: String {
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }

    public static func < (a: ReportDate, b: ReportDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    /// The signing date: the last short line near the end that is (or ends in) a date.
    /// Dates inside prose ("统计期限自2022年1月1日起") are not signing dates.
    static func read(_ text: ReportText) -> (date: ReportDate, line: Int)? {
        var seen = 0
        var index = text.lineCount - 1
        while index >= 0, seen < 12 {
            let line = text.lines[index].trimmedSpaces
            index -= 1
            if line.isEmpty { continue }
            seen += 1
            guard let last = line.unicodeScalars.last, last == "日" || last == "号" else { continue }
            guard line.unicodeScalars.count <= 40, !line.hasTab else { continue }
            if let date = parse(line) { return (date, index + 2) }
        }
        return nil
    }

    /// Reads `YYYY年M月D日` in Arabic or Chinese numerals at the end of a line.
    static func parse<S: StringProtocol>(_ line: S) -> ReportDate? {
        var text = String(line.trimmedSpaces)
        text.removeAll { $0 == " " || $0 == "\u{3000}" }
        guard text.hasSuffix("日") || text.hasSuffix("号") else { return nil }
        guard let yearMark = text.lastIndex(of: "年"), let monthMark = text.lastIndex(of: "月"), yearMark < monthMark else { return nil }
        let dayText = text[text.index(after: monthMark)..<text.index(before: text.endIndex)]
        let monthText = text[text.index(after: yearMark)..<monthMark]
        var yearStart = yearMark
        var count = 0
        while yearStart > text.startIndex, count < 4 {
            let previous = text.index(before: yearStart)
            guard let scalar = text[previous].unicodeScalars.first, Characters.isDigit(scalar) || Characters.chineseDigit(scalar) != nil else { break }
            yearStart = previous
            count += 1
        }
        guard count == 4, let y = ChineseNumber.value(text[yearStart..<yearMark]),
              let m = ChineseNumber.value(monthText), let d = ChineseNumber.value(dayText) else { return nil }
        return ReportDate(year: y, month: m, day: d)
    }
}
