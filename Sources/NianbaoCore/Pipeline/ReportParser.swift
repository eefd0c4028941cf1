/// Reads decoded text into a `Report`: metadata, sections, tables. No rules run here.
public enum ReportParser {
    public static func parse(_ string: String, path: String) -> Report {
        let text = ReportText(FlattenedPage.unflatten(string))
        let sections = SectionFinder.find(in: text)
        let titleLimit = sections.first?.headingLine ?? min(text.lineCount, 12)
        let title = Title.read(text, before: max(titleLimit, 1))
        let year = title?.year ?? firstYear(in: text, limit: titleLimit)
        let tables = TableExtractor.extract(text, sections: sections, year: year)
        let signing = ReportDate.read(text)
        return Report(
            path: path, text: text, title: title, year: year, template: tables.template,
            shownTemplate: tables.shownTemplate, date: signing?.date, dateLine: signing?.line,
            sections: sections, tables: tables.tables
        )
    }

    /// When the title names no year, the first `YYYY年` before section 一.
    private static func firstYear(in text: ReportText, limit: Int) -> Int? {
        for index in 0..<min(max(limit, 1), text.lineCount) {
            if let year = Title.parse(String(text.lines[index])).year { return year }
        }
        return nil
    }
}
