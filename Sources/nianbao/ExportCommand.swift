import ArgumentParser
import Foundation
import NianbaoCore
import NianbaoDeliverables
import NianbaoStore

/// `nianbao export`: the review decisions and notes, their history, or every finding with its
/// ruling, for scripts (JSON) and spreadsheets (CSV as Excel and WPS read it). The database is
/// opened read-only (a read-only file is fine), and a file that is not a nianbao database is
/// refused, never written to.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print every report's decision and note from a review database (or every change, or every finding).",
        discussion: """
            Fields: path, agency, year, status (approved | needsCorrection | unreviewed), note, errors, warnings, reviewedAt,
            reviewer, noteBy, noteAt, changedSinceReview, missing. With --history: path, kind (decision | note), status,
            previousStatus, undo, note, reviewer, at. With --findings (the reports are read again): path, agency, year, rule,
            severity, line, message, ruling (confirmed | dismissed | open | stale), reason, reviewer.
            CSV is UTF-8 with a byte-order mark and CRLF line ends (as Excel and WPS open it), times local with their offset;
            --lang zh gives Chinese headings and words (文件, 机关, 年度, 状态 … 通过 / 需修改 / 未审).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv }

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Output format: json or csv.")
    var format: Format = .json

    @Option(help: "Language of CSV headings and words: en (the field names) or zh.")
    var lang: OutputLanguage = .en

    @Option(help: "Encoding of CSV: utf-8 (with a byte-order mark) or gbk (for older tools).")
    var encoding: SpreadsheetCSV.Encoding = .utf8

    @Flag(help: "Every decision and note change, with who and when, instead of the reports.")
    var history = false

    @Flag(help: "Every finding of the reports, read again from their files, with its ruling.")
    var findings = false

    @OptionGroup var reading: ReadingOptions

    @Argument(help: "A folder of the project (default: the current folder), when --db is not given.")
    var folder: String?

    func validate() throws {
        if history, findings { throw ValidationError("--history and --findings cannot be given together") }
        if encoding != .utf8, format != .csv { throw ValidationError("--encoding applies to --format csv") }
    }

    func run() throws {
        let project = Project.find(from: folder ?? FileManager.default.currentDirectoryPath)
        let location = try database.location(default: project.database)
        let store = try database.open(location, readOnly: true)
        do {
            if history {
                let entries = try store.history(path: nil)
                try write(json: ReviewExport.json(history: entries), csv: ReviewExport.spreadsheet(history: entries, lang))
            } else if findings {
                let rows = FindingsExport.rows(readReports(try store.all(), root: project.root, timeLimit: reading.timeLimit), rulings: try store.rulings(path: nil))
                try write(json: FindingsExport.json(rows), csv: FindingsExport.spreadsheet(rows, lang))
            } else {
                let records = try store.all()
                try write(json: ReviewExport.json(records), csv: ReviewExport.spreadsheet(records, lang))
            }
        } catch let error as StoreError {
            throw CommandFailure(error.description)
        }
    }

    func write(json: @autoclosure () -> String, csv: @autoclosure () -> SpreadsheetCSV) throws {
        switch format {
        case .json: emit(json())
        case .csv:
            do { emit(try csv().bytes(encoding)) } catch { throw CommandFailure(error.description) }
        }
    }
}

extension OutputLanguage: ExpressibleByArgument {}
extension SpreadsheetCSV.Encoding: ExpressibleByArgument {}

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
