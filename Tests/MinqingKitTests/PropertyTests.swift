import Foundation
import Testing
@testable import MinqingKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Bounded property-based tests of the three parsers that read what the units send in (issue #5): the
// CSV reader, the date parser and the header matcher. Every property draws its cases from a small
// deterministic generator with a fixed seed, so a failure reproduces exactly; each failure message names
// the seed and the case. Set MINQING_PROPERTY_SEED=<number> to explore with another seed.
//
// Their libFuzzer counterparts are in Fuzz/ (run by scripts/fuzz.sh). CSVReaderTests already round-trips
// random UTF-8/GB18030 tables and feeds short random byte strings; these add what those do not cover:
// a BOM, one line-end style per file (CR-only included), blank lines, forced encodings, longer inputs, a
// reference parser for arbitrary bytes, and generated dates and header rows with known answers.

/// The property tests' generator: the SplitMix64 of the CSV reader tests, with two more draws.
typealias PropertyRNG = CSVReaderTestRNG

extension CSVReaderTestRNG {
    /// A value in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + below(range.count) }

    /// True with probability `percent`/100.
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}

enum PropertySeed {
    /// The base seed ("minqing5"), or MINQING_PROPERTY_SEED when set; each property mixes in its own number.
    static let base: UInt64 = ProcessInfo.processInfo.environment["MINQING_PROPERTY_SEED"].flatMap { UInt64($0) }
        ?? 0x6D69_6E71_696E_6735

    static func rng(_ property: UInt64) -> PropertyRNG { PropertyRNG(seed: base ^ (property &* 0x1000_0000_01B3)) }
}

// MARK: - CSV helpers

private let lf: UInt8 = 0x0A
private let cr: UInt8 = 0x0D
private let quote: UInt8 = 0x22
private let comma: UInt8 = 0x2C
private let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

/// One record as read: its fields as exact UTF-8 bytes (no canonical-equivalence in comparisons).
private struct PropertyRecord: Equatable, CustomStringConvertible {
    var fields: [[UInt8]]
    var line: Int
    var lineCount: Int
    var raw: [UInt8]
    var nul: Bool

    var description: String {
        let shown = fields.map { String(decoding: $0, as: UTF8.self) }
        return "L\(line)+\(lineCount) \(shown.debugDescription)\(nul ? " NUL" : "")"
    }
}

/// Everything one read produced.
private struct PropertyRead: Equatable {
    var records: [PropertyRecord] = []
    var error: CSVError?
    var encoding: TextEncoding?
    var hadBOM = false
    /// A problem with the reader's contract itself (non-CSVError, error not sticky, record after EOF).
    var contract: String?
}

/// Reads `path` to the end, recording every record and checking the end-of-input contract.
private func readAll(_ path: String, encoding: TextEncoding?, chunkSize: Int = 1 << 20) -> PropertyRead {
    var result = PropertyRead()
    let reader: CSVReader
    do {
        reader = try CSVReader(path: path, encoding: encoding, chunkSize: chunkSize)
    } catch let error as CSVError {
        result.error = error
        return result
    } catch {
        result.contract = "init threw \(error)"
        return result
    }
    result.encoding = reader.encoding
    result.hadBOM = reader.hadBOM
    do {
        while try reader.nextRecord() {
            result.records.append(PropertyRecord(
                fields: (0..<reader.fieldCount).map { Array(reader.field($0).utf8) },
                line: reader.recordLine, lineCount: reader.recordLineCount,
                raw: Array(reader.rawRecord().utf8), nul: reader.recordHasNUL))
        }
        if try reader.nextRecord() { result.contract = "a record after end of file" }
    } catch let error as CSVError {
        result.error = error
        do {
            _ = try reader.nextRecord()
            result.contract = "no error on the call after \(error)"
        } catch let again as CSVError {
            if again != error { result.contract = "error not sticky: \(error), then \(again)" }
        } catch {
            result.contract = "threw \(error) after \(error)"
        }
    } catch {
        result.contract = "nextRecord threw \(error)"
    }
    return result
}

/// Line breaks in `bytes` as the reader counts them: LF, CRLF and a lone CR are one break each.
private func lineBreaks(_ bytes: ArraySlice<UInt8>) -> Int {
    var count = 0
    var previous: UInt8 = 0
    for b in bytes {
        if b == cr || (b == lf && previous != cr) { count += 1 }
        previous = b
    }
    return count
}

/// An independent reading of the reader's documented rules (RFC 4180 plus Excel's leniency: a quote
/// inside an unquoted field is literal, text after a closing quote is appended literally; blank lines
/// are skipped but counted), on bytes already known to be valid UTF-8.
private func referenceParse(_ b: ArraySlice<UInt8>) -> (records: [PropertyRecord], endedAtEOF: Bool,
                                                        unterminated: (line: Int, fieldLine: Int)?) {
    let b = Array(b)
    let n = b.count
    var records: [PropertyRecord] = []
    var i = 0
    var line = 1
    var lastAtEOF = false
    func skipBreak() {
        if b[i] == cr && i + 1 < n && b[i + 1] == lf { i += 2 } else { i += 1 }
        line += 1
    }
    while true {
        while i < n && (b[i] == lf || b[i] == cr) { skipBreak() }
        guard i < n else { break }
        let start = i
        let recordLine = line
        var fields: [[UInt8]] = []
        while true {
            var field: [UInt8] = []
            if i < n && b[i] == quote {
                let fieldLine = line
                i += 1
                var closed = false
                while i < n {
                    let c = b[i]
                    if c == quote {
                        if i + 1 < n && b[i + 1] == quote {
                            field.append(quote)
                            i += 2
                            continue
                        }
                        i += 1
                        closed = true
                        break
                    }
                    if c == cr || c == lf {
                        line += 1
                        field.append(c)
                        if c == cr && i + 1 < n && b[i + 1] == lf {
                            field.append(lf)
                            i += 1
                        }
                        i += 1
                        continue
                    }
                    field.append(c)
                    i += 1
                }
                if !closed { return (records, false, (recordLine, fieldLine)) }
            }
            while i < n && b[i] != comma && b[i] != cr && b[i] != lf {
                field.append(b[i])
                i += 1
            }
            fields.append(field)
            if i < n && b[i] == comma {
                i += 1
                continue
            }
            break
        }
        let raw = Array(b[start..<i])
        records.append(PropertyRecord(fields: fields, line: recordLine, lineCount: line - recordLine + 1,
                                      raw: raw, nul: raw.contains(0)))
        lastAtEOF = i == n
        if i < n { skipBreak() }
    }
    return (records, lastAtEOF, nil)
}

/// The offset of the first byte that does not start a complete, valid UTF-8 sequence (bytes.count if none),
/// by the standard library's decoder (independent of MinqingKit's validator).
private func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0
    while true {
        switch parser.parseScalar(from: &iterator) {
        case .valid(let scalar): offset += scalar.count
        case .error: return offset
        case .emptyInput: return offset
        }
    }
}

