#if canImport(Glibc)
import Glibc
#endif

/// Standard output for the records of a batch: bytes gathered into one buffer and written in
/// large pieces, so that ten thousand records are not ten thousand system calls. A terminal
/// gets each record at once; whatever is gathered is written on `flush`, before a message on
/// standard error, and when the buffer goes away.
final class OutputBuffer {
    private var bytes: [UInt8] = []
    private let limit: Int

    init(limit: Int = 1 << 16) {
        self.limit = isatty(STDOUT_FILENO) == 1 ? 0 : limit
        bytes.reserveCapacity(self.limit + 4096)
    }

    deinit { flush() }

    func write(_ record: [UInt8]) {
        bytes.append(contentsOf: record)
        if bytes.count >= limit { flush() }
    }

    func write(_ text: String) { write(Array(text.utf8)) }

    func flush() {
        guard !bytes.isEmpty else { return }
        emit(bytes)
        bytes.removeAll(keepingCapacity: true)
    }
}
