import Foundation

/// The `/` prompt: the query being typed and the pane it searches.
public struct SearchPrompt: Sendable, Equatable {
    public var query: String
    public let pane: Pane
}

/// A search made: what was looked for, where, and the places found (list positions, raw
/// line numbers or table line indices), with the one selected.
public struct SearchResult: Sendable, Equatable {
    public let query: String
    public let pane: Pane
    public let folded: String
    public internal(set) var places: [Int]
    public internal(set) var current: Int?
}

/// Folding for search: full-width and half-width forms alike (NFKC), case ignored, so that
/// "２０２３" finds 2023 and "ＡＢＣ" finds abc.
enum Search {
    static func fold(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.lowercased()
    }
}
