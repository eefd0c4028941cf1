import ArgumentParser
import NianbaoCore
import NianbaoSamples
import NianbaoDeliverables
import NianbaoTUI
import NianbaoWorkers

/// `nianbao check`: findings for every report, a summary, and an exit status scripts can use.
/// Each report is printed as soon as it is read; the cross-year findings, which need the
/// whole batch, follow the reports.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check reports against every rule and print the findings.",
        discussion: "Exit status: 0 no error findings, 1 at least one error finding, 2 a file could not be read."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @OptionGroup var reading: ReadingOptions

    @OptionGroup var language: LanguageOption

    @Argument(help: "Report files or folders (searched recursively). Default: the built-in samples.")
    var paths: [String] = []

    func run() throws {
        let input = try Inputs.files(paths)
        var output = CheckOutput(format: format, language: language.lang)
        for failure in input.errors { output.failed(failure) }
        // What the cross-year rules need of each report; the findings are printed and let go.
        var facts: [CrossYearFacts] = []
        let job = WorkerJob.checked(output.form, samplesFolder: SampleReports.folder?.path)
        Batch(timeLimit: reading.timeLimit, workers: reading.jobs).run(input.files, job: job) { _, outcome in
            switch outcome {
            case .success(.checked(let counts, let found, let record)):
                output.report(counts, record)
                facts.append(found)
            case .success:
                break
            case .failure(let error):
                output.failed(error)
            }
        }
        output.crossYear(CrossYearCheck.summaries(facts))
        output.end()
        if output.failures > 0 { throw ExitCode(2) }
        if output.errors > 0 { throw ExitCode(1) }
    }
}

/// The language of a command's messages: Chinese, as the review screen and the findings
/// speak, or English.
struct LanguageOption: ParsableArguments {
    @Option(help: "Language of the summary and of the reasons a file could not be read: zh or en.")
    var lang: OutputLanguage = .zh
}

extension ReadError {
    /// The one line that names the file and says why, in the language asked for.
    func line(_ language: OutputLanguage) -> String { language == .zh ? chineseDescription : description }
    func explanation(_ language: OutputLanguage) -> String { language == .zh ? chineseExplanation : explanation }
}

/// Options of the commands that read files.
struct ReadingOptions: ParsableArguments {
    @Option(name: .customLong("time-limit"), help: "Seconds one file may take to read before it is given up (default 10).")
    var timeLimit: Double = WorkerPool.defaultTimeLimit

    @Option(help: "How many files are read at once, each in its own worker process (default: one per core).")
    var jobs: Int?

    func validate() throws {
        guard timeLimit > 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be a positive number of seconds") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }
}

/// The output of `check`, written as the batch goes: text for people, or a JSON array of one
/// object per file (read or not), then one per report with cross-year findings. Each
/// report's record comes rendered from the worker that read it; this only counts and copies.
struct CheckOutput {
    let format: CheckCommand.Format
    let language: OutputLanguage
    private(set) var reports = 0
    private(set) var withErrors = 0
    private(set) var failures = 0
    private var counts = FindingCounts()
    private var records = 0
    private let out = OutputBuffer()

    var errors: Int { counts.errors }

    init(format: CheckCommand.Format, language: OutputLanguage = .zh) {
        self.format = format
        self.language = language
        if format == .json { out.write("[") }
    }

    /// The form the workers render each report in.
    var form: CheckRecord.Form {
        switch format {
        case .json: .json
        case .text: language == .zh ? .textChinese : .textEnglish
        }
    }

    /// A report read and checked: its counts, and its record as the worker rendered it.
    mutating func report(_ found: FindingCounts, _ record: [UInt8]) {
        reports += 1
        counts += found
        if found.errors > 0 { withErrors += 1 }
        if format == .json { separate() }
        out.write(record)
    }

    mutating func failed(_ failure: ReadError) {
        failures += 1
        out.flush()
        printError(failure.line(language))
        switch format {
        case .text:
            out.write("\(displayPath(failure.path))\n  \(language == .zh ? "无法读取" : "unreadable")  \(failure.explanation(language))\n")
        case .json:
            var json = JSONWriter()
            ReportJSON.write(failure, into: &json)
            separate()
            out.write(json.bytes)
        }
    }

    /// The findings that compare a report with the same body's previous year.
    mutating func crossYear(_ summaries: [ReportSummary]) {
        guard !summaries.isEmpty else { return }
        if format == .text {
            out.write(language == .zh ? "跨年度比对（与同一机关上一年度报告）：\n" : "Compared with the same body's previous year:\n")
        }
        for summary in summaries {
            counts += summary.counts
            if format == .json { separate() }
            out.write(CheckRecord.bytes(summary, form, shownPath: displayPath(summary.path), crossYear: true))
        }
    }

    mutating func end() {
        switch format {
        case .text:
            let (errors, warnings, infos) = (counts.errors, counts.warnings, counts.infos)
            switch language {
            case .zh: out.write("已检查 \(reports) 份报告，\(withErrors) 份有错误：错误 \(errors)，警告 \(warnings)，提示 \(infos)；无法读取 \(failures) 份\n")
            case .en:
                out.write("\(reports) reports checked, \(withErrors) with errors: \(errors) errors, \(warnings) warnings, \(infos) info; \(failures) unreadable\n")
            }
        case .json:
            out.write(records > 0 ? "\n]\n" : "]\n")
        }
        out.flush()
    }

    /// What comes before a record of the JSON array.
    private mutating func separate() {
        out.write(records > 0 ? ",\n" : "\n")
        records += 1
    }
}

extension String {
    /// Pads with spaces to `width` terminal columns (a Chinese character takes two).
    func padding(_ width: Int) -> String { DisplayWidth.padded(self, to: width) }
}
