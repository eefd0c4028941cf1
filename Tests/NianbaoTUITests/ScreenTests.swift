import NianbaoCore
import NianbaoStore
@testable import NianbaoTUI
import Testing

@Suite("Display width: Chinese is two cells, nothing cut in half")
struct DisplayWidthTests {
    @Test("widths of ASCII, Chinese, full-width forms and box lines")
    func widths() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("张营乡") == 6)
        #expect(DisplayWidth.of("（一）") == 6)
        #expect(DisplayWidth.of("１２") == 4)
        #expect(DisplayWidth.of("│✗✓") == 3)
    }

    @Test("cutting to an odd width never splits a Chinese character")
    func cut() {
        let (head, used) = DisplayWidth.prefix("行政复议", fitting: 5)
        #expect(head == "行政")
        #expect(used == 4)
        #expect(DisplayWidth.of(DisplayWidth.fit("莱州市柞村镇人民政府", 9)) == 9)
        #expect(DisplayWidth.fit("莱州市柞村镇人民政府", 9) == "莱州市柞…")
    }

    @Test("a tab is one cell, drawn as a space, so lines with tabs stay inside their pane")
    func tabs() {
        let text = "\t\t\t业\t构\t\t\t\t\t"
        #expect(DisplayWidth.of(text) == 13)
        let fitted = DisplayWidth.fit(text, 20, ellipsis: false)
        #expect(!fitted.contains("\t"))
        #expect(DisplayWidth.of(fitted) == 20)
    }

    @Test("wrapping keeps every line within the width")
    func wrap() {
        let lines = DisplayWidth.wrap("表三行政复议数据为空请补充abc", 7)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 7 })
        #expect(lines.joined() == "表三行政复议数据为空请补充abc")
    }
}

@Test("slicing a line from a display column never shows half a Chinese character")
func slice() {
    #expect(DisplayWidth.slice("ab行政复议", from: 3, width: 4) == " 政")
    #expect(DisplayWidth.slice("ab行政复议", from: 2, width: 5) == "行政")
    #expect(DisplayWidth.of(DisplayWidth.slice("一二三四五六", from: 1, width: 7)) <= 7)
}
