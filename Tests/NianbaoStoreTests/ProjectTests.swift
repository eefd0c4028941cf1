import Foundation
import NianbaoStore
import Testing

@Suite("One project, one database; who is reviewing")
struct ProjectTests {
    @Test("the project is found by walking up to the nearest .nianbao/; a file has one key from any subfolder")
    func walksUp() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-project-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let sub = root.appendingPathComponent("2024/乡镇")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        // No .nianbao/ anywhere above: the folder opened is the project (its database is made there).
        #expect(Project.find(from: sub.path).root == sub.standardizedFileURL.path)
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".nianbao"), withIntermediateDirectories: true)
        let fromSub = Project.find(from: sub.path), fromRoot = Project.find(from: root.path)
        #expect(fromSub == fromRoot)
        #expect(fromSub.database == root.standardizedFileURL.path + "/.nianbao/reviews.sqlite")
        let file = sub.appendingPathComponent("a.txt").path
        #expect(fromSub.key(of: file) == "2024/乡镇/a.txt")
        #expect(fromRoot.key(of: root.path + "/2024/./乡镇/../乡镇/a.txt") == "2024/乡镇/a.txt")
    }

    @Test("the reviewer is --reviewer, else $USER, else the account's name: never empty")
    func reviewer() {
        #expect(Reviewer.name(given: "李四", environment: ["USER": "wang"]) == "李四")
        #expect(Reviewer.name(given: nil, environment: ["USER": "wang"]) == "wang")
        #expect(Reviewer.name(given: "", environment: ["USER": "wang"]) == "wang")
        let account = Reviewer.name(given: nil, environment: [:])
        #expect(!account.isEmpty)
        #expect(account == NSUserName())
    }
}
