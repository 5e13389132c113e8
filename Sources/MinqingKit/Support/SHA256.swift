import CCrypto

/// SHA-256 (FIPS 180-4) from OpenSSL's libcrypto, through its EVP digest API: the fingerprints of the
/// input files, the config and the seeds in the ingest history.
///
/// Owns one `EVP_MD_CTX`, made in `init` and freed in `deinit`; a class, so the context is never
/// copied and has one owner. Feed it with `update`, then ask `hexDigest()`: the digest is kept, so
/// asking again gives the same text, and feeding more after it throws. Not thread-safe: use one
/// hasher from one thread.
final class SHA256 {
    private let context: OpaquePointer
    private var digest: String?

    /// A fresh hasher.
    init() throws {
        context = try Self.startedContext()
    }

    deinit {
        EVP_MD_CTX_free(context)
    }

    /// Feeds bytes.
    func update(_ bytes: UnsafeRawBufferPointer) throws {
        guard digest == nil else {
            throw DigestError(context: "计算 SHA-256 摘要", reason: "摘要已经算出，不能再追加数据")
        }
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        try cryptoCheck(EVP_DigestUpdate(context, base, bytes.count), "EVP_DigestUpdate", "计算 SHA-256 摘要时读入数据")
    }

    /// Feeds bytes from an array.
    func update(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try update($0) }
    }

    /// Finishes and returns the digest as lowercase hex.
    func hexDigest() throws -> String {
        if let digest { return digest }
        var bytes = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        try cryptoCheck(EVP_DigestFinal_ex(context, &bytes, &length), "EVP_DigestFinal_ex", "计算 SHA-256 摘要时得出结果")
        let hex = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(Int(length) * 2)
        for byte in bytes.prefix(Int(length)) {
            text.append(hex[Int(byte >> 4)])
            text.append(hex[Int(byte & 0xf)])
        }
        let result = String(decoding: text, as: UTF8.self)
        digest = result
        return result
    }

    /// libcrypto, set up once before its first use, without the clean-up it would otherwise run at
    /// exit: that clean-up frees its tables under any thread still hashing (seen as a crash when a
    /// refused file ended the process while the file's digest thread was starting).
    private static let library = Result<Void, Error> {
        try cryptoCheck(OPENSSL_init_crypto(UInt64(OPENSSL_INIT_NO_ATEXIT), nil), "OPENSSL_init_crypto", "准备 OpenSSL")
    }

    /// A new context set up for SHA-256; freed here when the set-up fails, so that it is never
    /// without an owner.
    private static func startedContext() throws -> OpaquePointer {
        try library.get()
        let context = try cryptoCheck(EVP_MD_CTX_new(), "EVP_MD_CTX_new", "准备计算 SHA-256 摘要")
        do {
            try cryptoCheck(EVP_DigestInit_ex(context, EVP_sha256(), nil), "EVP_DigestInit_ex", "准备计算 SHA-256 摘要")
        } catch {
            EVP_MD_CTX_free(context)
            throw error
        }
        return context
    }
}
