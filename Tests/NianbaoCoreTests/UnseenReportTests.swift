import NianbaoCore
import NianbaoFixtures
import Testing

/// The core must read reports it has never seen: the same bodies' reports with other
/// numbers, broken sums, other encodings and line ends. They are made by writing other
/// numbers into the samples' real layouts.
@Suite("Unseen reports: other numbers, broken sums, other encodings")
struct UnseenReportTests {
    /// The samples whose tables are complete, one per layout and format.
    static let layouts = ["000", "001", "002", "003"]

    @Test("other consistent numbers come out exactly, with no sum finding", arguments: layouts, Array(UInt64(1)...6))
    func otherNumbers(prefix: String, seed: UInt64) throws {
        let original = try sample(prefix)
        var rng = RandomNumbers(seed: seed)
        let values = ConsistentNumbers.make(for: original, using: &rng)
        let changed = try check(ReportRewriter.rewrite(original, with: values))
        for (id, value) in values where original.cells[id]?.provenance == .read {
            #expect(changed.cells[id]?.value == value, "\(prefix) seed \(seed): \(id)")
        }
        #expect(values.values.contains { $0 != .number(.zero) })
        if original.tables[.t2]?.shapeProblems.isEmpty ?? false {
            #expect(rules(changed).isDisjoint(with: ["T2_BALANCE", "T2_RESULT_SUM", "T2_ROW_TOTAL", "T3_GROUP_TOTAL"]))
        }
    }

    @Test("a broken sum is found, with the numbers in the message", arguments: ["000", "002"])
    func brokenSum(prefix: String) throws {
        let original = try sample(prefix)
        var rng = RandomNumbers(seed: 42)
        var values = ConsistentNumbers.make(for: original, using: &rng)
        let id: CellID = "t2.new.natural"
        let before = try #require(values[id]?.quantity)
        values[id] = .number(before + Quantity(2))
        let changed = try check(ReportRewriter.rewrite(original, with: values))
        let balance = findings(changed, "T2_BALANCE")
        #expect(balance.count == 1)
        #expect(balance.first?.message.hasPrefix("自然人列：一+二 = \(before + Quantity(2))+") == true)
        #expect(findings(changed, "T2_ROW_TOTAL").count == 1)
    }

    @Test("every encoding and line end gives the same cells and findings", arguments: FileForm.allCases)
    func encodings(form: FileForm) throws {
        for prefix in Self.layouts {
            let original = try sample(prefix)
            var rng = RandomNumbers(seed: 7)
            let text = ReportRewriter.rewrite(original, with: ConsistentNumbers.make(for: original, using: &rng))
            let plain = try check(text)
            let decoded = try TextDecoder.decode(form.bytes(text), path: "x.txt")
            let again = try check(decoded)
            #expect(again.cells == plain.cells, "\(prefix) as \(form)")
            #expect(again.findings == plain.findings, "\(prefix) as \(form)")
        }
    }
}

@Suite("Cross-year rules: the same body in consecutive years")
struct CrossYearTests {
    static func pair(carryForward: String, carried: String, inForceLast: String, inForceNow: String) throws -> [Report] {
        let last = miniReport(
            title: "测试县测试镇2022年政府信息公开工作年度报告",
            table2: table2([
                "new": ["4", "0", "0", "0", "0", "0", "4"], "granted": ["2", "0", "0", "0", "0", "0", "2"],
                "resultTotal": ["2", "0", "0", "0", "0", "0", "2"], "carryForward": [carryForward, "0", "0", "0", "0", "0", carryForward],
            ]),
            date: "2023年1月10日"
        ).replacingOccurrences(of: "行政规范性文件\t2\t1\t9", with: "行政规范性文件\t2\t1\t\(inForceLast)")
        let now = miniReport(
            table2: table2([
                "new": ["1", "0", "0", "0", "0", "0", "1"], "carried": [carried, "0", "0", "0", "0", "0", carried],
                "granted": ["3", "0", "0", "0", "0", "0", "3"], "resultTotal": ["3", "0", "0", "0", "0", "0", "3"],
            ])
        ).replacingOccurrences(of: "行政规范性文件\t2\t1\t9", with: "行政规范性文件\t2\t1\t\(inForceNow)")
        var reports = [try check(last, path: "2022.txt"), try check(now, path: "2023.txt")]
        CrossYearCheck.apply(to: &reports)
        return reports
    }

    @Test("this year's 上年结转 must be last year's 结转下年度")
    func carry() throws {
        let good = try Self.pair(carryForward: "2", carried: "2", inForceLast: "8", inForceNow: "9")
        #expect(!rules(good[1]).contains("CROSS_YEAR_CARRY"))
        let bad = try Self.pair(carryForward: "2", carried: "3", inForceLast: "8", inForceNow: "9")
        let found = findings(bad[1], "CROSS_YEAR_CARRY")
        #expect(found.count == 2)
        #expect(found.first?.message.hasPrefix("自然人列：2023 年上年结转 = 3，2022 年结转下年度 = 2") == true)
        #expect(!rules(bad[0]).contains("CROSS_YEAR_CARRY"))
    }

    @Test("现行有效件数 carries over: last year's + 制发 − 废止")
    func inForce() throws {
        let good = try Self.pair(carryForward: "2", carried: "2", inForceLast: "8", inForceNow: "9")
        #expect(!rules(good[1]).contains("CROSS_YEAR_IN_FORCE"))
        let bad = try Self.pair(carryForward: "2", carried: "2", inForceLast: "8", inForceNow: "12")
        #expect(findings(bad[1], "CROSS_YEAR_IN_FORCE").map(\.message) == ["行政规范性文件：上年现行有效+本年制发−本年废止 = 8+2−1 = 9，本年现行有效 = 12"])
    }
}
