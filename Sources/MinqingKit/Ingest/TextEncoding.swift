#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The text encoding of an input file.
public enum TextEncoding: String, Sendable, CaseIterable {
    /// UTF-8, with or without a BOM.
    case utf8 = "utf-8"
    /// GB18030 (covers GBK and GB2312): what Excel and WPS save as "CSV" on Chinese Windows.
    case gb18030 = "gb18030"
    /// UTF-16 with a byte order mark, little- or big-endian: Excel's "Unicode 文本" (tab-separated).
    case utf16le = "utf-16le"
    case utf16be = "utf-16be"

    /// The encodings `--encoding` may force (UTF-16 is known by its byte order mark).
    public static let forcible: [TextEncoding] = [.utf8, .gb18030]

    /// The encoding's name for iconv, for those decoded through it.
    var iconvName: String? {
        switch self {
        case .utf8: return nil
        case .gb18030: return "GB18030"
        case .utf16le: return "UTF-16LE"
        case .utf16be: return "UTF-16BE"
        }
    }

    /// The encoding's name in messages.
    var displayName: String {
        switch self {
        case .utf8: return "UTF-8"
        case .gb18030: return "GB18030/GBK"
        case .utf16le, .utf16be: return "UTF-16（Unicode 文本）"
        }
    }
}

extension TextEncoding {
    /// What `detect(prefix:)` found at the start of a file.
    enum Detection: Equatable, Sendable {
        /// UTF-8 (or plain ASCII); `bom` when the file starts with EF BB BF.
        case utf8(bom: Bool)
        /// Not UTF-8: read as GB18030 (a superset of GBK and GB2312).
        case gb18030
        /// A UTF-16 byte order mark: FF FE (little-endian) or FE FF (big-endian).
        case utf16(bigEndian: Bool)
        /// A UTF-8 BOM followed by bytes that are not UTF-8; `offset` is the first bad byte in the prefix.
        case bomMismatch(offset: Int)
    }

    /// How many bytes (after any BOM) detection looks at.
    static let detectionSampleSize = 64 * 1024

    /// Multibyte UTF-8 characters seen before an invalid byte that make a file UTF-8 (damaged) rather
    /// than GB18030: GB18030 text almost never forms even one or two valid UTF-8 sequences in a row.
    static let mixedFileThreshold = 4

    /// Detects the encoding of a file prefix (the first 64 KiB after any BOM are examined).
    static func detect(prefix: [UInt8]) -> Detection {
        prefix.withUnsafeBufferPointer { detect(prefix: $0) }
    }

    /// Detects the encoding of a file prefix (the first 64 KiB after any BOM are examined).
    static func detect(prefix: UnsafeBufferPointer<UInt8>) -> Detection {
        if prefix.count >= 2 {
            let (b0, b1) = (prefix[0], prefix[1])
            if b0 == 0xFF && b1 == 0xFE { return .utf16(bigEndian: false) }
            if b0 == 0xFE && b1 == 0xFF { return .utf16(bigEndian: true) }
        }
        let bom = hasUTF8BOM(prefix)
        let start = bom ? 3 : 0
        let end = min(prefix.count, start + detectionSampleSize)
        let check = UTF8Validator.validate(UnsafeBufferPointer(rebasing: prefix[start..<end]))
        if !check.invalid { return .utf8(bom: bom) }
        if bom { return .bomMismatch(offset: start + check.validEnd) }
        // Several well-formed multibyte UTF-8 characters before the first bad byte: a UTF-8 file with a
        // damaged (or pasted-in GBK) row, not a GB18030 file. Decoding it as GB18030 would garble every
        // character silently; as UTF-8 the bad row's line is named.
        let leads = prefix[start..<(start + check.validEnd)].reduce(0) { $0 + ($1 >= 0xC2 ? 1 : 0) }
        return leads >= mixedFileThreshold ? .utf8(bom: false) : .gb18030
    }

    /// True when `bytes` starts with the UTF-8 BOM.
    static func hasUTF8BOM(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }
}

