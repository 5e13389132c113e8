#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The workbook's shared-string table (xl/sharedStrings.xml) for the long lists' repeating values —
/// 乡镇, 村社区, 涉及领域, 办理状态… — so each such cell is a short index instead of its text.
///
/// Strings are compared and hashed as UTF-8 bytes (not as Swift `String`s, whose hashing normalises
/// Unicode): two values are the same entry only if their bytes are the same, as Excel would see them.
/// The table stops taking new strings at ``capacity`` entries; later ones are then written inline.
final class SharedStrings {
    /// Most distinct strings the table keeps.
    let capacity: Int
    /// Longest string (UTF-8 bytes) worth sharing; longer ones are written inline.
    static let maxSharedLength = 255

    private var storage: [UInt8] = []
    private var starts: [Int] = [0]
    private var slots: [Int32]
    private var mask: Int
    /// Number of cells that refer to the table.
    private(set) var references = 0

    /// An empty table.
    init(capacity: Int = 1 << 20) {
        self.capacity = capacity
        slots = [Int32](repeating: -1, count: 1024)
        mask = 1023
    }

    /// Number of distinct strings.
    var count: Int { starts.count - 1 }

    /// The index of `text`, adding it if new; nil when the text is empty, too long, or the table is full.
    func index(of text: String) -> Int? {
        var text = text
        return text.withUTF8 { utf8 -> Int? in
            guard !utf8.isEmpty, utf8.count <= Self.maxSharedLength else { return nil }
            let hash = Self.hash(utf8)
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let found = Int(slots[slot])
                if found < 0 { break }
                if equals(found, utf8) {
                    references += 1
                    return found
                }
                slot = (slot + 1) & mask
            }
            guard count < capacity else { return nil }
            let index = count
            storage.append(contentsOf: utf8)
            starts.append(storage.count)
            slots[slot] = Int32(index)
            references += 1
            if count * 2 > slots.count { grow() }
            return index
        }
    }

    /// The table as xl/sharedStrings.xml.
    func xml() -> [UInt8] {
        var out = Array("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n".utf8)
        out += Array("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"\(references)\" uniqueCount=\"\(count)\">".utf8)
        out.reserveCapacity(out.count + storage.count + count * 16)
        for i in 0..<count {
            out += Self.siOpen
            SheetXML.appendText(string(i), to: &out)
            out += Self.siClose
        }
        out += Array("</sst>".utf8)
        return out
    }

    private static let siOpen = Array("<si>".utf8)
    private static let siClose = Array("</si>".utf8)

    /// Entry `i` as a string.
    func string(_ i: Int) -> String {
        String(decoding: storage[starts[i]..<starts[i + 1]], as: UTF8.self)
    }

    private func equals(_ index: Int, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[index], length = starts[index + 1] - start
        guard length == utf8.count else { return false }
        return storage.withUnsafeBufferPointer { all in
            guard let stored = all.baseAddress, let given = utf8.baseAddress else { return length == 0 }
            return memcmp(stored + start, given, length) == 0
        }
    }

    private func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        storage.withUnsafeBufferPointer { all in
            for i in 0..<count {
                let piece = UnsafeBufferPointer(rebasing: all[starts[i]..<starts[i + 1]])
                var slot = Int(truncatingIfNeeded: Self.hash(piece)) & mask
                while slots[slot] >= 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(i)
            }
        }
    }

    /// FNV-1a over the bytes, then a final mix so the low bits (the slot) depend on all of them.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        return h
    }
}
