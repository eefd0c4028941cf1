/// Finds what the prose of a report claims: "未收到…申请", "行政处罚 3 起", "收到申请 23 件".
/// Hand-written scanning rather than regular expressions: it runs on every report of a batch.
struct NarrativeScanner {
    /// The prose split into sentences (at 。；！? and line ends), each as scalars.
    let sentences: [[Unicode.Scalar]]

    static let sentenceEnds: Set<Unicode.Scalar> = ["。", "；", ";", "！", "!", "？", "?"]
    static let clauseEnds: Set<Unicode.Scalar> = ["，", ",", "、", "。", "；", ";", "：", ":", "（", "("]
    static let units: Set<Unicode.Scalar> = ["件", "起", "次", "宗", "个", "条"]

    init(lines: [Substring]) {
        var sentences: [[Unicode.Scalar]] = []
        for line in lines {
            var current: [Unicode.Scalar] = []
            for s in line.unicodeScalars {
                if Self.sentenceEnds.contains(s) {
                    if !current.isEmpty { sentences.append(current) }
                    current = []
                } else {
                    current.append(s)
                }
            }
            if !current.isEmpty { sentences.append(current) }
        }
        self.sentences = sentences
    }

    /// True when a sentence contains `first` and, after it, `then` (e.g. 未收到 … 申请).
    func claims(_ first: String, then: String, excluding: [String] = []) -> Bool {
        let a = Array(first.unicodeScalars), b = Array(then.unicodeScalars)
        return sentences.contains { sentence in
            guard let start = Self.find(a, in: sentence, from: 0), Self.find(b, in: sentence, from: start + a.count) != nil else { return false }
            return !excluding.contains { Self.find(Array($0.unicodeScalars), in: sentence, from: 0) != nil }
        }
    }

    /// True when a sentence contains any of `negations` and `subject`.
    func denies(_ subject: String, negations: [String]) -> Bool {
        let target = Array(subject.unicodeScalars)
        return sentences.contains { sentence in
            Self.find(target, in: sentence, from: 0) != nil
                && negations.contains { Self.find(Array($0.unicodeScalars), in: sentence, from: 0) != nil }
        }
    }

    /// The first count stated after `keyword` in the same clause: "行政处罚 3 起" → 3.
    /// With `via`, the words between must include it ("收到…申请 23 件").
    func count(after keyword: String, via: String? = nil, window: Int = 16) -> Int? {
        let key = Array(keyword.unicodeScalars)
        let middle = via.map { Array($0.unicodeScalars) }
        for sentence in sentences {
            var from = 0
            while let start = Self.find(key, in: sentence, from: from) {
                from = start + 1
                var i = start + key.count
                let limit = min(sentence.count, i + window)
                var sawMiddle = middle == nil
                while i < limit {
                    if let middle, !sawMiddle, Self.matches(middle, in: sentence, at: i) { sawMiddle = true }
                    let s = sentence[i]
                    if Self.clauseEnds.contains(s) { break }
                    if sawMiddle, Characters.isDigit(s) || Characters.isChineseNumeral(s) {
                        var j = i
                        while j < sentence.count, Characters.isDigit(sentence[j]) || Characters.isChineseNumeral(sentence[j]) { j += 1 }
                        var k = j
                        while k < sentence.count, Characters.isSpace(sentence[k]) { k += 1 }
                        if k < sentence.count, Self.units.contains(sentence[k]),
                           let n = ChineseNumber.value(String(String.UnicodeScalarView(sentence[i..<j]))) {
                            return n
                        }
                        i = j
                        continue
                    }
                    i += 1
                }
            }
        }
        return nil
    }

    static func find(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, from <= haystack.count - needle.count else { return nil }
        for i in from...(haystack.count - needle.count) where matches(needle, in: haystack, at: i) { return i }
        return nil
    }

    static func matches(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], at i: Int) -> Bool {
        guard i + needle.count <= haystack.count else { return false }
        for k in 0..<needle.count where haystack[i + k] != needle[k] { return false }
        return true
    }
}
