import Foundation
import NianbaoCore
import NianbaoStore

/// One row per finding of the reports read, with its ruling: the list an office works
/// through and a team hands in. A ruling whose finding is no longer in its report (the file
/// changed) is listed too, as stale, with the rule and message it was made on.
public enum FindingsExport {
    public static let fields = ["path", "agency", "year", "rule", "severity", "line", "message", "ruling", "reason", "reviewer"]

    /// A finding of a report, with the ruling that stands on it (nil: none), or a stale ruling.
    public struct Row: Sendable, Equatable {
        public let path: String, agency: String?, year: Int?
        public let rule: String, severity: Severity?, line: Int?, message: String
        /// The cells the finding is about (canonical ids); none for a stale ruling.
        public var cells: [String] = []
        public let ruling: FindingRuling?
        public let isStale: Bool
    }

    /// `reports`: each report read, under its key (the path relative to the project root);
    /// `rulings`: those standing, of every report.
    public static func rows(_ reports: [(key: String, summary: ReportSummary)], rulings: [FindingRuling]) -> [Row] {
        let byReport = Dictionary(grouping: rulings, by: \.path)
        var out: [Row] = []
        for (key, summary) in reports {
            let standing = Dictionary((byReport[key] ?? []).map { ($0.finding, $0) }, uniquingKeysWith: { _, latest in latest })
            var seen: Set<String> = []
            for finding in summary.findings {
                seen.insert(finding.identity)
                out.append(Row(path: key, agency: summary.agency, year: summary.year, rule: finding.rule.rawValue, severity: finding.severity,
                               line: finding.line, message: finding.message, cells: finding.cells.map(\.rawValue),
                               ruling: standing[finding.identity], isStale: false))
            }
            for ruling in byReport[key] ?? [] where !seen.contains(ruling.finding) {
                out.append(Row(path: key, agency: summary.agency, year: summary.year, rule: ruling.rule, severity: nil, line: nil,
                               message: ruling.message, ruling: ruling, isStale: true))
            }
        }
        return out
    }

    public static func spreadsheet(_ rows: [Row], _ language: OutputLanguage) -> SpreadsheetCSV {
        SpreadsheetCSV(header: fields.map(language.heading), rows: rows.map { r in
            [r.path, r.agency ?? "", r.year.map(String.init) ?? "", r.rule, r.severity.map(language.severity) ?? "",
             r.line.map(String.init) ?? "", r.message, language.ruling(r.ruling?.verdict, stale: r.isStale), r.ruling?.reason ?? "",
             r.ruling?.reviewer ?? ""]
        })
    }

    public static func json(_ rows: [Row]) -> String {
        var json = JSONWriter()
        json.beginArray()
        for r in rows {
            json.beginObject()
            json.key("path"); json.string(r.path)
            json.key("agency"); json.string(r.agency)
            json.key("year"); json.number(r.year)
            json.key("rule"); json.string(r.rule)
            json.key("severity"); json.string(r.severity?.rawValue)
            json.key("line"); json.number(r.line)
            json.key("message"); json.string(r.message)
            json.key("ruling"); json.string(r.isStale ? "stale" : (r.ruling?.verdict ?? .open).rawValue)
            json.key("reason"); json.string(r.ruling?.reason)
            json.key("reviewer"); json.string(r.ruling?.reviewer)
            json.endObject()
        }
        json.endArray()
        return json.output + "\n"
    }
}
