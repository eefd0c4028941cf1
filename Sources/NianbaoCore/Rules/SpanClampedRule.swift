/// A table of a web page or Word file whose merged cells reach past the table's real size
/// (rowspan="2147483647", a negative w:gridBefore). The spans were cut to the table, so
/// the reading may not be the one the producer meant: the reviewer is told where.
struct SpanClampedRule: ReportRule {
    let description = RuleDescription(
        id: .spanClamped, severity: .warning,
        summary: "表格的合并单元格超出表格实际大小，已截断，请核对原文件 / a table's spans reach past its size and were cut")

    func check(_ report: Report) -> [Finding] {
        report.clampedSpans.map { repair in
            finding(line: repair.line, "第 \(repair.line) 行起的表格有 \(repair.count) 处合并单元格超出表格实际大小，已按实际大小截断，请核对原文件")
        }
    }
}
