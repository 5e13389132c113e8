/// What an .xlsx package's workbook part says: its sheets in tab order (name, hidden, part), its date
/// system, and where its shared strings and styles are. Read from `xl/workbook.xml` (or wherever
/// `_rels/.rels` points) and the workbook's relationships.
struct WorkbookCatalog {
    /// One worksheet as the workbook lists it.
    struct Sheet: Equatable {
        var name: String
        var hidden: Bool
        /// The worksheet's part in the package, e.g. `xl/worksheets/sheet1.xml`.
        var part: String
    }

    var sheets: [Sheet] = []
    var dateSystem: ExcelDateSystem = .from1900
    var sharedStringsPart: String?
    var stylesPart: String?

    /// Reads the catalog; throws ``InputRefused`` for a package that is not a workbook.
    static func read(_ package: ZipPackage) throws -> WorkbookCatalog {
        let workbookPart = try officeDocument(package) ?? "xl/workbook.xml"
        guard let stream = try package.open(workbookPart) else { throw WorkbookRefusal.notAWorkbook(package.path) }
        let folder = PartPath.folder(of: workbookPart)
        let relations = try relationships(package, of: workbookPart)
        var catalog = WorkbookCatalog()
        let xml = try XMLPartReader(stream: stream, path: package.path)
        var unresolved: [(name: String, hidden: Bool, id: String)] = []
        while let node = try xml.next() {
            guard node == .element else { continue }
            if xml.nameIs("workbookPr") {
                let flag = xml.attribute("date1904")
                if flag == "1" || flag == "true" { catalog.dateSystem = .from1904 }
            } else if xml.nameIs("sheet") {
                var name = "", hidden = false, id = ""
                xml.forEachAttribute { local, namespaced, value in
                    let text = String(decoding: value, as: UTF8.self)
                    if namespaced {
                        if XMLPartReader.equal(local, "id") { id = text }
                    } else if XMLPartReader.equal(local, "name") {
                        name = text
                    } else if XMLPartReader.equal(local, "state") {
                        hidden = text == "hidden" || text == "veryHidden"
                    }
                }
                unresolved.append((name, hidden, id))
            }
        }
        for sheet in unresolved {
            // A sheet whose relationship is missing cannot be read; it still counts among the names.
            let target = relations.first { $0.id == sheet.id }?.target ?? ""
            catalog.sheets.append(Sheet(name: sheet.name, hidden: sheet.hidden, part: PartPath.resolve(target, in: folder)))
        }
        catalog.sharedStringsPart = relations.first { $0.type.hasSuffix("/sharedStrings") }
            .map { PartPath.resolve($0.target, in: folder) }
        catalog.stylesPart = relations.first { $0.type.hasSuffix("/styles") }.map { PartPath.resolve($0.target, in: folder) }
        return catalog
    }

    /// The workbook part `_rels/.rels` names, if the package has that file and it names one.
    private static func officeDocument(_ package: ZipPackage) throws -> String? {
        guard package.contains("_rels/.rels") else { return nil }
        let relations = try relationships(package, of: "")
        guard let target = relations.first(where: { $0.type.hasSuffix("/officeDocument") })?.target else { return nil }
        let part = PartPath.resolve(target, in: "")
        return package.contains(part) ? part : nil
    }

    /// One `<Relationship>`.
    struct Relationship {
        var id: String
        var type: String
        var target: String
    }

    /// The relationships of `part` (from `folder/_rels/name.rels`); none when that file is missing.
    static func relationships(_ package: ZipPackage, of part: String) throws -> [Relationship] {
        let folder = PartPath.folder(of: part)
        let name = part.split(separator: "/").last.map(String.init) ?? ""
        let relsPart = (folder.isEmpty ? "" : folder + "/") + "_rels/" + name + ".rels"
        guard let stream = try package.open(relsPart) else { return [] }
        let xml = try XMLPartReader(stream: stream, path: package.path)
        var relations: [Relationship] = []
        while let node = try xml.next() {
            guard node == .element, xml.nameIs("Relationship") else { continue }
            if xml.attribute("TargetMode") == "External" { continue }
            relations.append(Relationship(id: xml.attribute("Id") ?? "", type: xml.attribute("Type") ?? "",
                                          target: xml.attribute("Target") ?? ""))
        }
        return relations
    }
}

/// Part names inside a package: relationship targets are relative to the source part's folder, or
/// absolute from the package root (`/xl/worksheets/sheet1.xml`).
enum PartPath {
    /// `xl` for `xl/workbook.xml`, "" for a part at the root.
    static func folder(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[..<slash])
    }

    /// The part a target names, with `.` and `..` resolved (never above the root).
    static func resolve(_ target: String, in folder: String) -> String {
        var segments: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for segment in target.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(segment)
            }
        }
        return segments.joined(separator: "/")
    }
}
