import Foundation

/// Loads and checks the four seeds files (places, units, domains, channels) and the optional holidays.csv.
enum ReferenceLoader {
    /// The unit 类型 values units.csv may use.
    static let unitTypes: Set<String> = ["县直部门", "国有企业", "乡镇"]

    /// Loads the seeds folder at `folder`.
    static func load(folder: String) throws -> ReferenceData {
        let units = try loadUnits(path: folder + "/units.csv")
        var unitType: [String: String] = [:]
        for unit in units { unitType[unit.name] = unit.type }
        let placeLines = try loadPlaces(path: folder + "/places.csv", unitType: unitType)
        let places = placeLines.map(\.place)
        let (domainLines, cellNotices) = try loadDomains(path: folder + "/domains.csv", unitType: unitType)
        let domains = domainLines.map(\.rule)
        let (channels, spellings) = try loadChannels(path: folder + "/channels.csv")
        let holidays = try loadHolidays(path: folder + "/" + holidaysFile)

        var placeByVillage: [String: Place] = [:]
        var townships: Set<String> = []
        for place in places {
            placeByVillage[place.village] = place
            townships.insert(place.township)
        }
        for unit in units where unit.type == ReferenceData.townshipType { townships.insert(unit.name) }
        var domainByName: [String: DomainRule] = [:]
        for domain in domains { domainByName[domain.name] = domain }
        var reference = ReferenceData(
            places: places, placeByVillage: placeByVillage, units: units, unitType: unitType,
            domains: domains, domainByName: domainByName, channels: channels, channelBySpelling: spellings,
            townships: townships, holidays: holidays)
        reference.notices = SeedNotice.ordered(
            cellNotices
                + KeywordInPlaceName.notices(domains: domainLines, placeNames: reference.placeNames)
                + SharedKeyword.notices(domains: domainLines)
                + TownshipWithoutUnit.notices(places: placeLines, unitType: unitType))
        return reference
    }

