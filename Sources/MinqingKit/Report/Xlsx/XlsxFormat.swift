import CXlsxWriter

/// Horizontal alignment of a cell.
enum XlsxAlign: Hashable, Sendable {
    case left, center, right

    var raw: UInt8 {
        switch self {
        case .left: return UInt8(LXW_ALIGN_LEFT.rawValue)
        case .center: return UInt8(LXW_ALIGN_CENTER.rawValue)
        case .right: return UInt8(LXW_ALIGN_RIGHT.rawValue)
        }
    }
}

/// Vertical alignment of a cell.
enum XlsxVAlign: Hashable, Sendable {
    case top, center, bottom

    var raw: UInt8 {
        switch self {
        case .top: return UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)
        case .center: return UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue)
        case .bottom: return UInt8(LXW_ALIGN_VERTICAL_BOTTOM.rawValue)
        }
    }
}

/// Cell border style (all four sides).
enum XlsxBorder: Hashable, Sendable {
    case thin, medium

    var raw: UInt8 {
        switch self {
        case .thin: return UInt8(LXW_BORDER_THIN.rawValue)
        case .medium: return UInt8(LXW_BORDER_MEDIUM.rawValue)
        }
    }
}

/// Everything a cell format can say; equal specs share one libxlsxwriter format.
struct XlsxFormatSpec: Hashable, Sendable {
    /// Bold font.
    var bold: Bool
    /// Excel number format, e.g. "0.0%" or `XlsxNumFormat.negativeRed(decimals: 2)`.
    var numFormat: String?
    /// Font colour as 0xRRGGBB.
    var fontColor: UInt32?
    /// Solid background colour as 0xRRGGBB.
    var bgColor: UInt32?
    /// Wrap long text inside the cell.
    var textWrap: Bool
    /// Horizontal alignment.
    var align: XlsxAlign?
    /// Vertical alignment.
    var valign: XlsxVAlign?
    /// Border on all four sides.
    var border: XlsxBorder?
    /// Font size in points.
    var fontSize: Double?
    /// Font name, e.g. "宋体".
    var fontName: String?

    /// Creates a format spec; every property defaults to Excel's default.
    init(bold: Bool = false, numFormat: String? = nil, fontColor: UInt32? = nil,
                bgColor: UInt32? = nil, textWrap: Bool = false, align: XlsxAlign? = nil,
                valign: XlsxVAlign? = nil, border: XlsxBorder? = nil, fontSize: Double? = nil,
                fontName: String? = nil) {
        self.bold = bold
        self.numFormat = numFormat
        self.fontColor = fontColor
        self.bgColor = bgColor
        self.textWrap = textWrap
        self.align = align
        self.valign = valign
        self.border = border
        self.fontSize = fontSize
        self.fontName = fontName
    }

    /// Copies the spec into a fresh libxlsxwriter format (strings are copied by the library).
    func apply(to format: UnsafeMutablePointer<lxw_format>) {
        if bold { format_set_bold(format) }
        if let numFormat { format_set_num_format(format, numFormat) }
        if let fontColor { format_set_font_color(format, fontColor & 0xFF_FFFF) }
        if let bgColor {
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(format, bgColor & 0xFF_FFFF)
        }
        if textWrap { format_set_text_wrap(format) }
        if let align { format_set_align(format, align.raw) }
        if let valign { format_set_align(format, valign.raw) }
        if let border { format_set_border(format, border.raw) }
        if let fontSize, fontSize > 0 { format_set_font_size(format, fontSize) }
        if let fontName, !fontName.isEmpty { format_set_font_name(format, fontName) }
    }
}

/// Common Excel number formats.
enum XlsxNumFormat {
    /// Percentage with one decimal, e.g. 85.3%.
    static let percent1 = "0.0%"
    /// Integer with thousands separators.
    static let integer = "#,##0"

    /// A number format that shows negative values in red, e.g. "0.00;[Red]-0.00".
    static func negativeRed(decimals: Int) -> String {
        let places = max(0, min(decimals, 10))
        let base = places == 0 ? "0" : "0." + String(repeating: "0", count: places)
        return "\(base);[Red]-\(base)"
    }
}

/// A cell format that belongs to one workbook (get it from `XlsxWorkbook.format(_:)`).
struct XlsxFormat: Hashable {
    /// The spec this format was made from.
    let spec: XlsxFormatSpec
    let pointer: UnsafeMutablePointer<lxw_format>?
    let owner: ObjectIdentifier

    static func == (lhs: XlsxFormat, rhs: XlsxFormat) -> Bool {
        lhs.spec == rhs.spec && lhs.owner == rhs.owner && lhs.pointer == rhs.pointer
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(spec)
        hasher.combine(owner)
    }
}
