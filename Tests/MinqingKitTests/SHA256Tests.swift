import Foundation
import Testing
@testable import MinqingKit

@Suite("SHA-256")
struct SHA256Tests {
    /// FIPS 180-4's examples (and NIST's two-block message).
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
        ("民情月报", "33c387ce1806cc9a4fa485d91a35403ca942bfa78dfb95002d9e95dd107ad5c7"),
    ])
    func knownDigests(text: String, digest: String) throws {
        let hasher = try SHA256()
        try hasher.update(Array(text.utf8))
        #expect(try hasher.hexDigest() == digest)
    }

    @Test func aMillionAs() throws {
        let hasher = try SHA256()
        try hasher.update([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
        #expect(try hasher.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func aMillionAsInUnevenPieces() throws {
        let hasher = try SHA256()
        var fed = 0
        for size in [1, 63, 64, 65, 127, 1000, 4096].cycled(until: 1_000_000) {
            let count = min(size, 1_000_000 - fed)
            try hasher.update([UInt8](repeating: UInt8(ascii: "a"), count: count))
            fed += count
        }
        #expect(fed == 1_000_000)
        #expect(try hasher.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func chunkedInputGivesTheSameDigest() throws {
        let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let whole = try SHA256()
        try whole.update(bytes)
        let pieces = try SHA256()
        var i = 0
        for size in [0, 1, 63, 64, 65, 127, 1000].cycled(until: bytes.count) {
            let end = min(bytes.count, i + size)
            try pieces.update(Array(bytes[i..<end]))
            i = end
        }
        let digest = try whole.hexDigest()
        #expect(digest.count == 64)
        #expect(digest == (try pieces.hexDigest()))
    }

    @Test func theDigestIsKeptAndNothingMoreCanBeFed() throws {
        let hasher = try SHA256()
        try hasher.update(Array("abc".utf8))
        let first = try hasher.hexDigest()
        #expect(try hasher.hexDigest() == first)
        let error = #expect(throws: DigestError.self) { try hasher.update(Array("d".utf8)) }
        #expect(error?.description == "计算 SHA-256 摘要失败：摘要已经算出，不能再追加数据。可能是内存不足或 OpenSSL（libcrypto）安装有问题；请重试，仍然失败时把这条信息告诉维护人员。")
        #expect(try hasher.hexDigest() == first)
    }

    /// A file larger than one read (1 MiB) and not a multiple of it.
    @Test func fileDigestReadsTheWholeFile() throws {
        let path = try TestSupport.temporaryDirectory("sha256") + "/big.bin"
        let bytes = (0..<(3 << 20) + 12_345).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ $0 >> 11) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let hasher = try SHA256()
        try hasher.update(bytes)
        #expect(try FileDigest.sha256(path: path) == (try hasher.hexDigest()))
        try TestSupport.write("abc", to: path)
        #expect(try FileDigest.sha256(path: path) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}

private extension Array where Element == Int {
    /// The sizes repeated until they add up to at least `total`.
    func cycled(until total: Int) -> [Int] {
        var out: [Int] = [], sum = 0
        while sum < total { for n in self where sum < total { out.append(n); sum += n } }
        return out
    }
}
