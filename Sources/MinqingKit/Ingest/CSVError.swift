/// Why a CSV file could not be read, with the file and (when known) the 1-based physical line.
struct CSVError: MinqingError, Equatable {
    /// The path of the file as given to the reader.
    let path: String
    /// The 1-based physical line the problem is on; nil for problems with the whole file.
    let line: Int?
    /// What went wrong.
    let kind: Kind

    /// The kinds of problems a CSV file can have.
    enum Kind: Equatable, Sendable {
        /// The file does not exist.
        case fileNotFound
        /// The path names a folder, not a file.
        case isDirectory
        /// The file exists but cannot be opened or read (the system `errno`).
        case unreadable(errno: Int32)
        /// The file has no content (0 bytes, or only a UTF-8 BOM).
        case empty
        /// The file starts with a UTF-8 BOM but the bytes after it are not UTF-8 (likely GB18030/GBK).
        case bomMismatch
        /// Bytes on `line` are not valid in `encoding`.
        case undecodable(encoding: TextEncoding)
        /// A quoted field opened on `fieldLine` is still open at the end of the file.
        case unterminatedQuote(fieldLine: Int)
        /// A record starting on `line` grew beyond `limit` bytes (usually an unclosed quote).
        case recordTooLarge(limit: Int)
        /// The system cannot convert the encoding (iconv_open failed).
        case converterUnavailable(encoding: TextEncoding)
    }

    /// Creates an error for `path`, optionally naming a line.
    init(path: String, line: Int? = nil, kind: Kind) {
        self.path = path
        self.line = line
        self.kind = kind
    }

    /// The last path component of `path`, used in messages.
    var fileName: String {
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
        let name = trimmed[trimmed.index(after: slash)...]
        return name.isEmpty ? trimmed : String(name)
    }

    /// One Chinese sentence for a county clerk: the file, the line, what is wrong and what to do.
    var description: String {
        let place = line.map { "\(fileName) 第 \($0) 行：" } ?? "\(fileName)："
        return place + message
    }

    /// A CSV file that cannot be read refuses the run.
    var exitStatus: ExitStatus { .refused }

    /// What is wrong and what to do, without the file and line (for callers that name them themselves).
    var message: String {
        switch kind {
        case .fileNotFound:
            return "找不到该文件。请检查文件名和所在文件夹是否正确。"
        case .isDirectory:
            return "这是一个文件夹，不是 CSV 文件。请指定导出的诉求 CSV 文件。"
        case .unreadable(let code):
            return "无法读取该文件（系统错误代码 \(code)）。请确认有读取权限、文件未被其他程序占用后重试。"
        case .empty:
            return "文件是空的，没有任何内容。请确认导出的文件是否完整。"
        case .bomMismatch:
            return "文件开头标明为 UTF-8 编码（BOM），但内容不是 UTF-8（可能是 GB18030/GBK）。"
                + "请在 Excel 中另存为“CSV UTF-8”后重试。"
        case .undecodable(.utf8):
            return "含有无法识别的字符，不是有效的 UTF-8 编码。"
                + "请检查该行是否有乱码，或在 Excel 中另存为“CSV UTF-8”后重试。"
        case .undecodable(let encoding):
            return "含有无法识别的字符，不是有效的 \(encoding.displayName) 编码。"
                + "请检查该行是否有乱码，或在 Excel 中另存为“CSV UTF-8”后重试。"
        case .unterminatedQuote(let fieldLine):
            return "引号未闭合，文件在引号字段中结束（该字段从第 \(fieldLine) 行开始）。请检查该行的双引号是否成对。"
        case .recordTooLarge(let limit):
            let size = limit >= 1 << 20 ? "\(limit >> 20) MB" : "\(limit) 字节"
            return "从这一行开始的记录超过 \(size) 仍未结束，通常是某个双引号未闭合。请检查该行的双引号是否成对。"
        case .converterUnavailable(let encoding):
            return "本机缺少 \(encoding.displayName) 编码转换功能（iconv），无法读取该文件。请另存为“CSV UTF-8”后重试。"
        }
    }
}
