/// Where a piece of the report came from in the decoded text, so that a reviewer can be
/// taken straight to it. Both numbers are 1-based; the column counts Unicode scalars,
/// so a Chinese character is one column here whatever its display width.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}
