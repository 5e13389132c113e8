#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search on UTF-8 bytes, for the topic stage's many "does this text hold the term" checks
/// (the standard library's generic `String.contains` takes microseconds each).
enum ByteSearch {
    /// Whether `text` holds `needle` (an empty needle is held by none).
    static func contains(_ text: String, _ needle: String) -> Bool {
        var text = text
        var needle = needle
        return text.withUTF8 { haystack in needle.withUTF8 { contains(haystack, $0) } }
    }

    /// Whether `haystack` holds `needle` (an empty needle is held by none). memchr finds the candidates by
    /// a byte of the needle other than a lead byte (the lead bytes E4–E9 start nearly every Chinese
    /// character; the others vary), then the whole needle is compared.
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count, let base = haystack.baseAddress,
              let needleBase = needle.baseAddress else { return false }
        let pivot = needle.count > 2 && needle[0] >= 0xE0 ? 2 : 0
        let byte = Int32(needle[pivot])
        // Candidates for the pivot byte lie in [pivot, count - needle.count + pivot].
        var from = pivot
        let last = haystack.count - needle.count + pivot
        while from <= last {
            guard let hit = memchr(base + from, byte, last - from + 1) else { return false }
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + (at - pivot), needleBase, needle.count) == 0 { return true }
            from = at + 1
        }
        return false
    }
}
