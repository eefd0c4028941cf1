import Dispatch
import NianbaoCore
import NianbaoFormats
import NianbaoStore
import Synchronization

/// How the review screen gets its reports: it is given a source, which reads the files (the
/// command line's reads each in a worker process). The screen itself never opens a report.
public protocol ReportSource: Sendable {
    /// Reads every file and hands over each summary (or why it could not be read) with its
    /// index and content hash, in any order, from any thread.
    func summaries(_ paths: [String], _ body: @escaping @Sendable (Int, Result<ReportSummary, ReadError>, String) -> Void)
    /// The whole report of one file, to show it.
    func report(_ path: String) -> Result<Report, ReadError>
}

/// Reads in this process, on every core: for tests, the benchmark, and where no worker can start.
public struct LocalReportSource: ReportSource {
    public init() {}

    public func summaries(_ paths: [String], _ body: @escaping @Sendable (Int, Result<ReportSummary, ReadError>, String) -> Void) {
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            do throws(ReadError) {
                let bytes = try ReportReader.readBytes(paths[index])
                let hash = ContentHash.of(bytes)
                do throws(ReadError) {
                    body(index, .success(ReportSummary(try ReportFiles.read(bytes: bytes, path: paths[index]))), hash)
                } catch {
                    body(index, .failure(error), hash)
                }
            } catch {
                body(index, .failure(error), "unreadable")
            }
        }
    }

    public func report(_ path: String) -> Result<Report, ReadError> {
        do throws(ReadError) { return .success(try ReportFiles.read(path: path)) } catch { return .failure(error) }
    }
}

/// Reads the reports in the background so that the first screen appears at once and the
/// list fills in as files are read; reads the whole report of the selection when asked,
/// keeping the last few. Only digests of the others are kept. The app polls `drain()`.
public final class ReportLoader: Sendable {
    /// One file read: what the list keeps of it and its content hash, and its review record
    /// once registered.
    public struct Loaded: Sendable {
        public let index: Int
        public let digest: ReportDigest
        public let contentHash: String
        public var review: ReviewRecord?
    }

    /// Registers what was read (in the store), off the screen's thread, and gives back the
    /// records by index.
    public typealias Registrar = @Sendable ([Loaded]) -> [Int: ReviewRecord]

    /// What arrived since the last `drain()`.
    public struct Arrivals: Sendable {
        public var loaded: [Loaded] = []
        public var reports: [(index: Int, report: Report?)] = []
        /// The batch's cross-year findings, once everything is read.
        public var crossYear: [Int: [Finding]]?
    }

    private struct Shared {
        var arrivals = Arrivals()
        var facts: [(Int, CrossYearFacts)] = []
        var done = 0
        var recent: [(path: String, report: Report)] = []
        /// Read but not yet registered.
        var pending: [Loaded] = []
        var lastFlush = DispatchTime.now()
        var crossYearDone = false
    }

    private let state = Mutex(Shared())
    private let paths: [String]
    private let source: any ReportSource
    private let fetching = DispatchQueue(label: "nianbao.fetch")
    static let kept = 8

    /// Registration goes in batches (one transaction each): at least every 0.1 s, so the
    /// first rows appear at once, and at most 2,000 reports at a time.
    static let flushInterval: UInt64 = 100_000_000
    static let flushSize = 2_000

    public init(paths: [String], source: any ReportSource, registrar: Registrar? = nil) {
        self.paths = paths
        self.source = source
        let total = paths.count
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            source.summaries(paths) { index, outcome, hash in
                let digest: ReportDigest
                var facts: CrossYearFacts?
                switch outcome {
                case .success(let summary):
                    digest = ReportDigest(summary)
                    facts = summary.facts
                case .failure(let error):
                    digest = .unreadable(error.explanation)
                }
                let batch: [Loaded]? = self.state.withLock { shared in
                    shared.pending.append(Loaded(index: index, digest: digest, contentHash: hash))
                    if let facts { shared.facts.append((index, facts)) }
                    shared.done += 1
                    let now = DispatchTime.now()
                    guard shared.done == total || shared.pending.count >= Self.flushSize
                        || now.uptimeNanoseconds - shared.lastFlush.uptimeNanoseconds > Self.flushInterval else { return nil }
                    shared.lastFlush = now
                    defer { shared.pending = [] }
                    return shared.pending
                }
                guard var batch else { return }
                if let registrar {
                    let records = registrar(batch)
                    for i in batch.indices { batch[i].review = records[batch[i].index] }
                }
                self.state.withLock { shared in
                    shared.arrivals.loaded += batch
                    if shared.done == total, !shared.crossYearDone {
                        shared.crossYearDone = true
                        let ordered = shared.facts.sorted { $0.0 < $1.0 }
                        let found = CrossYearCheck.findings(ordered.map(\.1))
                        shared.arrivals.crossYear = Dictionary(uniqueKeysWithValues: found.map { (ordered[$0.key].0, $0.value) })
                        shared.facts = []
                    }
                }
            }
        }
    }

    /// Everything that arrived since the last call.
    public func drain() -> Arrivals {
        state.withLock { shared in
            defer { shared.arrivals = Arrivals() }
            return shared.arrivals
        }
    }

    /// Reads the whole report of entry `index` in the background (at once if it is kept).
    public func fetch(_ index: Int) {
        guard paths.indices.contains(index) else { return }
        let path = paths[index]
        let kept = state.withLock { shared in shared.recent.first { $0.path == path }?.report }
        if let kept {
            state.withLock { $0.arrivals.reports.append((index, kept)) }
            return
        }
        fetching.async { [self] in
            let report = try? source.report(path).get()
            state.withLock { shared in
                shared.arrivals.reports.append((index, report))
                if let report {
                    shared.recent.removeAll { $0.path == path }
                    shared.recent.append((path, report))
                    if shared.recent.count > Self.kept { shared.recent.removeFirst() }
                }
            }
        }
    }
}
