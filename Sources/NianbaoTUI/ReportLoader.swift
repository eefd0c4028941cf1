import Dispatch
import NianbaoCore
import NianbaoFormats
import NianbaoStore
import Synchronization

/// How the review screen gets its reports: it is given a batch reader, which reads the
/// files (the command line's reads each in a worker process) and hands each outcome over
/// with its index. The screen itself never opens a report file to parse it.
public typealias ReportSource = @Sendable (_ paths: [String], _ body: @escaping @Sendable (Int, Result<Report, ReadError>) -> Void) -> Void

/// Reads the reports in the background so that the first screen appears at once and the
/// list fills in as files are parsed. The app polls `drain()` between key presses.
public final class ReportLoader: Sendable {
    /// One file read: its report or why it could not be read, and its content hash.
    public struct Loaded: Sendable {
        public let index: Int
        public let report: Report?
        public let failure: String?
        public let contentHash: String
    }

    private let results = Mutex<[Loaded]>([])

    /// Reads in this process, on every core: for tests and for when no worker can start.
    public static let inProcess: ReportSource = { paths, body in
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            do throws(ReadError) {
                body(index, .success(try ReportFiles.read(path: paths[index])))
            } catch {
                body(index, .failure(error))
            }
        }
    }

    public init(paths: [String], source: @escaping ReportSource = ReportLoader.inProcess) {
        let list = paths
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            source(list) { index, outcome in
                let loaded = Self.loaded(list[index], index: index, outcome: outcome)
                self.results.withLock { $0.append(loaded) }
            }
        }
    }

    /// The files read since the last call.
    public func drain() -> [Loaded] { results.withLock { batch in defer { batch.removeAll() }; return batch } }

    static func loaded(_ path: String, index: Int, outcome: Result<Report, ReadError>) -> Loaded {
        let hash = (try? ReportReader.readBytes(path)).map(ContentHash.of) ?? "unreadable"
        switch outcome {
        case .success(let report): return Loaded(index: index, report: report, failure: nil, contentHash: hash)
        case .failure(let error): return Loaded(index: index, report: nil, failure: error.explanation, contentHash: hash)
        }
    }
}
