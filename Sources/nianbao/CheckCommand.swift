import ArgumentParser
import NianbaoCore
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
        var facts: [ReportSummary] = []
        Batch(timeLimit: reading.timeLimit).run(input.files, job: .summary) { _, outcome in
            switch outcome {
            case .success(let answer):
                guard let summary = answer.summary else { return }
                output.report(summary)
                facts.append(ReportSummary(
                    path: summary.path, agency: summary.agency, year: summary.year, template: summary.template, findings: [],
                    facts: summary.facts))
            case .failure(let error):
                output.failed(error)
            }
        }
        CrossYearCheck.apply(to: &facts)
        output.crossYear(facts.filter { !$0.findings.isEmpty })
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

    func validate() throws {
        guard timeLimit > 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be a positive number of seconds") }
    }
}

/// The output of `check`, written as the batch goes: text for people, or a JSON array of one
/// object per file (read or not), then one per report with cross-year findings.
struct CheckOutput {
    let format: CheckCommand.Format
    let language: OutputLanguage
    private(set) var reports = 0
    private(set) var withErrors = 0
    private(set) var failures = 0
    private(set) var errors = 0
    private var warnings = 0
    private var infos = 0
    private var records = 0

    init(format: CheckCommand.Format, language: OutputLanguage = .zh) {
        self.format = format
        self.language = language
        if format == .json { emit("[") }
    }

    mutating func report(_ summary: ReportSummary) {
        reports += 1
        count(summary.findings)
        if summary.count(.error) > 0 { withErrors += 1 }
        switch format {
        case .text:
            var out = "\(displayPath(summary.path))  \(Self.who(summary))\n"
            if summary.findings.isEmpty { out += language == .zh ? "  通过    没有发现问题\n" : "  ok      no findings\n" }
            for f in summary.findings { out += line(f) }
            emit(out)
        case .json:
            record(summary)
        }
    }

    mutating func failed(_ failure: ReadError) {
        failures += 1
        printError(failure.line(language))
        switch format {
        case .text:
            emit("\(displayPath(failure.path))\n  \(language == .zh ? "无法读取" : "unreadable")  \(failure.explanation(language))\n")
        case .json:
            var json = JSONWriter()
            json.beginObject()
            json.key("path"); json.string(failure.path)
            json.key("error"); json.string(failure.explanation)
            json.endObject()
            emitRecord(json.output)
        }
    }

    /// The findings that compare a report with the same body's previous year.
    mutating func crossYear(_ summaries: [ReportSummary]) {
        guard !summaries.isEmpty else { return }
        if format == .text {
            emit(language == .zh ? "跨年度比对（与同一机关上一年度报告）：\n" : "Compared with the same body's previous year:\n")
        }
        for summary in summaries {
            count(summary.findings)
            switch format {
            case .text:
                emit("\(displayPath(summary.path))  \(Self.who(summary))\n" + summary.findings.map(line).joined())
            case .json:
                record(summary, crossYear: true)
            }
        }
    }

    mutating func end() {
        switch format {
        case .text:
            switch language {
            case .zh: emit("已检查 \(reports) 份报告，\(withErrors) 份有错误：错误 \(errors)，警告 \(warnings)，提示 \(infos)；无法读取 \(failures) 份\n")
            case .en:
                emit("\(reports) reports checked, \(withErrors) with errors: \(errors) errors, \(warnings) warnings, \(infos) info; \(failures) unreadable\n")
            }
        case .json:
            emit(records > 0 ? "\n]\n" : "]\n")
        }
    }

    private mutating func count(_ findings: [Finding]) {
        for f in findings {
            switch f.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: infos += 1
            }
        }
    }

    private mutating func record(_ summary: ReportSummary, crossYear: Bool = false) {
        var json = JSONWriter()
        json.beginObject()
        json.key("path"); json.string(summary.path)
        json.key("agency"); json.string(summary.agency)
        json.key("year"); json.number(summary.year)
        json.key("errors"); json.number(summary.count(.error))
        json.key("warnings"); json.number(summary.count(.warning))
        if crossYear { json.key("crossYear"); json.raw("true") }
        json.key("findings"); json.beginArray()
        for f in summary.findings { ReportJSON.write(f, into: &json) }
        json.endArray()
        json.endObject()
        emitRecord(json.output)
    }

    private mutating func emitRecord(_ text: String) {
        emit((records > 0 ? ",\n" : "\n") + text)
        records += 1
    }

    static func who(_ summary: ReportSummary) -> String {
        [summary.agency ?? "（无机关名）", summary.year.map { "\($0) 年" } ?? "（无年度）",
         summary.template.map { "\($0.rawValue) 格式" } ?? "（无表格）"].joined(separator: " ")
    }

    /// One finding: severity, rule and line in columns that line up by display width
    /// (a Chinese character takes two), then the message.
    func line(_ f: Finding) -> String {
        let line = f.line.map { "行 \($0)" } ?? "-"
        return "  \(language.severity(f.severity).padding(7)) \(f.rule.rawValue.padding(18)) \(line.padding(7)) \(f.message)\n"
    }
}

extension String {
    /// Pads with spaces to `width` terminal columns (a Chinese character takes two).
    func padding(_ width: Int) -> String {
        let shown = DisplayWidth.of(self)
        return shown >= width ? self : self + String(repeating: " ", count: width - shown)
    }
}
