import Dispatch
import Foundation
import NianbaoCore
import NianbaoFixtures
import NianbaoFormats
import NianbaoSamples
import NianbaoStore
import NianbaoTUI

/// Throughput of extract + check: `swift run -c release NianbaoBench [count]`.
///
/// Makes `count` reports (default 10,000) from the samples with other numbers, writes them
/// to a temporary folder as real files, then reads and checks the folder the way
/// `nianbao check` does, on every core. Prints MB/s, reports/s and peak memory; then the
/// review screen (ReviewBench.swift), the formats, and team review under load
/// (TeamBench.swift; alone: `NianbaoBench team [writes]`).

switch CommandLine.arguments.dropFirst().first {
case "team":
    try TeamBench.run(writes: CommandLine.arguments.dropFirst(2).first.flatMap(Int.init) ?? 500)
    exit(0)
case "commands":
    break
case "team-reviewer":
    TeamBench.reviewer(arguments: Array(CommandLine.arguments.dropFirst(2)))
    exit(0)
default:
    break
}

/// `NianbaoBench commands [count]`: only the commands as users run them (CommandBench.swift).
let commandsOnly = CommandLine.arguments.dropFirst().first == "commands"
let count = CommandLine.arguments.dropFirst(commandsOnly ? 2 : 1).first.flatMap(Int.init) ?? 10_000
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-bench-\(getpid())")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }

func peakMemoryMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

// Make the corpus: each sample rewritten with fresh numbers, in rotating encodings.
let samples = try SampleReports.files.map { url -> Report in
    try ReportReader.report(from: String(contentsOf: url, encoding: .utf8), path: url.path)
}
var rng = RandomNumbers(seed: 2024)
var paths: [String] = []
var contents: [[UInt8]] = []  // kept for the in-memory run
var bytes = 0
let forms: [FileForm] = [.utf8, .utf8, .utf8, .gb18030, .utf8CRLF]
for index in 0..<count {
    let sample = samples[index % samples.count]
    let text = ReportRewriter.rewrite(sample, with: ConsistentNumbers.make(for: sample, using: &rng))
    let data = forms[index % forms.count].bytes(text)
    let path = folder.appendingPathComponent(String(format: "%05d.txt", index)).path
    try Data(data).write(to: URL(fileURLWithPath: path))
    paths.append(path)
    contents.append(data)
    bytes += data.count
}
let megabytes = Double(bytes) / 1_048_576
print("corpus: \(count) reports, \(String(format: "%.1f", megabytes)) MB, \(ProcessInfo.processInfo.activeProcessorCount) cores")

// What users run, first: nianbao as a process beside wc -l and xmllint (CommandBench.swift).
let commandTexts = try (0..<min(count, 1000)).map { try TextDecoder.decode(contents[$0], path: "x.txt") }
try CommandBench.run(
    textFolder: folder, textNames: paths.map { URL(fileURLWithPath: $0).lastPathComponent }, textBytes: bytes, texts: commandTexts,
    memoryCount: 50_000)
if commandsOnly {
    try? FileManager.default.removeItem(at: folder)
    exit(0)
}

// Warm-up, then the measured runs (what `nianbao check` does): the best of three.
_ = BatchReader.check(Array(paths.prefix(200)))
let memoryBefore = peakMemoryMB()
var best = Double.infinity
var checked = 0
var findingsCount = 0
for _ in 0..<3 {
    let start = DispatchTime.now()
    let batch = BatchReader.check(paths)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    best = min(best, seconds)
    checked = batch.summaries.count
    findingsCount = batch.summaries.reduce(0) { $0 + $1.findings.count }
}
let memoryAfterCheck = peakMemoryMB()

// The core alone, on bytes already in memory: decode, parse, check, on every core.
var bestInMemory = Double.infinity
let corpusBytes = contents, corpusPaths = paths
for _ in 0..<3 {
    let start = DispatchTime.now()
    let results = UnsafeCounts(count)
    DispatchQueue.concurrentPerform(iterations: count) { index in
        if let report = try? ReportReader.report(from: TextDecoder.decode(corpusBytes[index], path: corpusPaths[index]), path: corpusPaths[index]) {
            results.set(index, report.findings.count)
        }
    }
    bestInMemory = min(bestInMemory, Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
}

print("extract+check: \(checked)/\(count) reports read, \(findingsCount) findings")
print(String(format: "in memory (core only): %.3f s  |  %.1f MB/s  |  %.0f reports/s", bestInMemory, megabytes / bestInMemory, Double(count) / bestInMemory))
print(String(format: "from files (nianbao check): %.3f s  |  %.1f MB/s  |  %.0f reports/s", best, megabytes / best, Double(count) / best))
print(String(format: "peak memory: %.0f MB before checking, %.0f MB after checking all %d files", memoryBefore, memoryAfterCheck, count))
print(best < 2.0 && count >= 10_000 ? "target met: 10,000 reports in under 2 s" : "target (10,000 reports in under 2 s): \(count >= 10_000 ? "NOT met" : "run with 10000 to compare")")

/// One slot per report, written from concurrent iterations.
final class UnsafeCounts: @unchecked Sendable {
    var storage: [Int]
    init(_ count: Int) { storage = Array(repeating: 0, count: count) }
    func set(_ index: Int, _ value: Int) { storage.withUnsafeMutableBufferPointer { $0[index] = value } }
}

// The review screen at 1,000, 10,000 and 50,000 reports (see ReviewBench.swift).
try ReviewBench.run(paths: paths, folder: folder)

// The formats: the same reports as web pages and as Word files (made from the generated
// text: paragraphs and one table row per tab row), read and checked in memory on every core.
let formatCount = min(count, 2000)
let texts = try (0..<formatCount).map { try TextDecoder.decode(corpusBytes[$0 % corpusBytes.count], path: "x.txt") }
let pages = texts.map { Array(pageFromText($0).utf8) }
let wordFiles = try texts.map { try wordFile(["word/document.xml": Data(documentXML(fromText: $0).utf8)]) }
for (name, files, ext) in [("HTML", pages, "html"), ("DOCX", wordFiles, "docx")] {
    let size = Double(files.reduce(0) { $0 + $1.count }) / 1_048_576
    var bestFormat = Double.infinity
    var read = 0
    for _ in 0..<3 {
        let results = UnsafeCounts(files.count)
        let start = DispatchTime.now()
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            if let report = try? ReportFiles.read(bytes: files[i], path: "r\(i).\(ext)") { results.set(i, report.cells.count) }
        }
        bestFormat = min(bestFormat, Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
        read = results.storage.filter { $0 > 0 }.count
    }
    print(String(format: "%@: %d files (%.1f MB) read and checked in %.3f s  |  %.1f MB/s  |  %.0f reports/s  (%d with tables)",
                 name, files.count, size, bestFormat, size / bestFormat, Double(files.count) / bestFormat, read))
}
print("PDF: read through pdftotext; time it with `time nianbao check FILE.pdf` (about 33 ms a file here, nearly all pdftotext)")

// Team review: 8 reviewer processes on one database, on each engine (see TeamBench.swift).
try TeamBench.run(writes: 500)
