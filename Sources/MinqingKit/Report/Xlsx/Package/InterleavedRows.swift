/// The rows of many sheets that arrive interleaved — the 督办清单's open demands come overdue first,
/// then the rest, each group for every unit at once — written as XML per sheet and compressed
/// without a compressor per sheet (igzip's state is over a megabyte): each sheet gathers its XML in a
/// small buffer, and a full buffer is compressed as an independent deflate piece, ended on a byte
/// boundary, by one ``Deflater`` (reset for each piece) into one shared ``SpillFile``. A sheet's
/// pieces, read back in order, are one deflate stream, which ``WorkbookSplice`` puts between the
/// sheet's head and tail as it does a ``SplicedSheet``'s.
///
/// Memory holds at most about `budget` bytes of XML whatever the number of sheets: past it, every
/// sheet's buffer is compressed.
final class InterleavedRows {
    /// A sheet's buffer is compressed once it holds this many bytes.
    let pieceSize: Int
    /// All buffers are compressed once they hold this many bytes together.
    let budget: Int
    private let columns: Int
    private let deflater: Deflater
    private let spill: SpillFile
    private var sheets: [InterleavedSheet] = []
    private var pending = 0
    /// Time spent compressing.
    private(set) var compressWatch = Stopwatch()

    /// Rows of `columns` columns, their compressed pieces kept in an unlinked file in `folder`.
    init(folder: String, columns: Int, pieceSize: Int = 1 << 17, budget: Int = 1 << 24) throws {
        self.columns = columns
        self.pieceSize = pieceSize
        self.budget = max(budget, pieceSize)
        deflater = try Deflater(context: "压缩工作表")
        spill = try SpillFile(folder: folder, stem: "rows")
    }

    /// A new sheet whose rows start at row `firstRow` (1-based, as in the file: the rows above are
    /// libxlsxwriter's), `lastColumn` (0-based) wide.
    func makeSheet(firstRow: Int, lastColumn: Int) -> InterleavedSheet {
        let sheet = InterleavedSheet(
            firstRow: firstRow, lastColumn: lastColumn, xml: SheetXML(columns: columns, chunkCapacity: 1 << 12),
            spill: spill)
        sheets.append(sheet)
        return sheet
    }

    /// Appends a row to `sheet`: `cells` writes its cells (the row is opened and closed here).
    func appendRow(to sheet: InterleavedSheet, height: Double?, _ cells: (SheetXML) -> Void) throws {
        let before = sheet.xml.count
        sheet.xml.startRow(sheet.firstRow + sheet.rows, height: height)
        cells(sheet.xml)
        sheet.xml.endRow()
        sheet.rows += 1
        pending += sheet.xml.count - before
        if sheet.xml.count >= pieceSize { try compress(sheet) }
        if pending >= budget {
            for sheet in sheets { try compress(sheet) }
        }
    }

    /// Compresses what every sheet still holds; the sheets are then ready to be spliced.
    func finish() throws {
        for sheet in sheets { try compress(sheet) }
    }

    private func compress(_ sheet: InterleavedSheet) throws {
        guard sheet.xml.count > 0 else { return }
        let chunk = sheet.xml.take()
        pending -= chunk.count
        try compressWatch.time {
            deflater.reset()
            let start = spill.size
            let context = "压缩工作表「\(sheet.name)」"
            try deflater.compress(chunk.bytes, context: context) { try spill.append($0) }
            try deflater.finish(final: false, context: context) { try spill.append($0) }
            sheet.add(offset: start, length: spill.size - start, crc: deflater.crc, size: deflater.inputCount)
        }
    }
}

/// One sheet's rows in an ``InterleavedRows``: the XML not yet compressed and where its compressed
/// pieces are. Its number and name are given when the sheet is created in libxlsxwriter, which may be
/// after its rows are written.
final class InterleavedSheet: SplicedRows {
    var number = 0
    var name = ""
    let lastColumn: Int
    /// The row of the first data row (1-based).
    let firstRow: Int
    /// Data rows written.
    fileprivate(set) var rows = 0
    var lastRow: Int { firstRow - 1 + rows }
    private(set) var crc: UInt32 = 0
    private(set) var size: UInt64 = 0
    private(set) var compressedSize: UInt64 = 0
    fileprivate var xml: SheetXML
    private var pieces: [(offset: UInt64, length: UInt64)] = []
    private let spill: SpillFile

    fileprivate init(firstRow: Int, lastColumn: Int, xml: SheetXML, spill: SpillFile) {
        self.firstRow = firstRow
        self.lastColumn = lastColumn
        self.xml = xml
        self.spill = spill
    }

    fileprivate func add(offset: UInt64, length: UInt64, crc pieceCRC: UInt32, size pieceSize: UInt64) {
        pieces.append((offset, length))
        crc = Deflater.combine(crc, pieceCRC, secondLength: pieceSize)
        size += pieceSize
        compressedSize += length
    }

    func copyCompressed(to sink: FileSink) throws {
        var buffer = [UInt8](repeating: 0, count: Int(min(max(compressedSize, 1), 1 << 20)))
        for piece in pieces { try spill.copy(from: piece.offset, length: piece.length, to: sink, buffer: &buffer) }
    }
}
