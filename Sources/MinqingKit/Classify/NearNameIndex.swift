/// The registered name a misspelt 乡镇 or 村社区 probably means (SPEC §10: 「是否为「柳溪村」？」).
///
/// A registered name is near when one edit makes it the spelling (a character inserted, deleted or
/// replaced: 柳西村 → 柳溪村, 云溪 → 云溪镇, 柳溪村村 → 柳溪村), or else when it starts with the spelling
/// (白云 → 白云山村). Among several, the first in the given order (places.csv's) is named; among
/// names starting with the spelling, the shortest. Spellings of fewer than two characters get none.
///
/// Built once from the registered names: each name with one character deleted is a key, so a lookup
/// is a few hash probes per character of the spelling, not a comparison with every name.
struct NearNameIndex: Sendable {
    /// A name with the character at `position` deleted.
    private struct Deletion: Hashable {
        let rest: String
        let position: Int
    }

    private let names: [String]
    /// Registered name → its index.
    private var exact: [String: Int] = [:]
    /// A name with one character deleted, and where → the first such name (a replaced character).
    private var deletedAt: [Deletion: Int] = [:]
    /// A name with any one character deleted → the first such name (a character left out).
    private var deleted: [String: Int] = [:]
    /// A proper beginning (two characters or more) → the shortest, then first, name starting with it.
    private var beginnings: [String: Int] = [:]

    /// Indexes `names` in their order (later duplicates are ignored).
    init(_ names: [String]) {
        self.names = names
        for (index, name) in names.enumerated() where exact[name] == nil {
            exact[name] = index
            let characters = Array(name)
            guard characters.count >= 2 else { continue }
            for position in characters.indices {
                var rest = characters
                rest.remove(at: position)
                let text = String(rest)
                if deletedAt[Deletion(rest: text, position: position)] == nil {
                    deletedAt[Deletion(rest: text, position: position)] = index
                }
                if deleted[text] == nil { deleted[text] = index }
            }
            for length in 2..<characters.count {
                let beginning = String(characters[0..<length])
                if let other = beginnings[beginning], names[other].count <= characters.count { continue }
                beginnings[beginning] = index
            }
        }
    }

    /// The registered name `spelling` probably means, or nil (also for a registered spelling).
    func nearest(to spelling: String) -> String? {
        guard exact[spelling] == nil else { return nil }
        let characters = Array(spelling)
        guard characters.count >= 2 else { return nil }
        var best = deleted[spelling] ?? Int.max
        for position in characters.indices {
            var rest = characters
            rest.remove(at: position)
            let text = String(rest)
            if let index = exact[text], index < best { best = index }
            if let index = deletedAt[Deletion(rest: text, position: position)], index < best { best = index }
        }
        if best < names.count { return names[best] }
        return beginnings[spelling].map { names[$0] }
    }
}