/// A random table of fields drawn from troublesome pieces; rows have 1–8 fields (ragged).
private func randomTable(_ rng: inout PropertyRNG, maxRows: Int = 12) -> [[String]] {
    let pieces = ["a", "Z", "7", " ", "\t", ",", "\"", "\"\"", "\r", "\n", "\r\n", "中", "诉求", "村社区", "，", "。", "、",
                  "“", "”", "𠀀", "😀", "€", "é", "'", ";", "=", "-", "2026-10-03"]
    return (0..<rng.int(1...maxRows)).map { _ in
        (0..<rng.int(1...8)).map { _ in
            if rng.chance(2) { return "x\u{0}y" }  // a NUL: the row is read, and flagged
            return (0..<rng.below(rng.chance(20) ? 30 : 6)).map { _ in rng.pick(pieces) }.joined()
        }
    }
}

/// Line-end styles: one per file, as Excel (CRLF), Unix tools (LF) and classic Mac exports (CR) write.
private enum LineEnd: CaseIterable {
    case lf, crlf, cr, mixed

    func terminator(_ rng: inout PropertyRNG) -> String {
        switch self {
        case .lf: return "\n"
        case .crlf: return "\r\n"
        case .cr: return "\r"
        case .mixed: return rng.pick(["\n", "\r\n", "\r"])
        }
    }
}

