import ArgumentParser
import NianbaoCore
import NianbaoWorkers

/// `nianbao extract`: the tables of each report in canonical cell ids, for scripts. Each
/// report is rendered by the worker that read it and printed as soon as its turn comes.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the extracted tables (canonical cell ids, source lines, findings).",
        discussion: "JSON: one object per report, an array when several files. Exit status 2 if a file could not be read."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, csv, markdown, text

        var worker: WorkerJob.OutputFormat {
            switch self {
            case .json: .json
            case .csv: .csv
            case .markdown: .markdown
            case .text: .text
            }
        }
    }

    @Option(help: "Output format: json, csv, markdown, or text (the report's text as read, which line numbers refer to).")
    var format: Format = .json

    @OptionGroup var reading: ReadingOptions

    @OptionGroup var language: LanguageOption

    @Argument(help: "Report files or folders. Default: the built-in samples.")
    var files: [String] = []

    func run() throws {
        let input = try Inputs.files(files)
        var failures = input.errors
        let many = input.files.count + input.errors.count > 1
        var printed = 0
        if format == .json, many { emit("[\n") }
        if format == .csv { emit(ReportTables.csvHeader + "\n") }
        let format = self.format
        // What the cross-year rules need of each report; its findings follow the reports.
        var facts: [ReportSummary] = []
        Batch(timeLimit: reading.timeLimit).run(input.files, job: .rendered(format.worker)) { _, outcome in
            switch outcome {
            case .failure(let error):
                printError(error.line(language.lang))
                failures.append(error)
            case .success(let answer):
                guard case .rendered(let summary, let bytes) = answer else { return }
                facts.append(ReportSummary(
                    path: summary.path, agency: summary.agency, year: summary.year, template: summary.template, findings: [],
                    facts: summary.facts))
                switch format {
                case .json:
                    if printed > 0 { emit(",\n") }
                    emit(bytes)
                    if !many { emit("\n") }
                case .csv: emit(bytes); emit("\n")
                case .markdown:
                    if printed > 0 { emit("\n") }
                    emit(bytes); emit("\n")
                case .text: emit(bytes)
                }
                printed += 1
            }
        }
        // The findings that compare a report with the same body's previous year, as check has them.
        CrossYearCheck.apply(to: &facts)
        for summary in facts where !summary.findings.isEmpty {
            switch format {
            case .json:
                var json = JSONWriter()
                json.beginObject()
                json.key("path"); json.string(summary.path)
                json.key("crossYear"); json.raw("true")
                json.key("findings"); json.beginArray()
                for f in summary.findings { ReportJSON.write(f, into: &json) }
                json.endArray()
                json.endObject()
                emit((printed > 0 ? ",\n" : "") + json.output)
                printed += 1
            case .markdown:
                emit("\n## 跨年度比对：\(summary.agency ?? summary.path) \(summary.year.map(String.init) ?? "")\n\n"
                     + summary.findings.map { "- \($0.severity.rawValue) \($0.rule)：\($0.message)\n" }.joined())
            case .csv, .text: break
            }
        }
        if format == .json, many { emit("\n]\n") }
        for failure in input.errors { printError(failure.line(language.lang)) }
        if !failures.isEmpty { throw ExitCode(2) }
    }
}
