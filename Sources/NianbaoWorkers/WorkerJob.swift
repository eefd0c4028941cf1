import NianbaoCore
import NianbaoFormats

/// What a worker process is asked to do with one file.
public enum WorkerJob: Sendable, Equatable {
    /// Read and check it; send back its summary (findings, cross-year facts).
    case summary
    /// Read and check it; send back its summary and its output in `format`, rendered there.
    case rendered(OutputFormat)
    /// Read and check it; send back what `check` prints of it (rendered there), its counts
    /// of findings and its cross-year facts. The samples folder is shown as `samples/`.
    case checked(CheckRecord.Form, samplesFolder: String?)
    /// Read it; send back the document its reader made (text, grids, placed words), which the
    /// supervisor then parses itself: the worker has shown that this input parses safely.
    case document

    public enum OutputFormat: UInt8, Sendable {
        case json, csv, markdown, text
        /// JSON on one line (for `--format jsonl`).
        case jsonLine
    }
}

/// What came back for one file.
public enum WorkerAnswer: Sendable {
    /// The summary, and the content hash of the bytes read.
    case summary(ReportSummary, hash: String)
    case rendered(ReportSummary, [UInt8])
    case document(SourceDocument)
    /// What `check` prints of the report, its counts of findings and its cross-year facts.
    case checked(FindingCounts, CrossYearFacts, [UInt8])
}

extension WorkerJob {
    func encode(into w: inout WireWriter) {
        switch self {
        case .summary: w.byte(0)
        case .rendered(let format): w.byte(1); w.byte(format.rawValue)
        case .document: w.byte(2)
        case .checked(let form, let samples): w.byte(3); w.byte(form.rawValue); w.optional(samples) { $0.string($1) }
        }
    }

    static func decode(_ r: inout WireReader) throws(WireReader.Malformed) -> WorkerJob {
        switch try r.byte() {
        case 0: return .summary
        case 1:
            guard let format = OutputFormat(rawValue: try r.byte()) else { throw WireReader.Malformed() }
            return .rendered(format)
        case 2: return .document
        case 3:
            guard let form = CheckRecord.Form(rawValue: try r.byte()) else { throw WireReader.Malformed() }
            return .checked(form, samplesFolder: try r.optional { (r: inout WireReader) throws(WireReader.Malformed) in try r.string() })
        default: throw WireReader.Malformed()
        }
    }

    /// Does the job in this process: what the worker runs, and what runs in-process when
    /// no worker can be started.
    public func perform(path: String) -> Result<WorkerAnswer, ReadError> {
        do throws(ReadError) {
            let bytes = try ReportReader.readBytes(path)
            let document = try ReportFiles.document(bytes: bytes, path: path)
            let report = try ReportReader.report(from: document, path: path)
            switch self {
            case .summary: return .success(.summary(ReportSummary(report), hash: ContentHash.of(bytes)))
            case .rendered(let format): return .success(.rendered(ReportSummary(report), Self.render(report, format)))
            case .document: return .success(.document(document))
            case .checked(let form, let samples):
                let summary = ReportSummary(report)
                let shown = CheckRecord.shownPath(path, samplesFolder: samples)
                return .success(.checked(summary.counts, summary.facts, CheckRecord.bytes(summary, form, shownPath: shown)))
            }
        } catch {
            return .failure(error)
        }
    }

    /// A report in one of `extract`'s formats.
    public static func render(_ report: Report, _ format: OutputFormat) -> [UInt8] {
        switch format {
        case .json:
            var json = JSONWriter(capacity: 32_768)
            ReportJSON.write(report, into: &json)
            return json.bytes
        case .jsonLine:
            var json = JSONWriter(pretty: false, capacity: 16_384)
            ReportJSON.write(report, into: &json)
            return json.bytes
        case .csv: return Array(ReportTables.csvRows(report).joined(separator: "\n").utf8)
        case .markdown: return Array(ReportTables.markdown(report).utf8)
        case .text: return Array(report.text.string.utf8)
        }
    }
}

extension WorkerAnswer {
    func encode(into w: inout WireWriter) {
        switch self {
        case .summary(let s, let hash): w.byte(0); w.summary(s); w.string(hash)
        case .rendered(let s, let bytes): w.byte(1); w.summary(s); w.data(bytes)
        case .document(let d): w.byte(2); w.document(d)
        case .checked(let counts, let facts, let bytes):
            w.byte(3); w.int(counts.errors); w.int(counts.warnings); w.int(counts.infos); w.facts(facts); w.data(bytes)
        }
    }

    static func decode(_ r: inout WireReader) throws(WireReader.Malformed) -> WorkerAnswer {
        switch try r.byte() {
        case 0: return .summary(try r.summary(), hash: try r.string())
        case 1: return .rendered(try r.summary(), try r.data())
        case 2: return .document(try r.document())
        case 3:
            let counts = FindingCounts(errors: try r.int(), warnings: try r.int(), infos: try r.int())
            return .checked(counts, try r.facts(), try r.data())
        default: throw WireReader.Malformed()
        }
    }

    /// The summary of the report, when the answer has one.
    public var summary: ReportSummary? {
        switch self {
        case .summary(let s, _), .rendered(let s, _): s
        case .document, .checked: nil
        }
    }
}
