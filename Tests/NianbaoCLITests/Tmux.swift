import Foundation
import Testing

/// A private tmux server (its own socket in a test folder) running the real binary.
final class Tmux {
    static var isAvailable: Bool { (try? Subprocess.run(["tmux", "-V"]).status) == 0 }

    let socket: String
    init(folder: URL) { socket = folder.appendingPathComponent("tmux.sock").path }

    @discardableResult
    func run(_ arguments: String...) throws -> Subprocess {
        try Subprocess.run(["tmux", "-u", "-S", socket] + arguments, environment: ["LANG": "C.UTF-8"])
    }

    func screen() throws -> String { try run("capture-pane", "-p").stdout }

    /// Waits until the screen shows `text` (the app draws asynchronously).
    func waitFor(_ text: String, seconds: Double = 15) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            usleep(100_000)
        }
        Issue.record("timed out waiting for “\(text)”; the screen was:\n\(last)")
        return last
    }

    /// Starts nianbao with `arguments` (already quoted for the shell) in a 160×48 pane, LANG
    /// unset as under CI. exec: the pane's process is nianbao itself, so a signal reaches it alone.
    func start(_ arguments: String, environment: String = "") throws {
        try run("new-session", "-d", "-x", "160", "-y", "48",
                "exec env -u LANG -u LC_ALL -u LC_CTYPE \(environment) '\(nianbaoBinary)' \(arguments)")
    }

    func kill() { _ = try? run("kill-server") }
}

