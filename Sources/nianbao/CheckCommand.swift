import ArgumentParser
import NianbaoCore

/// `nianbao check`: findings for every report, a summary, and an exit status scripts can use.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check reports against every rule and print the findings.",
        discussion: "Exit status: 0 no error findings, 1 at least one error finding, 2 a file could not be read."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Argument(help: "Report files or folders (searched recursively). Default: the built-in samples.")
    var paths: [String] = []

    func run() throws {
        let input = Inputs.files(paths)
        let batch = BatchReader.check(input.files, reader: readReport)
        let failures = input.errors + batch.failures
        let reports = batch.summaries
        switch format {
        case .text: print(CheckText.render(reports: reports, failures: failures), terminator: "")
        case .json: print(CheckJSON.render(reports: reports, failures: failures))
        }
        for failure in failures { printError(failure.description) }
        if !failures.isEmpty { throw ExitCode(2) }
        if reports.contains(where: { $0.count(.error) > 0 }) { throw ExitCode(1) }
    }
}

/// The human-readable output of `check`.
enum CheckText {
    static func render(reports: [ReportSummary], failures: [ReadError]) -> String {
        var out = ""
        for report in reports {
            let who = [report.agency ?? "（无机关名）", report.year.map { "\($0) 年" } ?? "（无年度）",
                       report.template.map { "\($0.rawValue) 格式" } ?? "（无表格）"].joined(separator: " ")
            out += "\(displayPath(report.path))  \(who)\n"
            if report.findings.isEmpty { out += "  ok      no findings\n" }
            for f in report.findings {
                let line = f.line.map { "行 \($0)" } ?? "-"
                out += "  \(f.severity.rawValue.padding(7)) \(f.rule.rawValue.padding(18)) \(line.padding(7)) \(f.message)\n"
            }
        }
        for failure in failures { out += "\(displayPath(failure.path))\n  unreadable  \(failure.explanation)\n" }
        let count = { (s: Severity) in reports.reduce(0) { $0 + $1.count(s) } }
        let withErrors = reports.filter { $0.count(.error) > 0 }.count
        out += "\(reports.count) reports checked, \(withErrors) with errors: \(count(.error)) errors, \(count(.warning)) warnings, \(count(.info)) info; \(failures.count) unreadable\n"
        return out
    }
}

/// The JSON output of `check`: one object per file, read or not.
enum CheckJSON {
    static func render(reports: [ReportSummary], failures: [ReadError]) -> String {
        var json = JSONWriter()
        json.beginArray()
        for report in reports {
            json.beginObject()
            json.key("path"); json.string(report.path)
            json.key("agency"); json.string(report.agency)
            json.key("year"); json.number(report.year)
            json.key("errors"); json.number(report.count(.error))
            json.key("warnings"); json.number(report.count(.warning))
            json.key("findings"); json.beginArray()
            for f in report.findings { ReportJSON.write(f, into: &json) }
            json.endArray()
            json.endObject()
        }
        for failure in failures {
            json.beginObject()
            json.key("path"); json.string(failure.path)
            json.key("error"); json.string(failure.explanation)
            json.endObject()
        }
        json.endArray()
        return json.output
    }
}

extension String {
    /// Pads with spaces to `width` characters (ASCII text only: ids and severities).
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
