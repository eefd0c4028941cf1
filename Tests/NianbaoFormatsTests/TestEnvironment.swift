import Foundation
import Testing

/// The project's root folder (two above this file's folder).
let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// `../shared/corpus` beside the project, when it is there.
let corpus: URL? = {
    let folder = projectRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    return FileManager.default.fileExists(atPath: folder.appendingPathComponent("SOURCES.tsv").path) ? folder : nil
}()

/// `../shared/produced` beside the project, when it is there.
let sharedProduced: URL? = {
    let folder = projectRoot.deletingLastPathComponent().appendingPathComponent("shared/produced")
    return FileManager.default.fileExists(atPath: folder.appendingPathComponent("README.md").path) ? folder : nil
}()

/// Reports made the same way by this project (Tests/Fixtures/produced/make.py), committed.
let ownProduced = projectRoot.appendingPathComponent("Tests/Fixtures/produced")

let hasPdftotext = FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext")

extension Trait where Self == ConditionTrait {
    /// The test reads `../shared/corpus`.
    static var needsCorpus: Self { .enabled(if: corpus != nil, "../shared/corpus is not beside the project") }
    /// The test reads `../shared/produced`.
    static var needsProduced: Self { .enabled(if: sharedProduced != nil, "../shared/produced is not beside the project") }
    /// The test reads PDF files (Debian package poppler-utils).
    static var needsPdftotext: Self { .enabled(if: hasPdftotext, "pdftotext is not installed (Debian package poppler-utils)") }
}
