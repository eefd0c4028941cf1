/// Why a file could not be read as a report. Every case names the file, so that a batch
/// over a folder can report the one bad file and go on with the others.
public struct ReadError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        case unreadable(String)
        case empty
        case tooLarge(bytes: Int, limit: Int)
        /// The file is within the limit, but what it expands to (a zip's member, a page's text) is not.
        case textTooLarge(limit: Int)
        case binary
        case unknownEncoding
        case notAReport
        case unsupportedFormat(String)
    }

    public let path: String
    public let reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): cannot read this file: \(explanation)" }

    /// The problem in words a reviewer understands.
    public var explanation: String {
        switch reason {
        case .unreadable(let why): "it could not be opened (\(why))"
        case .empty: "the file is empty"
        case .tooLarge(let bytes, let limit):
            "it is \(megabytes(bytes)) MB, more than the \(megabytes(limit)) MB an annual report can be"
        case .textTooLarge(let limit): "what it holds expands to more than the \(megabytes(limit)) MB an annual report can be"
        case .binary: "it is a binary file, not text"
        case .unknownEncoding: "the text is not UTF-8, UTF-16 or GB18030/GBK"
        case .notAReport: "no annual report found: none of the six sections and none of the three tables"
        case .unsupportedFormat(let what): what
        }
    }

    private func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 524_288) / 1_048_576
        return "\(tenths / 10).\(tenths % 10)"
    }
}
