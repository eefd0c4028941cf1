/// The JSON form of a report that `nianbao extract` prints and scripts rely on: keys
/// `path`, `agency`, `year`, `template`, `date`, `cells`, `provenance`, `source`, `missing`,
/// `findings`, every one always present (docs/output.md, docs/extract.schema.json).
public enum ReportJSON {
    public static func write(_ report: Report, into json: inout JSONWriter) {
        json.beginObject()
        json.key("path"); json.string(report.path)
        json.key("agency"); json.string(report.agency)
        json.key("year"); json.number(report.year)
        json.key("template"); json.string(report.template?.rawValue)
        json.key("date"); json.string(report.date?.description)
        let ids = report.orderedCellIDs
        json.key("cells"); json.beginObject()
        for id in ids {
            json.key(escaping: id.rawValue)
            switch report.cells[id]!.value {
            case .number(let q): json.number(q)
            case .blank: json.string("blank")
            case .unreadable: json.string("unreadable")
            }
        }
        json.endObject()
        // How a cell was placed, for the cells not simply read from their own place.
        json.key("provenance"); json.beginObject()
        for id in ids where report.cells[id]!.provenance != .read {
            json.key(escaping: id.rawValue); json.string(report.cells[id]!.provenance.rawValue)
        }
        json.endObject()
        json.key("source"); json.beginObject()
        for id in ids {
            json.key(escaping: id.rawValue); json.location(report.cells[id]!.source)
        }
        json.endObject()
        json.key("missing"); json.beginArray()
        for m in report.missing { json.string(m) }
        json.endArray()
        json.key("findings"); json.beginArray()
        for finding in report.findings { write(finding, into: &json) }
        json.endArray()
        json.endObject()
    }

    /// A file that could not be read, as a record of the same stream: `path` and `error`.
    public static func write(_ failure: ReadError, into json: inout JSONWriter) {
        json.beginObject()
        json.key("path"); json.string(failure.path)
        json.key("error"); json.string(failure.explanation)
        json.endObject()
    }

    /// The cross-year findings of a report, once the whole batch is read: `path`,
    /// `crossYear` (true) and `findings`.
    public static func writeCrossYear(_ summary: ReportSummary, into json: inout JSONWriter) {
        json.beginObject()
        json.key("path"); json.string(summary.path)
        json.key("crossYear"); json.bool(true)
        json.key("findings"); json.beginArray()
        for f in summary.findings { write(f, into: &json) }
        json.endArray()
        json.endObject()
    }

    public static func write(_ finding: Finding, into json: inout JSONWriter) {
        json.beginObject()
        json.key("rule"); json.string(finding.rule.rawValue)
        json.key("severity"); json.string(finding.severity.rawValue)
        json.key("cells"); json.inlineStrings(finding.cells.map(\.rawValue))
        json.key("line"); json.number(finding.line)
        json.key("message"); json.string(finding.message)
        json.endObject()
    }
}
