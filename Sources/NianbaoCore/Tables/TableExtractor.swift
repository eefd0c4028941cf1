/// Finds where each table stands, reads its rows in the layout the text uses, and matches
/// them to the schema of the report's format.
enum TableExtractor {
    struct Result {
        var tables: [TableID: ExtractedTable]
        var template: Template?
        /// The format the tables themselves show, as opposed to the one assumed from the year.
        var shownTemplate: Template?
    }

    /// Words that mark a table when its section heading cannot be found.
    static let anchors: [TableID: [String]] = [
        .t1: ["第二十条第"],
        .t2: ["本年新收政府信息公开申请", "本年新收"],
        .t3: ["未经复议直接起诉", "复议后起诉"],
    ]

    static func extract(_ text: ReportText, sections: [SectionSpan], year: Int?, layout: DocumentLayout = .none) -> Result {
        // Before the reports on 2019 there were no official tables: older statistics tables
        // (指标名称/计量单位/…) are not read as if they were, and the tables are reported absent.
        if let year, Template.inForce(forYear: year) == nil { return Result(tables: [:], template: nil, shownTemplate: nil) }
        // A table whose cells ran together has no rows to lay out: it is read from its text.
        var rowsByTable: [TableID: (rows: [LogicalRow], region: Range<Int>)] = [:]
        var runTogether: [TableID: Range<Int>] = [:]
        for table in TableID.allCases {
            guard let region = region(of: table, in: text, sections: sections) else { continue }
            switch layout.kind(of: region) {
            case .grid: rowsByTable[table] = (GridLayout.rows(text, region, index: layout.grids), region)
            case .positions: rowsByTable[table] = (PositionLayout.rows(Array(layout.words(in: region))), region)
            case .text:
                if RunTogetherReader.fits(text, region) {
                    runTogether[table] = region
                } else {
                    rowsByTable[table] = (rows(text, region), region)
                }
            }
        }
        let shown = TemplateDetector.detect(table1: rowsByTable[.t1]?.rows ?? [], table2: rowsByTable[.t2]?.rows ?? [])
        let template = shown ?? year.flatMap(Template.inForce(forYear:)) ?? .format2021
        var tables: [TableID: ExtractedTable] = [:]
        for (table, region) in runTogether {
            tables[table] = RunTogetherReader.read(text, region: region, schema: .schema(table, template))
        }
        for (table, input) in rowsByTable {
            let extracted: ExtractedTable?
            switch table {
            case .t1, .t2:
                let read = RowMatcher(schema: .schema(table, template)).read(input.rows, region: input.region)
                extracted = read.rows.isEmpty ? nil : read
            case .t3:
                extracted = Table3Reader.read(input.rows, region: input.region)
            }
            tables[table] = extracted
        }
        return Result(tables: tables, template: tables.isEmpty ? shown : template, shownTemplate: shown)
    }

    static func rows(_ text: ReportText, _ region: Range<Int>) -> [LogicalRow] {
        if PipeLayout.fits(text, region) { return PipeLayout.rows(text, region) }
        return CellPerLineLayout.fits(text, region) ? CellPerLineLayout.rows(text, region) : TabLayout.rows(text, region)
    }

    /// The lines of a table: its section's body, or — when the heading is missing — from
    /// the first line with the table's anchor words to the next section heading.
    static func region(of table: TableID, in text: ReportText, sections: [SectionSpan]) -> Range<Int>? {
        if let span = sections.first(where: { $0.id.table == table }) { return span.body }
        let words = anchors[table] ?? []
        guard let anchor = text.lines.firstIndex(where: { line in words.contains { line.includes($0) } }) else { return nil }
        let start = max(0, anchor - 4)
        let end = sections.first(where: { $0.headingLine > anchor })?.headingLine ?? text.lineCount
        return start..<end
    }
}