/// Writes `table` as a correct RFC 4180 writer would (quoting fields that need it, and some that do
/// not), with blank lines between some records; returns the text and the records the reader must report.
private func serialize(_ table: [[String]], lineEnd: LineEnd, rng: inout PropertyRNG) -> (text: [UInt8], records: [PropertyRecord]) {
    var out: [UInt8] = []
    var records: [PropertyRecord] = []
    for (index, fields) in table.enumerated() {
        if rng.chance(10) {
            for _ in 0..<rng.int(1...2) { out += Array(lineEnd.terminator(&rng).utf8) }  // blank lines
        }
        let cells = fields.map { field -> String in
            let needs = field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
                || (fields.count == 1 && field.isEmpty)
            guard needs || rng.chance(15) else { return field }
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        let raw = Array(cells.joined(separator: ",").utf8)
        let line = 1 + lineBreaks(out[...])
        records.append(PropertyRecord(fields: fields.map { Array($0.utf8) }, line: line,
                                      lineCount: 1 + lineBreaks(raw[...]), raw: raw,
                                      nul: fields.contains { $0.utf8.contains(0) }))
        out += raw
        if index < table.count - 1 || rng.chance(60) { out += Array(lineEnd.terminator(&rng).utf8) }
    }
    return (out, records)
}

/// A fresh temporary file path (in a folder removed at the end of the test).
private final class PropertyDir {
    let path = NSTemporaryDirectory() + "minqing-property-\(UUID().uuidString)"
    init() { try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `bytes` to `name` in the folder, replacing it (plain write(2): thousands of files per test).
    func put(_ bytes: [UInt8], _ name: String = "input.csv") -> String {
        let file = path + "/" + name
        let fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        precondition(fd >= 0, "cannot create \(file)")
        defer { close(fd) }
        var written = 0
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let n = write(fd, buffer.baseAddress! + written, buffer.count - written)
                precondition(n > 0, "cannot write \(file)")
                written += n
            }
        }
        return file
    }
}

// MARK: - Properties

@Suite("property tests: CSV reader, date parser, header matcher")
struct PropertyTests {
    // (a) Tables written correctly read back field for field.

    /// 1,500 random tables, each file with one line-end style (LF, CRLF, CR-only or mixed), blank lines,
    /// a UTF-8 BOM or not, encoded as UTF-8 or GB18030, read with the encoding detected or forced and a
    /// random chunk size: the same fields, line numbers, raw text and NUL flags come back. (A BOM before
    /// GB18030 text, not forced, is refused with .bomMismatch naming the first non-UTF-8 byte's line.)
    @Test func csvTablesRoundTripWithBOMLineEndsAndEncodings() {
        var rng = PropertySeed.rng(1)
        let dir = PropertyDir()
        var seen: [String: Int] = [:]
        for round in 0..<1500 {
            let table = randomTable(&rng)
            let lineEnd = rng.pick(LineEnd.allCases)
            let (text, expected) = serialize(table, lineEnd: lineEnd, rng: &rng)
            let gb = rng.chance(35)
            let bom = rng.chance(40)
            let forced: TextEncoding? = rng.chance(50) ? (gb ? .gb18030 : .utf8) : nil
            let ascii = text.allSatisfy { $0 < 0x80 }
            let body = gb ? CSVReaderFixture.gb18030(String(decoding: text, as: UTF8.self)) : text
            let path = dir.put((bom ? utf8BOM : []) + body)
            let chunk = rng.pick([3, 7, 16, 61, 4096, 1 << 20])
            let read = readAll(path, encoding: forced, chunkSize: chunk)
            func context() -> String {
                "seed \(PropertySeed.base) round \(round) (\(lineEnd), \(gb ? "gb18030" : "utf-8"), bom \(bom), "
                    + "forced \(forced?.rawValue ?? "none"), chunk \(chunk)): \(String(decoding: text, as: UTF8.self).debugDescription)"
            }
            if gb && bom && forced == nil && !ascii {
                // A BOM before GB18030 text is refused, naming the line of the first byte that is not UTF-8.
                let line = 1 + lineBreaks(body[..<firstInvalidUTF8(body[...])])
                #expect(read.error == CSVError(path: path, line: line, kind: .bomMismatch), "\(context())")
                #expect(read.records.isEmpty && read.contract == nil, "\(context())")
                seen["bom-mismatch", default: 0] += 1
                continue
            }
            #expect(read.contract == nil, "\(read.contract ?? "") — \(context())")
            #expect(read.error == nil, "\(String(describing: read.error)) — \(context())")
            #expect(read.hadBOM == bom, "\(context())")
            #expect(read.encoding == (forced ?? (gb && !ascii ? .gb18030 : .utf8)), "\(context())")
            guard read.records == expected else {
                Issue.record("\(context())\nexpected \(expected)\ngot      \(read.records)")
                return
            }
            seen["\(lineEnd)", default: 0] += 1
            seen[gb ? "gb18030" : "utf-8", default: 0] += 1
            if bom { seen["bom", default: 0] += 1 }
            if forced != nil { seen["forced", default: 0] += 1 }
            if expected.count > 1 && lineEnd == .cr { seen["cr-multi", default: 0] += 1 }
        }
        // The generator really produced every kind of file.
        for (kind, minimum) in [("lf", 250), ("crlf", 250), ("cr", 250), ("mixed", 250), ("gb18030", 320),
                                ("utf-8", 700), ("bom", 380), ("forced", 550), ("cr-multi", 220), ("bom-mismatch", 70)] {
            #expect(seen[kind, default: 0] >= minimum, "seed \(PropertySeed.base): only \(seen[kind, default: 0]) \(kind) tables")
        }
    }

