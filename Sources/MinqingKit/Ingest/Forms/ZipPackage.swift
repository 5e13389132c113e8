import CZip

/// An .xlsx package opened with libzip, read only: the one owner of its `zip_t`. Parts are read as
/// streams (`zip_fopen_index` / `zip_fread`), never inflated whole.
final class ZipPackage {
    /// The workbook file, which refusals name.
    let path: String
    private let archive: OpaquePointer

    /// A part declaring more than this many bytes must not be more than `maxRatio` times its compressed
    /// size: a real sheet compresses 5–20 times, a zip bomb thousands of times.
    static let ratioCheckedAbove: UInt64 = 50 << 20
    static let maxRatio: UInt64 = 100

    /// Opens the package; throws ``InputRefused`` for a file that is not a readable zip.
    init(path: String) throws {
        self.path = path
        var code: Int32 = 0
        guard let archive = zip_open(path, ZIP_RDONLY, &code) else {
            throw Self.openFailure(path: path, code: code)
        }
        self.archive = archive
    }

    deinit { zip_discard(archive) }

    /// Whether the package holds a part of that name (case-insensitively, as Excel does).
    func contains(_ part: String) -> Bool { zip_name_locate(archive, part, zip_flags_t(ZIP_FL_NOCASE)) >= 0 }

    /// Opens a part for reading after checking its declared sizes; nil when the package has no such part.
    func open(_ part: String) throws -> ZipPartStream? {
        let index = zip_name_locate(archive, part, zip_flags_t(ZIP_FL_NOCASE))
        guard index >= 0 else { return nil }
        var stat = zip_stat_t()
        zip_stat_init(&stat)
        guard zip_stat_index(archive, zip_uint64_t(index), 0, &stat) == 0 else {
            throw WorkbookRefusal.damaged(path, detail: "\(part)：\(archiveError())")
        }
        if stat.valid & zip_uint64_t(ZIP_STAT_ENCRYPTION_METHOD) != 0, stat.encryption_method != UInt16(ZIP_EM_NONE) {
            throw WorkbookRefusal.encrypted(path)
        }
        let declared = stat.valid & zip_uint64_t(ZIP_STAT_SIZE) != 0 ? stat.size : 0
        let compressed = stat.valid & zip_uint64_t(ZIP_STAT_COMP_SIZE) != 0 ? stat.comp_size : 0
        if declared > Self.ratioCheckedAbove, declared / max(compressed, 1) > Self.maxRatio {
            throw WorkbookRefusal.zipBomb(path, part: part, declared: declared, compressed: compressed)
        }
        guard let file = zip_fopen_index(archive, zip_uint64_t(index), 0) else {
            let code = zip_error_code_zip(zip_get_error(archive))
            if code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_ENCRNOTSUPP {
                throw WorkbookRefusal.encrypted(path)
            }
            throw WorkbookRefusal.damaged(path, detail: "\(part)：\(archiveError())")
        }
        return ZipPartStream(package: self, file: file, part: part, declaredSize: declared)
    }

    /// libzip's description of the archive's last error.
    private func archiveError() -> String { String(cString: zip_error_strerror(zip_get_error(archive))) }

    /// The refusal for a failed `zip_open`.
    private static func openFailure(path: String, code: Int32) -> InputRefused {
        var error = zip_error_t()
        zip_error_init_with_code(&error, code)
        defer { zip_error_fini(&error) }
        let detail = String(cString: zip_error_strerror(&error))
        switch code {
        case ZIP_ER_NOENT, ZIP_ER_OPEN, ZIP_ER_READ, ZIP_ER_MEMORY:
            return WorkbookRefusal.unreadable(path, detail: detail)
        default:
            return WorkbookRefusal.damaged(path, detail: "zip 结构不完整或不是 zip 文件：\(detail)")
        }
    }
}

/// One part of a ``ZipPackage`` being inflated: the one owner of its `zip_file_t`. It counts the bytes
/// actually inflated, so a part whose header lies about its size cannot get past the size checked.
final class ZipPartStream {
    /// The part's name in the package (`xl/worksheets/sheet1.xml`).
    let part: String
    /// The uncompressed size the zip declares, which ``ZipPackage/open(_:)`` checked.
    let declaredSize: UInt64
    /// Bytes inflated so far.
    private(set) var inflated: UInt64 = 0
    /// Why reading stopped, when it failed (the XML reader only sees "-1").
    private(set) var failure: InputRefused?
    /// Every part read is XML: its prolog is checked for a DOCTYPE as the bytes come.
    private var prolog = XMLPrologGuard()
    private let package: ZipPackage
    private let file: OpaquePointer

    fileprivate init(package: ZipPackage, file: OpaquePointer, part: String, declaredSize: UInt64) {
        self.package = package
        self.file = file
        self.part = part
        self.declaredSize = declaredSize
    }

    deinit { zip_fclose(file) }

    /// Inflates up to `count` bytes into `buffer`: the count, 0 at the end, -1 on failure (see ``failure``).
    func read(into buffer: UnsafeMutableRawPointer, count: Int) -> Int {
        if failure != nil { return -1 }
        let got = zip_fread(file, buffer, zip_uint64_t(max(count, 0)))
        if got < 0 {
            let detail = String(cString: zip_error_strerror(zip_file_get_error(file)))
            failure = WorkbookRefusal.damaged(package.path, detail: "\(part)：\(detail)")
            return -1
        }
        inflated += UInt64(got)
        if inflated > declaredSize {
            failure = WorkbookRefusal.sizeMismatch(package.path, part: part, declared: declaredSize)
            return -1
        }
        if prolog.verdict == .undecided {
            prolog.scan(UnsafeRawBufferPointer(start: buffer, count: Int(got)))
            if prolog.verdict == .doctype {
                failure = WorkbookRefusal.doctype(package.path, part: part)
                return -1
            }
        }
        return Int(got)
    }
}
