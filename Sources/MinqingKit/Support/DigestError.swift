import CCrypto

/// A failure of OpenSSL's libcrypto while computing a digest, with what we were doing.
struct DigestError: MinqingError {
    /// What we were doing, e.g. "计算 SHA-256 摘要时读入数据".
    let context: String
    /// Why it failed: the call and libcrypto's own (English) words.
    let reason: String

    /// A Chinese sentence for staff: what failed, why, and what to do.
    var description: String {
        "\(context)失败：\(reason)。可能是内存不足或 OpenSSL（libcrypto）安装有问题；请重试，仍然失败时把这条信息告诉维护人员。"
    }

    /// A digest that cannot be computed refuses the run.
    var exitStatus: ExitStatus { .refused }

    /// The error of a failed libcrypto `call`, with the first entry of OpenSSL's error queue (the
    /// queue is then cleared, so a later failure is not blamed on this one).
    init(call: String, context: String) {
        let code = ERR_get_error()
        var detail = "未给出原因"
        if code != 0 {
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            detail = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        ERR_clear_error()
        self.init(context: context, reason: "OpenSSL 的 \(call) 报错（libcrypto：\(detail)）")
    }

    init(context: String, reason: String) {
        self.context = context
        self.reason = reason
    }
}

/// The one check every libcrypto call goes through: a status of 1 is success; anything else throws a
/// ``DigestError`` naming the call and what we were doing.
func cryptoCheck(_ status: Int32, _ call: String, _ context: @autoclosure () -> String) throws {
    if status != 1 { throw DigestError(call: call, context: context()) }
}

/// The same check for a libcrypto call that returns a pointer: nil is failure.
func cryptoCheck(_ pointer: OpaquePointer?, _ call: String, _ context: @autoclosure () -> String) throws -> OpaquePointer {
    guard let pointer else { throw DigestError(call: call, context: context()) }
    return pointer
}
