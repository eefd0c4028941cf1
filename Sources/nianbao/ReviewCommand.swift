import ArgumentParser
import Foundation
import NianbaoCore
import NianbaoFormats
import NianbaoSamples
import NianbaoStore
import NianbaoTUI

/// `nianbao review`: the review screen over a folder of reports.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review reports in the terminal: approve each or mark it as needing correction, and keep notes.",
        discussion: """
            Decisions and notes are saved as they are made in the project's database: .nianbao/reviews.sqlite in the
            nearest folder up that has a .nianbao/ (else in the folder opened), or --db (a SQLite file, or
            postgresql://user@host:port/database for a team). Press ? in the review screen for the keys.
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Who is reviewing (default: $USER, else the account name).")
    var reviewer: String?

    @OptionGroup var reading: ReadingOptions

    @Argument(help: "Report files or folders. Default: the built-in samples.")
    var paths: [String] = []

    func validate() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw ValidationError("review needs a terminal; for scripts use `nianbao check` or `nianbao export`")
        }
    }

    func run() throws {
        let input = try Inputs.files(paths)
        for error in input.errors { printError(error.chineseDescription) }
        let project = Project.find(from: ReviewCommand.folder(of: paths))
        let location = try database.location(default: project.database)
        let store = try database.open(location)
        let name = Reviewer.name(given: reviewer)
        let opened = paths.isEmpty ? [SampleReports.folder?.path ?? "."] : paths
        let scope = opened.map { path -> String in
            let key = project.key(of: path)
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue && !key.isEmpty ? key + "/" : key
        }
        let rescanned = opened
        let app: ReviewApp
        do {
            app = try ReviewApp(
                files: input.files, root: project.root, store: store, reviewer: name,
                source: WorkerReportSource(timeLimit: reading.timeLimit),
                session: SessionFile(path: project.root + "/\(Project.folderName)/session-\(SessionFile.safeName(name)).json"),
                scope: scope, rescan: { InputFiles.collect(rescanned, extensions: ReportFiles.extensions).files })
        } catch {
            throw CommandFailure("cannot open the review database \(location.display): \(error)")
        }
        app.run()
    }

    /// The folder a review's project is looked for from: the first folder given, the folder
    /// of the first file, or the current folder (for the built-in samples).
    static func folder(of paths: [String]) -> String {
        guard let first = paths.first else { return FileManager.default.currentDirectoryPath }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: first, isDirectory: &isDirectory), isDirectory.boolValue { return first }
        let parent = (first as NSString).deletingLastPathComponent
        return parent.isEmpty ? "." : parent
    }
}

/// `--db`, as review, export and db take it.
struct DatabaseOptions: ParsableArguments {
    @Option(help: "The review database: a SQLite file, postgresql://user@host:port/database, or postgresql: for the PG* variables.")
    var db: String?

    func location(default path: String) throws -> DatabaseLocation {
        do { return try DatabaseLocation.parse(db ?? path) } catch { throw CommandFailure(error.description) }
    }

    func open(_ location: DatabaseLocation, readOnly: Bool = false) throws -> any ReviewStore {
        do { return try location.open(readOnly: readOnly) } catch { throw CommandFailure(error.description) }
    }
}
