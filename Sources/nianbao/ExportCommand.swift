import ArgumentParser
import Foundation
import NianbaoCore
import NianbaoStore

/// `nianbao export`: the review decisions and notes, for scripts and spreadsheets. The
/// database is opened read-only (a read-only file is fine), and a file that is not a
/// nianbao database is refused, never written to.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print every report's decision and note from a review database (or, with --history, every decision).",
        discussion: """
            Fields: path, agency, year, status (approved | needsCorrection | unreviewed), note, errors, warnings, reviewedAt,
            reviewer, changedSinceReview, missing. With --history: path, kind (decision | note), status, previousStatus,
            undo, note, reviewer, at.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv }

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Output format: json or csv.")
    var format: Format = .json

    @Flag(help: "Every decision and note change, with who and when, instead of the reports.")
    var history = false

    @Argument(help: "A folder of the project (default: the current folder), when --db is not given.")
    var folder: String?

    func run() throws {
        let project = Project.find(from: folder ?? FileManager.default.currentDirectoryPath)
        let location = try database.location(default: project.database)
        let store = try database.open(location, readOnly: true)
        do {
            if history { try printHistory(try store.history(path: nil)) } else { try printRecords(try store.all()) }
        } catch let error as StoreError {
            throw CommandFailure(error.description)
        }
    }

    func printRecords(_ records: [ReviewRecord]) throws {
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
                json.key("noteBy"); json.string(r.noteBy)
                json.key("noteAt"); json.string(r.noteAt.map(iso.string(from:)))
                json.key("changedSinceReview"); json.raw(r.changedSinceReview ? "true" : "false")
                json.key("missing"); json.raw(r.missing ? "true" : "false")
                json.endObject()
            }
            json.endArray()
            emit(json.output + "\n")
        case .csv:
            var out = "path,agency,year,status,note,errors,warnings,reviewedAt,reviewer,noteBy,noteAt,changedSinceReview,missing\n"
            for r in records {
                let fields = [r.path, r.agency ?? "", r.year.map(String.init) ?? "", r.status.rawValue, r.note, String(r.errors),
                              String(r.warnings), r.reviewedAt.map(iso.string(from:)) ?? "", r.reviewer ?? "",
                              r.noteBy ?? "", r.noteAt.map(iso.string(from:)) ?? "", String(r.changedSinceReview), String(r.missing)]
                out += fields.map(ReportTables.csvField).joined(separator: ",") + "\n"
            }
            emit(out)
        }
    }

    func printHistory(_ entries: [DecisionRecord]) throws {
        let iso = ISO8601DateFormatter()
        switch format {
        case .json:
            var json = JSONWriter()
            json.beginArray()
            for d in entries {
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
            emit(json.output + "\n")
        case .csv:
            var out = "path,kind,status,previousStatus,undo,note,reviewer,at\n"
            for d in entries {
                let fields = [d.path, d.kind.rawValue, d.status.rawValue, d.previousStatus.rawValue, String(d.isUndo), d.note ?? "",
                              d.reviewer ?? "", iso.string(from: d.decidedAt)]
                out += fields.map(ReportTables.csvField).joined(separator: ",") + "\n"
            }
            emit(out)
        }
    }
}

/// `nianbao db migrate`: creates the review schema in a database, or brings it up to date.
struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db", abstract: "Set up a review database.", subcommands: [Migrate.self])

    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create the review schema in the database, or bring it up to date (the same named steps on SQLite and PostgreSQL).")

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let project = Project.find(from: FileManager.default.currentDirectoryPath)
            let location = try database.location(default: project.database)
            _ = try database.open(location)
            emit("\(location.display): the review schema is up to date\n")
        }
    }
}
