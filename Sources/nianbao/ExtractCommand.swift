import ArgumentParser
import NianbaoCore

/// `nianbao extract`: the tables of each report in canonical cell ids, for scripts.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the extracted tables (canonical cell ids, source lines, findings).",
        discussion: "JSON: one object per report, an array when several files. Exit status 2 if a file could not be read."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv, markdown }

    @Option(help: "Output format: json, csv or markdown.")
    var format: Format = .json

    @Argument(help: "Report files or folders. Default: the built-in samples.")
    var files: [String] = []

    func run() throws {
        let input = Inputs.files(files)
        let outcomes = BatchReader.read(input.files)
        let failures = input.errors + outcomes.compactMap { if case .failure(let e) = $0 { e } else { nil } }
        let reports = outcomes.compactMap { try? $0.get() }
        switch format {
        case .json:
            var json = JSONWriter()
            let many = input.files.count + input.errors.count > 1
            if many { json.beginArray() }
            for report in reports { ReportJSON.write(report, into: &json) }
            if many { json.endArray() }
            if !reports.isEmpty || many { print(json.output) }
        case .csv:
            print(ReportTables.csvHeader)
            for report in reports { for row in ReportTables.csvRows(report) { print(row) } }
        case .markdown:
            print(reports.map(ReportTables.markdown).joined(separator: "\n"))
        }
        for failure in failures { printError(failure.description) }
        if !failures.isEmpty { throw ExitCode(2) }
    }
}
