#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The form of an input file, told from its first bytes, never from its name (a workbook renamed
/// `.csv` is read as a workbook, a CSV renamed `.xlsx` as text).
enum InputForm: Equatable, Sendable {
    /// Text: CSV or Unicode text, in any encoding the text reader knows.
    case text
    /// A zip container: an Office Open XML workbook (.xlsx).
    case zip
    /// An OLE2 compound file: a BIFF8 workbook (.xls), or an encrypted .xlsx.
    case ole2

    /// The form of the file that starts with `bytes`.
    static func detect(_ bytes: [UInt8]) -> InputForm {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return .zip }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .ole2 }
        return .text
    }

    /// The form of the file at `path` (text when it cannot be read here: the text reader names why).
    static func detect(path: String) -> InputForm {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .text }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: 8)
        let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, 8) }
        return detect(Array(bytes.prefix(max(0, n))))
    }

    /// Opens `path` as the table its content is: `encoding` forces a text file's encoding, `sheet`
    /// chooses a workbook's worksheet (default: the first visible one).
    static func table(path: String, encoding: TextEncoding?, sheet: String?) throws -> TableSource {
        switch detect(path: path) {
        case .text:
            return try TextTableSource(path: path, encoding: encoding)
        case .zip, .ole2:
            throw InputRefused(
                path: path,
                message: "输入文件 \(fileName(path)) 是 Excel 工作簿，本版本尚不能读取。请在 Excel 或 WPS 中另存为“CSV UTF-8”后重试。本次运行未做任何更改。")
        }
    }

    /// The last component of `path`.
    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
