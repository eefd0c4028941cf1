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

    /// The signing date: the last short line near the end that is (or ends in) a date; in
    /// a page flattened onto one line, a date at its very end after the signer's name.
    /// Dates inside prose ("统计期限自2022年1月1日起") and a cover's month (二〇一三年一月)
    /// are not signing dates.
    static func read(_ text: ReportText) -> (date: ReportDate, line: Int)? {
        shortLine(text) ?? endOfLongLine(text)
    }

    private static func shortLine(_ text: ReportText) -> (date: ReportDate, line: Int)? {
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

    /// A page flattened onto one line (or a page's text with its furniture) ends "…六、其他需要报告的事项 无。 某某镇人民政府
    /// 2024年1月18日 附件下载": the last date of its last line, standing apart (after a space
    /// or the end of the signer's name) with at most a few words of page furniture after it.
    private static func endOfLongLine(_ text: ReportText) -> (date: ReportDate, line: Int)? {
        guard let index = text.lines.lastIndex(where: { !$0.trimmedSpaces.isEmpty }) else { return nil }
        let scalars = Array(text.lines[index].trimmedSpaces.unicodeScalars)
        let tail = Array(scalars.suffix(160))
        var end = tail.count
        while end > 0 {
            guard let mark = tail[..<end].lastIndex(where: { $0 == "日" || $0 == "号" }) else { return nil }
            end = mark
            let after = tail[(mark + 1)...].filter { !Characters.isSpace($0) }
            guard after.count <= 10, !after.contains(where: { Characters.isDigit($0) || "，。；：,.;:".unicodeScalars.contains($0) }) else {
                continue
            }
            // The date: back over numerals, 月, numerals, 年 and four numerals.
            var start = mark
            var marks = 0
            while start > 0 {
                let s = tail[start - 1]
                if s == "月" || s == "年" { marks += 1 } else if !(Characters.isDigit(s) || Characters.isChineseNumeral(s) || Characters.isSpace(s)) { break }
                start -= 1
            }
            guard marks == 2, start < mark else { continue }
            let before = start > 0 ? tail[start - 1] : " "
            guard Characters.isSpace(before) || "府局委办会院室镇乡道处厅部区县市所站队中心".unicodeScalars.contains(before) else { continue }
            let candidate = String(String.UnicodeScalarView(tail[start...mark]))
            if let date = parse(candidate) { return (date, index + 1) }
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
