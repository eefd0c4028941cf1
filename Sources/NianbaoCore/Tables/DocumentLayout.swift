/// What the format reader knew of a document's layout, indexed for the table reader: the
/// grids of its tables by line, and the placed words of its PDF pages by line.
struct DocumentLayout: Sendable {
    let grids: GridLayout.Index
    /// Placed words, sorted by their line.
    private let words: [PlacedWord]

    init(_ document: SourceDocument) {
        grids = GridLayout.Index(document.grids)
        words = document.words.sorted { $0.location < $1.location }
    }

    static let none = DocumentLayout(SourceDocument(text: ""))

    /// The placed words on the 0-based lines of `range`.
    func words(in range: Range<Int>) -> ArraySlice<PlacedWord> {
        let first = words.partitionPoint { $0.location.line < range.lowerBound + 1 }
        let end = words.partitionPoint { $0.location.line < range.upperBound + 1 }
        return words[first..<max(first, end)]
    }

    /// How the rows of a region are to be read.
    enum Kind { case grid, positions, text }

    /// More words than any table of a report has (a few hundred): such a region is read
    /// from its text lines, so that the time of reading by position stays bounded.
    static let maxWordsByPosition = 20_000

    func kind(of range: Range<Int>) -> Kind {
        if grids.covers(range) { return .grid }
        let count = words(in: range).count
        if count > 0, count <= Self.maxWordsByPosition { return .positions }
        return .text
    }
}

extension Array {
    /// The first index whose element is not `belowBoundary` (the array partitioned by it).
    public func partitionPoint(_ belowBoundary: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if belowBoundary(self[mid]) { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
