import Foundation
import NianbaoCore
import NianbaoStore

/// The review as a table: one row per report, or one per change (the history). The same
/// fields go to JSON (keys as named here, times in UTC) and to spreadsheets (headings and
/// words in the language asked for, local times).
public enum ReviewExport {
    public static let recordFields = [
        "path", "agency", "year", "status", "note", "errors", "warnings", "reviewedAt", "reviewer", "noteBy", "noteAt",
        "changedSinceReview", "missing",
    ]
    public static let historyFields = ["path", "kind", "status", "previousStatus", "undo", "note", "reviewer", "at"]

    public static func spreadsheet(_ records: [ReviewRecord], _ language: OutputLanguage) -> SpreadsheetCSV {
        let time = { (date: Date?) in date.map { LocalTime.string($0) } ?? "" }
        return SpreadsheetCSV(header: recordFields.map(language.heading), rows: records.map { r in
            [r.path, r.agency ?? "", r.year.map(String.init) ?? "", language.status(r.status), r.note, String(r.errors), String(r.warnings),
             time(r.reviewedAt), r.reviewer ?? "", r.noteBy ?? "", time(r.noteAt), language.yesNo(r.changedSinceReview),
             language.yesNo(r.missing)]
        })
    }

    public static func spreadsheet(history: [DecisionRecord], _ language: OutputLanguage) -> SpreadsheetCSV {
        SpreadsheetCSV(header: historyFields.map(language.heading), rows: history.map { d in
            [d.path, language == .zh ? (d.kind == .note ? "备注" : "决定") : d.kind.rawValue, language.status(d.status),
             language.status(d.previousStatus), language.yesNo(d.isUndo), d.note ?? "", d.reviewer ?? "", LocalTime.string(d.decidedAt)]
        })
    }

    public static func json(_ records: [ReviewRecord]) -> String {
        let iso = ISO8601DateFormatter()
        var json = JSONWriter()
        json.beginArray()
        for r in records {
            json.beginObject()
            json.key("path"); json.string(r.path)
            json.key("agency"); json.string(r.agency)
            json.key("year"); json.number(r.year)
            json.key("status"); json.string(r.status.rawValue)
            json.key("note"); json.string(r.note)
            json.key("errors"); json.number(r.errors)
            json.key("warnings"); json.number(r.warnings)
            json.key("reviewedAt"); json.string(r.reviewedAt.map(iso.string(from:)))
            json.key("reviewer"); json.string(r.reviewer)
            json.key("noteBy"); json.string(r.noteBy)
            json.key("noteAt"); json.string(r.noteAt.map(iso.string(from:)))
            json.key("changedSinceReview"); json.raw(r.changedSinceReview ? "true" : "false")
            json.key("missing"); json.raw(r.missing ? "true" : "false")
            json.endObject()
        }
        json.endArray()
        return json.output + "\n"
    }

    public static func json(history: [DecisionRecord]) -> String {
        let iso = ISO8601DateFormatter()
        var json = JSONWriter()
        json.beginArray()
        for d in history {
            json.beginObject()
            json.key("path"); json.string(d.path)
            json.key("kind"); json.string(d.kind.rawValue)
            json.key("status"); json.string(d.status.rawValue)
            json.key("previousStatus"); json.string(d.previousStatus.rawValue)
            json.key("undo"); json.raw(d.isUndo ? "true" : "false")
            json.key("note"); json.string(d.note)
            json.key("reviewer"); json.string(d.reviewer)
            json.key("at"); json.string(iso.string(from: d.decidedAt))
            json.endObject()
        }
        json.endArray()
        return json.output + "\n"
    }
}
