#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Looks inside an OLE2 file for what Office writes when it encrypts an .xlsx: a stream named
/// `EncryptedPackage` (its directory entry holds the name in UTF-16LE).
enum OLE2Probe {
    static let encryptedPackageName: [UInt8] = Array("EncryptedPackage".utf8).flatMap { [$0, 0] }

    /// Whether the file's bytes contain the UTF-16LE name `EncryptedPackage` (read in 1 MB chunks).
    static func holdsEncryptedPackage(path: String) -> Bool {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let needle = encryptedPackageName
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var carry: [UInt8] = []
        while true {
            let got = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard got > 0 else { return false }
            let window = carry + buffer[0..<got]
            if contains(window, needle) { return true }
            carry = Array(window.suffix(needle.count - 1))
        }
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count, let first = needle.first else { return false }
        var i = 0
        while i <= haystack.count - needle.count {
            if haystack[i] == first, haystack[i..<i + needle.count].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}
