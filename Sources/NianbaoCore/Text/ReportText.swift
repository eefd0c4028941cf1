/// The decoded text of a report split into lines. Line numbers in every output refer to it,
/// and the TUI shows exactly these lines as the raw side.
public struct ReportText: Sendable {
    public let string: String
    /// The lines without their terminators (`\n`, `\r\n` and a lone `\r` all end a line).
    public let lines: [Substring]

    public init(_ string: String) {
        self.string = string
        var lines: [Substring] = []
        lines.reserveCapacity(string.utf8.count / 40 + 1)
        let utf8 = string.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A || byte == 0x0D {
                lines.append(Substring(string[start..<index]))
                var next = utf8.index(after: index)
                if byte == 0x0D, next != utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
                start = next
                index = next
            } else {
                index = utf8.index(after: index)
            }
        }
        if start != utf8.endIndex { lines.append(Substring(string[start..<utf8.endIndex])) }
        self.lines = lines
    }

    public var lineCount: Int { lines.count }

    /// The line with the 1-based number `number`, or an empty line past the end.
    public func line(_ number: Int) -> Substring {
        (1...lines.count).contains(number) ? lines[number - 1] : ""
    }
}