    // (b) Arbitrary bytes: read or CSVError, never a crash; where UTF-8, exactly what the reference reads.

    /// 2,000 byte strings of up to 2 KB (random bytes, CSV-ish bytes, and damaged valid tables, with or
    /// without a BOM or UTF-16 mark), read with the encoding detected or forced: reading ends normally
    /// or with a CSVError (sticky), the error fits the input, two chunk sizes agree, and whenever the
    /// text is read as UTF-8 the records and error are those of an independent reference parser.
    @Test func arbitraryBytesReadOrThrowCSVErrorAndMatchReference() {
        var rng = PropertySeed.rng(2)
        let dir = PropertyDir()
        // CSV-ish pieces: well-formed ones, then bytes that are not UTF-8 (GB18030 pairs, stray bytes, marks).
        let wellFormed: [[UInt8]] = [[comma], [comma], [quote], [quote], [cr], [lf], [cr, lf], [0], [0x61], [0x20],
                                     Array("中".utf8), Array("𠀀".utf8), Array("诉求".utf8), [0x61, 0x62, 0x63]]
        let alphabet = wellFormed + [[0xD6, 0xD0], [0x81, 0x30, 0x81, 0x30], [0xFF], [0x80], [0xC0], [0xE4, 0xB8],
                                     utf8BOM, [0xFF, 0xFE]]
        /// Up to 2 KB: a quarter of the inputs anywhere up to 2,048 bytes, the rest up to 256.
        func length(_ rng: inout PropertyRNG) -> Int { rng.chance(25) ? rng.below(2049) : rng.below(257) }
        var compared = 0, withRecords = 0, errors = 0, invalidCompared = 0
        for round in 0..<2000 {
            var bytes: [UInt8]
            switch round % 4 {
            case 0:
                bytes = (0..<length(&rng)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            case 1:
                bytes = []
                let target = length(&rng)
                let pieces = round % 8 == 1 ? wellFormed : alphabet
                while bytes.count < target { bytes += rng.pick(pieces) }
            default:
                let (text, _) = serialize(randomTable(&rng, maxRows: rng.chance(25) ? 20 : 6), lineEnd: rng.pick(LineEnd.allCases), rng: &rng)
                bytes = rng.chance(25) ? CSVReaderFixture.gb18030(String(decoding: text, as: UTF8.self)) : text
                if rng.chance(20) { bytes = utf8BOM + bytes }
                for _ in 0..<rng.int(0...2) where !bytes.isEmpty {
                    let at = rng.below(bytes.count)
                    switch rng.below(5) {
                    case 0: bytes[at] = UInt8(truncatingIfNeeded: rng.next())
                    case 1: bytes.insert(contentsOf: rng.pick(alphabet), at: at)
                    case 2: bytes.removeSubrange(at..<min(bytes.count, at + rng.int(1...8)))
                    case 3: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + rng.int(1...16))], at: rng.below(bytes.count))
                    default: bytes.removeSubrange(at...)
                    }
                }
                bytes = Array(bytes.prefix(2048))
            }
            let encoding: TextEncoding? = rng.chance(70) ? nil : rng.pick([.utf8, .gb18030])
            let path = dir.put(bytes)
            let read = readAll(path, encoding: encoding)
            func context() -> String {
                "seed \(PropertySeed.base) round \(round), encoding \(encoding?.rawValue ?? "detect"), bytes \(bytes)"
            }
            #expect(read.contract == nil, "\(read.contract ?? "") — \(context())")

            // The chunk size changes nothing.
            let chunk = rng.pick([3, 7, 61, 509])
            #expect(readAll(path, encoding: encoding, chunkSize: chunk) == read, "chunk \(chunk) — \(context())")

