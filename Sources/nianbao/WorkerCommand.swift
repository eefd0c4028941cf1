import ArgumentParser
import NianbaoWorkers

/// `nianbao worker`: what nianbao starts to read files for it (not for users): requests on
/// standard input, answers on standard output, until its input closes.
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker", abstract: "Read files for a supervising nianbao (internal).", shouldDisplay: false)

    func run() throws { WorkerMain.serve() }
}
