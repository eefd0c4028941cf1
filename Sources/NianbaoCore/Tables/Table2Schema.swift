/// Table 2 — 收到和处理政府信息公开申请情况. The formats differ only in (六) 其他处理.
extension TableSchema {
    /// The seven columns of Table 2, the same in both formats.
    public static let table2Columns = [
        ColumnSpec(id: "natural", title: "自然人", kind: .count),
        ColumnSpec(id: "commercial", title: "商业企业", kind: .count),
        ColumnSpec(id: "research", title: "科研机构", kind: .count),
        ColumnSpec(id: "publicInterest", title: "社会公益组织", kind: .count),
        ColumnSpec(id: "legal", title: "法律服务机构", kind: .count),
        ColumnSpec(id: "otherOrg", title: "其他", kind: .count),
        ColumnSpec(id: "total", title: "总计", kind: .count),
    ]

    private static func table2Rows(_ template: Template) -> [RowSpec] {
        let c = table2Columns
        let denied = "(三) 不予公开", unable = "(四) 无法提供", rejected = "(五) 不予处理", other = "(六) 其他处理"
        var rows: [RowSpec] = [
            RowSpec("new", "一、本年新收政府信息公开申请数量", columns: c, keys: ["本年新收"]),
            RowSpec("carried", "二、上年结转政府信息公开申请数量", columns: c, keys: ["上年结转"]),
            RowSpec("granted", "(一) 予以公开", group: "三、本年度办理结果", columns: c, keys: ["予以公开"], outcome: true),
            RowSpec("partial", "(二) 部分公开（区分处理的，只计这一情形，不计其他情形）", group: "三、本年度办理结果", columns: c, keys: ["部分公开"], also: ["部分公开"], outcome: true),
            RowSpec("denied.secret", "1.属于国家秘密", group: denied, columns: c, keys: ["国家秘密"], outcome: true),
            RowSpec("denied.lawForbids", "2.其他法律行政法规禁止公开", group: denied, columns: c, keys: ["禁止公开", "法律行政法规"], outcome: true),
            RowSpec("denied.security", "3.危及“三安全一稳定”", group: denied, columns: c, keys: ["三安全一稳定", "危及"], outcome: true),
            RowSpec("denied.thirdParty", "4.保护第三方合法权益", group: denied, columns: c, keys: ["第三方"], outcome: true),
            RowSpec("denied.internal", "5.属于三类内部事务信息", group: denied, columns: c, keys: ["内部事务"], outcome: true),
            RowSpec("denied.process", "6.属于四类过程性信息", group: denied, columns: c, keys: ["过程性"], outcome: true),
            RowSpec("denied.enforcementFile", "7.属于行政执法案卷", group: denied, columns: c, keys: ["执法案卷"], outcome: true),
            RowSpec("denied.query", "8.属于行政查询事项", group: denied, columns: c, keys: ["查询事项"], outcome: true),
            RowSpec("unable.notHeld", "1.本机关不掌握相关政府信息", group: unable, columns: c, keys: ["不掌握"], outcome: true),
            RowSpec("unable.needsCreation", "2.没有现成信息需要另行制作", group: unable, columns: c, keys: ["另行制作", "没有现成"], outcome: true),
            RowSpec("unable.unclear", "3.补正后申请内容仍不明确", group: unable, columns: c, keys: ["仍不明确", "补正后"], outcome: true),
            RowSpec("rejected.complaint", "1.信访举报投诉类申请", group: rejected, columns: c, keys: ["信访", "举报投诉"], outcome: true),
            RowSpec("rejected.repeated", "2.重复申请", group: rejected, columns: c, keys: ["重复申请"], outcome: true),
            RowSpec("rejected.publication", "3.要求提供公开出版物", group: rejected, columns: c, keys: ["出版物"], outcome: true),
            RowSpec("rejected.massRepeated", "4.无正当理由大量反复申请", group: rejected, columns: c, keys: ["大量反复"], outcome: true),
            RowSpec("rejected.reissue", "5.要求行政机关确认或重新出具已获取信息", group: rejected, columns: c, keys: ["重新出具", "已获取信息"], outcome: true),
        ]
        let single = RowSpec(
            "other", "(六) 其他处理", columns: c, exact: ["其他处理"], outcome: true, alternative: template == .format2021)
        if template == .format2021 {
            rows += [
                RowSpec("other.noCorrection", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", group: other, columns: c, keys: ["逾期不补正"], outcome: true),
                RowSpec("other.unpaidFee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", group: other, columns: c, keys: ["缴纳费用", "收费通知"], outcome: true),
                RowSpec("other.other", "3.其他", group: other, columns: c, exact: ["其他"], exactAfter: "other.", outcome: true),
            ]
        }
        rows.append(single)
        rows += [
            RowSpec("resultTotal", "(七) 总计", group: "三、本年度办理结果", columns: c, exact: ["总计", "合计"]),
            RowSpec("carryForward", "四、结转下年度继续办理", columns: c, keys: ["结转下年"]),
        ]
        return rows
    }

    static let table2Headers = [
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况", "自然人", "法人或其他组织",
        "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计", "三、本年度办理结果",
        "(三) 不予公开", "(四) 无法提供", "(五) 不予处理", "(六) 其他处理",
    ]

    static let table2Format2021 = TableSchema(table: .t2, template: .format2021, rows: table2Rows(.format2021), anchor: .trailing, headers: table2Headers)
    static let table2Format2019 = TableSchema(table: .t2, template: .format2019, rows: table2Rows(.format2019), anchor: .trailing, headers: table2Headers)
}