            // Records are in order and well formed.
            var next = 1
            for record in read.records {
                #expect(record.line >= next && record.lineCount >= 1 && !record.fields.isEmpty, "\(record) — \(context())")
                next = record.line + record.lineCount
            }
            #expect(read.records.count <= bytes.count)

            // The error fits the input.
            let lines = 1 + lineBreaks(bytes[...])
            let startsUTF16 = bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
            let bom = bytes.starts(with: utf8BOM)
            switch read.error?.kind {
            case nil:
                break
            case .empty?:
                #expect(bytes.isEmpty || bytes == utf8BOM, "\(context())")
            case .bomMismatch?:
                #expect(bom && encoding == nil, "\(context())")
            case .undecodable(let e)?:
                #expect(e == read.encoding, "\(context())")
                #expect((read.error?.line ?? 0) >= 1 && (read.error?.line ?? 0) <= lines, "\(context())")
            case .unterminatedQuote(let fieldLine)?:
                #expect(bytes.contains(quote), "\(context())")
                #expect((read.error?.line ?? 0) >= 1 && fieldLine >= (read.error?.line ?? 0) && fieldLine <= lines, "\(context())")
            default:
                Issue.record("unexpected \(String(describing: read.error)) — \(context())")
            }
            if !bytes.isEmpty && bytes != utf8BOM && !startsUTF16 && read.error?.kind != .bomMismatch {
                #expect(read.encoding != nil, "\(context())")
            }
            errors += read.error == nil ? 0 : 1
            withRecords += read.records.isEmpty ? 0 : 1

