/// A word of a PDF with its box on its page (points, y growing down), and where it
/// stands in the document's text. Tables are read from these positions: a blank cell is
/// a column with no word in it, never a shift of the words after it.
public struct PlacedWord: Sendable, Equatable {
    public let text: String
    public let location: SourceLocation
    /// 1-based page number.
    public let page: Int
    public let x0: Double
    public let y0: Double
    public let x1: Double
    public let y1: Double

    public init(text: String, location: SourceLocation, page: Int, x0: Double, y0: Double, x1: Double, y1: Double) {
        self.text = text
        self.location = location
        self.page = page
        self.x0 = x0
        self.y0 = y0
        self.x1 = x1
        self.y1 = y1
    }

    var height: Double { y1 - y0 }
    var centerX: Double { (x0 + x1) / 2 }
    var centerY: Double { (y0 + y1) / 2 }
}
