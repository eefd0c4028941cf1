import ArgumentParser

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
        subcommands: [CheckCommand.self, ExtractCommand.self, ReviewCommand.self, ExportCommand.self, RulesCommand.self],
        defaultSubcommand: CheckCommand.self
    )
}
