/// The formats the bulletin uses, made once per workbook.
struct WorkbookStyle {
    let header: XlsxFormat
    let text: XlsxFormat
    let wrapped: XlsxFormat
    let integer: XlsxFormat
    let percent: XlsxFormat
    let change: XlsxFormat
    /// One decimal (平均办理天数).
    let decimal: XlsxFormat
    let score: XlsxFormat
    let totalLabel: XlsxFormat
    let totalInteger: XlsxFormat
    let note: XlsxFormat
    /// "—" where a figure would stand (近12个月's months without data, 上月诉求 of a unit without last month's row).
    let noFigure: XlsxFormat

    /// The font of every cell.
    static let font = "等线"

    init(_ book: XlsxWorkbook) {
        let font = Self.font
        header = book.format(XlsxFormatSpec(
            bold: true, bgColor: 0xDDE6F1, textWrap: true, align: .center, valign: .center, border: .thin, fontName: font))
        text = book.format(XlsxFormatSpec(valign: .top, border: .thin, fontName: font))
        wrapped = book.format(XlsxFormatSpec(textWrap: true, valign: .top, border: .thin, fontName: font))
        integer = book.format(XlsxFormatSpec(numFormat: "0", valign: .top, border: .thin, fontName: font))
        percent = book.format(XlsxFormatSpec(numFormat: "0.0%", valign: .top, border: .thin, fontName: font))
        change = book.format(XlsxFormatSpec(numFormat: "+0.0%;-0.0%;0.0%", valign: .top, border: .thin, fontName: font))
        decimal = book.format(XlsxFormatSpec(numFormat: "0.0", valign: .top, border: .thin, fontName: font))
        score = book.format(XlsxFormatSpec(numFormat: "0.00;[Red]-0.00", valign: .top, border: .thin, fontName: font))
        totalLabel = book.format(XlsxFormatSpec(bold: true, valign: .top, border: .thin, fontName: font))
        totalInteger = book.format(XlsxFormatSpec(bold: true, numFormat: "0", valign: .top, border: .thin, fontName: font))
        note = book.format(XlsxFormatSpec(fontColor: 0x595959, valign: .top, fontName: font))
        noFigure = book.format(XlsxFormatSpec(align: .right, valign: .top, border: .thin, fontName: font))
    }
}
