/// What `minqing-xls`, the process that reads an .xls workbook through FreeXL, writes on its standard
/// output, and what `minqing` reads back (SPEC §10; docs/ARCHITECTURE.md, "The .xls reader runs apart").
///
/// FreeXL 1.0.6 can be made to overflow a stack buffer by a crafted file (found by scripts/fuzz.sh), so
/// it never runs inside `minqing`: a crash of the reading process becomes a refusal of that one file.
///
/// The stream is a sequence of frames, integers little-endian:
///
///     begin    'B' dateMode:u8 rows:u32 columns:u16 selected:i32 names:u32 (length:u32 utf8)*
///     row      'R' row:u32 cells:u16 (column:u16 kind:u8 payload)*
///                  payload: text and dateTime length:u32 utf8; integer i64; double u64 (IEEE bits)
///     failure  'E' step:u8 status:i32 row:u32
///     end      'Z'
///
/// `selected` is the index of the sheet read, or -1 when the sheet asked for is not in the workbook (the
/// names let `minqing` list the ones there are). A failure ends the stream; so does the end frame.
public enum XLSWire {
    /// The executable's file name; `minqing` looks for it beside itself.
    public static let readerName = "minqing-xls"
    /// The environment variable that names the reader when it is elsewhere.
    public static let readerVariable = "MINQING_XLS_READER"

    public enum Frame: UInt8 {
        case begin = 0x42  // B
        case row = 0x52  // R
        case failure = 0x45  // E
        case end = 0x5A  // Z
    }

    /// How a cell's value travels.
    public enum CellKind: UInt8 {
        /// Text as FreeXL gives it (text cells, dates and times FreeXL formatted).
        case text = 0
        /// A date with a time of day, as FreeXL formats it (`2026-10-03 14:22:05`).
        case dateTime = 1
        case integer = 2
        case double = 3
    }

    /// What the reading process was doing when FreeXL reported an error.
    public enum Step: UInt8 {
        case open = 0
        case info = 1
        case sheetNames = 2
        case selectSheet = 3
        case dimensions = 4
        case cell = 5
        /// The workbook has a password (BIFF FILEPASS); status is 0.
        case password = 6
        /// The process's own arguments were wrong; status is 0.
        case usage = 7
    }

    /// The longest text a cell may carry (a BIFF8 string holds at most 32,767 characters).
    public static let maxCellBytes = 1 << 20
    /// The longest sheet name (Excel allows 31 characters).
    public static let maxNameBytes = 4096
    /// The most sheets a workbook may list.
    public static let maxSheets = 65_535
    /// The CPU seconds the reading process may use before the system stops it.
    public static let cpuSeconds = 60
    /// The address space the reading process may use (FreeXL holds a whole sheet: a full BIFF8 sheet of
    /// 65,536 × 256 cells takes about 270 MB).
    public static let addressSpaceBytes = 2 << 30
}
