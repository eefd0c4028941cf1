import Dispatch

/// Reads many reports on every core. Files are taken in chunks, so that a folder of
/// thousands of reports is never held in memory at once unless the caller keeps it.
public enum BatchReader {
    public typealias Outcome = Result<Report, ReadError>
    /// Reads one file into a checked report; the core's own reads text files only, other
    /// formats come from the readers that know them (NianbaoFormats).
    public typealias Reader = @Sendable (String) throws(ReadError) -> Report

    public static let textReader: Reader = { path throws(ReadError) in try ReportReader.read(path: path) }

    /// How many files are read in parallel before their results are handed on.
    public static let chunkSize = 1024

    /// Reads every file and hands each outcome to `body`, in the order of `paths`.
    public static func forEach(_ paths: [String], reader: Reader = textReader, _ body: (Int, Outcome) -> Void) {
        forEach(paths, reader: reader, transform: { $0 }, body)
    }

    /// Reads every file, turns each outcome into what the caller keeps (a summary, a
    /// rendered text) on the worker threads, then hands those to `body` in order. The
    /// reports themselves are made and freed on the workers, in parallel.
    public static func forEach<T>(
        _ paths: [String], reader: Reader = textReader, transform: @Sendable (Outcome) -> T, _ body: (Int, T) -> Void
    ) {
        var start = 0
        while start < paths.count {
            let chunk = Array(paths[start..<min(start + chunkSize, paths.count)])
            let results = UnsafeResults<T>(count: chunk.count)
            DispatchQueue.concurrentPerform(iterations: chunk.count) { index in
                let outcome: Outcome
                do throws(ReadError) { outcome = .success(try reader(chunk[index])) } catch { outcome = .failure(error) }
                results.set(index, transform(outcome))
            }
            for (offset, value) in results.values().enumerated() { body(start + offset, value) }
            start += chunk.count
        }
    }

    /// What `nianbao check` needs of every file: a summary per report, cross-year findings
    /// included, and the files that could not be read. Memory grows with the summaries only.
    public static func check(_ paths: [String], reader: Reader = textReader) -> (summaries: [ReportSummary], failures: [ReadError]) {
        var summaries: [ReportSummary] = []
        var failures: [ReadError] = []
        forEach(paths, reader: reader, transform: { $0.map(ReportSummary.init) }) { _, outcome in
            switch outcome {
            case .success(let summary): summaries.append(summary)
            case .failure(let error): failures.append(error)
            }
        }
        CrossYearCheck.apply(to: &summaries)
        return (summaries, failures)
    }
}

/// Slots written once each from concurrent iterations, read after they all finish.
final class UnsafeResults<T>: @unchecked Sendable {
    private var storage: [T?]
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: T) { storage.withUnsafeMutableBufferPointer { $0[index] = value } }
    func values() -> [T] { storage.map { $0! } }
}
