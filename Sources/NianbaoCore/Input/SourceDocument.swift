/// What a format reader hands the core: the text that every line number refers to (and
/// that the review screen shows as the raw side), with what the reader knows of the
/// layout beyond that text. A web page or a Word file gives its tables as grids, so that
/// no cell has to be re-guessed from tab text; a PDF gives its words with their boxes on
/// the page. Plain text files give the text alone.
public struct SourceDocument: Sendable {
    public var text: String
    /// Tables as the file structures them, each pointing into `text`.
    public var grids: [TableGrid]
    /// Words with their place on the page (PDF), each pointing into `text`.
    public var words: [PlacedWord]

    public init(text: String, grids: [TableGrid] = [], words: [PlacedWord] = []) {
        self.text = text
        self.grids = grids
        self.words = words
    }

    /// True when the reader knew the layout: the text is then taken as it is (no unflattening).
    var hasLayout: Bool { !grids.isEmpty || !words.isEmpty }
}
