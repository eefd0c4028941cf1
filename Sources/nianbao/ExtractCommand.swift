import ArgumentParser
import NianbaoCore
import NianbaoWorkers

/// `nianbao extract`: the tables of each report in canonical cell ids, for scripts. Each
/// report is rendered by the worker that read it and printed as soon as its turn comes.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the extracted tables (canonical cell ids, source lines, findings).",
        discussion: """
            JSON: an array of records, one per file in the order given (a report, or {path, error} for a file that could not be read), then
            one {path, crossYear, findings} per report with findings against its previous year; jsonl: the same records, one a line.
            docs/output.md and docs/extract.schema.json describe them. Exit status 2 if a file could not be read.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, jsonl, csv, markdown, text

        var worker: WorkerJob.OutputFormat {
            switch self {
            case .json: .json
            case .jsonl: .jsonLine
            case .csv: .csv
            case .markdown: .markdown
            case .text: .text
            }
        }
    }

    @Option(help: "Output format: json (an array), jsonl (one record a line, as the batch goes), csv, markdown, or text (the report's text as read, which line numbers refer to).")
    var format: Format = .json

    @OptionGroup var reading: ReadingOptions

    @OptionGroup var language: LanguageOption

    @Argument(help: "Report files or folders. Default: the built-in samples.")
    var files: [String] = []

    func run() throws {
        let input = try Inputs.files(files)
        var failures = input.errors
        let format = self.format
        var records = RecordStream(format: format)
        for failure in input.errors { records.failed(failure) }
        if format == .csv { records.write(ReportTables.csvHeader + "\n") }
        // What the cross-year rules need of each report; its findings follow the reports.
        var facts: [CrossYearFacts] = []
        var printed = 0
        Batch(timeLimit: reading.timeLimit, workers: reading.jobs).run(input.files, job: .rendered(format.worker)) { _, outcome in
            switch outcome {
            case .failure(let error):
                records.flush()
                printError(error.line(language.lang))
                failures.append(error)
                records.failed(error)
            case .success(let answer):
                guard case .rendered(let summary, let bytes) = answer else { return }
                facts.append(summary.facts)
                switch format {
                case .json, .jsonl: records.emitRecord(bytes)
                case .csv: records.write(bytes); records.write("\n")
                case .markdown:
                    if printed > 0 { records.write("\n") }
                    records.write(bytes); records.write("\n")
                case .text: records.write(bytes)
                }
                printed += 1
            }
        }
        // The findings that compare a report with the same body's previous year, as check has them.
        for summary in CrossYearCheck.summaries(facts) {
            switch format {
            case .json, .jsonl:
                var json = JSONWriter(pretty: format == .json)
                ReportJSON.writeCrossYear(summary, into: &json)
                records.emitRecord(json.bytes)
            case .markdown:
                records.write("\n## 跨年度比对：\(summary.agency ?? summary.path) \(summary.year.map(String.init) ?? "")\n\n"
                     + summary.findings.map { "- \($0.severity.rawValue) \($0.rule)：\($0.message)\n" }.joined())
            case .csv, .text: break
            }
        }
        records.end()
        records.flush()
        for failure in input.errors { printError(failure.line(language.lang)) }
        if !failures.isEmpty { throw ExitCode(2) }
    }
}

/// The records of `extract --format json` (one array, written as the batch goes) or `jsonl`
/// (one record a line); other formats write nothing here.
/// Every format's bytes go out through it, gathered into large writes.
struct RecordStream {
    let format: ExtractCommand.Format
    private var count = 0
    private let out = OutputBuffer()

    init(format: ExtractCommand.Format) {
        self.format = format
        if format == .json { out.write("[") }
    }

    func write(_ bytes: [UInt8]) { out.write(bytes) }
    func write(_ text: String) { out.write(text) }
    func flush() { out.flush() }

    mutating func emitRecord(_ bytes: [UInt8]) {
        switch format {
        case .json: out.write(count == 0 ? "\n" : ",\n"); out.write(bytes)
        case .jsonl: out.write(bytes); out.write("\n")
        default: return
        }
        count += 1
    }

    /// A file that could not be read: a record of the same stream.
    mutating func failed(_ failure: ReadError) {
        guard format == .json || format == .jsonl else { return }
        var json = JSONWriter(pretty: format == .json)
        ReportJSON.write(failure, into: &json)
        emitRecord(json.bytes)
    }

    func end() {
        if format == .json { out.write(count == 0 ? "]\n" : "\n]\n") }
    }
}
