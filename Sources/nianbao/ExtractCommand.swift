import ArgumentParser
import NianbaoCore

/// `nianbao extract`: the tables of each report in canonical cell ids, for scripts.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the extracted tables (canonical cell ids, source lines, findings).",
        discussion: "JSON: one object per report, an array when several files. Exit status 2 if a file could not be read."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv, markdown, text }

    @Option(help: "Output format: json, csv, markdown, or text (the report's text as read, which line numbers refer to).")
    var format: Format = .json

    @Argument(help: "Report files or folders. Default: the built-in samples.")
    var files: [String] = []

    func run() throws {
        let input = Inputs.files(files)
        var failures = input.errors
        // Reports are printed as they are read, so that a large folder streams.
        let many = input.files.count + input.errors.count > 1
        var printed = 0
        if format == .json, many { print("[") }
        if format == .csv { print(ReportTables.csvHeader) }
        let format = self.format
        // Each report is rendered on the worker that read it; only the printing is in order.
        BatchReader.forEach(input.files, reader: readReport, transform: { outcome in
            outcome.map { report -> String in
                switch format {
                case .json:
                    var json = JSONWriter()
                    ReportJSON.write(report, into: &json)
                    return json.output
                case .csv:
                    return ReportTables.csvRows(report).joined(separator: "\n")
                case .markdown:
                    return ReportTables.markdown(report)
                case .text:
                    return report.text.string
                }
            }
        }) { _, rendered in
            switch rendered {
            case .failure(let error): failures.append(error)
            case .success(let text):
                switch format {
                case .json: print((printed > 0 ? ",\n" : "") + text, terminator: many ? "" : "\n")
                case .csv: print(text)
                case .markdown: print((printed > 0 ? "\n" : "") + text)
                case .text: print(text, terminator: "")
                }
                printed += 1
            }
        }
        if format == .json, many { print("\n]") }
        for failure in failures { printError(failure.description) }
        if !failures.isEmpty { throw ExitCode(2) }
    }
}
