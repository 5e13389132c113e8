import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One package part's XML pulled node by node through libxml2's streaming reader (`xmlReaderForIO`
/// over a ``ZipPartStream``): the one owner of its `xmlTextReader`. Memory holds the current node and
/// libxml2's input buffer, never the part.
///
/// Used for the workbook's small parts (workbook, relationships, styles, shared strings), whose
/// structure reads most simply pulled; the worksheet itself goes through ``SheetRowParser``'s SAX2
/// parser, about twice as fast.
///
/// Safety: the options never include XML_PARSE_NOENT (substitute entities) or XML_PARSE_DTDLOAD, and
/// include XML_PARSE_NONET; a part with a DOCTYPE is refused outright (Excel never writes one), so
/// neither entity expansion ("billion laughs") nor external entities can happen.
final class XMLPartReader {
    /// libxml2's node types (xmlReaderTypes) this reader reports.
    enum NodeType: Int32 {
        case element = 1, text = 3, cdata = 4, entityReference = 5, documentType = 10,
             whitespace = 13, significantWhitespace = 14, endElement = 15
    }

    /// The part's name, which refusals name.
    let part: String
    /// The workbook file.
    let workbookPath: String
    private let stream: ZipPartStream
    private var reader: OpaquePointer?
    /// The first error libxml2 reported, with its line.
    fileprivate var parseError: (message: String, line: Int32)?

    /// Sets libxml2 up once per process (its global state must be initialised before threads use it).
    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    /// Starts reading the stream's XML; `path` is the workbook, for refusals.
    init(stream: ZipPartStream, path: String) throws {
        _ = Self.initialised
        self.part = stream.part
        self.workbookPath = path
        self.stream = stream
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)
        let context = Unmanaged.passUnretained(stream).toOpaque()
        reader = xmlReaderForIO({ context, buffer, length in
            guard let context, let buffer, length > 0 else { return 0 }
            let stream = Unmanaged<ZipPartStream>.fromOpaque(context).takeUnretainedValue()
            return Int32(stream.read(into: buffer, count: Int(length)))
        }, nil, context, stream.part, nil, options)
        guard let reader else {
            throw WorkbookRefusal.damaged(path, detail: "\(part)：无法开始读取 XML")
        }
        xmlTextReaderSetStructuredErrorHandler(reader, { context, error in
            guard let context, let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let owner = Unmanaged<XMLPartReader>.fromOpaque(context).takeUnretainedValue()
            guard owner.parseError == nil else { return }
            var message = error.pointee.message.map { String(cString: $0) } ?? "XML 错误"
            while message.last == "\n" { message.removeLast() }
            owner.parseError = (message, Int32(error.pointee.line))
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    deinit {
        if let reader { xmlFreeTextReader(reader) }
    }

    /// The uncompressed size the zip declares for the part (checked against what is inflated).
    var declaredSize: UInt64 { stream.declaredSize }

    /// Moves to the next node; nil at the end of the part. Throws for broken XML, a DOCTYPE, and the
    /// stream's own failures (a lying size, a damaged zip).
    func next() throws -> NodeType? {
        guard let reader else { return nil }
        while true {
            let status = xmlTextReaderRead(reader)
            if status == 0 { return nil }
            if status < 0 { throw failure() }
            let raw = xmlTextReaderNodeType(reader)
            guard let type = NodeType(rawValue: raw) else { continue }
            if type == .documentType { throw WorkbookRefusal.doctype(workbookPath, part: part) }
            return type
        }
    }

    /// The refusal for a failed read: the stream's reason first (libxml2 only saw the read fail).
    private func failure() -> InputRefused {
        if let refused = stream.failure { return refused }
        let detail = parseError.map { "第 \($0.line) 行：\($0.message)" } ?? "XML 解析失败"
        return WorkbookRefusal.badXML(workbookPath, part: part, detail: detail)
    }

    /// The current element's local name, compared without making a String (this runs for every node).
    func nameIs(_ name: StaticString) -> Bool {
        guard let reader, let local = xmlTextReaderConstLocalName(reader) else { return false }
        return Self.equal(local, name)
    }

    /// Whether the current element is written `<x/>` (no end element follows).
    var isEmptyElement: Bool {
        guard let reader else { return false }
        return xmlTextReaderIsEmptyElement(reader) == 1
    }

    /// The current text node's bytes (valid until the next move), empty for other nodes.
    func withValue<T>(_ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        guard let reader, let value = xmlTextReaderConstValue(reader) else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeBufferPointer(start: value, count: strlen(value)))
    }

    /// Calls `body` with each attribute of the current element: its local name, whether it has a
    /// namespace (`r:id`), and its value (both valid only during the call).
    func forEachAttribute(_ body: (UnsafePointer<UInt8>, Bool, UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        guard let reader, xmlTextReaderMoveToFirstAttribute(reader) == 1 else { return }
        repeat {
            if let name = xmlTextReaderConstLocalName(reader), let value = xmlTextReaderConstValue(reader) {
                let namespaced = xmlTextReaderConstNamespaceUri(reader) != nil
                try body(name, namespaced, UnsafeBufferPointer(start: value, count: strlen(value)))
            }
        } while xmlTextReaderMoveToNextAttribute(reader) == 1
        xmlTextReaderMoveToElement(reader)
    }

    /// The value of the un-namespaced attribute `name` of the current element, as a String.
    func attribute(_ name: StaticString) -> String? {
        var found: String?
        forEachAttribute { local, namespaced, value in
            if !namespaced, found == nil, Self.equal(local, name) { found = String(decoding: value, as: UTF8.self) }
        }
        return found
    }

    /// Whether a NUL-terminated C string equals `name`.
    static func equal(_ cString: UnsafePointer<UInt8>, _ name: StaticString) -> Bool {
        let count = name.utf8CodeUnitCount
        let expected = name.utf8Start
        for i in 0..<count where cString[i] != expected[i] { return false }
        return cString[count] == 0
    }
}

/// Reads the rest of a text-holding element's content as UTF-8: appends every text node up to the
/// element's end (several when entities or buffer edges split it).
extension XMLPartReader {
    /// Appends the text up to the current element's end to `into`; the reader is then on that end.
    func appendText(untilEndOf depthName: StaticString, into buffer: inout [UInt8]) throws {
        while let node = try next() {
            switch node {
            case .text, .cdata, .whitespace, .significantWhitespace:
                withValue { buffer.append(contentsOf: $0) }
            case .endElement where nameIs(depthName):
                return
            default:
                continue
            }
        }
    }
}
