import Foundation
import NianbaoFixtures
import NianbaoFormats
#if canImport(Glibc)
import Glibc
#endif

/// What users run, timed as they run it: `nianbao check --format json` as a process over a
/// folder, beside a program that only reads the same files (`wc -l` for text, `xmllint` for
/// web pages and for the document.xml of Word files, `pdftotext` for PDFs), in one run, so
/// that the figures are ratios to a reference measured on the same machine at the same time.
/// Instructions per input byte come from callgrind when valgrind is installed.
enum CommandBench {
    struct Timing {
        let seconds: Double
        /// The largest resident set of the process and of the workers it waited for, in MB.
        let peakMB: Double
    }

    /// The nianbao binary built beside this benchmark (`swift build -c release` builds both).
    static var nianbao: String? {
        guard let me = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
        let path = URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent("nianbao").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    /// Runs `arguments` in `folder` with its output thrown away: wall time and peak memory.
    static func time(_ arguments: [String], in folder: String) -> Timing? {
        let null = open("/dev/null", O_RDWR)
        defer { close(null) }
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(folder)
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        let start = DispatchTime.now()
        guard let pid = try? ProcessSpawn.spawn(arguments, stdin: null, stdout: null, stderr: null) else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1, errno == EINTR {}
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return Timing(seconds: seconds, peakMB: Double(usage.ru_maxrss) / 1024)
    }

    /// The best of `runs` runs.
    static func best(_ arguments: [String], in folder: String, runs: Int = 3) -> Timing? {
        var best: Timing?
        for _ in 0..<runs {
            guard let timing = time(arguments, in: folder) else { return nil }
            if best == nil || timing.seconds < best!.seconds { best = timing }
        }
        return best
    }

    static func has(_ program: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(program)")
        }
    }

    static func format(_ value: Double) -> String { String(format: "%.2f", value) }

    /// `nianbao check --format json` over the files in `folder` with one worker and with every
    /// core, beside `reference` over `names` in `referenceFolder` (the same files, or what they
    /// hold); prints both and their ratios.
    @discardableResult
    static func compare(
        _ what: String, folder: String, names: [String], referenceFolder: String? = nil, reference: [String], referenceName: String,
        target: Double?, bytes: Int, nianbao: String
    ) -> (one: Timing, all: Timing, reference: Timing)? {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard let referenceTime = best(reference + names, in: referenceFolder ?? folder),
              let one = best([nianbao, "check", "--format", "json", "--jobs", "1", "."], in: folder),
              let all = best([nianbao, "check", "--format", "json", "--jobs", String(cores), "."], in: folder)
        else {
            print("\(what): could not run nianbao or \(referenceName)")
            return nil
        }
        let megabytes = Double(bytes) / 1_048_576
        print("\(what): \(names.count) files, \(String(format: "%.1f", megabytes)) MB")
        print("  \(referenceName): \(format(referenceTime.seconds)) s")
        print("  nianbao check --format json, 1 worker: \(format(one.seconds)) s = \(format(one.seconds / referenceTime.seconds))× \(referenceName)")
        var line = "  nianbao check --format json, \(cores) workers: \(format(all.seconds)) s = \(format(all.seconds / referenceTime.seconds))× \(referenceName)"
        line += ", \(format(one.seconds / all.seconds))× faster than 1 worker, peak memory \(String(format: "%.0f", all.peakMB)) MB"
        print(line)
        if let target {
            let ratio = all.seconds / referenceTime.seconds
            print("  target ≤ \(format(target))× \(referenceName): \(ratio <= target ? "met" : "NOT met")")
        }
        return (one, all, referenceTime)
    }

