import Foundation
@testable import NianbaoFormats

/// A program run to completion by the same runner nianbao uses for pdftotext.
struct Subprocess: Sendable {
    let status: Int32
    let stdout: String
    let stderr: String

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Subprocess {
        let result = try ExternalCommand.run(arguments, environment: environment)
        return Subprocess(status: result.status, stdout: String(decoding: result.stdout, as: UTF8.self), stderr: result.stderr)
    }
}

/// The built `nianbao` binary, beside the test bundle in the build folder.
let nianbaoBinary: String = {
    let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var folder = runner.deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("nianbao").path), folder.path != "/" {
        folder = folder.deletingLastPathComponent()
    }
    return folder.appendingPathComponent("nianbao").path
}()

/// A fresh temporary folder for one test.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
