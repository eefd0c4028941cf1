import ArgumentParser
import Foundation
import NianbaoCore
import NianbaoDeliverables
import NianbaoStore

/// `nianbao report`: what a review hands in, written to a folder: `index.html` (the review on
/// one self-contained page), `notices/<机关>-<年度>.docx` (a correction notice per report marked
/// as needing correction) and `findings.csv` (every finding with its ruling).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the documents of a review: index.html, a correction notice per report needing correction, findings.csv.",
        discussion: "The reports are read again from their files (as check reads them) for their findings; the database is only read."
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The folder to write to (made if needed).")
    var out: String

    @OptionGroup var reading: ReadingOptions

    @Argument(help: "Folders or files of the project to report on (default: all of it).")
    var paths: [String] = []

    /// The records under the paths given (all when none), and every ruling standing.
    static func standing(in store: any ReviewStore, scope: [String]) throws -> ([ReviewRecord], [FindingRuling]) {
        do {
            let records = try store.all().filter { record in
                scope.isEmpty || scope.contains { $0.isEmpty || record.path == $0 || record.path.hasPrefix($0 + "/") }
            }
            return (records, try store.rulings(path: nil))
        } catch {
            throw CommandFailure(error.description)
        }
    }

    func run() throws {
        let project = Project.find(from: paths.isEmpty ? FileManager.default.currentDirectoryPath : ReviewCommand.folder(of: paths))
        let location = try database.location(default: project.database)
        let store = try database.open(location, readOnly: true)
        let (records, rulings) = try Self.standing(in: store, scope: paths.map { project.key(of: $0) })
        let read = readReports(records, root: project.root, timeLimit: reading.timeLimit)
        let rows = FindingsExport.rows(read, rulings: rulings)
        let summary = ReviewSummary(records: records, rows: rows, read: read, database: location.display)

        let folder = URL(fileURLWithPath: out)
        let notices = folder.appendingPathComponent("notices")
        do {
            try FileManager.default.createDirectory(at: notices, withIntermediateDirectories: true)
            // So that checking or reviewing the project does not read these as reports.
            try Data("written by nianbao report; folders holding this file are not searched for reports\n".utf8)
                .write(to: folder.appendingPathComponent(InputFiles.outputMarker))
            try Data(ReviewReportPage.html(summary).utf8).write(to: folder.appendingPathComponent("index.html"))
            try Data(FindingsExport.spreadsheet(rows, .zh).bytes(.utf8)).write(to: folder.appendingPathComponent("findings.csv"))
            var written: Set<String> = []
            for entry in summary.entries where entry.status == .needsCorrection {
                var name = CorrectionNotice.fileName(entry)
                // Two reports of one body and year (two files): the second named by its file too.
                if written.contains(name) { name = name.replacingOccurrences(of: ".docx", with: "-\(written.count + 1).docx") }
                written.insert(name)
                try CorrectionNotice.docx(entry).write(to: notices.appendingPathComponent(name))
            }
            emit("\(folder.path)/index.html: \(summary.entries.count) reports; \(written.count) correction notices in notices/; findings.csv: \(rows.count) findings\n")
        } catch let error as CSVEncodingError {
            throw CommandFailure(error.description)
        } catch {
            throw CommandFailure("cannot write to \(folder.path): \(error.localizedDescription)")
        }
    }
}
