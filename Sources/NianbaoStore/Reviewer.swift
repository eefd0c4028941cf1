import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Who is reviewing: `--reviewer NAME`, else $USER, else the account's name (a cron job or
/// a container has no $USER; a decision is never recorded with nobody's name).
public enum Reviewer {
    public static func name(given: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let given, !given.isEmpty { return given }
        if let user = environment["USER"], !user.isEmpty { return user }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid\(getuid())"
    }
}