            // Read as UTF-8: exactly what the reference reads from the valid part.
            guard read.encoding == .utf8 else { continue }
            let body = bytes[(read.hadBOM ? 3 : 0)...]
            let validEnd = body.startIndex + firstInvalidUTF8(body)
            let reference = referenceParse(body[..<validEnd])
            compared += 1
            if validEnd == body.endIndex {
                #expect(read.records == reference.records, "\(context())\nreference \(reference.records)\nread      \(read.records)")
                if let (line, fieldLine) = reference.unterminated {
                    #expect(read.error == CSVError(path: path, line: line, kind: .unterminatedQuote(fieldLine: fieldLine)), "\(context())")
                } else {
                    #expect(read.error == nil, "\(context())")
                }
            } else {
                // Records that ended before the bad byte, then .undecodable naming the bad byte's line.
                invalidCompared += 1
                let complete = reference.endedAtEOF ? Array(reference.records.dropLast()) : reference.records
                #expect(read.records == complete, "\(context())\nreference \(complete)\nread      \(read.records)")
                let line = 1 + lineBreaks(body[..<validEnd])
                #expect(read.error == CSVError(path: path, line: line, kind: .undecodable(encoding: .utf8)), "\(context())")
            }
        }
        // The inputs really exercised both outcomes and the reference (901, 338, 967 and 1,418 with the default seed).
        #expect(compared > 650, "seed \(PropertySeed.base): only \(compared) inputs compared with the reference")
        #expect(invalidCompared > 200, "seed \(PropertySeed.base): only \(invalidCompared) invalid UTF-8 inputs compared")
        #expect(withRecords > 700 && errors > 700, "seed \(PropertySeed.base): \(withRecords) with records, \(errors) errors")
    }

    // (c) Dates.

    /// 12,000 generated date texts with a known answer (years 1890–2110, months 0–13, days 0–32, every
    /// accepted separator style and some mixed ones, optional times with out-of-range parts, fractions,
    /// full-width characters, blanks around, junk after): the parser returns exactly the expected value.
    @Test func generatedDatesParseToTheirKnownValue() {
        var rng = PropertySeed.rng(3)
        var accepted = 0, withTime = 0
        for round in 0..<12_000 {
            let (text, expected) = generateDate(&rng)
            let value = DateParser.parse(text)
            #expect(value == expected, "seed \(PropertySeed.base) round \(round): \(text.debugDescription) → \(String(describing: value)), expected \(String(describing: expected))")
            let fromBytes = Array(text.utf8).withUnsafeBufferPointer { DateParser.parse(bytes: $0) }
            #expect(fromBytes == value, "seed \(PropertySeed.base) round \(round): bytes and String disagree on \(text.debugDescription)")
            accepted += expected == nil ? 0 : 1
            withTime += expected?.secondsOfDay == nil ? 0 : 1
        }
        #expect(accepted > 3000 && accepted < 6000, "seed \(PropertySeed.base): \(accepted) of 12000 accepted")
        #expect(withTime > 700, "seed \(PropertySeed.base): \(withTime) accepted with a time")
    }

    /// 12,000 soups of date-ish fragments (digits, full-width digits, - / . : T 年 月 日 号, blanks, words):
    /// never a crash, and every value returned is a real day in 1900–2100 with a time of day in range,
    /// whose ISO, slashed and Chinese forms parse back to that day.
    @Test func dateFragmentSoupsGiveOnlyRealDays() {
        var rng = PropertySeed.rng(4)
        let fragments = ["2026", "1999", "2100", "1900", "0", "1", "2", "9", "10", "12", "13", "28", "29", "30", "31", "32",
                         "-", "/", ".", ":", " ", "  ", "\t", "T", "年", "月", "日", "号", "\u{3000}", "\u{00A0}",
                         "２０２６", "１", "０３", "－", "／", "．", "：", "14:22", "9:05:07", ".123", "Z", "下午", "昨天", "\r\n", "\u{FEFF}"]
        var parsed = 0
        let years = ["2026", "1999", "2100", "1900", "２０２６", "0000", "9999"]
        let numbers = ["1", "2", "9", "10", "12", "13", "28", "29", "30", "31", "32", "0", "00", "02", "０３", "１"]
        for round in 0..<12_000 {
            // A date-shaped sequence of fragments, then up to four random edits (replace, insert, delete).
            let style = rng.chance(80)
                ? rng.pick([("-", "-"), ("/", "/"), (".", "."), ("年", "月"), ("－", "-"), ("／", "/"), ("．", ".")])
                : (rng.pick(["-", "/", ".", "年", "－"]), rng.pick(["-", "/", ".", "月", "／"]))
            var parts = [rng.pick(years), style.0, rng.pick(numbers), style.1, rng.pick(numbers)]
            if style.0 == "年" || rng.chance(20) { parts.append(rng.pick(["日", "号", "日", ""])) }
            if rng.chance(40) { parts += [rng.pick([" ", "T", "", "\u{3000}"]), rng.pick(["14:22", "9:05:07", "23:59:59.5", "24:00", "1:5"])] }
            for _ in 0..<rng.below(3) {
                let at = rng.below(parts.count + 1)
                switch rng.below(3) {
                case 0 where at < parts.count: parts[at] = rng.pick(fragments)
                case 1 where at < parts.count: parts.remove(at: at)
                default: parts.insert(rng.pick(fragments), at: at)
                }
            }
            let text = parts.joined()
            guard let value = DateParser.parse(text) else { continue }
            parsed += 1
            let d = value.day
            func context() -> String { "seed \(PropertySeed.base) round \(round): \(text.debugDescription) → \(d)" }
            #expect((1900...2100).contains(d.year) && (1...12).contains(d.month), "\(context())")
            #expect(d.day >= 1 && d.day <= daysIn(d.year, d.month), "\(context())")
            #expect(Day(year: d.year, month: d.month, day: d.day) == d, "\(context())")
            if let s = value.secondsOfDay { #expect((0..<86_400).contains(s), "\(context()): \(s) s") }
            for form in [d.description, "\(d.year)/\(d.month)/\(d.day)", d.chineseDescription] {
                #expect(DateParser.parse(form) == DateTimeValue(day: d, secondsOfDay: nil), "\(context()): \(form)")
            }
        }
        #expect(parsed > 400, "seed \(PropertySeed.base): only \(parsed) soups parsed")
    }

    /// Every day of 1990–2040, written "YYYY-MM-DD", "YYYY/M/D" and "YYYY年M月D日", parses to itself;
    /// the day after the last of each month does not.
    @Test func everyDayOf1990To2040ParsesBackInThreeForms() {
        var days = 0
        for year in 1990...2040 {
            for month in 1...12 {
                let last = daysIn(year, month)
                for day in 1...last {
                    let padded = "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
                    for text in [padded, "\(year)/\(month)/\(day)", "\(year)年\(month)月\(day)日"] {
                        let value = DateParser.parse(text)
                        if value?.day.year != year || value?.day.month != month || value?.day.day != day || value?.secondsOfDay != nil {
                            Issue.record("\(text) → \(String(describing: value))")
                        }
                    }
                    #expect(Day(year: year, month: month, day: day)?.description == padded)
                    days += 1
                }
                #expect(DateParser.parse("\(year)-\(month)-\(last + 1)") == nil, "\(year)-\(month)-\(last + 1)")
            }
        }
        #expect(days == 18_628)
    }

    // (d) Header rows.

    /// 3,000 header rows: random subsets and orders of the 15 columns, each written as its Chinese header
    /// or its English alias in random case, padded with blanks (a BOM on the first cell), some columns
    /// twice, unknown and empty cells mixed in. The match reports each column's first position, the
    /// required columns missing exactly when absent, every duplicate with its positions, and the unknown
    /// names in order.
    @Test func headerRowsMatchExactly() {
        var rng = PropertySeed.rng(5)
        let columns = InputColumn.specs
        let blanks = [" ", "  ", "\t", "\u{3000}", "\u{00A0}", "\r", "\n", "\u{FEFF}", "\u{0B}", "\u{0C}"]
        let strangers = ["备注", "remark", "编号2", "受理 日期", "ID号", "Status Code", "诉求内容（摘要）", "phone1", "满意", "x"]
        var sawMissing = 0, sawDuplicate = 0, sawComplete = 0
        for round in 0..<3000 {
            var cells: [String] = []
            var positions: [String: [Int]] = [:]
            var unknown: [String] = []
            var chosen = columns.filter { _ in rng.chance(75) }
            for _ in 0..<rng.below(3) { chosen.append(rng.pick(columns)) }  // duplicates
            let keys = chosen.map { _ in rng.next() }
            let shuffled = zip(keys, chosen).sorted { $0.0 < $1.0 }.map(\.1)
            var entries: [(ColumnSpec?, String)] = shuffled.map { column in
                if let alias = column.alias, rng.chance(40) {
                    let spelled = String(alias.map { rng.chance(50) ? Character($0.uppercased()) : $0 })
                    return (column, spelled)
                }
                return (column, column.header)
            }
            for _ in 0..<rng.below(4) {
                let stranger: (ColumnSpec?, String) = rng.chance(30) ? (nil, "") : (nil, rng.pick(strangers))
                entries.insert(stranger, at: rng.below(entries.count + 1))
            }
            for (i, (column, name)) in entries.enumerated() {
                var cell = name
                if rng.chance(30) { cell = rng.pick(blanks) + cell }
                if rng.chance(30) { cell += rng.pick(blanks) }
                if i == 0 && rng.chance(50) { cell = "\u{FEFF}" + cell }
                cells.append(cell)
                if let column {
                    positions[column.header, default: []].append(i + 1)
                } else if !name.isEmpty {
                    unknown.append(name)
                }
            }
            let match = HeaderMatcher.match(cells, columns: columns)
            func context() -> String { "seed \(PropertySeed.base) round \(round): \(cells.debugDescription)" }
            let missing = columns.filter { $0.required && positions[$0.header] == nil }.map(\.header)
            #expect(match.index == positions.mapValues { $0[0] - 1 }, "\(context())")
            #expect(match.missing == missing, "\(context())")
            #expect(match.duplicated == positions.filter { $0.value.count > 1 }, "\(context())")
            #expect(match.unknown == unknown, "\(context())")
            sawMissing += missing.isEmpty ? 0 : 1
            sawDuplicate += match.duplicated.isEmpty ? 0 : 1
            sawComplete += positions.count == columns.count ? 1 : 0
        }
        #expect(sawMissing > 1500 && sawDuplicate > 1100 && sawComplete > 20,
                "seed \(PropertySeed.base): \(sawMissing) missing, \(sawDuplicate) duplicated, \(sawComplete) complete")
    }
}

