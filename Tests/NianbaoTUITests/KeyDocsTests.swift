import Foundation
@testable import NianbaoTUI
import Testing

/// README and docs/tui.md show the keys as the key maps have them, so they cannot drift.
@Suite("The documented keys are the key map's")
struct KeyDocsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("docs/tui.md has the table of every mode; README the browse table", arguments: [
        ("docs/tui.md", [KeyMap.ModeName.browse, .note, .search, .dismiss]), ("README.md", [KeyMap.ModeName.browse]),
    ])
    func tables(_ file: String, _ modes: [KeyMap.ModeName]) throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent(file), encoding: .utf8)
        for mode in modes {
            let table = KeyMap.markdown(mode)
            #expect(text.contains(table), "\(file) lacks the \(mode) keys as the key map has them:\n\(table)")
        }
    }

    @Test("no key acts twice in one mode")
    func unique() {
        for mode in KeyMap.ModeName.allCases {
            let keys = KeyMap.bindings(mode).flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "\(mode)")
        }
    }
}
