import ArgumentParser
import Foundation
import NianbaoCore
import NianbaoSamples
import NianbaoStore
import NianbaoTUI

/// `nianbao review`: the review screen over a folder of reports.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review reports in the terminal: approve each or mark it as needing correction, and keep notes.",
        discussion: """
            Decisions and notes are saved the moment they are made, in .nianbao/reviews.sqlite inside the
            (first) folder opened, or in --db. Press ? in the review screen for the keys.
            """
    )

    @Option(help: "The review database. Default: .nianbao/reviews.sqlite in the first folder opened.")
    var db: String?

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
        for error in input.errors { printError(error.description) }
        guard !input.files.isEmpty else { throw ValidationError("no report files found in \(paths.joined(separator: " "))") }
        let root = ReviewCommand.root(of: paths)
        let databasePath = db ?? (paths.isEmpty ? ".nianbao/reviews.sqlite" : root + "/.nianbao/reviews.sqlite")
        let store: ReviewStore
        do {
            store = try ReviewStore(path: databasePath)
        } catch {
            throw ValidationError("cannot open the review database \(databasePath): \(error)")
        }
        let app = try ReviewApp(
            files: input.files, root: root, store: store, reviewer: ProcessInfo.processInfo.environment["USER"],
            source: WorkerReportSource(timeLimit: reading.timeLimit),
            session: SessionFile(besideDatabase: databasePath, reviewer: ProcessInfo.processInfo.environment["USER"]))
        app.run()
    }

    /// The folder that review keys are relative to: the first folder given, the folder of
    /// the first file, or the built-in samples' folder.
    static func root(of paths: [String]) -> String {
        guard let first = paths.first else { return SampleReports.folder?.path ?? "." }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: first, isDirectory: &isDirectory), isDirectory.boolValue { return first }
        return (first as NSString).deletingLastPathComponent.isEmpty ? "." : (first as NSString).deletingLastPathComponent
    }
}
