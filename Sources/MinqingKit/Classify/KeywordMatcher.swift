/// Finds every occurrence of many keywords in a text in one pass (Aho–Corasick over UTF-8 bytes).
///
/// Every occurrence counts, overlapping ones too: in `停水停水` the keyword `停水` occurs twice, and a
/// keyword `水` would also be reported twice.
struct KeywordMatcher: Sendable {
    /// The keywords, in the order given; a match reports a keyword's index in this array.
    let patterns: [String]
    /// Dense transition table: `next[state * 256 + byte]`.
    private var next: [Int32]
    /// For each state, the range in `outputs` of the patterns that end there (including through suffixes).
    private var outputStart: [Int32]
    private var outputs: [Int32]

    /// Builds a matcher; empty patterns are ignored.
    init(patterns: [String]) {
        self.patterns = patterns
        var goto: [[UInt8: Int32]] = [[:]]
        var ends: [[Int32]] = [[]]
        for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
            var state: Int32 = 0
            for byte in pattern.utf8 {
                if let target = goto[Int(state)][byte] {
                    state = target
                } else {
                    goto.append([:])
                    ends.append([])
                    let target = Int32(goto.count - 1)
                    goto[Int(state)][byte] = target
                    state = target
                }
            }
            ends[Int(state)].append(Int32(index))
        }
        let stateCount = goto.count
        var fail = [Int32](repeating: 0, count: stateCount)
        var table = [Int32](repeating: 0, count: stateCount * 256)
        var order: [Int32] = []
        // Breadth-first: depth-1 states fail to the root.
        for byte in 0..<256 {
            if let target = goto[0][UInt8(byte)] {
                table[byte] = target
                order.append(target)
            }
        }
        var head = 0
        while head < order.count {
            let state = Int(order[head])
            head += 1
            ends[state].append(contentsOf: ends[Int(fail[state])])
            for byte in 0..<256 {
                if let target = goto[state][UInt8(byte)] {
                    fail[Int(target)] = table[Int(fail[state]) * 256 + byte]
                    table[state * 256 + byte] = target
                    order.append(target)
                } else {
                    table[state * 256 + byte] = table[Int(fail[state]) * 256 + byte]
                }
            }
        }
        var starts: [Int32] = []
        var flat: [Int32] = []
        starts.reserveCapacity(stateCount + 1)
        for state in 0..<stateCount {
            starts.append(Int32(flat.count))
            flat.append(contentsOf: ends[state].sorted())
        }
        starts.append(Int32(flat.count))
        self.next = table
        self.outputStart = starts
        self.outputs = flat
    }

    /// Calls `found` with the pattern index of each occurrence, in text order.
    func forEachMatch(in text: String, _ found: (Int) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            next.withUnsafeBufferPointer { table in
                var state = 0
                for byte in bytes {
                    state = Int(table[state &* 256 &+ Int(byte)])
                    let start = Int(outputStart[state]), end = Int(outputStart[state + 1])
                    if start != end {
                        for k in start..<end { found(Int(outputs[k])) }
                    }
                }
            }
        }
    }

    /// The number of occurrences of each pattern in `text`, indexed like ``patterns``.
    func counts(in text: String) -> [Int] {
        var result = [Int](repeating: 0, count: patterns.count)
        forEachMatch(in: text) { result[$0] += 1 }
        return result
    }
}
