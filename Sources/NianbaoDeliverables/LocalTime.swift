import Foundation

/// Times as a reviewer in China reads them and a spreadsheet sorts them: local time with its
/// offset (2026-03-02T14:05:09+08:00), not UTC.
public enum LocalTime {
    public static func string(_ date: Date, in zone: TimeZone = .current) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = zone
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// 2026年3月2日, the date as a notice is signed.
    public static func day(_ date: Date, in zone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return "\(parts.year ?? 0)年\(parts.month ?? 0)月\(parts.day ?? 0)日"
    }
}
