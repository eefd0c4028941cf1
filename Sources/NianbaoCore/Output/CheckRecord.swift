/// What `nianbao check` prints of one report: a JSON record of its findings, or lines of text
/// for people. Made on the worker that read the report, as bytes, so that the supervisor only
/// copies them out in order (docs/output.md).
public enum CheckRecord {
    /// The output of `check`: JSON, or text in Chinese or in English.
    public enum Form: UInt8, Sendable {
        case json, textChinese, textEnglish
    }

    /// The record of one report; `crossYear` for the findings that compare it with the same
    /// body's previous year, printed once the batch is read.
    public static func bytes(_ summary: ReportSummary, _ form: Form, shownPath: String, crossYear: Bool = false) -> [UInt8] {
        switch form {
        case .json: json(summary, crossYear: crossYear)
        case .textChinese, .textEnglish: Array(text(summary, chinese: form == .textChinese, shownPath: shownPath, crossYear: crossYear).utf8)
        }
    }

    /// The path as the output names it: the built-in samples as `samples/NAME`, wherever
    /// they are installed.
    public static func shownPath(_ path: String, samplesFolder: String?) -> String {
        if let folder = samplesFolder, path.hasPrefix(folder + "/") { return "samples/" + path.dropFirst(folder.count + 1) }
        return path
    }

    static func json(_ summary: ReportSummary, crossYear: Bool) -> [UInt8] {
        var json = JSONWriter(capacity: 256 + 160 * summary.findings.count)
        json.beginObject()
        json.key("path"); json.string(summary.path)
        json.key("agency"); json.string(summary.agency)
        json.key("year"); json.number(summary.year)
        let counts = summary.counts
        json.key("errors"); json.number(counts.errors)
        json.key("warnings"); json.number(counts.warnings)
        if crossYear { json.key("crossYear"); json.bool(true) }
        json.key("findings"); json.beginArray()
        for f in summary.findings { ReportJSON.write(f, into: &json) }
        json.endArray()
        json.endObject()
        return json.bytes
    }

    static func text(_ summary: ReportSummary, chinese: Bool, shownPath: String, crossYear: Bool) -> String {
        var out = "\(shownPath)  \(who(summary))\n"
        if summary.findings.isEmpty, !crossYear { out += chinese ? "  通过    没有发现问题\n" : "  ok      no findings\n" }
        for f in summary.findings { out += line(f, chinese: chinese) }
        return out
    }

    /// Body, year and format, or what is absent: `某某局 2023 年 2021 格式`.
    public static func who(_ summary: ReportSummary) -> String {
        [summary.agency ?? "（无机关名）", summary.year.map { "\($0) 年" } ?? "（无年度）",
         summary.template.map { "\($0.rawValue) 格式" } ?? "（无表格）"].joined(separator: " ")
    }

    /// One finding: severity, rule and line in columns that line up by display width
    /// (a Chinese character takes two), then the message.
    static func line(_ f: Finding, chinese: Bool) -> String {
        let line = f.line.map { "行 \($0)" } ?? "-"
        let severity = chinese ? f.severity.chineseName : f.severity.rawValue
        return "  \(DisplayWidth.padded(severity, to: 7)) \(DisplayWidth.padded(f.rule.rawValue, to: 18)) \(DisplayWidth.padded(line, to: 7)) \(f.message)\n"
    }
}
