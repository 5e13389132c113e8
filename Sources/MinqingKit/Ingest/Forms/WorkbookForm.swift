#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A workbook's container, told by the file's first bytes (content decides, never the file name):
/// a zip package (.xlsx) or an OLE2 compound file (.xls, and also an encrypted .xlsx, which Office
/// wraps in OLE2).
enum WorkbookForm: Equatable, Sendable {
    case zip
    case ole2

    /// `PK\x03\x04`, a zip's first local header. (An empty zip starts `PK\x05\x06`: no workbook in it.)
    static let zipMagic: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    /// The OLE2 / Compound File Binary signature.
    static let ole2Magic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    static func isZip<C: Collection<UInt8>>(_ firstBytes: C) -> Bool { firstBytes.starts(with: zipMagic) }
    static func isOLE2<C: Collection<UInt8>>(_ firstBytes: C) -> Bool { firstBytes.starts(with: ole2Magic) }

    /// The form of the file at `path` from its first 8 bytes; nil when it is neither (text, or unreadable:
    /// the text reader then says what is wrong).
    static func detect(path: String) -> WorkbookForm? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var head = [UInt8](repeating: 0, count: 8)
        let got = head.withUnsafeMutableBytes { read(fd, $0.baseAddress, 8) }
        guard got > 0 else { return nil }
        let bytes = head[0..<got]
        if isZip(bytes) { return .zip }
        if isOLE2(bytes) { return .ole2 }
        return nil
    }
}
