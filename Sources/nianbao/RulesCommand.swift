import ArgumentParser
import NianbaoCore

/// `nianbao rules`: the rule catalogue, one line each.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List every rule with its id and severity.")

    func run() {
        for rule in RuleCatalogue.all {
            print("\(rule.id.rawValue.padding(20)) \(rule.severity.rawValue.padding(8)) \(rule.summary)")
        }
    }
}
