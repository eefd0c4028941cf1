import Foundation
import NianbaoCore
import Testing

/// The extraction of each seed matches `../shared/spec/expected/` cell for cell (the same
/// comparison as `../shared/tools/check-seeds`, run in-process).
@Suite("Seeds: the expected extraction of every sample")
struct SeedTests {
    static let names = ["000", "001", "002", "003", "004"]

    @Test("cells, metadata, missing rows and required findings match the spec",
          .enabled(if: sharedFolder != nil, "../shared/spec/expected is not beside the project"), arguments: names)
    func matchesExpected(prefix: String) throws {
        let shared = try #require(sharedFolder)
        let folder = shared.appendingPathComponent("spec/expected")
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix(prefix) })
        let expected = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(file))) as? [String: Any])
        let report = try sample(prefix)
        #expect(report.agency == expected["agency"] as? String)
        #expect(report.year == expected["year"] as? Int)
        #expect(report.template?.rawValue == expected["template"] as? String)
        #expect(report.date?.description == expected["date"] as? String)
        for (id, want) in try #require(expected["cells"] as? [String: Any]) {
            let cell = try #require(report.cells[CellID(id)], "cell \(id) absent")
            switch want {
            case let text as String: #expect(text == "blank" && cell.value == .blank, "cell \(id)")
            case let n as NSNumber: #expect(cell.value.quantity?.description == n.stringValue, "cell \(id)")
            default: Issue.record("unexpected value for \(id)")
            }
        }
        let missing = Set(report.missing)
        for m in try #require(expected["missing"] as? [String]) { #expect(missing.contains(m), "\(m) not missing") }
        let found = rules(report)
        for r in try #require(expected["mustFind"] as? [String]) { #expect(found.contains(r), "\(r) not found") }
        for r in try #require(expected["mustNotFind"] as? [String]) { #expect(!found.contains(r), "\(r) found") }
    }
}
