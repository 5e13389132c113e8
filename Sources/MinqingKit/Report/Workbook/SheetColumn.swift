/// A column of a summary or remark sheet as ``BulletinSheet`` declares it: its header and its width.
struct SheetColumn: Sendable {
    /// How wide a column is.
    enum Width: Sendable {
        /// Always this wide (Excel's character units).
        case fixed(Double)
        /// As wide as the header and the widest of the month's `values` need, at least `min` and at most
        /// 40 (see ``SheetColumn/fittedWidth(_:_:min:max:)``).
        case fitting(min: Double, values: @Sendable (BulletinData) -> [String])
    }

    let header: String
    let width: Width

    /// A column always `width` wide.
    static func fixed(_ header: String, _ width: Double) -> SheetColumn {
        SheetColumn(header: header, width: .fixed(width))
    }

    /// A column as wide as its header and the widest of `values` (taken from the month's data) need.
    static func fitting(
        _ header: String, min: Double = 6, _ values: @escaping @Sendable (BulletinData) -> [String]
    ) -> SheetColumn {
        SheetColumn(header: header, width: .fitting(min: min, values: values))
    }

    /// The column's width in the sheet of `data`'s month.
    func width(for data: BulletinData) -> Double {
        switch width {
        case .fixed(let width): width
        case .fitting(let min, let values): Self.fittedWidth(header, values(data), min: min)
        }
    }

    /// A column width that fits the header and the widest of `values` (CJK characters count double).
    static func fittedWidth(_ header: String, _ values: [String], min: Double = 6, max: Double = 40) -> Double {
        let widest = ([header] + values).map(displayWidth).max() ?? 0
        return Swift.min(max, Swift.max(min, Double(widest) + 2))
    }
}
