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
/// list fills in as files are read; registers them in batches through the registrar given;
/// reads again files that changed and new ones; reads the whole report of the selection when
/// asked, keeping the last few. Only digests of the others are kept. The app polls `drain()`.
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
        /// The batch's cross-year findings, once the first reading is done.
        public var crossYear: [Int: [Finding]]?
        /// The first reading of every file is done.
        public var finished = false
    }

    private struct Shared {
        var paths: [String]
        var arrivals = Arrivals()
        var facts: [(Int, CrossYearFacts)] = []
        var done = 0
        var recent: [(path: String, report: Report)] = []
        /// Read but not yet registered.
        var pending: [Loaded] = []
        var lastFlush = DispatchTime.now()
        var firstReadingDone = false
    }

    private let state: Mutex<Shared>
    private let source: any ReportSource
    private let registrar: Registrar?
    private let fetching = DispatchQueue(label: "nianbao.fetch")
    private let reading = DispatchQueue(label: "nianbao.read-again")
    static let kept = 8

    /// Registration goes in batches (one transaction each): at least every 0.1 s, so the
    /// first rows appear at once, and at most 2,000 reports at a time.
    static let flushInterval: UInt64 = 100_000_000
    static let flushSize = 2_000

    /// Reads the first `reading` of `paths` (all by default); the others only keep their places.
    public init(paths: [String], reading: Int? = nil, source: any ReportSource, registrar: Registrar? = nil) {
        state = Mutex(Shared(paths: paths))
        self.source = source
        self.registrar = registrar
        let paths = Array(paths.prefix(reading ?? paths.count))
        let total = paths.count
        if total == 0 { state.withLock { $0.arrivals.finished = true; $0.firstReadingDone = true } }
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            source.summaries(paths) { index, outcome, hash in
                self.arrived(index, outcome, hash, total: total)
            }
        }
    }

    private func digest(_ outcome: Result<ReportSummary, ReadError>) -> ReportDigest {
        switch outcome {
        case .success(let summary): ReportDigest(summary)
        case .failure(let error): .unreadable(error.chineseExplanation)
        }
    }

    /// One file of the first reading.
    private func arrived(_ index: Int, _ outcome: Result<ReportSummary, ReadError>, _ hash: String, total: Int) {
        let digest = digest(outcome)
        let batch: [Loaded]? = state.withLock { shared in
            shared.pending.append(Loaded(index: index, digest: digest, contentHash: hash))
            if case .success(let summary) = outcome { shared.facts.append((index, summary.facts)) }
            shared.done += 1
            let now = DispatchTime.now()
            guard shared.done == total || shared.pending.count >= Self.flushSize
                || now.uptimeNanoseconds - shared.lastFlush.uptimeNanoseconds > Self.flushInterval else { return nil }
            shared.lastFlush = now
            defer { shared.pending = [] }
            return shared.pending
        }
        guard let batch else { return }
        let registered = register(batch)
        state.withLock { shared in
            shared.arrivals.loaded += registered
            if shared.done == total, !shared.firstReadingDone {
                shared.firstReadingDone = true
                shared.arrivals.finished = true
                let ordered = shared.facts.sorted { $0.0 < $1.0 }
                let found = CrossYearCheck.findings(ordered.map(\.1))
                shared.arrivals.crossYear = Dictionary(uniqueKeysWithValues: found.map { (ordered[$0.key].0, $0.value) })
                shared.facts = []
            }
        }
    }

    private func register(_ batch: [Loaded]) -> [Loaded] {
        guard let registrar else { return batch }
        var batch = batch
        let records = registrar(batch)
        for i in batch.indices { batch[i].review = records[batch[i].index] }
        return batch
    }

    /// A new file: its index, and it is read in the background.
    public func add(_ path: String) -> Int {
        let index = state.withLock { shared -> Int in
            shared.paths.append(path)
            return shared.paths.count - 1
        }
        readAgain(index)
        return index
    }

    /// Reads a file again (it changed on disk), in the background.
    public func readAgain(_ index: Int) {
        let path: String? = state.withLock { shared in
            shared.recent.removeAll { $0.path == shared.paths[index] }
            return shared.paths.indices.contains(index) ? shared.paths[index] : nil
        }
        guard let path else { return }
        reading.async { [self] in
            source.summaries([path]) { _, outcome, hash in
                let registered = self.register([Loaded(index: index, digest: self.digest(outcome), contentHash: hash)])
                self.state.withLock { $0.arrivals.loaded += registered }
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
        let path: String? = state.withLock { $0.paths.indices.contains(index) ? $0.paths[index] : nil }
        guard let path else { return }
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
