import Dispatch

/// Reads many reports on every core, keeping the order of the input, then runs the
/// cross-year rules over the ones that were read.
public enum BatchReader {
    public typealias Outcome = Result<Report, ReadError>

    public static func read(_ paths: [String]) -> [Outcome] {
        let results = UnsafeResults<Outcome>(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let outcome: Outcome
            do throws(ReadError) { outcome = .success(try ReportReader.read(path: paths[index])) } catch { outcome = .failure(error) }
            results.set(index, outcome)
        }
        var outcomes = results.values()
        var reports = outcomes.compactMap { try? $0.get() }
        CrossYearCheck.apply(to: &reports)
        var next = reports.makeIterator()
        for index in outcomes.indices where (try? outcomes[index].get()) != nil {
            outcomes[index] = .success(next.next()!)
        }
        return outcomes
    }
}

/// Slots written once each from concurrent iterations, read after they all finish.
final class UnsafeResults<T>: @unchecked Sendable {
    private var storage: [T?]
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: T) { storage.withUnsafeMutableBufferPointer { $0[index] = value } }
    func values() -> [T] { storage.map { $0! } }
}
