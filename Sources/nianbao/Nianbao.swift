import ArgumentParser
import NianbaoCore
#if canImport(Glibc)
import Glibc
#endif

/// The `nianbao` command: review, check and extract government information disclosure
/// annual reports (政府信息公开工作年度报告).
@main
struct Nianbao: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nianbao",
        abstract: "Check and extract government information disclosure annual reports (政府信息公开工作年度报告).",
        discussion: """
            With no PATH, every command works on the built-in sample reports.
            Exit status of check: 0 no errors, 1 some report breaks an error rule, 2 some file could not be read.
            """,
        version: Nianbao.version,
        subcommands: [
            CheckCommand.self, ExtractCommand.self, ReviewCommand.self, ExportCommand.self, ReportCommand.self, DatabaseCommand.self,
            RulesCommand.self,
            WorkerCommand.self,
        ],
        defaultSubcommand: CheckCommand.self
    )

    static let version = "0.4.0"

    /// The arguments as the bytes they are: a path in GBK (unzipped from Windows) is kept
    /// with its undecodable bytes escaped and opened as it is (see `FilePath`). A command's
    /// own failure is one line and exit 2.
    static func main() {
        let arguments = (1..<Int(CommandLine.argc)).map { index -> String in
            guard let raw = CommandLine.unsafeArgv[index] else { return "" }
            return FilePath.display(Array(UnsafeBufferPointer(start: UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self), count: strlen(raw))))
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let failure as CommandFailure {
            printError("nianbao: \(failure.description)")
            Glibc.exit(2)
        } catch {
            exit(withError: error)
        }
    }
}
