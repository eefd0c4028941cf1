import Dispatch
import NianbaoCore
import NianbaoFormats
import NianbaoStore
import Synchronization

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

    public init(paths: [String]) {
        let list = paths
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            DispatchQueue.concurrentPerform(iterations: list.count) { index in
                let loaded = Self.load(list[index], index: index)
                results.withLock { $0.append(loaded) }
            }
        }
    }

    /// The files read since the last call.
    public func drain() -> [Loaded] { results.withLock { batch in defer { batch.removeAll() }; return batch } }


    static func load(_ path: String, index: Int) -> Loaded {
        do throws(ReadError) {
            let bytes = try ReportReader.readBytes(path)
            let hash = ContentHash.of(bytes)
            do throws(ReadError) {
                let report = try ReportFiles.read(bytes: bytes, path: path)
                return Loaded(index: index, report: report, failure: nil, contentHash: hash)
            } catch {
                return Loaded(index: index, report: nil, failure: error.explanation, contentHash: hash)
            }
        } catch {
            return Loaded(index: index, report: nil, failure: error.explanation, contentHash: "unreadable")
        }
    }
}
