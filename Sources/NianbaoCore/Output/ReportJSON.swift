/// The JSON form of a report that `nianbao extract` prints and scripts rely on: keys
/// `path`, `agency`, `year`, `template`, `date`, `cells`, `source`, `missing`, `findings`.
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
            json.key(id.rawValue)
            switch report.cells[id]!.value {
            case .number(let q): json.raw(q.description)
            case .blank: json.string("blank")
            case .unreadable: json.string("unreadable")
            }
        }
        json.endObject()
        let unusual = ids.filter { report.cells[$0]!.provenance != .read }
        if !unusual.isEmpty {
            json.key("provenance"); json.beginObject()
            for id in unusual { json.key(id.rawValue); json.string(report.cells[id]!.provenance.rawValue) }
            json.endObject()
        }
        json.key("source"); json.beginObject()
        for id in ids {
            let source = report.cells[id]!.source
            json.key(id.rawValue); json.raw("{\"line\": \(source.line), \"column\": \(source.column)}")
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

    public static func write(_ finding: Finding, into json: inout JSONWriter) {
        json.beginObject()
        json.key("rule"); json.string(finding.rule.rawValue)
        json.key("severity"); json.string(finding.severity.rawValue)
        json.key("cells"); json.raw("[" + finding.cells.map { JSONWriter.escape($0.rawValue) }.joined(separator: ", ") + "]")
        json.key("line"); json.number(finding.line)
        json.key("message"); json.string(finding.message)
        json.endObject()
    }
}
