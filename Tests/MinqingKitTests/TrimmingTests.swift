import Testing
@testable import MinqingKit

/// `trimmedBlank`, which runs on every field of every row: the byte check that skips decoding must
/// never skip a blank at either end.
@Suite("去除首尾空白 trimming")
struct TrimmingTests {
    @Test(arguments: [
        ("", ""),
        ("停水", "停水"),
        (" 停水", "停水"),
        ("停水\t", "停水"),
        ("\r\n停水\n", "停水"),
        ("\u{3000}停水\u{3000}", "停水"),
        ("\u{A0}停水\u{A0}", "停水"),
        ("\u{FEFF}JL001", "JL001"),
        ("停水\u{FEFF}", "停水"),
        ("   ", ""),
        ("\u{3000}", ""),
        // Last bytes that can end a blank but end another character here: kept.
        ("丠", "丠"),  // E4 B8 A0
        ("耀", "耀"),  // E8 80 80
        ("¿", "¿"),  // C2 BF
        ("a b", "a b"),
        ("停 水", "停 水"),
    ])
    func trimmed(text: String, expected: String) {
        #expect(text.trimmedBlank == expected)
    }

    /// Every scalar from U+0000 to U+FFFF (surrogates aside) at the start and at the end of a word: removed exactly
    /// when it is one of the blanks.
    @Test func everyBMPScalarAtEitherEnd() {
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let c = String(Character(scalar))
            let expected = scalar.isBlank ? "词" : nil
            #expect((c + "词").trimmedBlank == (expected ?? c + "词"), "U+\(String(value, radix: 16)) first")
            #expect(("词" + c).trimmedBlank == (expected ?? "词" + c), "U+\(String(value, radix: 16)) last")
        }
    }
}