    /// Instructions per input byte of `arguments` over the files, every process counted.
    static func instructionsPerByte(_ arguments: [String], in folder: String, bytes: Int) -> Double? {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-callgrind-\(getpid())")
        try? FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: out) }
        let valgrind = ["valgrind", "--tool=callgrind", "--trace-children=yes", "--callgrind-out-file=\(out.path)/cg.%p"]
        guard time(valgrind + arguments, in: folder) != nil,
              let files = try? FileManager.default.contentsOfDirectory(atPath: out.path), !files.isEmpty
        else { return nil }
        var total = 0
        for file in files {
            guard let text = try? String(contentsOf: out.appendingPathComponent(file), encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") where line.hasPrefix("summary: ") || line.hasPrefix("totals: ") {
                total += Int(line.split(separator: " ")[1]) ?? 0
                break
            }
        }
        return total > 0 ? Double(total) / Double(bytes) : nil
    }

    /// Writes `files` (name, bytes) into a new folder under `root`.
    static func write(_ files: [(String, [UInt8])], into root: URL, _ name: String) throws -> String {
        let folder = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (file, bytes) in files { try Data(bytes).write(to: folder.appendingPathComponent(file)) }
        return folder.path
    }

    static func run(textFolder: URL, textNames: [String], textBytes: Int, texts: [String], memoryCount: Int) throws {
        print("\nnianbao as users run it (a process over a folder, beside a program that only reads the files):")
        guard let nianbao else {
            print("  no nianbao binary beside the benchmark: run `swift build -c release` first")
            return
        }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-commands-\(getpid())")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }

        // Text reports.
        let text = compare(
            "text reports", folder: textFolder.path, names: textNames, reference: ["wc", "-l"], referenceName: "wc -l", target: 3,
            bytes: textBytes, nianbao: nianbao)
        if let text {
            let scaling = text.one.seconds / text.all.seconds
            print("  target: \(ProcessInfo.processInfo.activeProcessorCount) cores ≥ 1.8× over 1: \(scaling >= 1.8 ? "met" : "NOT met")")
        }

        // Web pages and Word files made from the same reports.
        let count = min(texts.count, 1000)
        let pages = (0..<count).map { ("r\($0).html", Array(pageFromText(texts[$0]).utf8)) }
        let pageFolder = try write(pages, into: root, "pages")
        if has("xmllint") {
            compare(
                "web pages", folder: pageFolder, names: pages.map(\.0), reference: ["xmllint", "--html", "--noout"],
                referenceName: "xmllint --html --noout", target: 1.3, bytes: pages.reduce(0) { $0 + $1.1.count }, nianbao: nianbao)
        } else {
            print("web pages: xmllint is not installed (Debian package libxml2-utils)")
        }
        var documents: [(String, [UInt8])] = []
        var wordFiles: [(String, [UInt8])] = []
        for index in 0..<count {
            let xml = Data(documentXML(fromText: texts[index]).utf8)
            documents.append(("r\(index).xml", [UInt8](xml)))
            wordFiles.append(("r\(index).docx", try wordFile(["word/document.xml": xml])))
        }
        let wordFolder = try write(wordFiles, into: root, "docx")
        let xmlFolder = try write(documents, into: root, "document-xml")
        if has("xmllint") {
            compare(
                "Word files", folder: wordFolder, names: documents.map(\.0), referenceFolder: xmlFolder, reference: ["xmllint", "--noout"],
                referenceName: "xmllint --noout over their document.xml", target: 2,
                bytes: wordFiles.reduce(0) { $0 + $1.1.count }, nianbao: nianbao)
        }

        // PDF: pdftotext does the reading; nianbao's own share is what it adds to it.
        try pdfShare(nianbao: nianbao, root: root)

        // Instructions per byte, where callgrind is available (a smaller sample: it is slow).
        if has("valgrind") {
            let sample = Array(textNames.prefix(300))
            let sampleFolder = root.appendingPathComponent("callgrind")
            try FileManager.default.createDirectory(at: sampleFolder, withIntermediateDirectories: true)
            var sampleBytes = 0
            for name in sample {
                let from = textFolder.appendingPathComponent(name), to = sampleFolder.appendingPathComponent(name)
                try FileManager.default.copyItem(at: from, to: to)
                sampleBytes += (try? FileManager.default.attributesOfItem(atPath: to.path)[.size] as? Int) ?? 0
            }
            // valgrind 3.19 gives up on the DWARF 5 of a Swift release build: a copy without it.
            let copy = root.appendingPathComponent("nianbao").path
            let plain = time(["objcopy", "--strip-debug", nianbao, copy], in: root.path) != nil
                && FileManager.default.isExecutableFile(atPath: copy) ? copy : nianbao
            let ours = instructionsPerByte([plain, "check", "--format", "json", "--jobs", "1", "."], in: sampleFolder.path, bytes: sampleBytes)
            let wc = instructionsPerByte(["wc", "-l"] + sample, in: sampleFolder.path, bytes: sampleBytes)
            print("instructions per input byte (callgrind, \(sample.count) text reports, every process):",
                  "nianbao check --format json \(ours.map { String(format: "%.0f", $0) } ?? "?"),",
                  "wc -l \(wc.map { String(format: "%.1f", $0) } ?? "?")")
        } else {
            print("instructions per byte: valgrind is not installed (Debian package valgrind)")
        }

        // Memory over a large batch: the same reports linked under many names.
        if memoryCount > 0 {
            let many = root.appendingPathComponent("many")
            try FileManager.default.createDirectory(at: many, withIntermediateDirectories: true)
            for index in 0..<memoryCount {
                let from = textFolder.appendingPathComponent(textNames[index % textNames.count]).path
                link(from, many.appendingPathComponent(String(format: "%06d.txt", index)).path)
            }
            if let timing = time([nianbao, "check", "--format", "json", "."], in: many.path) {
                print("memory: nianbao check --format json over \(memoryCount) files: peak \(String(format: "%.0f", timing.peakMB)) MB",
                      "(largest process) in \(format(timing.seconds)) s; target under 200 MB: \(timing.peakMB < 200 ? "met" : "NOT met")")
            }
        }
    }

    /// nianbao's own share of reading PDFs: its time over pdftotext's on the same files.
    static func pdfShare(nianbao: String, root: URL) throws {
        guard has("pdftotext") else {
            print("PDF: pdftotext is not installed (Debian package poppler-utils)")
            return
        }
        let shared = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("../shared")
        let sources = ["produced", "corpus/pdf"].compactMap { folder -> [URL]? in
            try? FileManager.default.contentsOfDirectory(at: shared.appendingPathComponent(folder), includingPropertiesForKeys: nil)
        }.flatMap { $0 }.filter { $0.pathExtension == "pdf" }
        guard !sources.isEmpty else {
            print("PDF: no PDF reports in ../shared (produced, corpus/pdf) to time")
            return
        }
        let folder = root.appendingPathComponent("pdf")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var names: [String] = []
        for copy in 0..<max(1, 60 / sources.count) {
            for (index, source) in sources.enumerated() {
                let name = "p\(copy)-\(index).pdf"
                try FileManager.default.copyItem(at: source, to: folder.appendingPathComponent(name))
                names.append(name)
            }
        }
        // pdftotext as nianbao runs it, one file after another, beside nianbao with one worker.
        let script = "for f in *.pdf; do pdftotext -bbox -enc UTF-8 \"$f\" - > /dev/null; done"
        guard let reference = best(["sh", "-c", script], in: folder.path),
              let ours = best([nianbao, "check", "--format", "json", "--jobs", "1", "."], in: folder.path)
        else { return }
        let share = (ours.seconds - reference.seconds) / reference.seconds
        print("PDF: \(names.count) files; pdftotext -bbox over each \(format(reference.seconds)) s,",
              "nianbao check with 1 worker \(format(ours.seconds)) s: nianbao's own share \(String(format: "%.0f", share * 100))% of pdftotext's",
              "(target ≤ 20%: \(share <= 0.2 ? "met" : "NOT met"))")
    }
}
