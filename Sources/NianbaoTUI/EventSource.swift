/// Where the run loop's keys and resizes come from: the terminal, or a script in tests and
/// the benchmark.
public protocol EventSource: AnyObject {
    /// The next key or resize, or nil when none came within the poll interval.
    func nextEvent() -> Event?
}

/// Keys given in advance, handed out one per poll; when they run out, the source quits.
public final class ScriptedEvents: EventSource {
    private var pending: [Event]
    /// Polls answered with nothing between two events, so background work can arrive.
    private let idlePolls: Int
    private var idle = 0

    public init(_ events: [Event], idlePolls: Int = 0) {
        pending = events
        self.idlePolls = idlePolls
    }

    public convenience init(keys: [Key], idlePolls: Int = 0) {
        self.init(keys.map { .key($0) } + [.key(.character("q"))], idlePolls: idlePolls)
    }

    public var isEmpty: Bool { pending.isEmpty }

    public func nextEvent() -> Event? {
        if idle < idlePolls {
            idle += 1
            return nil
        }
        idle = 0
        return pending.isEmpty ? .key(.character("q")) : pending.removeFirst()
    }
}
