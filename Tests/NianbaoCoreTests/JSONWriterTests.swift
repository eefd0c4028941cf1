import Foundation
import NianbaoCore
import Testing

/// The JSON every command prints: written as bytes, it must say exactly what the
/// scalar-by-scalar writer it replaced said (the seeds' expected files were made with it).
@Suite("JSON output: bytes, escapes and layout as before")
struct JSONWriterTests {
    /// The writer before output went to bytes, kept here as the definition of an escape:
    /// `"` `\` and the control characters, nothing else (CJK and U+2028 as they are).
    static func reference(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static let strings: [String] = [
        "", "plain", "引号\"与\\反斜杠", "行一\n行二\r\n\t列", "\u{7F}\u{2028}\u{2029}", "😀 表情 ＋ 全角",
        String((0..<0x20).map { Character(Unicode.Scalar($0)!) }), "\"\"\\\\", "末尾\\", "\u{0}开头",
        "（一）收到申请数\t12", String(repeating: "长", count: 5000) + "\"",
    ]

    @Test("every string escapes as the old writer escaped it", arguments: strings)
    func escapes(_ s: String) throws {
        #expect(JSONWriter.escape(s) == Self.reference(s))
        // And a JSON parser reads back the same string.
        let parsed = try JSONSerialization.jsonObject(with: Data("[\(JSONWriter.escape(s))]".utf8)) as? [String]
        #expect(parsed == [s])
    }

    @Test("every control character, one at a time, as \\uXXXX or its short form")
    func controls() {
        for value in 0..<0x20 {
            let s = "a" + String(Character(Unicode.Scalar(value)!)) + "b"
            #expect(JSONWriter.escape(s) == Self.reference(s), "U+\(String(value, radix: 16))")
        }
    }

    @Test("keys, numbers, nesting and empty containers: the pretty layout, byte for byte")
    func layout() {
        var json = JSONWriter()
        json.beginObject()
        json.key("path"); json.string("a\"b.txt")
        json.key("year"); json.number(2023)
        json.key("none"); json.number(nil)
        json.key("low"); json.number(Int.min)
        json.key("high"); json.number(Int.max)
        json.key("ok"); json.bool(false)
        json.key(escaping: "t2.new\"x"); json.number(Quantity(-12))
        json.key("empty"); json.beginArray(); json.endArray()
        json.key("cells"); json.inlineStrings(["t1.a", "t1.b"])
        json.key("at"); json.location(SourceLocation(line: 3, column: 14))
        json.key("list"); json.beginArray()
        json.beginObject(); json.key("n"); json.number(0); json.endObject()
        json.beginObject(); json.endObject()
        json.endArray()
        json.endObject()
        let expected = """
            {
              "path": "a\\"b.txt",
              "year": 2023,
              "none": null,
              "low": -9223372036854775808,
              "high": 9223372036854775807,
              "ok": false,
              "t2.new\\"x": -12,
              "empty": [],
              "cells": ["t1.a", "t1.b"],
              "at": {"line": 3, "column": 14},
              "list": [
                {
                  "n": 0
                },
                {}
              ]
            }
            """
        #expect(json.output == expected)
        #expect(json.bytes == Array(expected.utf8))
    }

    @Test("compact layout: no spaces, no new lines")
    func compact() {
        var json = JSONWriter(pretty: false)
        json.beginArray()
        json.beginObject(); json.key("a"); json.number(1); json.key("b"); json.string("二"); json.endObject()
        json.number(-7)
        json.endArray()
        #expect(json.output == #"[{"a":1,"b":"二"},-7]"#)
    }
}