// MARK: - Date generation with known answers

/// Days in a month of the proleptic Gregorian calendar (written here independently of `Day`).
private func daysIn(_ year: Int, _ month: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    case 1...12: return 31
    default: return 0
    }
}

/// A date text and the value the parser's documented rules give it (nil = rejected).
private func generateDate(_ rng: inout PropertyRNG) -> (String, DateTimeValue?) {
    var valid = true
    func digits(_ value: Int, width: Int) -> String {
        let s = String(value)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
    // Year: four digits, sometimes two, three or five (rejected).
    let year = rng.int(1890...2110)
    let yearWidth = rng.chance(93) ? 4 : rng.pick([2, 3, 5])
    let yearText = yearWidth == 2 ? digits(year % 100, width: 2) : yearWidth == 3 ? digits(year % 1000, width: 3) : digits(year, width: yearWidth)
    if yearWidth != 4 { valid = false }
    // Month and day: one or two digits, sometimes three (rejected).
    let month = rng.chance(90) ? rng.int(1...12) : rng.pick([0, 13])
    let day = rng.chance(85) ? rng.int(1...28) : rng.int(0...32)
    let monthWidth = rng.chance(5) ? 3 : month < 10 ? rng.int(1...2) : 2
    let dayWidth = rng.chance(5) ? 3 : day < 10 ? rng.int(1...2) : 2
    if monthWidth == 3 || dayWidth == 3 { valid = false }
    if !(1900...2100).contains(year) || !(1...12).contains(month) || day < 1 || day > daysIn(year, month) { valid = false }

    var text: String
    let chinese: Bool
    switch rng.below(7) {
    case 0, 1, 2:
        let sep = rng.pick(["-", "/", "."])
        text = yearText + sep + digits(month, width: monthWidth) + sep + digits(day, width: dayWidth)
        chinese = false
    case 3:
        let seps = [["-", "/"], ["/", "."], [".", "-"], ["-", "年"]][rng.below(4)]
        text = yearText + seps[0] + digits(month, width: monthWidth) + seps[1] + digits(day, width: dayWidth)
        valid = false
        chinese = false
    case 4, 5:
        text = yearText + "年" + digits(month, width: monthWidth) + "月" + digits(day, width: dayWidth) + rng.pick(["日", "日", "号"])
        chinese = true
    default:
        text = yearText + "年" + digits(month, width: monthWidth) + "月" + digits(day, width: dayWidth)  // no 日
        valid = false
        chinese = false
    }

    // Time: hour 1–2 digits < 24, ":" minute 2 digits < 60, optionally ":" second 2 digits < 60 and a fraction.
    var seconds: Int?
    if rng.chance(40) {
        let sepChoices = [" ", "  ", "\t", "\u{3000}", "\u{00A0}", " \t", "T", "", "TT", "x", "t"]
        let sep = rng.pick(sepChoices)
        switch sep {
        case "": if !chinese { valid = false }
        case "TT", "x", "t": valid = false
        default: break
        }
        let hour = rng.chance(90) ? rng.int(0...23) : rng.int(24...25)
        let minute = rng.chance(90) ? rng.int(0...59) : rng.int(60...61)
        let hourWidth = hour < 10 ? rng.int(1...2) : 2
        let minuteWidth = rng.chance(5) ? 1 : 2
        var time = digits(hour, width: hourWidth) + ":" + digits(minute, width: minuteWidth)
        if hour >= 24 || minute >= 60 || (minuteWidth == 1 && minute < 10) { valid = false }
        var second = 0
        if rng.chance(50) {
            second = rng.chance(90) ? rng.int(0...59) : rng.int(60...61)
            time += ":" + digits(second, width: 2)
            if second >= 60 { valid = false }
            if rng.chance(30) {
                let fractionDigits = rng.chance(90) ? rng.int(1...9) : 10
                time += "." + String((0..<fractionDigits).map { _ in Character(String(rng.below(10))) })
                if fractionDigits > 9 { valid = false }
            }
        } else if rng.chance(5) {
            time += ".5"  // a fraction needs seconds
            valid = false
        }
        text += sep + time
        seconds = hour * 3600 + minute * 60 + second
    }
    if rng.chance(5) {
        text += rng.pick(["Z", "x", " 下午", "日日", "+08:00"])
        valid = false
    }

    // Full-width digits and punctuation (read as ASCII), then blanks around (trimmed).
    if rng.chance(20) {
        text = String(text.map { c -> Character in
            guard rng.chance(50) else { return c }
            switch c {
            case "0"..."9": return Character(UnicodeScalar(0xFF10 + Int(c.asciiValue! - 0x30))!)
            case "-": return "－"
            case "/": return "／"
            case ".": return "．"
            case ":": return "："
            default: return c
            }
        })
    }
    let around = ["", "", " ", "\t", "\u{3000}", "\u{00A0}", "\r\n", "  "]
    text = rng.pick(around) + text + rng.pick(around)

    guard valid, let parsedDay = Day(year: year, month: month, day: day) else { return (text, nil) }
    return (text, DateTimeValue(day: parsedDay, secondsOfDay: seconds))
}
