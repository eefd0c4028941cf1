import NianbaoCore

// How the values a worker sends back are written and read.

extension WireWriter {
    mutating func error(_ e: ReadError) {
        string(e.path)
        switch e.reason {
        case .unreadable(let why): byte(0); string(why)
        case .empty: byte(1)
        case .tooLarge(let bytes, let limit): byte(2); int(bytes); int(limit)
        case .textTooLarge(let limit): byte(3); int(limit)
        case .binary: byte(4)
        case .unknownEncoding: byte(5)
        case .notAReport: byte(6)
        case .unsupportedFormat(let what): byte(7); string(what)
        }
    }

    mutating func finding(_ f: Finding) {
        string(f.rule.rawValue)
        string(f.severity.rawValue)
        int(f.cells.count)
        for cell in f.cells { string(cell.rawValue) }
        optional(f.line) { $0.int($1) }
        string(f.message)
    }

    /// Which report: path, body, year and format, as summaries and facts both begin.
    mutating func header(path: String, agency: String?, year: Int?, template: Template?) {
        string(path)
        optional(agency) { $0.string($1) }
        optional(year) { $0.int($1) }
        optional(template) { $0.string($1.rawValue) }
    }

    mutating func summary(_ s: ReportSummary) {
        header(path: s.path, agency: s.agency, year: s.year, template: s.template)
        int(s.findings.count)
        for f in s.findings { finding(f) }
        factValues(s.facts)
    }

    /// The compared cells only: the path, body, year and format travel with the summary.
    mutating func factValues(_ facts: CrossYearFacts) {
        let values = facts.values.sorted { $0.key < $1.key }
        int(values.count)
        for (id, (quantity, line)) in values { string(id.rawValue); int(Int(quantity.micros)); int(line) }
    }

    mutating func facts(_ f: CrossYearFacts) {
        header(path: f.path, agency: f.agency, year: f.year, template: f.template)
        factValues(f)
    }

    mutating func document(_ d: SourceDocument) {
        string(d.text)
        int(d.grids.count)
        for grid in d.grids {
            int(grid.firstLine); int(grid.rowCount); int(grid.columnCount); int(grid.clampedSpans)
            int(grid.cells.count)
            for cell in grid.cells {
                int(cell.row); int(cell.column); int(cell.rowSpan); int(cell.columnSpan); string(cell.text)
                int(cell.location.line); int(cell.location.column)
            }
        }
        int(d.words.count)
        for word in d.words {
            string(word.text); int(word.location.line); int(word.location.column); int(word.page)
            double(word.x0); double(word.y0); double(word.x1); double(word.y1)
        }
    }
}

extension WireReader {
    mutating func error() throws(Malformed) -> ReadError {
        let path = try string()
        let reason: ReadError.Reason
        switch try byte() {
        case 0: reason = .unreadable(try string())
        case 1: reason = .empty
        case 2: reason = .tooLarge(bytes: try int(), limit: try int())
        case 3: reason = .textTooLarge(limit: try int())
        case 4: reason = .binary
        case 5: reason = .unknownEncoding
        case 6: reason = .notAReport
        case 7: reason = .unsupportedFormat(try string())
        default: throw Malformed()
        }
        return ReadError(path: path, reason: reason)
    }

    mutating func finding() throws(Malformed) -> Finding {
        let rule = RuleID(try string())
        guard let severity = Severity(rawValue: try string()) else { throw Malformed() }
        var cells: [CellID] = []
        for _ in 0..<(try count()) { cells.append(CellID(try string())) }
        let line = try optional { (r: inout WireReader) throws(Malformed) in try r.int() }
        return Finding(rule: rule, severity: severity, cells: cells, line: line, message: try string())
    }

    /// Path, body, year and format, as `WireWriter.header` wrote them.
    mutating func header() throws(Malformed) -> (path: String, agency: String?, year: Int?, template: Template?) {
        let path = try string()
        let agency = try optional { (r: inout WireReader) throws(Malformed) in try r.string() }
        let year = try optional { (r: inout WireReader) throws(Malformed) in try r.int() }
        let template = try optional { (r: inout WireReader) throws(Malformed) in try r.string() }.flatMap(Template.init(rawValue:))
        return (path, agency, year, template)
    }

    mutating func summary() throws(Malformed) -> ReportSummary {
        let (path, agency, year, template) = try header()
        var findings: [Finding] = []
        for _ in 0..<(try count()) { findings.append(try finding()) }
        let facts = CrossYearFacts(path: path, agency: agency, year: year, template: template, values: try factValues())
        return ReportSummary(path: path, agency: agency, year: year, template: template, findings: findings, facts: facts)
    }

    mutating func factValues() throws(Malformed) -> [CellID: (Quantity, Int)] {
        var values: [CellID: (Quantity, Int)] = [:]
        for _ in 0..<(try count()) {
            let id = CellID(try string())
            values[id] = (Quantity(micros: Int64(try int())), try int())
        }
        return values
    }

    mutating func facts() throws(Malformed) -> CrossYearFacts {
        let (path, agency, year, template) = try header()
        return CrossYearFacts(path: path, agency: agency, year: year, template: template, values: try factValues())
    }

    mutating func document() throws(Malformed) -> SourceDocument {
        let text = try string()
        var grids: [TableGrid] = []
        for _ in 0..<(try count()) {
            let firstLine = try int(), rowCount = try int(), columnCount = try int(), clamped = try int()
            var cells: [GridCell] = []
            for _ in 0..<(try count()) {
                let row = try int(), column = try int(), rowSpan = try int(), columnSpan = try int(), text = try string()
                let location = SourceLocation(line: try int(), column: try int())
                cells.append(GridCell(row: row, column: column, rowSpan: rowSpan, columnSpan: columnSpan, text: text, location: location))
            }
            grids.append(TableGrid(firstLine: firstLine, rowCount: rowCount, columnCount: columnCount, cells: cells, clampedSpans: clamped))
        }
        var words: [PlacedWord] = []
        for _ in 0..<(try count()) {
            let text = try string()
            let location = SourceLocation(line: try int(), column: try int())
            let page = try int()
            words.append(PlacedWord(
                text: text, location: location, page: page, x0: try double(), y0: try double(), x1: try double(), y1: try double()))
        }
        return SourceDocument(text: text, grids: grids, words: words)
    }
}
