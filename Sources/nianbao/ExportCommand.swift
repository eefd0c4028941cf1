import ArgumentParser
import Foundation
import NianbaoCore
import NianbaoStore

/// `nianbao export`: the review decisions and notes, for scripts and spreadsheets.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print every reviewed report's decision and note from a review database.",
        discussion: "Fields: path, agency, year, status (approved | needsCorrection | unreviewed), note, errors, warnings, reviewedAt, reviewer."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv }

    @Option(help: "The review database (e.g. FOLDER/.nianbao/reviews.sqlite).")
    var db: String

    @Option(help: "Output format: json or csv.")
    var format: Format = .json

    func validate() throws {
        guard FileManager.default.fileExists(atPath: db) else { throw ValidationError("no review database at \(db)") }
    }

    func run() throws {
        let records: [ReviewRecord]
        do {
            records = try ReviewStore(path: db).all()
        } catch {
            throw ValidationError("cannot read the review database \(db): \(error)")
        }
        let iso = ISO8601DateFormatter()
        switch format {
        case .json:
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
                json.endObject()
            }
            json.endArray()
            print(json.output)
        case .csv:
            print("path,agency,year,status,note,errors,warnings,reviewedAt,reviewer")
            for r in records {
                let fields = [r.path, r.agency ?? "", r.year.map(String.init) ?? "", r.status.rawValue, r.note, String(r.errors),
                              String(r.warnings), r.reviewedAt.map(iso.string(from:)) ?? "", r.reviewer ?? ""]
                print(fields.map(ReportTables.csvField).joined(separator: ","))
            }
        }
    }
}
