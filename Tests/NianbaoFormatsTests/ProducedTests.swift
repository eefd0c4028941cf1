import Foundation
import NianbaoCore
import NianbaoFormats
import Testing

/// Reports with known truth written by real office suites: `../shared/produced` (rNN) and
/// this project's own made the same way with other numbers and blanks (pNN). Every file of
/// every producer must give its truth exactly, and the producers of one report the same.
@Suite("Produced reports: every producer gives the truth, and the same as the others", .tags(.slow), .notInQuickRun)
struct ProducedTests {
    static let producers = ["python-docx.docx", "libreoffice.docx", "libreoffice.pdf", "libreoffice.html"]

    struct Truth: Decodable {
        let agency: String
        let year: Int
        let template: String
        let date: String?
        let cells: [String: Value]
        let missing: [String]
        let mustFind: [String]
        let mustNotFind: [String]

        enum Value: Decodable, Equatable, CustomStringConvertible {
            case number(Double), blank
            init(from decoder: Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let n = try? container.decode(Double.self) { self = .number(n) } else {
                    let s = try container.decode(String.self)
                    guard s == "blank" else { throw DecodingError.dataCorruptedError(in: container, debugDescription: s) }
                    self = .blank
                }
            }
            var description: String {
                switch self {
                case .number(let n): n == n.rounded() ? String(Int(n)) : String(n)
                case .blank: "blank"
                }
            }
        }
    }

    static func reports(in folder: URL?, prefix: String) -> [URL] {
        guard let folder, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }.sorted().map { folder.appendingPathComponent($0) }
    }

    static var shared: [URL] { reports(in: sharedProduced, prefix: "r") }
    static var own: [URL] { reports(in: ownProduced, prefix: "p") }

    /// What the core made of a cell, written as the truth writes it.
    static func value(_ cell: Cell?) -> String {
        guard let cell else { return "<absent>" }
        switch cell.value {
        case .number(let q): return q.description
        case .blank: return "blank"
        case .unreadable: return "unreadable"
        }
    }

    func check(_ truthFile: URL) throws {
        let truth = try JSONDecoder().decode(Truth.self, from: Data(contentsOf: truthFile))
        let stem = truthFile.deletingPathExtension().path
        var seen: [(String, [String: String], [String])] = []
        for producer in Self.producers {
            let path = "\(stem).\(producer)"
            let report = try ReportFiles.read(path: path)
            let name = URL(fileURLWithPath: path).lastPathComponent
            #expect(report.agency.map { truth.agency.contains($0) || $0.contains(truth.agency) } == true, "\(name): agency \(report.agency ?? "none")")
            #expect(report.year == truth.year, "\(name)")
            #expect(report.template?.rawValue == truth.template, "\(name)")
            #expect(report.date?.description == truth.date, "\(name): date \(report.date?.description ?? "none")")
            var cells: [String: String] = [:]
            for (id, want) in truth.cells {
                let got = Self.value(report.cells[CellID(id)])
                cells[id] = got
                #expect(got == want.description, "\(name): \(id) = \(got), the report says \(want)")
            }
            #expect(report.missing == truth.missing, "\(name)")
            let rules = Set(report.findings.map(\.rule.rawValue))
            for rule in truth.mustFind { #expect(rules.contains(rule), "\(name): \(rule) not found") }
            for rule in truth.mustNotFind {
                #expect(!rules.contains(rule), "\(name): \(rule) found: \(report.findings.filter { $0.rule.rawValue == rule }.map(\.message))")
            }
            seen.append((name, cells, report.findings.map { "\($0.rule) \($0.cells) \($0.message)" }.sorted()))
        }
        // The producers of one report agree with each other, findings and all.
        for (name, cells, findings) in seen.dropFirst() {
            #expect(cells == seen[0].1, "\(name) and \(seen[0].0) differ in cells")
            #expect(findings == seen[0].2, "\(name) and \(seen[0].0) differ in findings")
        }
    }

    @Test("../shared/produced: python-docx, LibreOffice .docx, .pdf and .html", .needsProduced, .needsPdftotext, arguments: shared)
    func sharedReports(_ truth: URL) throws { try check(truth) }

    @Test("own produced reports: other numbers, blanks in every column, blank 总计 in spanned rows, a wrapped number",
          .needsPdftotext, arguments: own)
    func ownReports(_ truth: URL) throws { try check(truth) }

    @Test("the own produced set is there and covers blanks in every Table 2 column and every spanned row's 总计")
    func ownCoverage() throws {
        #expect(Self.own.count >= 6)
        var blanks = Set<String>()
        for file in Self.own {
            let truth = try JSONDecoder().decode(Truth.self, from: Data(contentsOf: file))
            blanks.formUnion(truth.cells.filter { $0.value == .blank }.map(\.key))
        }
        for column in ["natural", "commercial", "research", "publicInterest", "legal", "otherOrg", "total"] {
            #expect(blanks.contains { $0.hasPrefix("t2.") && $0.hasSuffix(".\(column)") }, "no blank in column \(column)")
        }
        for row in ["new", "carried", "granted", "partial", "resultTotal", "carryForward"] {
            #expect(blanks.contains("t2.\(row).total"), "no blank 总计 in spanned row \(row)")
        }
    }
}
