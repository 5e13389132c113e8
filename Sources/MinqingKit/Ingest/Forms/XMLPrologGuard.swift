/// Looks at a part's first bytes, before libxml2 parses them, for a `<!DOCTYPE`: Excel and WPS never
/// write one, and a DOCTYPE's internal subset is where entity expansion ("billion laughs") and external
/// entities are declared. Stops looking at the root element's `<`, so it costs nothing after the prolog.
/// (libxml2 itself is also told to refuse one: this guard makes the refusal say why, for every part.)
struct XMLPrologGuard {
    enum Verdict { case undecided, clean, doctype }
    private(set) var verdict = Verdict.undecided

    private enum State { case text, lessThan, bang(matched: Int), dash, comment(dashes: Int), instruction(question: Bool) }
    private var state = State.text
    private static let doctype = Array("!DOCTYPE".utf8)

    /// Scans the next bytes of the part.
    mutating func scan(_ bytes: UnsafeRawBufferPointer) {
        for byte in bytes {
            guard verdict == .undecided else { return }
            step(byte)
        }
    }

    private mutating func step(_ byte: UInt8) {
        switch state {
        case .text:
            if byte == UInt8(ascii: "<") { state = .lessThan }
        case .lessThan:
            switch byte {
            case UInt8(ascii: "!"): state = .bang(matched: 1)
            case UInt8(ascii: "?"): state = .instruction(question: false)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "_"),
                 UInt8(ascii: ":"), 0x80...0xFF:
                verdict = .clean  // the root element: the prolog is over
            default: state = .text
            }
        case .bang(let matched):
            if matched == 1, byte == UInt8(ascii: "-") {
                state = .dash
            } else if byte == Self.doctype[matched] {
                if matched + 1 == Self.doctype.count { verdict = .doctype } else { state = .bang(matched: matched + 1) }
            } else {
                state = .text
            }
        case .dash:
            state = byte == UInt8(ascii: "-") ? .comment(dashes: 0) : .text
        case .comment(let dashes):
            if byte == UInt8(ascii: ">"), dashes >= 2 { state = .text } else {
                state = .comment(dashes: byte == UInt8(ascii: "-") ? dashes + 1 : 0)
            }
        case .instruction(let question):
            if question, byte == UInt8(ascii: ">") { state = .text } else {
                state = .instruction(question: byte == UInt8(ascii: "?"))
            }
        }
    }
}
