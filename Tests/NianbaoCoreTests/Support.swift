import Foundation
import NianbaoCore
import NianbaoSamples
import Testing

/// The text of a built-in sample report, by the start of its name ("000", "002").
func sampleText(_ prefix: String) throws -> String {
    let url = try #require(SampleReports.files.first { $0.lastPathComponent.hasPrefix(prefix) })
    return try String(contentsOf: url, encoding: .utf8)
}

/// Parses and checks text as `nianbao` does for a file.
func check(_ text: String, path: String = "test.txt") throws -> Report {
    try ReportReader.report(from: text, path: path)
}

func sample(_ prefix: String) throws -> Report { try check(sampleText(prefix), path: "\(prefix).txt") }

func rules(_ report: Report) -> Set<String> { Set(report.findings.map(\.rule.rawValue)) }

func findings(_ report: Report, _ rule: String) -> [Finding] { report.findings.filter { $0.rule.rawValue == rule } }

func number(_ report: Report, _ id: String) -> Quantity? { report.quantity(CellID(id)) }

/// `../shared` beside the project, when it is there (it is not in a clone elsewhere).
let sharedFolder: URL? = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let shared = root.deletingLastPathComponent().appendingPathComponent("shared")
    return FileManager.default.fileExists(atPath: shared.appendingPathComponent("spec/expected").path) ? shared : nil
}()

/// A small 2021-format report in the tab layout of PDF text, with the given Table 2 and
/// Table 3 lines, for tests that need one trap and nothing else.
func miniReport(
    title: String = "测试县测试镇2023年政府信息公开工作年度报告",
    table1: String = """
        第二十条第（一）项\t\t\t
        信息内容\t本年制发件数\t本年废止件数\t现行有效件数
        规章\t0\t0\t0
        行政规范性文件\t2\t1\t9
        第二十条第（五）项\t\t\t
        信息内容\t本年处理决定数量\t\t
        行政许可\t17\t\t
        第二十条第（六）项\t\t\t
        信息内容\t本年处理决定数量\t\t
        行政处罚\t3\t\t
        行政强制\t0\t\t
        第二十条第（八）项\t\t\t
        信息内容\t本年收费金额（单位：万元）\t\t
        行政事业性收费\t1.25\t\t
        """,
    table2: String,
    table3: String = "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0",
    prose: String = "本年度工作稳步推进。",
    problems: String = "一是公开意识有待增强；二是公开内容还不够全面。下一步将加强培训。",
    date: String = "2024年1月15日"
) -> String {
    """
    \(title)

    一、总体情况

    \(prose)

    二、主动公开政府信息情况

    \(table1)

    三、收到和处理政府信息公开申请情况

    \(table2)

    四、政府信息公开行政复议、行政诉讼情况

    行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t
    结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t
    \t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计
    \(table3)

    五、存在的主要问题及改进情况

    \(problems)

    六、其他需要报告的事项

    无。

    测试镇人民政府
    \(date)

    """
}

/// Table 2 in the tab layout, 2021 format, from one line of seven numbers per row id.
/// Rows not given are written with zeros; `nil` leaves a row out.
func table2(_ rows: [String: [String]?] = [:]) -> String {
    let labels: [(String, String)] = [
        ("new", "一、本年新收政府信息公开申请数量\t"), ("carried", "二、上年结转政府信息公开申请数量\t"),
        ("granted", "三、本年度办理结果\t(一) 予以公开"), ("partial", "\t(二) 部分公开（区分处理的，只计这一情形，不计其他情形）"),
        ("denied.secret", "\t(三) 不予公开\t1.属于国家秘密"), ("denied.lawForbids", "\t\t2.其他法律行政法规禁止公开"),
        ("denied.security", "\t\t3.危及“三安全一稳定”"), ("denied.thirdParty", "\t\t4.保护第三方合法权益"),
        ("denied.internal", "\t\t5.属于三类内部事务信息"), ("denied.process", "\t\t6.属于四类过程性信息"),
        ("denied.enforcementFile", "\t\t7.属于行政执法案卷"), ("denied.query", "\t\t8.属于行政查询事项"),
        ("unable.notHeld", "\t(四) 无法提供\t1.本机关不掌握相关政府信息"), ("unable.needsCreation", "\t\t2.没有现成信息需要另行制作"),
        ("unable.unclear", "\t\t3.补正后申请内容仍不明确"), ("rejected.complaint", "\t(五) 不予处理\t1.信访举报投诉类申请"),
        ("rejected.repeated", "\t\t2.重复申请"), ("rejected.publication", "\t\t3.要求提供公开出版物"),
        ("rejected.massRepeated", "\t\t4.无正当理由大量反复申请"), ("rejected.reissue", "\t\t5.要求行政机关确认或重新出具已获取信息"),
        ("other.noCorrection", "\t(六) 其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        ("other.unpaidFee", "\t\t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        ("other.other", "\t\t3.其他"), ("resultTotal", "\t(七) 总计"), ("carryForward", "四、结转下年度继续办理\t"),
    ]
    var lines = [
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t申请人情况\t\t\t\t\t\t",
        "\t\t自然人\t法人或其他组织\t\t\t\t\t总计",
        "\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t",
    ]
    for (id, label) in labels {
        let given = rows[id]
        if let given, given == nil { continue }
        let values = (given ?? nil) ?? Array(repeating: "0", count: 7)
        lines.append(label + "\t" + values.joined(separator: "\t"))
    }
    return lines.joined(separator: "\n")
}
