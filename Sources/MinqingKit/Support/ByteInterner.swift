#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Gives each distinct string a small number (0, 1, 2… in order of first sight), comparing and
/// hashing the strings as UTF-8 bytes. Swift's `String` hashing normalises Unicode, which makes
/// Chinese keys several times slower; the month's hot loops key their tables through this instead.
/// Two strings are the same only if their bytes are the same.
final class ByteInterner {
    private var storage: [UInt8] = []
    private var starts: [Int] = [0]
    /// Open addressing: each slot holds a string's hash (low 32 bits, high half) and its number + 1
    /// (low half), 0 when empty. The hash is compared before the bytes, and growing re-slots the
    /// strings from it without reading them again.
    private var slots: [UInt64]
    private var mask: Int

    /// An empty interner.
    init() {
        slots = [UInt64](repeating: 0, count: 64)
        mask = 63
    }

    /// Number of distinct strings.
    var count: Int { starts.count - 1 }

    /// The number of `text`, giving it the next one if it is new (and `adding` allows it); nil when new and not added.
    func id(_ text: String, adding: Bool = true) -> Int? {
        var text = text
        return text.withUTF8 { id(bytes: $0, adding: adding) }
    }

    /// The number of the string with these UTF-8 bytes (see ``id(_:adding:)``).
    func id(bytes utf8: UnsafeBufferPointer<UInt8>, adding: Bool = true) -> Int? {
        let hash = UInt32(truncatingIfNeeded: Self.hash(utf8))
        var slot = Int(hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            let found = Int(entry & 0xFFFF_FFFF) - 1
            if UInt32(truncatingIfNeeded: entry >> 32) == hash, equals(found, utf8) { return found }
            slot = (slot + 1) & mask
        }
        guard adding else { return nil }
        let index = count
        storage.append(contentsOf: utf8)
        starts.append(storage.count)
        slots[slot] = UInt64(hash) << 32 | UInt64(index + 1)
        if count * 2 > slots.count { grow() }
        return index
    }

    /// String number `i`.
    func string(_ i: Int) -> String {
        String(decoding: storage[starts[i]..<starts[i + 1]], as: UTF8.self)
    }

    /// Bytes held for the strings.
    var byteCount: Int { storage.count }

    private func equals(_ index: Int, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[index], length = starts[index + 1] - start
        guard length == utf8.count else { return false }
        guard length > 0 else { return true }
        return storage.withUnsafeBufferPointer { all in
            guard let stored = all.baseAddress, let given = utf8.baseAddress else { return false }
            return memcmp(stored + start, given, length) == 0
        }
    }

    private func grow() {
        let old = slots
        let size = slots.count * 2
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
        for entry in old where entry != 0 {
            var slot = Int(entry >> 32) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }

    /// A multiply-mix hash over the bytes, 8 at a time, with a final mix so the low bits (the slot)
    /// depend on all of them.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ word) &* 0xff51_afd7_ed55_8ccd
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < bytes.count {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0xc4ce_b9fe_1a85_ec53
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        return h
    }
}

/// Hands out one shared `String` per distinct byte sequence, for values that repeat from row to row
/// (乡镇, 领域, 办理状态…): no allocation or UTF-8 check for a value seen before. Keeps at most
/// `capacity` strings; later new ones are made afresh each time.
final class StringCache {
    private let names = ByteInterner()
    private var strings: [String] = []
    let capacity: Int

    /// An empty cache.
    init(capacity: Int = 1 << 16) {
        self.capacity = capacity
    }

    /// The string with these UTF-8 bytes (invalid sequences repaired, as `String(decoding:as:)` does).
    func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard let id = names.id(bytes: bytes, adding: strings.count < capacity) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        if id < strings.count { return strings[id] }
        let made = String(decoding: bytes, as: UTF8.self)
        strings.append(made)
        return made
    }
}