    /// Reads a seeds CSV with the given headers and calls `row` with each row's line and values.
    /// `optional` headers may be absent (their values are then blank).
    static func readTable(
        path: String, headers: [String], optional: [String] = [],
        row: (_ line: Int, _ values: [String: String]) throws -> Void
    ) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ReferenceError(path: path, line: nil, message: "文件不存在。基础数据文件夹应包含 places.csv、units.csv、domains.csv、channels.csv。")
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(path: path)
            guard try reader.nextRecord() else {
                throw ReferenceError(path: path, line: nil, message: "文件是空的，第一行应为表头：\(headers.joined(separator: ","))。")
            }
        } catch let error as CSVError {
            if case .empty = error.kind {
                throw ReferenceError(path: path, line: nil, message: "文件是空的，第一行应为表头：\(headers.joined(separator: ","))。")
            }
            throw ReferenceError(path: path, line: error.line, message: error.message)
        }
        let cells = (0..<reader.fieldCount).map { reader.field($0) }
        let match = HeaderMatcher.match(
            cells, columns: headers.map { ColumnSpec($0, required: true) } + optional.map { ColumnSpec($0, required: false) })
        if !match.missing.isEmpty {
            throw ReferenceError(
                path: path, line: 1,
                message: "缺少列 \(match.missing.joined(separator: "、"))。表头应为：\(headers.joined(separator: ","))。")
        }
        if let (header, positions) = match.duplicated.sorted(by: { $0.key < $1.key }).first {
            throw ReferenceError(
                path: path, line: 1,
                message: "列 \(header) 出现了 \(positions.count) 次（第 \(positions.map(String.init).joined(separator: "、")) 列），请只保留一列。")
        }
        do {
            while try reader.nextRecord() {
                var values: [String: String] = [:]
                for header in headers + optional {
                    guard let i = match.index[header] else {
                        values[header] = ""
                        continue
                    }
                    let raw = i < reader.fieldCount ? reader.field(i) : ""
                    values[header] = raw.trimmedBlank
                }
                if values.values.allSatisfy(\.isEmpty) { continue }
                try row(reader.recordLine, values)
            }
        } catch let error as CSVError {
            throw ReferenceError(path: path, line: error.line, message: error.message)
        }
    }

    static func loadUnits(path: String) throws -> [(name: String, type: String)] {
        var units: [(name: String, type: String)] = []
        var seen: [String: Int] = [:]
        try readTable(path: path, headers: ["单位", "类型"]) { line, v in
            let name = v["单位"] ?? "", type = v["类型"] ?? ""
            guard !name.isEmpty else { throw ReferenceError(path: path, line: line, message: "单位名称为空。") }
            guard unitTypes.contains(type) else {
                throw ReferenceError(
                    path: path, line: line, message: "单位「\(name)」的类型「\(type)」无效，应为 县直部门、国有企业 或 乡镇。")
            }
            if let first = seen[name] {
                throw ReferenceError(path: path, line: line, message: "单位「\(name)」重复（第 \(first) 行已有）。")
            }
            seen[name] = line
            units.append((name, type))
        }
        return units
    }

    /// places.csv's rows with their lines.
    static func loadPlaces(path: String, unitType: [String: String]) throws -> [(place: Place, line: Int)] {
        var places: [(place: Place, line: Int)] = []
        var seen: [String: Int] = [:]
        try readTable(path: path, headers: ["乡镇", "村社区", "双联系单位"]) { line, v in
            let place = Place(township: v["乡镇"] ?? "", village: v["村社区"] ?? "", liaison: v["双联系单位"] ?? "")
            guard !place.township.isEmpty, !place.village.isEmpty else {
                throw ReferenceError(path: path, line: line, message: "乡镇和村社区都必须填写。")
            }
            if let first = seen[place.village] {
                throw ReferenceError(
                    path: path, line: line,
                    message: "村社区「\(place.village)」重复（第 \(first) 行已有）。每个村社区只能登记一次。")
            }
            if !place.liaison.isEmpty, unitType[place.liaison] == nil {
                throw ReferenceError(
                    path: path, line: line,
                    message: "双联系单位「\(place.liaison)」不在 units.csv 中。请先在 units.csv 登记该单位。")
            }
            seen[place.village] = line
            places.append((place, line))
        }
        guard !places.isEmpty else { throw ReferenceError(path: path, line: nil, message: "没有任何村社区。") }
        return places
    }

    /// domains.csv's domains with their lines, and the notices of 关键词 cells separated by other marks
    /// than `|` (``KeywordCell``).
    static func loadDomains(
        path: String, unitType: [String: String]
    ) throws -> (domains: [DomainLine], notices: [SeedNotice]) {
        var domains: [DomainLine] = []
        var notices: [SeedNotice] = []
        var seen: [String: Int] = [:]
        try readTable(path: path, headers: ["领域", "主管部门", "关键词"], optional: [timeLimitHeader]) { line, v in
            let name = v["领域"] ?? "", department = v["主管部门"] ?? ""
            guard !name.isEmpty else { throw ReferenceError(path: path, line: line, message: "领域名称为空。") }
            if let first = seen[name] {
                throw ReferenceError(path: path, line: line, message: "领域「\(name)」重复（第 \(first) 行已有）。")
            }
            if name == ReferenceData.otherDomain {
                throw ReferenceError(
                    path: path, line: line, message: "「其他」是保留的领域名（未识别的诉求自动归入），请删除这一行。")
            }
            if !department.isEmpty, unitType[department] == nil {
                throw ReferenceError(
                    path: path, line: line,
                    message: "领域「\(name)」的主管部门「\(department)」不在 units.csv 中。请在 units.csv 登记该单位，或改正部门名称。")
            }
            let cell = KeywordCell(v["关键词"] ?? "")
            if let notice = cell.notice(domain: name, line: line) { notices.append(notice) }
            let limit = try domainTimeLimit(v[timeLimitHeader] ?? "", domain: name, path: path, line: line)
            seen[name] = line
            domains.append(DomainLine(
                rule: DomainRule(name: name, department: department, keywords: cell.keywords, timeLimitDays: limit),
                line: line))
        }
        return (domains, notices)
    }

    static func loadChannels(path: String) throws -> ([String], [String: String]) {
        var channels: [String] = []
        var spellings: [String: String] = [:]
        var where_: [String: Int] = [:]
        try readTable(path: path, headers: ["渠道", "别名"]) { line, v in
            let name = v["渠道"] ?? ""
            guard !name.isEmpty else { throw ReferenceError(path: path, line: line, message: "渠道名称为空。") }
            let aliases = (v["别名"] ?? "").split(separator: "|").map {
                String($0).trimmedBlank
            }.filter { !$0.isEmpty }
            for spelling in [name] + aliases {
                let key = spelling.lowercased()
                if let owner = spellings[key], owner != name || spelling == name {
                    throw ReferenceError(
                        path: path, line: line,
                        message: "「\(spelling)」已是渠道「\(owner)」的名称或别名（第 \(where_[key] ?? 0) 行），同一写法只能指向一个渠道。")
                }
                spellings[key] = name
                where_[key] = line
            }
            channels.append(name)
        }
        guard !channels.isEmpty else { throw ReferenceError(path: path, line: nil, message: "没有任何渠道。") }
        return (channels, spellings)
    }
}
