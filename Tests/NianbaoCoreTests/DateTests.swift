import NianbaoCore
import Testing

@Suite("Signing dates: at the end, in any numerals, on a flattened page too")
struct DateTests {
    /// The mini report's text with everything from section 六 on replaced by `ending`.
    func report(ending: String) throws -> Report {
        let text = miniReport(table2: table2())
        let cut = try #require(text.range(of: "六、其他需要报告的事项"))
        return try check(String(text[..<cut.lowerBound]) + ending)
    }

    @Test("Chinese numerals with ○, 〇 or ◯ for zero, on a line of their own", arguments: [
        ("二○二四年二月二十日", "2024-02-20"), ("二〇二四年一月十五日", "2024-01-15"), ("二◯二四年三月三十一日", "2024-03-31"),
        ("2024 年 1 月 8 日", "2024-01-08"),
    ])
    func chineseNumerals(_ written: String, _ iso: String) throws {
        let report = try report(ending: "六、其他需要报告的事项\n无。\n测试镇人民政府\n\(written)\n")
        #expect(report.date?.description == iso)
        #expect(report.text.line(try #require(report.dateLine)).contains("月"))
    }

    @Test("a page flattened onto one line: the date after the signer's name, page furniture after it", arguments: [
        ("测试镇人民政府 2024年1月18日 附件下载", "2024-01-18"), ("测试镇人民政府二〇二四年一月十八日", "2024-01-18"),
        ("测试镇人民政府 二○二四年二月二十日 打印本页 关闭窗口", "2024-02-20"),
    ])
    func flattened(_ signature: String, _ iso: String) throws {
        let long = "本年度未收取信息处理费，今后将继续依法做好政府信息公开工作，切实保障人民群众的知情权、参与权和监督权。"
        let report = try report(ending: "六、其他需要报告的事项 \(long) \(signature)\n")
        #expect(report.date?.description == iso)
    }

    @Test("not signing dates: a cover's month, a date inside prose at the very end, a date followed by more prose", arguments: [
        "测试镇人民政府\n二〇二四年一月\n",
        "本报告统计期限自2023年1月1日起至2023年12月31日止\n",
        "测试镇人民政府 2024年1月18日，经研究，本年度不收取信息处理费，今后继续依法做好工作。\n",
    ])
    func notSigningDates(_ ending: String) throws {
        let report = try report(ending: "六、其他需要报告的事项\n无。\n" + ending)
        #expect(report.date == nil, "\(report.date?.description ?? "")")
    }
}
