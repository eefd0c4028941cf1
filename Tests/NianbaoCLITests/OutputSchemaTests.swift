import Foundation
import NianbaoSamples
import Testing

/// `extract`'s JSON as docs/output.md and docs/extract.schema.json describe it, checked with an
/// independent validator (Python's jsonschema).
@Suite("extract's JSON: always an array, every key, unreadable files in the stream, jsonl; valid against the schema")
struct OutputSchemaTests {
    static let hasValidator = (try? Subprocess.run(["python3", "-c", "import jsonschema"]).status) == 0
    static let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/extract.schema.json")

    /// The samples, an empty file, and a sample again under another name a year earlier
    /// (so that the cross-year rules have a pair).
    func folder() throws -> URL {
        let folder = try temporaryFolder()
        for file in SampleReports.files { try FileManager.default.copyItem(at: file, to: folder.appendingPathComponent(file.lastPathComponent)) }
        try Data().write(to: folder.appendingPathComponent("empty.txt"))
        let text = try String(contentsOf: SampleReports.files[0], encoding: .utf8)
        // A year earlier, carrying 3 applications forward that the later year does not take up.
        let earlier = text.replacingOccurrences(of: "2023", with: "2022").replacingOccurrences(of: "2024", with: "2023")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("四、结转下年度继续办理") ? "四、结转下年度继续办理\t\t\t3\t0\t0\t0\t0\t0\t3" : String($0) }.joined(separator: "\n")
        try earlier.write(to: folder.appendingPathComponent("000_earlier.txt"), atomically: true, encoding: .utf8)
        return folder
    }

    func validate(_ json: String, as what: String) throws -> Subprocess {
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            data = json.loads(sys.stdin.read()) if sys.argv[2] == 'array' else [json.loads(l) for l in sys.stdin if l.strip()]
            jsonschema.validate(data, schema)
            print(len(data), sum('error' in r for r in data), sum('crossYear' in r for r in data))
            """
        return try Subprocess.run(["sh", "-c", "python3 -c \"$0\" \"$1\" \"$2\" < \"$3\"", script, Self.schema.path, what, try write(json)])
    }

    func write(_ text: String) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-out-\(UUID().uuidString).json")
        try Data(text.utf8).write(to: file)
        return file.path
    }

    @Test("json and jsonl of a batch with an unreadable file and a cross-year pair are valid, with the same records",
          .enabled(if: hasValidator, "python3 with jsonschema is not installed (.ci/run installs python3-jsonschema)"))
    func valid() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = try Subprocess.run([nianbaoBinary, "extract", "--format", "json", folder.path])
        #expect(json.status == 2)
        let checked = try validate(json.stdout, as: "array")
        #expect(checked.status == 0, "\(checked.stderr)")
        let counts = checked.stdout.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        #expect(counts.count == 3 && counts[0] >= 8 && counts[1] == 1 && counts[2] >= 1, "\(checked.stdout) \(checked.stderr)")

        let lines = try Subprocess.run([nianbaoBinary, "extract", "--format", "jsonl", folder.path])
        #expect(lines.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("{") && $0.hasSuffix("}") })
        let checkedLines = try validate(lines.stdout, as: "lines")
        #expect(checkedLines.status == 0, "\(checkedLines.stderr)")
        #expect(checkedLines.stdout == checked.stdout)
    }

    @Test("one file is still an array, with every key (provenance too)")
    func oneFile() throws {
        let run = try Subprocess.run([nianbaoBinary, "extract", SampleReports.files[0].path])
        let records = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(records.count == 1)
        #expect(Set(records[0].keys) == ["path", "agency", "year", "template", "date", "cells", "provenance", "source", "missing", "findings"])
    }

    @Test("the schema rejects what it should: the check can fail", .enabled(if: hasValidator, "python3 with jsonschema is not installed"))
    func schemaCanFail() throws {
        let broken = try validate("[{\"path\": \"a.txt\", \"agency\": null}]", as: "array")
        #expect(broken.status != 0)
    }
}
