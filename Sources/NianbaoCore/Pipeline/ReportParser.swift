/// Reads decoded text into a `Report`: metadata, sections, tables. No rules run here.
public enum ReportParser {
    public static func parse(_ string: String, path: String) -> Report {
        parse(SourceDocument(text: string), path: path)
    }

    /// Reads a document whose reader may also have given its tables as grids or its words
    /// with their positions; such a text is taken as it is (it was not flattened).
    public static func parse(_ document: SourceDocument, path: String) -> Report {
        let text = ReportText(document.hasLayout ? document.text : FlattenedPage.unflatten(document.text))
        let sections = SectionFinder.find(in: text)
        let titleLimit = sections.first?.headingLine ?? min(text.lineCount, 12)
        let title = Title.read(text, before: max(titleLimit, 1))
        let year = title?.year ?? firstYear(in: text, limit: titleLimit)
        let tables = TableExtractor.extract(text, sections: sections, year: year, layout: DocumentLayout(document))
        let signing = ReportDate.read(text)
        return Report(
            path: path, text: text, title: title, year: year, template: tables.template,
            shownTemplate: tables.shownTemplate, date: signing?.date, dateLine: signing?.line,
            sections: sections, tables: tables.tables,
            clampedSpans: document.grids.filter { $0.clampedSpans > 0 }.map { ($0.firstLine, $0.clampedSpans) }
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
