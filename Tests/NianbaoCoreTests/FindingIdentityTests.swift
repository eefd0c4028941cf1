import Foundation
import NianbaoCore
import NianbaoSamples
import Testing

/// A finding's identity (what a reviewer's ruling is kept under) stays the same when its
/// report is read again, and changes when a number it states changes.
@Suite("Finding identity")
struct FindingIdentityTests {
    @Test("every sample read twice gives the same identities, and none twice within a report")
    func stable() throws {
        for url in SampleReports.files {
            let text = try String(contentsOf: url, encoding: .utf8)
            let first = try ReportReader.report(from: text, path: url.path).findings.map(\.identity)
            let again = try ReportReader.report(from: text, path: "elsewhere/" + url.lastPathComponent).findings.map(\.identity)
            #expect(first == again, "\(url.lastPathComponent)")
            #expect(Set(first).count == first.count, "\(url.lastPathComponent): \(first)")
        }
    }

    @Test("a changed number in a finding's cells changes that finding's identity; the report's other findings keep theirs")
    func changedNumber() throws {
        // A clean sample with a Table 3 total one too many: findings about that total.
        let clean = try ReportReader.report(from: try sampleText("000"), path: "a.txt")
        #expect(clean.findings.isEmpty)
        let total = try #require(clean.orderedCellIDs.first { $0.rawValue.hasPrefix("t3.") && $0.rawValue.hasSuffix(".total") && clean.quantity($0) != nil })
        let wrongText = try bump(total, in: try sampleText("000"), clean)
        let wrong = try ReportReader.report(from: wrongText, path: "a.txt")
        let aboutTotal = wrong.findings.filter { $0.cells.contains(total) }
        #expect(!aboutTotal.isEmpty)
        // Read again: the same identities.
        #expect(try ReportReader.report(from: wrongText, path: "b.txt").findings.map(\.identity) == wrong.findings.map(\.identity))
        // Another wrong number elsewhere adds its findings; the first ones keep their identities.
        let other = try #require(wrong.orderedCellIDs.first { $0.rawValue.hasPrefix("t2.") && $0.rawValue.hasSuffix(".total") && wrong.quantity($0) != nil })
        let both = try ReportReader.report(from: try bump(other, in: wrongText, wrong), path: "a.txt")
        for finding in aboutTotal { #expect(both.findings.map(\.identity).contains(finding.identity), "\(finding.identity)") }
        // The same total wrong by another amount: its findings are other findings.
        let twice = try ReportReader.report(from: try bump(total, in: wrongText, wrong), path: "a.txt")
        let twiceAbout = Set(twice.findings.filter { $0.cells.contains(total) }.map(\.identity))
        #expect(!twiceAbout.isEmpty)
        #expect(twiceAbout.isDisjoint(with: aboutTotal.map(\.identity)))
    }

    /// The text with the number of `cell` one more, where the report says it was read.
    func bump(_ cell: CellID, in text: String, _ report: Report) throws -> String {
        let source = try #require(report.cells[cell]?.source)
        let value = try #require(report.quantity(cell))
        var lines = text.components(separatedBy: "\n")
        var line = Array(lines[source.line - 1].unicodeScalars)
        let start = source.column - 1
        var end = start
        while end < line.count, ("0"..."9").contains(line[end]) { end += 1 }
        #expect(String(String.UnicodeScalarView(line[start..<end])) == "\(value)")
        line.replaceSubrange(start..<end, with: "\(Int("\(value)")! + 1)".unicodeScalars)
        lines[source.line - 1] = String(String.UnicodeScalarView(line))
        return lines.joined(separator: "\n")
    }
}
