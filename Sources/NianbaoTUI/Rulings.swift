import Foundation
import NianbaoCore
import NianbaoStore

/// The reason a finding is dismissed, typed on the status line.
public struct DismissPrompt: Sendable, Equatable {
    public var reason: String
    /// The report and the finding it is for (the selection may not move meanwhile, but the
    /// prompt says what it was opened on).
    public let key: String
    public let finding: Finding
}

extension Finding {
    /// A short, stable number for the finding's identity (FNV-1a of it): what the list keeps
    /// per report to count findings that were not dismissed, without keeping their text.
    var shortID: UInt64 { FindingIdentity.shortID(identity) }
}

/// Rulings on findings: `y` confirms the selected finding, `d` dismisses it with a reason; a
/// dismissed finding stays shown but no longer counts in the report's errors and warnings.
extension ReviewState {
    /// The ruling standing on a finding of the selected report (this session's included).
    public func ruling(on finding: Finding) -> FindingRuling? {
        guard let key = current?.key else { return nil }
        return rulings[key]?[finding.identity]
    }

    /// The selected report's rulings whose findings are no longer in it (the file changed).
    public var staleRulings: [FindingRuling] {
        guard let key = current?.key, let standing = rulings[key], report != nil else { return [] }
        let present = Set(findings.map(\.identity))
        return standing.values.filter { !present.contains($0.finding) }.sorted { ($0.id ?? .max) < ($1.id ?? .max) }
    }

    /// The finding under the cursor of the findings pane, when that pane has the focus.
    var selectedFinding: Finding? {
        guard focus == .findings, findings.indices.contains(findingCursor) else { return nil }
        return findings[findingCursor]
    }

    mutating func confirmFinding() -> [Effect] {
        guard let entry = current, let finding = selectedFinding else {
            message = "在发现窗格（Tab）中选一个发现，再按 y 确认"
            return []
        }
        guard entry.review != nil else { return notReady() }
        if ruling(on: finding)?.verdict == .confirmed {
            message = "这个发现已确认"
            return []
        }
        return [rule(entry.key, finding, .confirmed, reason: "", recording: true)]
    }

    mutating func dismissFinding() -> [Effect] {
        guard let entry = current, let finding = selectedFinding else {
            message = "在发现窗格（Tab）中选一个发现，再按 d 驳回"
            return []
        }
        guard entry.review != nil else { return notReady() }
        mode = .dismiss(DismissPrompt(reason: ruling(on: finding)?.reason ?? "", key: entry.key, finding: finding))
        return []
    }

    mutating func editDismissal(_ prompt: inout DismissPrompt, _ key: Key) -> [Effect] {
        switch KeyMap.action(for: key, in: .dismiss) {
        case .cancel:
            mode = .browse
            return []
        case .deleteBackward:
            if !prompt.reason.isEmpty { prompt.reason.removeLast() }
        case .submit:
            let reason = prompt.reason.trimmingCharacters(in: .whitespaces)
            guard !reason.isEmpty else {
                message = "驳回须写明理由"
                mode = .dismiss(prompt)
                return []
            }
            mode = .browse
            return [rule(prompt.key, prompt.finding, .dismissed, reason: reason, recording: true)]
        default:
            if case .character(let c) = key { prompt.reason.append(c) }
        }
        message = nil
        mode = .dismiss(prompt)
        return []
    }

    /// A ruling on a finding, shown at once and written in the background (pending until committed).
    mutating func rule(_ key: String, _ finding: Finding, _ verdict: FindingRuling.Verdict, reason: String, recording: Bool) -> Effect {
        let ruling = FindingRuling(
            path: key, finding: finding.identity, rule: finding.rule.rawValue, message: finding.message, verdict: verdict, reason: reason,
            reviewer: reviewer, ruledAt: Date())
        let effect = rule(ruling, recording: recording)
        let name = indexByKey[key].map { entries[$0].name } ?? key
        message = "\(name)：\(finding.rule.rawValue) \(ReviewState.word(verdict))\(verdict == .dismissed ? "：\(reason)" : "")"
        return effect
    }

    mutating func rule(_ ruling: FindingRuling, recording: Bool) -> Effect {
        // A new entry of the history (an undo restores an older ruling's verdict, not its row).
        var ruling = ruling
        ruling.id = nil
        ruling.reviewer = reviewer
        let before = rulings[ruling.path]?[ruling.finding]
        let write = PendingWrite(id: nextWriteID, key: ruling.path, change: .rule(ruling), expected: nil)
        nextWriteID += 1
        pending[write.id] = write
        if recording { history.record(ruling: write, before: before) }
        setRuling(ruling)
        return .write(write)
    }

    /// A ruling as it now stands (made here, by someone else, or undone back to open); the
    /// list is re-sorted and re-filtered when its counts matter to them, unless the caller
    /// sets many at once and does it after.
    mutating func setRuling(_ ruling: FindingRuling, refreshing: Bool = true) {
        var standing = rulings[ruling.path] ?? [:]
        standing[ruling.finding] = ruling.verdict == .open ? nil : ruling
        rulings[ruling.path] = standing.isEmpty ? nil : standing
        guard let index = indexByKey[ruling.path] else { return }
        entries[index].dismissed = FindingIdentity.dismissed(in: standing.values)
        if refreshing, filter == .withErrors || sort == .errors { _ = refreshList() }
    }

    /// The rulings of reports, as the store has them (at start, and when others rule).
    mutating func takeRulings(_ byReport: [String: StandingRulings]) {
        for (key, snapshot) in byReport {
            // Read before the screen's own latest change to the report was committed, or while
            // one is on its way: what the screen shows is newer.
            if isPending(key) { continue }
            if let index = indexByKey[key], let known = entries[index].review?.revision, snapshot.revision < known { continue }
            let list = snapshot.rulings
            let old = rulings[key] ?? [:]
            for ruling in old.values where !list.contains(where: { $0.finding == ruling.finding }) {
                setRuling(ruling.reopened, refreshing: false)
            }
            for ruling in list { setRuling(ruling, refreshing: false) }
        }
        if filter == .withErrors || sort == .errors { _ = refreshList() }
    }

    public static func word(_ verdict: FindingRuling.Verdict) -> String { verdict.chineseName }
}

/// The short number of a finding's identity, from the identity alone.
enum FindingIdentity {
    /// The short ids of the findings that `rulings` dismiss.
    static func dismissed(in rulings: some Sequence<FindingRuling>) -> Set<UInt64> {
        Set(rulings.filter { $0.verdict == .dismissed }.map { shortID($0.finding) })
    }

    static func shortID(_ identity: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in identity.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
