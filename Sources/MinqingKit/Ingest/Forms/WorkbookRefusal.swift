/// The sentences that refuse a workbook input, for a county clerk: the file, what is wrong, what to do,
/// and that nothing was changed. One place, so the .xlsx and .xls sources say the same thing the same way.
enum WorkbookRefusal {
    static let unchanged = "本次运行未做任何更改。"
    /// What the clerk can nearly always do about a damaged or odd workbook.
    static let resave = "请在 Excel 或 WPS 中打开该文件，另存为 .xlsx 后再运行。"

    /// The last path component, which messages name.
    static func fileName(_ path: String) -> String {
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
        let name = trimmed[trimmed.index(after: slash)...]
        return name.isEmpty ? trimmed : String(name)
    }

    /// A refusal whose sentence starts with `工作簿 <file>`.
    static func refuse(_ path: String, _ sentence: String) -> InputRefused {
        InputRefused(path: path, message: "工作簿 \(fileName(path)) \(sentence)\(unchanged)")
    }

    static func unreadable(_ path: String, detail: String) -> InputRefused {
        refuse(path, "无法打开（\(detail)）。请确认文件存在、有读取权限且未被其他程序占用后重试。")
    }

    static func damaged(_ path: String, detail: String) -> InputRefused {
        refuse(path, "已损坏，无法读取（\(detail)）。\(resave)")
    }

    static func notAWorkbook(_ path: String) -> InputRefused {
        InputRefused(path: path, message: "文件 \(fileName(path)) 是 zip 压缩包，但其中没有 Excel 工作簿（缺少 xl/workbook.xml）。"
            + "请确认选择的是 Excel 或 WPS 保存的 .xlsx 文件。\(unchanged)")
    }

    static func encrypted(_ path: String) -> InputRefused {
        refuse(path, "设置了打开密码（已加密），minqing 无法读取。请在 Excel 或 WPS 中取消密码后另存，再运行。")
    }

    static func zipBomb(_ path: String, part: String, declared: UInt64, compressed: UInt64) -> InputRefused {
        let ratio = compressed == 0 ? "无穷" : "\(declared / compressed)"
        return refuse(path, "中的 \(part) 声称解压后有 \(megabytes(declared))，是其压缩大小的 \(ratio) 倍，"
            + "远超正常工作簿（可能是恶意构造的“压缩炸弹”），为安全起见不予读取。\(resave)")
    }

    static func sizeMismatch(_ path: String, part: String, declared: UInt64) -> InputRefused {
        refuse(path, "中的 \(part) 解压后超过了它声明的大小 \(declared) 字节（文件已损坏或被篡改），为安全起见不予读取。\(resave)")
    }

    static func doctype(_ path: String, part: String) -> InputRefused {
        refuse(path, "中的 \(part) 含有文档类型声明（DOCTYPE）。Excel 和 WPS 保存的工作簿从不含有它，"
            + "它可能被用来展开实体或读取本机文件，为安全起见不予读取。\(resave)")
    }

    static func badXML(_ path: String, part: String, detail: String) -> InputRefused {
        refuse(path, "中的 \(part) 不是有效的 XML（\(detail)），文件已损坏。\(resave)")
    }

    static func noSuchSheet(_ path: String, sheet: String, existing: [String]) -> InputRefused {
        let list = existing.isEmpty ? "（无）" : existing.joined(separator: "、")
        return InputRefused(path: path, message: "工作簿 \(fileName(path)) 中没有名为「\(sheet)」的工作表；现有工作表：\(list)。"
            + "请用 --sheet 指定其中之一。\(unchanged)")
    }

    static func noVisibleSheet(_ path: String, hidden: [String]) -> InputRefused {
        let tail = hidden.isEmpty ? "没有任何工作表。请确认文件内容。"
            : "的工作表都已隐藏（\(hidden.joined(separator: "、"))）。请用 --sheet 指定要读取的工作表。"
        return refuse(path, tail)
    }

    static func missingPart(_ path: String, part: String) -> InputRefused {
        refuse(path, "缺少其中的 \(part)，文件不完整。\(resave)")
    }

    static func beyondSheet(_ path: String, sheet: String, what: String) -> InputRefused {
        refuse(path, "的工作表「\(sheet)」\(what)，超出了 Excel 工作表的范围（文件已损坏或被篡改）。\(resave)")
    }

    static func badCell(_ path: String, sheet: String, row: Int, detail: String) -> InputRefused {
        refuse(path, "的工作表「\(sheet)」第 \(row) 行：\(detail)，文件已损坏。\(resave)")
    }

    static func megabytes(_ bytes: UInt64) -> String {
        bytes >= 1 << 30 ? "\(bytes >> 30) GB" : bytes >= 1 << 20 ? "\(bytes >> 20) MB" : "\(bytes) 字节"
    }
}
