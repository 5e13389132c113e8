import Foundation

/// SHA-256 of files, for the ingest history (which exact files made a month).
enum FileDigest {
    /// The SHA-256 of the file at `path` as lowercase hex, read in chunks.
    static func sha256(path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        let hasher = try SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            try chunk.withUnsafeBytes { try hasher.update($0) }
        }
        return try hasher.hexDigest()
    }
}