/// Validates UTF-8 (Unicode Table 3-7: no overlongs, surrogates or code points above U+10FFFF).
enum UTF8Validator {
    /// `validEnd`: bytes before it are valid UTF-8. `invalid` false with `validEnd < count` means the
    /// buffer ends inside a multibyte sequence that is valid so far (carry it to the next chunk).
    static func validate(_ buf: UnsafeBufferPointer<UInt8>) -> (validEnd: Int, invalid: Bool) {
        guard let p = buf.baseAddress else { return (0, false) }
        let n = buf.count
        var i = 0
        while i < n {
            while i + 8 <= n {
                let word = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            guard i < n else { break }
            let b0 = p[i]
            if b0 < 0x80 {
                i += 1
                continue
            }
            // Fast path for the common 3-byte sequences (CJK, full-width punctuation): E1-EC, EE-EF.
            if b0 &- 0xE1 < 0x0F && b0 != 0xED && i + 2 < n
                && (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80 {
                i += 3
                continue
            }
            var need = 2
            var lo: UInt8 = 0x80
            var hi: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: need = 1
            case 0xE0: lo = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: break
            case 0xED: hi = 0x9F
            case 0xF0: need = 3; lo = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; hi = 0x8F
            default: return (i, true)
            }
            var k = 1
            while k <= need {
                if i + k >= n { return (i, false) }
                let c = p[i + k]
                if c < lo || c > hi { return (i, true) }
                lo = 0x80
                hi = 0xBF
                k += 1
            }
            i += need + 1
        }
        return (n, false)
    }
}

/// Decodes chunks of GB18030 (a superset of GBK) or UTF-16 to UTF-8 with the C library's iconv,
/// carrying incomplete trailing sequences between chunks.
final class IconvDecoder {
    /// The outcome of decoding one chunk.
    enum Status: Equatable, Sendable {
        /// Everything was decoded (an incomplete trailing sequence, if any, is carried to the next call).
        case ok
        /// An illegal sequence was met; the output holds everything before it and the rest is dropped.
        case invalid
    }

    private let cd: iconv_t
    private var pending: [UInt8] = []
    private var staging: [UInt8] = []

    /// Opens the converter from `encoding` (an iconv name: `GB18030`, `UTF-16LE`, `UTF-16BE`); nil when
    /// the system's iconv cannot convert it to UTF-8.
    init?(from encoding: String = "GB18030") {
        let handle = iconv_open("UTF-8", encoding)
        guard let handle, handle != iconv_t(bitPattern: -1) else { return nil }
        cd = handle
    }

    deinit { iconv_close(cd) }

    /// The number of bytes of an incomplete sequence carried to the next call (0 to 3).
    var pendingCount: Int { pending.count }

    /// Drops carried bytes and resets the converter.
    func reset() {
        pending.removeAll(keepingCapacity: true)
        _ = iconv(cd, nil, nil, nil, nil)
    }

    /// Decodes `input` (after bytes carried from the previous call) and appends the UTF-8 to `output`.
    func decode(_ input: [UInt8], appendingTo output: inout [UInt8]) -> Status {
        input.withUnsafeBufferPointer { decode($0, appendingTo: &output) }
    }

    /// Decodes `input` (after bytes carried from the previous call) and appends the UTF-8 to `output`.
    func decode(_ input: UnsafeBufferPointer<UInt8>, appendingTo output: inout [UInt8]) -> Status {
        guard !pending.isEmpty else { return convert(input, appendingTo: &output) }
        staging.removeAll(keepingCapacity: true)
        staging.append(contentsOf: pending)
        staging.append(contentsOf: input)
        pending.removeAll(keepingCapacity: true)
        var local: [UInt8] = []
        swap(&local, &staging)
        defer { swap(&local, &staging) }
        return local.withUnsafeBufferPointer { convert($0, appendingTo: &output) }
    }

    /// Runs iconv over `input`; keeps an incomplete tail in `pending`.
    private func convert(_ input: UnsafeBufferPointer<UInt8>, appendingTo output: inout [UInt8]) -> Status {
        guard let base = input.baseAddress, input.count > 0 else { return .ok }
        var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: base)
            .assumingMemoryBound(to: CChar.self)
        var inLeft = input.count
        while true {
            let start = output.count
            let room = inLeft * 2 + 16
            output.append(contentsOf: repeatElement(0, count: room))
            var outLeft = room
            var failure: Int32 = 0
            let result = output.withUnsafeMutableBufferPointer { out -> Int in
                guard let outBase = out.baseAddress else { return 0 }
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase + start)
                    .assumingMemoryBound(to: CChar.self)
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                if r == -1 { failure = errno }
                return r
            }
            output.removeLast(outLeft)
            if result != -1 || inLeft == 0 { return .ok }
            switch failure {
            case E2BIG:
                continue
            case EINVAL:
                pending.append(contentsOf: UnsafeBufferPointer(start: base + (input.count - inLeft), count: inLeft))
                return .ok
            default:
                return .invalid
            }
        }
    }
}
