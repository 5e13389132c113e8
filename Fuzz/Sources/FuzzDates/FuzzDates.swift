// libFuzzer harness: MinqingKit.DateParser on arbitrary bytes (in both Excel date systems).
//
// The bytes are parsed as bytes and as a String (decoded lossily); when the bytes are valid UTF-8 the
// two must agree. Any value returned must be a real calendar day in 1900…2100 with a time of day in
// 0..<86400, and its ISO ("2026-10-03"), slashed ("2026/10/3") and Chinese ("2026年10月3日") forms must
// parse back to the same day without a time. Blanks added around the text change nothing.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FuzzSupport
@testable import MinqingKit  // MinqingKit is internal but for the executable's API; fuzz.sh builds with -enable-testing

private func fail(_ message: String) -> Never { fuzzFailure("FuzzDates", message) }

private func check(_ value: DateTimeValue, _ input: String) {
    let d = value.day
    guard (1900...2100).contains(d.year), (1...12).contains(d.month),
          d.day >= 1, d.day <= Day.daysIn(year: d.year, month: d.month) else {
        fail("\(input.debugDescription) gave the impossible day \(d.year)-\(d.month)-\(d.day)")
    }
    if Day(year: d.year, month: d.month, day: d.day) != d { fail("Day(year:month:day:) disagrees for \(d)") }
    if Day(dayNumber: d.dayNumber) != d { fail("dayNumber does not round-trip for \(d)") }
    if let s = value.secondsOfDay, !(0..<86_400).contains(s) {
        fail("\(input.debugDescription) gave secondsOfDay \(s)")
    }
    for form in [d.description, "\(d.year)/\(d.month)/\(d.day)", d.chineseDescription] {
        guard let again = DateParser.parse(form) else { fail("\(form) (from \(input.debugDescription)) does not re-parse") }
        if again != DateTimeValue(day: d, secondsOfDay: nil) { fail("\(form) re-parses as \(again)") }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let buffer = UnsafeBufferPointer(start: data, count: size)
    let text = String(decoding: buffer, as: UTF8.self)
    let fromBytes = DateParser.parse(bytes: buffer)
    let fromString = DateParser.parse(text)
    if let fromBytes { check(fromBytes, text) }
    if let fromString { check(fromString, text) }
    // Serial numbers in the 1904 date system give real days too.
    if let from1904 = DateParser.parse(bytes: buffer, dateSystem: .from1904) { check(from1904, text) }
    if text.utf8.elementsEqual(buffer), fromBytes != fromString {
        fail("bytes and String disagree on \(text.debugDescription): \(String(describing: fromBytes)) vs \(String(describing: fromString))")
    }
    // Blanks around the text are trimmed, so adding some changes nothing.
    let padded = "\u{3000} \t" + text + " \u{00A0}\r\n"
    if DateParser.parse(padded) != fromString {
        fail("blanks around \(text.debugDescription) change the result: \(String(describing: DateParser.parse(padded)))")
    }
    return 0
}

@main
enum FuzzDatesMain {
    static func main() {
        runFuzzer(fuzz)
    }
}
